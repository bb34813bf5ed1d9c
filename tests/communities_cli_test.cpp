// `communities` through the command line: the answer's shape in JSON and text, the view options
// and --network honoured, the same seed the same answer, and --resolution's values checked.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <set>
#include <string>

#include "cli_run.hpp"

using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;

namespace {

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("communities in JSON list every entity of the network once, with cited strongest ties") {
  const Run r = run_cli("--format json communities --top 2");
  REQUIRE(r.exit_code == 0);
  const rapidjson::Document answer = parse(r.out);
  CHECK(std::string(answer["algorithm"].GetString()) == "leiden");
  CHECK(std::string(answer["network"]["name"].GetString()) == "criminal");
  CHECK(answer["modularity"].GetDouble() > 0.3);
  CHECK(answer["resolution"].GetDouble() == 1);
  CHECK(answer["seed"].GetUint64() == 42);
  CHECK(answer["runs"].GetUint64() >= 2);  // the last run found nothing better
  CHECK(answer["converged"].GetBool());
  std::set<std::string> members;
  std::size_t listed = 0;
  std::size_t previous = answer["network"]["entities"].GetUint64();
  for (const auto& community : answer["communities"].GetArray()) {
    CHECK(community["size"].GetUint64() == community["members"].Size());
    CHECK(community["size"].GetUint64() <= previous);
    previous = community["size"].GetUint64();
    for (const auto& member : community["members"].GetArray()) members.insert(member.GetString());
    listed += community["members"].Size();
    CHECK(community["strongest_ties"].Size() <= 2);
    for (const auto& tie : community["strongest_ties"].GetArray()) {
      REQUIRE(tie["relations"].Size() > 0);
      for (const auto& relation : tie["relations"].GetArray()) CHECK(relation["sources"].Size() > 0);
    }
  }
  CHECK(listed == answer["network"]["entities"].GetUint64());
  CHECK(members.size() == listed);
}

TEST_CASE("communities honour --network and --as-of, and the same seed gives the same answer") {
  const Run people = run_cli("--network people --format json communities");
  REQUIRE(people.exit_code == 0);
  CHECK(std::string(parse(people.out)["network"]["name"].GetString()) == "people");
  const Run early = run_cli("--as-of 2019-01 --format json communities");
  REQUIRE(early.exit_code == 0);
  CHECK(parse(early.out).HasMember("as_of"));
  CHECK(run_cli("communities --seed 7").out == run_cli("communities --seed 7").out);
  CHECK(parse(run_cli("--format json communities --runs 1").out)["runs"].GetUint64() == 1);
  CHECK(run_cli("communities --resolution 2 --format json").out != run_cli("communities --format json").out);
}

TEST_CASE("communities in text name the network, each community's members and its cited ties") {
  const Run r = run_cli("communities");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.starts_with("Communities of the criminal network: "));
  CHECK(has(r.out, "modularity "));
  CHECK(has(r.out, "\nCommunity 1: "));
  CHECK(has(r.out, "  Members: "));
  CHECK(has(r.out, "  Strongest ties:\n"));
  CHECK(has(r.out, "[news-monitor-"));
}

TEST_CASE("--resolution takes a decimal number above 0 and at most 1000, and refuses anything else") {
  for (const char* value : {"0.5", "1", "2.25", "1000", "0.001"}) {
    CAPTURE(value);
    CHECK(run_cli(std::string("communities --resolution ") + value).exit_code == 0);
  }
  for (const char* value : {"0", "0.0", "-1", "1001", "1e3", "0x1", ".5", "5.", "abc", "", "nan", "inf", " 1"}) {
    CAPTURE(value);
    const Run r = run_cli(std::string("communities --resolution '") + value + "'");
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "--resolution"));
    CHECK(r.out.empty());
  }
}

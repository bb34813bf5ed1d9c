// `cartelgraph suggest` on the built-in data: the text and JSON answers, their citations, the
// view options, Katz's β, and the scores against NetworkX's (tests/fixtures/networkx_link_prediction.json,
// written by tests/peer/networkx_link_prediction.py).
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <utility>

#include "cli_run.hpp"

namespace {

using cartelgraph::testing::parse_json;
using cartelgraph::testing::Run;

Run run(const std::string& arguments) { return cartelgraph::testing::run_cli(arguments); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const rapidjson::Document& peer() {
  static const rapidjson::Document document = [] {
    std::ifstream in(std::string(CARTELGRAPH_SOURCE_DIR) + "/tests/fixtures/networkx_link_prediction.json");
    return parse_json(std::string((std::istreambuf_iterator<char>(in)), {}));
  }();
  return document;
}

using IdPair = std::pair<std::string, std::string>;

IdPair ordered(std::string a, std::string b) { return a < b ? IdPair{a, b} : IdPair{b, a}; }

// NetworkX's scores of the whole built-in network (every layer) in `column` (2 AA, 3 RA, 4 Jaccard).
std::map<IdPair, double> peer_scores(rapidjson::SizeType column) {
  const auto& builtin = peer()["builtin"];
  std::map<IdPair, double> scores;
  for (const auto& row : builtin["scores"].GetArray())
    scores[ordered(builtin["nodes"][row[0].GetUint()].GetString(), builtin["nodes"][row[1].GetUint()].GetString())] =
        row[column].GetDouble();
  return scores;
}

// Every hop of every connection of every suggestion cites at least one relation, each with a source.
void check_cited(const rapidjson::Value& suggestions) {
  for (const auto& suggestion : suggestions.GetArray()) {
    REQUIRE(suggestion["connections"].Size() > 0);
    for (const auto& connection : suggestion["connections"].GetArray())
      for (const auto& hop : connection.GetArray()) {
        REQUIRE(hop["relations"].Size() > 0);
        for (const auto& relation : hop["relations"].GetArray()) CHECK(relation["sources"].Size() > 0);
      }
  }
}

}  // namespace

TEST_CASE("suggest lists the top pairs of the criminal network with their cited shared neighbours") {
  const Run r = run("suggest");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(has(r.out, "Missing ties by adamic-adar in the criminal network: "));
  CHECK(has(r.out, "\n 10  "));
  CHECK_FALSE(has(r.out, "\n 11  "));
  CHECK(has(r.out, "shared neighbours ("));
  CHECK(has(r.out, " §"));  // a citation
}

TEST_CASE("suggest --network all --format json ranks as NetworkX scores, for each neighbourhood score") {
  const char* names[] = {"adamic-adar", "resource-allocation", "jaccard"};
  for (rapidjson::SizeType column = 2; column <= 4; ++column) {
    const std::string score = names[column - 2];
    CAPTURE(score);
    const Run r = run("--network all --format json suggest --score " + score + " --limit 25");
    REQUIRE(r.exit_code == 0);
    const auto json = parse_json(r.out);
    CHECK(json["score"].GetString() == score);
    const auto& suggestions = json["suggestions"];
    REQUIRE(suggestions.Size() == 25);
    std::map<IdPair, double> wanted = peer_scores(column);
    double lowest = 1e300;
    for (const auto& s : suggestions.GetArray()) {
      const IdPair pair = ordered(s["a"].GetString(), s["b"].GetString());
      REQUIRE(wanted.contains(pair));
      CHECK(std::abs(s["score"].GetDouble() - wanted[pair]) <= 1e-9);
      lowest = std::min(lowest, s["score"].GetDouble());
      wanted.erase(pair);
    }
    for (const auto& [pair, value] : wanted) CHECK(value <= lowest + 1e-9);  // none left out scores higher
    check_cited(suggestions);
  }
}

TEST_CASE("suggest ENTITY --score katz states β and λmax and cites shortest paths") {
  const Run r = run("--format json suggest \"El Mencho\" --score katz --limit 5");
  REQUIRE(r.exit_code == 0);
  const auto json = parse_json(r.out);
  CHECK(std::string(json["entity"].GetString()) == "nemesio-oseguera-cervantes");
  CHECK(json["katz"]["beta"].GetDouble() == 0.05);
  CHECK(json["katz"]["lambda_max_lower"].GetDouble() <= json["katz"]["lambda_max_upper"].GetDouble());
  CHECK(json["katz"]["lambda_max_upper"].GetDouble() * 0.05 < 1);
  REQUIRE(json["suggestions"].Size() == 5);
  for (const auto& s : json["suggestions"].GetArray())
    CHECK(std::string(s["a"].GetString()) == "nemesio-oseguera-cervantes");
  check_cited(json["suggestions"]);
  const Run text = run("suggest \"El Mencho\" --score katz --limit 3");
  CHECK(text.exit_code == 0);
  CHECK(has(text.out, "Katz β = 0.05; λmax between "));
  CHECK(has(text.out, "shortest connecting paths ("));
}

TEST_CASE("suggest refuses a β not below 1/λmax, a malformed β, and β without Katz") {
  const Run big = run("suggest --score katz --beta 0.9");
  CHECK(big.exit_code == 2);
  CHECK(has(big.err, "β must be below"));
  CHECK(big.out.empty());
  for (const char* beta : {"abc", "0", "1", "-0.1", "", "0x1p-3", "nan", "1e-3x"}) {
    CAPTURE(beta);
    const Run r = run(std::string("suggest --score katz --beta '") + beta + "'");
    CHECK(r.exit_code == 2);
    CHECK(has(r.err, "--beta: expected a decimal number between 0 and 1"));
  }
  CHECK(run("suggest --score katz --beta 5e-2").exit_code == 0);
  const Run not_katz = run("suggest --beta 0.05");
  CHECK(not_katz.exit_code == 2);
  CHECK(has(not_katz.err, "--beta applies to --score katz only"));
}

TEST_CASE("suggest honours --network, --as-of and --min-confidence, and names an entity outside the network") {
  const Run people = run("--network people suggest --limit 3");
  CHECK(people.exit_code == 0);
  CHECK(has(people.out, "in the people network: "));
  const Run early = run("--format json --as-of 2015-01-01 suggest");
  const Run now = run("--format json suggest");
  REQUIRE(early.exit_code == 0);
  const auto early_json = parse_json(early.out);
  CHECK(early_json.HasMember("as_of"));
  CHECK(early_json["network"]["ties"].GetUint() < parse_json(now.out)["network"]["ties"].GetUint());
  const Run confirmed = run("--format json --min-confidence confirmed suggest");
  REQUIRE(confirmed.exit_code == 0);
  CHECK(parse_json(confirmed.out)["network"]["ties"].GetUint() < parse_json(now.out)["network"]["ties"].GetUint());
  const Run place = run("suggest mexicali");
  CHECK(place.exit_code == 1);
  CHECK(has(place.err, "'mexicali' is not in the criminal network"));
}

// disrupt --key-players on the built-in data: the set, its score and curve, each member's ties cited.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <string>

#include "cli_run.hpp"

namespace {

using cartelgraph::testing::Run;

// The JSON answer of `cartelgraph ARGUMENTS --format json`, which must succeed.
rapidjson::Document json_of(const std::string& arguments) {
  const Run r = cartelgraph::testing::run_cli(arguments + " --format json");
  rapidjson::Document json;
  CHECK(r.exit_code == 0);
  REQUIRE_FALSE(json.Parse(r.out.c_str()).HasParseError());
  return json;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("disrupt --network people --key-players 3 names three people, the score, the curve and cited ties") {
  const Run r = cartelgraph::testing::run_cli("disrupt --network people --key-players 3");
  REQUIRE(r.exit_code == 0);
  CHECK(has(r.out, "Key players (Borgatti 2006) of the people network"));
  CHECK(has(r.out, "fragmentation F"));
  CHECK(has(r.out, "F after"));
  const auto json = json_of("disrupt --network people --key-players 3");
  CHECK(std::string(json["criterion"].GetString()) == "fragmentation");
  CHECK(std::string(json["network"]["name"].GetString()) == "people");
  const auto& members = json["members"];
  REQUIRE(members.Size() == 3);
  double previous = json["start"].GetDouble();
  for (const auto& member : members.GetArray()) {
    CHECK(has(r.out, member["name"].GetString()));
    CHECK(member["curve"].GetDouble() >= previous);  // removing one more never joins components
    previous = member["curve"].GetDouble();
    REQUIRE(member["relations"].Size() > 0);
    for (const auto& relation : member["relations"].GetArray()) CHECK(relation["sources"].Size() > 0);
  }
  CHECK(json["score"].GetDouble() == previous);
  CHECK(has(r.out, "[news-monitor-2021-04 §"));
}

TEST_CASE("disrupt --key-players answers for distance and reach, and its options need it") {
  const auto distance = json_of("disrupt --key-players 2 --criterion distance");
  CHECK(std::string(distance["criterion"].GetString()) == "distance");
  CHECK(distance["samples"].GetUint() == 0);  // 47 entities: exact
  const auto reach = json_of("disrupt --key-players 2 --criterion reach --reach 2");
  CHECK(reach["reach_steps"].GetUint() == 2);
  CHECK(reach["reached"].GetUint() == reach["members"][1]["curve_reached"].GetUint());
  const Run text = cartelgraph::testing::run_cli("disrupt --key-players 2 --criterion reach");
  CHECK(has(text.out, "within 1 step (reach)"));
  CHECK(cartelgraph::testing::run_cli("disrupt --criterion reach").exit_code == 2);
  CHECK(cartelgraph::testing::run_cli("disrupt --reach 2").exit_code == 2);
  CHECK(cartelgraph::testing::run_cli("disrupt --key-players 2 --remove 'el mencho'").exit_code == 2);
  CHECK(cartelgraph::testing::run_cli("disrupt --key-players 2 --criterion luck").exit_code == 2);
  const Run plain = cartelgraph::testing::run_cli("disrupt --steps 1");
  CHECK(has(plain.out, "Disruption by degree"));
}

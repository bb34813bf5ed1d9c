// `connect` and `render --connect` run as a user would: the connecting network of the issue's
// three entities, cited, in text and JSON; the view options change it; the diagram draws it bold.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <set>
#include <string>

#include "cli_run.hpp"

namespace {

using cartelgraph::testing::parse_json;
using cartelgraph::testing::Run;

Run run(const std::string& arguments) { return cartelgraph::testing::run_cli(arguments); }

const std::string three = "connect 'El Mencho' 'Los Garibay' 'La Línea'";

}  // namespace

TEST_CASE("connect ties El Mencho, Los Garibay and La Línea with every tie cited") {
  const Run text = run(three);
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("Connecting network of 3 entities") != std::string::npos);
  CHECK(text.out.find("The criminal network:") != std::string::npos);
  CHECK(text.out.find("[news-monitor-2021-04 §") != std::string::npos);
  CHECK(text.out.find("Through ") != std::string::npos);

  const Run json_run = run(three + " --format json");
  REQUIRE(json_run.exit_code == 0);
  const auto json = parse_json(json_run.out);
  CHECK(std::string(json["network"]["name"].GetString()) == "criminal");
  const auto& ties = json["ties"].GetArray();
  const auto& entities = json["entities"].GetArray();
  REQUIRE(ties.Size() + 1 == entities.Size());  // a tree
  CHECK(json["length"].GetDouble() == static_cast<double>(ties.Size()));
  std::set<std::string> in_tree;
  for (const auto& e : entities) in_tree.insert(e.GetString());
  for (const char* id : {"nemesio-oseguera-cervantes", "los-garibay", "la-linea"}) CHECK(in_tree.contains(id));
  for (const auto& tie : ties) {
    REQUIRE(tie["relations"].Size() > 0);
    for (const auto& relation : tie["relations"].GetArray()) CHECK(relation["sources"].Size() > 0);
  }
}

TEST_CASE("connect honours the view: confirmed ties alone do not connect the three") {
  const Run r = run("--min-confidence confirmed " + three);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("no path connects two of the entities") != std::string::npos);
}

TEST_CASE("connect says which weighting it used, and asks for two entities at least") {
  const auto json = parse_json(run(three + " --weight confidence --format json").out);
  CHECK(std::string(json["weight"].GetString()) == "confidence");
  CHECK(json["length"].GetDouble() >= static_cast<double>(json["ties"].Size()));
  CHECK(run(three + " --weight confidence").out.find("(--weight confidence)") != std::string::npos);
  CHECK(run("connect 'El Mencho'").exit_code == 2);
}

TEST_CASE("connect on the people network ties people through the groups they share") {
  const Run r = run("--network people --format json connect 'El Mencho' 'Abouzaid' 'Jessica Johanna Oseguera González'");
  REQUIRE(r.exit_code == 0);
  const auto json = parse_json(r.out);
  CHECK(std::string(json["network"]["name"].GetString()) == "people");
  for (const auto& tie : json["ties"].GetArray()) CHECK(tie["relations"].Size() > 0);
}

TEST_CASE("render --connect draws the connecting network in bold and says so in the legend and caption") {
  const Run r = run("render --connect 'El Mencho' 'Los Garibay' 'La Línea' --image-format dot -o -");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Connecting El Mencho, Los Garibay and La Línea") != std::string::npos);
  CHECK(r.out.find("penwidth=3") != std::string::npos);
  CHECK(r.out.find("the connecting network") != std::string::npos);
  CHECK(run("render --connect 'El Mencho' 'Los Garibay' --focus 'El Mencho' --image-format dot -o -").exit_code == 2);
}

// path --time-respecting through the command line: a hand-made edge list whose answers follow
// from the rule by hand, and the built-in data's Rosalinda González Valencia → Abouzaid, checked
// hop by hop (in time order, each relation started by its hop's day, every relation cited).
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cartelgraph/graph/date.hpp"
#include "cli_run.hpp"

using cartelgraph::Date;
using cartelgraph::testing::empty_directory;
using cartelgraph::testing::parse_json;
using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A-B from 2020-05; B-C until 2020-03; A-D from 2019; D-C from 2021; A-C and E-A undated;
// H-I until 2019; I-J from 2020.
std::string write_ties(const std::filesystem::path& dir) {
  const std::string file = (dir / "ties.csv").string();
  std::ofstream(file) << "from,to,since,until\nA,B,2020-05,\nB,C,,2020-03\nA,D,2019,\nD,C,2021,\nA,C,,\nE,A,,\n"
                         "H,I,,2019\nI,J,2020,\n";
  return file;
}

}  // namespace

TEST_CASE("path --time-respecting follows the rule on a hand-made edge list, the policy stated") {
  const auto dir = empty_directory("temporal_path");
  const std::string data = "--data '" + write_ties(dir) + "' ";
  SUBCASE("skip: B-C ended before A-B began, so A reaches C through D in 2021") {
    const Run r = run_cli(data + "--format json path A C --time-respecting");
    CHECK(r.exit_code == 0);
    const auto json = parse_json(r.out);
    CHECK(std::string(json["undated"]["policy"].GetString()) == "skip");
    const auto& shortest = json["shortest"];
    CHECK(shortest["length"].GetUint() == 2);
    CHECK(std::string(shortest["nodes"][1].GetString()) == "d");
    CHECK(std::string(shortest["hops"][0]["time"]["date"].GetString()) == "2019");
    CHECK(std::string(shortest["hops"][0]["time"]["day"].GetString()) == "2019-12-31");
    CHECK(std::string(shortest["arrival"]["day"].GetString()) == "2021-12-31");
    const Run text = run_cli(data + "path A C --time-respecting");
    CHECK(has(text.out, "Undated relations: skip"));
  }
  SUBCASE("allow: the undated A-C tie is crossed at once, and the text says so") {
    const Run r = run_cli(data + "path A C --time-respecting --undated allow");
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "Undated relations: allow"));
    CHECK(has(r.out, "1 hop, arriving any time"));
    CHECK(has(r.out, "undated relation, clock unmoved"));
  }
  SUBCASE("a start date moves every hop to it or later") {
    const auto json = parse_json(run_cli(data + "--format json path A C --time-respecting --from-date 2022-02").out);
    CHECK(std::string(json["from_date"].GetString()) == "2022-02");
    CHECK(std::string(json["shortest"]["arrival"]["day"].GetString()) == "2022-02-01");
  }
  SUBCASE("each reason for no path is told") {
    const Run undated = run_cli(data + "--format json path E C --time-respecting");
    CHECK(undated.exit_code == 1);
    CHECK(std::string(parse_json(undated.out)["failure"].GetString()) == "only_undated");
    CHECK(has(undated.err, "only through undated relations"));
    CHECK(run_cli(data + "path E C --time-respecting --undated allow").exit_code == 0);
    const Run order = run_cli(data + "path J H --time-respecting");
    CHECK(order.exit_code == 1);
    CHECK(has(order.out, "none whose relations hold in time order"));
    CHECK(run_cli(data + "path H J --time-respecting").exit_code == 0);  // H-I can be crossed before 2019
  }
  SUBCASE("the options belong to --time-respecting, and --k and --weight do not go with it") {
    CHECK(run_cli(data + "path A C --from-date 2020").exit_code == 2);
    CHECK(run_cli(data + "path A C --undated allow").exit_code == 2);
    CHECK(run_cli(data + "path A C --time-respecting --k 2").exit_code == 2);
    CHECK(run_cli(data + "path A C --time-respecting --weight confidence").exit_code == 2);
    CHECK(run_cli(data + "path A C --time-respecting --from-date 2020-13").exit_code == 2);
    CHECK(run_cli(data + "path A C --time-respecting --undated maybe").exit_code == 2);
  }
  std::filesystem::remove_all(dir);
}

// The hops of a time-respecting path in JSON run from `from` to `to`, each at a day no earlier
// than the hop before, every relation cited and, when dated, begun by its hop's day.
void check_time_order(const rapidjson::Value& path, const std::string& from, const std::string& to) {
  std::string clock = "0000";
  std::string at = from;
  for (const auto& hop : path["hops"].GetArray()) {
    CHECK(std::string(hop["from"].GetString()) == at);
    at = hop["to"].GetString();
    REQUIRE(hop["relations"].Size() > 0);
    for (const auto& relation : hop["relations"].GetArray()) CHECK(relation["sources"].Size() > 0);
    if (hop["undated"].GetBool()) continue;  // --undated allow: crossed at any time, the clock unmoved
    const std::string day = hop["time"]["day"].GetString();
    CHECK(day >= clock);  // ISO days sort as text
    clock = day;
    for (const auto& relation : hop["relations"].GetArray()) {
      const auto& start = relation["since"].IsString() ? relation["since"] : relation["known_by"];
      if (start.IsString()) CHECK(Date::parse(start.GetString())->last_day().to_string() <= day);
    }
  }
  CHECK(at == to);
}

TEST_CASE(
    "path --time-respecting from Rosalinda González Valencia to Abouzaid: the criminal network ties them "
    "through undated relations only, and says so; allowed, or on every layer, the path holds in time order") {
  const std::string question = "path 'Rosalinda González Valencia' 'Juan Manuel Abouzaid' --time-respecting";
  const Run skip = run_cli("--format json " + question);
  CHECK(skip.exit_code == 1);
  const auto why = parse_json(skip.out);
  CHECK(std::string(why["undated"]["policy"].GetString()) == "skip");
  CHECK(std::string(why["searched"].GetString()) == "the criminal network");
  CHECK(std::string(why["failure"].GetString()) == "only_undated");
  CHECK(has(skip.err, "only through undated relations"));
  for (const std::string& how : {std::string("--undated allow"), std::string("--network all")}) {
    CAPTURE(how);
    const Run r = run_cli("--format json " + question + " " + how);
    REQUIRE(r.exit_code == 0);
    check_time_order(parse_json(r.out)["shortest"], "rosalinda-gonzalez-valencia", "juan-manuel-abouzaid");
  }
  SUBCASE("--as-of keeps only what held by then: in 2019 Abouzaid's 2021 arrest is not there to cross") {
    const Run as_of = run_cli("--as-of 2019 --network all " + question);
    CHECK(as_of.exit_code == 1);
    CHECK(has(as_of.out, "Undated relations: skip"));
  }
}

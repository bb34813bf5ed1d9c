// `validate` checks every dataset `--data` reads, through the same front door and options:
// GEXF files, CSV exports and edge lists as well as fact directories and GraphML.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_run.hpp"

namespace {

using cartelgraph::testing::empty_directory;
using cartelgraph::testing::parse_json;
using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("validate checks a GEXF file and a CSV export as --data reads them") {
  const auto dir = empty_directory("validate_formats");
  const std::string gexf = (dir / "facts.gexf").string();
  const std::string csv = (dir / "csv").string();
  REQUIRE(run_cli("export --to gexf -o '" + gexf + "'").exit_code == 0);
  REQUIRE(run_cli("export --to csv -o '" + csv + "'").exit_code == 0);
  const auto builtin = parse_json(run_cli("--format json validate").out);
  for (const std::string& data : {gexf, csv}) {
    CAPTURE(data);
    const Run r = run_cli("--format json validate '" + data + "'");
    CHECK(r.exit_code == 0);
    const auto json = parse_json(r.out);
    CHECK(json["valid"].GetBool());
    CHECK(json["entities"].GetUint() == builtin["entities"].GetUint());
    CHECK(json["relations"].GetUint() == builtin["relations"].GetUint());
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("validate reads an imported file with --default-type and --default-kind, as every command does") {
  const auto dir = empty_directory("validate_defaults");
  const std::string edges = (dir / "calls.edgelist").string();
  std::ofstream(edges) << "ana beto 3\nbeto carla 1\n";
  // member_of goes from a person to a group: people tied by it are refused, by validate as by info.
  for (const std::string& command : {std::string("validate '") + edges + "'", "--data '" + edges + "' info"}) {
    CAPTURE(command);
    CHECK(run_cli(command).exit_code == 0);
    const Run refused = run_cli("--default-kind member_of " + command);
    CHECK(refused.exit_code == 3);
    CHECK(has(refused.out + refused.err, "member_of"));
  }
  CHECK(run_cli("--default-kind nonsense validate '" + edges + "'").exit_code == 2);
  std::filesystem::remove_all(dir);
}

// GEXF through the command line: what `export --to gexf` writes, `--data` reads back to the
// same graph, byte for byte in the JSON export.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli_run.hpp"

using cartelgraph::testing::empty_directory;
using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;

TEST_CASE("export json, export gexf, --data that gexf, export json: the same bytes") {
  const std::filesystem::path dir = empty_directory("gexf_round_trip");
  const std::string gexf = (dir / "builtin.gexf").string();
  const Run json = run_cli("export --to json");
  REQUIRE(json.exit_code == 0);
  REQUIRE(run_cli("export --to gexf -o '" + gexf + "'").exit_code == 0);
  const Run back = run_cli("--data '" + gexf + "' export --to json");
  CHECK(back.exit_code == 0);
  CHECK(back.err.empty());
  CHECK(back.out == json.out);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a GEXF file as Gephi writes it answers queries with --default-type and --default-kind") {
  const std::string fixture = std::string(CARTELGRAPH_SOURCE_DIR) + "/tests/fixtures/gexf/gephi_0.10_dynamic.gexf";
  const Run r = run_cli("--data '" + fixture + "' --default-kind works_for show n2");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Carla Paz") != std::string::npos);
  CHECK(r.out.find("Beto Lara") != std::string::npos);
  CHECK(r.out.find("Carla Paz works for Beto Lara") != std::string::npos);  // no kind: --default-kind
}

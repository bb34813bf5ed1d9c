// FollowTheMoney through the program, as a user runs it: `export --to ftm`, then `--data` that
// file, gives the same `export --to json` as the built-in facts; a FIFO named *.ftm.json is
// refused at once.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_run.hpp"

using cartelgraph::testing::empty_directory;
using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;
namespace fs = std::filesystem;

TEST_CASE("export --to ftm, read back with --data, exports the same JSON byte for byte") {
  const fs::path dir = empty_directory("ftm_round_trip");
  const std::string ftm = (dir / "cartelgraph.ftm.json").string();
  REQUIRE(run_cli("export --to ftm -o '" + ftm + "'").exit_code == 0);
  const Run builtin = run_cli("export --to json");
  const Run back = run_cli("--data '" + ftm + "' export --to json");
  REQUIRE(builtin.exit_code == 0);
  CHECK(back.exit_code == 0);
  CHECK(back.err.empty());
  CHECK(back.out == builtin.out);
  fs::copy_file(ftm, dir / "same.ijson");
  CHECK(run_cli("--data '" + (dir / "same.ijson").string() + "' export --to json").out == builtin.out);
  fs::remove_all(dir);
}

TEST_CASE("a FIFO named *.ftm.json is refused at once, exit 3") {
  const fs::path dir = empty_directory("ftm_fifo");
  const fs::path fifo = dir / "calls.ftm.json";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const Run r = run_cli("--data '" + fifo.string() + "' info", "", "timeout 10 ");
  CHECK(r.exit_code == 3);
  CHECK(r.err.substr(0, r.err.find('\n')) == fifo.string() + ": not a regular file (a FIFO)");
  fs::remove_all(dir);
}

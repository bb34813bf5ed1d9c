// Only regular files are read: a FIFO, a device or a symbolic link loop given as data, or met in
// a fact directory, is a problem naming its path (exit 3) at once, never a wait, a raw library
// message or a usage error.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli_run.hpp"

using cartelgraph::testing::empty_directory;
using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;
namespace fs = std::filesystem;

namespace {

// `cartelgraph --data DATA info`, killed after 10 s: a run that waits on its input fails the
// test (with 143, the exit of a SIGTERM) rather than hanging it.
Run info(const fs::path& data) { return run_cli("--data '" + data.string() + "' info", "", "timeout 10 "); }

// The run was refused as invalid data, with `message` about `path` on its first line.
void check_refused(const Run& r, const fs::path& path, const std::string& message) {
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK(r.err.substr(0, r.err.find('\n')) == path.string() + ": " + message);
}

}  // namespace

TEST_CASE("a FIFO given as data, or in a fact directory, is refused at once with exit 3") {
  const fs::path dir = empty_directory("input_fifo");
  const fs::path graphml = dir / "fifo.graphml";
  REQUIRE(::mkfifo(graphml.c_str(), 0600) == 0);
  check_refused(info(graphml), graphml, "not a regular file (a FIFO)");

  const fs::path facts = dir / "facts";
  fs::create_directory(facts);
  fs::copy_file(std::string(CARTELGRAPH_SOURCE_DIR) + "/seeds/sources.json", facts / "sources.json");
  REQUIRE(::mkfifo((facts / "x.json").c_str(), 0600) == 0);
  check_refused(info(facts), facts / "x.json", "not a regular file (a FIFO)");
  fs::remove_all(dir);
}

TEST_CASE("a device behind a link named .graphml is refused without being read") {
  const fs::path dir = empty_directory("input_device");
  const fs::path zero = dir / "zero.graphml";  // /dev/zero would never end
  fs::create_symlink("/dev/zero", zero);
  check_refused(info(zero), zero, "not a regular file (a character device)");
  fs::remove_all(dir);
}

TEST_CASE("a symbolic link loop is a problem naming its path, exit 3, not a raw library message") {
  const fs::path dir = empty_directory("input_loop");
  const std::string loop_message = "Too many levels of symbolic links";

  const fs::path facts = dir / "facts";
  fs::create_directory(facts);
  fs::copy_file(std::string(CARTELGRAPH_SOURCE_DIR) + "/seeds/sources.json", facts / "sources.json");
  fs::create_symlink("loop.json", facts / "loop.json");
  check_refused(info(facts), facts / "loop.json", "cannot read file: " + loop_message);

  for (const char* name : {"loop.graphml", "loop"}) {
    CAPTURE(name);
    fs::create_symlink(name, dir / name);
    check_refused(info(dir / name), dir / name, "cannot read: " + loop_message);
  }
  fs::remove_all(dir);
}

TEST_CASE("a fact file the user may not read is a problem naming it, exit 3") {
  if (::geteuid() == 0) return;  // root reads every file
  const fs::path dir = empty_directory("input_denied");
  fs::copy_file(std::string(CARTELGRAPH_SOURCE_DIR) + "/seeds/sources.json", dir / "sources.json");
  fs::permissions(dir / "sources.json", fs::perms::none);
  check_refused(info(dir), dir / "sources.json", "cannot read file: Permission denied");
  fs::remove_all(dir);
}

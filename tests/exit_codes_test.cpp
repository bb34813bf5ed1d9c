// Exit codes of the contract that no other test reaches: interrupted runs (130, 143) and
// internal errors such as exhausted memory (70).
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cli_run.hpp"

using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;
namespace fs = std::filesystem;

namespace {

// A fresh, empty directory for one test's outputs.
fs::path empty_directory(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("cartelgraph_exit_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("an interrupted run exits 130 for SIGINT and 143 for SIGTERM, writing nothing") {
  for (const auto& [signal, code] : {std::pair{"INT", 130}, std::pair{"TERM", 143}}) {
    CAPTURE(signal);
    const fs::path dir = empty_directory(signal);
    // Reading a named pipe nobody writes to blocks until the signal comes, a second later.
    const fs::path pipe = dir / "data.graphml";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    const Run r = run_cli("--data '" + pipe.string() + "' render -o '" + (dir / "out.svg").string() + "'", "",
                          std::string("timeout --preserve-status -s ") + signal + " 1 ");
    CHECK(r.exit_code == code);
    CHECK(r.out.empty());
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);  // the pipe alone
    fs::remove_all(dir);
  }
}

#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer reserves terabytes of address space
TEST_CASE("running out of memory is an internal error, exit 70, not a usage error") {
  // 300,000 GraphML nodes take about 330 MB to load; the program starts in about 12 MB. With
  // 100 MB of address space it starts, and an allocation fails while loading.
  const fs::path dir = empty_directory("memory");
  const fs::path file = dir / "big.graphml";
  {
    std::ofstream out(file);
    out << "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
           "<graph edgedefault=\"undirected\">\n";
    for (int i = 0; i < 300'000; ++i) out << "<node id=\"n" << i << "\"/>\n";
    out << "</graph>\n</graphml>\n";
  }
  const Run r = run_cli("--data '" + file.string() + "' info", "ulimit -v 100000; ");
  CHECK(r.exit_code == 70);
  CHECK(r.err.find("cartelgraph: internal error: out of memory") != std::string::npos);
  CHECK(r.out.empty());
  fs::remove_all(dir);
}
#endif

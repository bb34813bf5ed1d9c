// Exit codes of the contract that no other test reaches: interrupted runs (130, 143) and
// internal errors such as exhausted memory (70).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cli_run.hpp"

using cartelgraph::testing::empty_directory;
using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;
namespace fs = std::filesystem;

namespace {

// A GraphML file of `nodes` nodes and no edges.
void write_nodes(const fs::path& file, int nodes) {
  std::ofstream out(file);
  out << "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "<graph edgedefault=\"undirected\">\n";
  for (int i = 0; i < nodes; ++i) out << "<node id=\"n" << i << "\"/>\n";
  out << "</graph>\n</graphml>\n";
}

}  // namespace

TEST_CASE("an interrupted run exits 130 for SIGINT and 143 for SIGTERM, writing nothing") {
  for (const auto& [signal, code] : {std::pair{"INT", 130}, std::pair{"TERM", 143}}) {
    CAPTURE(signal);
    const fs::path dir = empty_directory(std::string("exit_") + signal);
    // Laying out 100,000 nodes takes far longer than the second after which the signal comes
    // (a named pipe, which once blocked the run, is now refused at once).
    const fs::path data = dir / "data.graphml";
    write_nodes(data, 100'000);
    const Run r = run_cli("--data '" + data.string() + "' render -o '" + (dir / "out.svg").string() + "'", "",
                          std::string("timeout --preserve-status -s ") + signal + " 1 ");
    CHECK(r.exit_code == code);
    CHECK(r.out.empty());
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);  // the data alone
    fs::remove_all(dir);
  }
}

#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer reserves terabytes of address space
TEST_CASE("running out of memory is an internal error, exit 70, not a usage error") {
  // 300,000 GraphML nodes take about 330 MB to load; the program starts in about 12 MB. With
  // 100 MB of address space it starts, and an allocation fails while loading.
  const fs::path dir = empty_directory("exit_memory");
  const fs::path file = dir / "big.graphml";
  write_nodes(file, 300'000);
  const Run r = run_cli("--data '" + file.string() + "' info", "ulimit -v 100000; ");
  CHECK(r.exit_code == 70);
  CHECK(r.err.find("cartelgraph: internal error: out of memory") != std::string::npos);
  CHECK(r.out.empty());
  fs::remove_all(dir);
}
#endif

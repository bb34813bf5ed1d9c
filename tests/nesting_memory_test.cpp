// Parsing memory is linear in the nesting depth and the file's size, whatever the limits: with
// --max-depth raised, a file of 100 KB nested 50,000 deep once took 5.3 GB (a JSON Pointer string
// kept for every level of every value), and 100,000 deep ended in std::bad_alloc.
#include <doctest/doctest.h>

#if !defined(__SANITIZE_ADDRESS__)  // the sanitizers change memory use
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Measured {
  int exit_code = -1;  // -1 when a signal ended the program
  long peak_kib = 0;   // the largest resident set it had
};

// Runs `cartelgraph ARGUMENTS` with its output discarded, in 2 GiB of address space and 30 s
// of processor time (a regression then fails the test, with exit 70 or a signal, instead of
// exhausting the machine or taking time in the square of the depth), and measures its peak
// resident memory.
Measured measure(const std::string& arguments) {
  const std::string command = "ulimit -v 2097152; ulimit -t 30; exec " CARTELGRAPH_EXE " " + arguments +
                              " >/dev/null 2>&1";
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  REQUIRE(::wait4(pid, &status, 0, &usage) == pid);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, usage.ru_maxrss};
}

std::string repeated(const std::string& text, std::size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

// A fact file whose `where` (a prefix and a suffix) holds arrays nested `depth` deep.
std::string nested_facts(const std::pair<std::string, std::string>& where, std::size_t depth) {
  return where.first + repeated("[", depth) + repeated("]", depth) + where.second;
}

constexpr long gib = 1L << 20;  // in KiB

}  // namespace

TEST_CASE("a fact file nested fifty thousand deep with --max-depth raised is refused in less than 1 GiB") {
  const fs::path dir = fs::temp_directory_path() / ("cartelgraph_nesting_" + std::to_string(::getpid()));
  // Every place of a fact file a deep value can hide: the top level, a top-level array, a
  // top-level string, a record's array, a citation's member, and objects rather than arrays.
  const std::vector<std::pair<std::string, std::string>> places = {
      {"", ""},
      {R"({"entities": )", "}"},
      {R"({"title": )", "}"},
      {R"({"entities": [{"id": "a", "aliases": )", "}]}"},
      {R"({"entities": [{"id": "a", "sources": [{"source": "s", "note": )", "}]}]}"},
  };
  std::vector<std::string> files;
  for (const auto& place : places) files.push_back(nested_facts(place, 50'000));
  files.push_back(repeated(R"({"a": )", 50'000) + "1" + repeated("}", 50'000));
  files.push_back(nested_facts({R"({")" + std::string(100'000, 'k') + R"(": )", "}"}, 50'000));  // a long key
  files.push_back(R"({"entities": [)" + repeated(R"({"x": [)", 50'000));                         // never closed
  files.push_back(nested_facts(places.front(), 100'000));
  for (std::size_t i = 0; i < files.size(); ++i) {
    CAPTURE(i);
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "facts.json") << files[i];
    const Measured run = measure("--max-depth 200000 --data '" + dir.string() + "' info");
    CHECK(run.exit_code == 3);
    CHECK(run.peak_kib < gib);
  }
  fs::remove_all(dir);
}

TEST_CASE("a GraphML file nested fifty thousand deep with --max-depth raised is refused in less than 1 GiB") {
  const fs::path file = fs::temp_directory_path() / ("cartelgraph_nesting_" + std::to_string(::getpid()) + ".graphml");
  std::ofstream(file) << "<graphml><graph>" << repeated("<x>", 50'000) << repeated("</x>", 50'000) << "</graph>"
                      << "<graph>" << repeated("<node>", 50'000) << "</graphml>";
  const Measured run = measure("--max-depth 200000 --data '" + file.string() + "' info");
  CHECK(run.exit_code == 3);
  CHECK(run.peak_kib < gib);
  fs::remove_all(file);
}
#endif

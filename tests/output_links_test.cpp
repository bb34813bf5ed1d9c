// Outputs never write through a link, `-o -` writes single-file outputs to stdout, and an
// interrupted export leaves no temporary file behind.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

#include "cli_run.hpp"

namespace {

namespace fs = std::filesystem;
using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;

// A fresh, empty directory for one test's files, removed at the end.
struct Scratch {
  fs::path path;
  explicit Scratch(const std::string& name)
      : path(fs::temp_directory_path() / ("cartelgraph_links_" + name + "_" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Scratch() { fs::remove_all(path); }
  fs::path operator/(const std::string& name) const { return path / name; }
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::size_t hidden_files(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(dir)) n += entry.path().filename().string().starts_with(".");
  return n;
}

}  // namespace

TEST_CASE("render -o link.svg replaces the link, never the file it points to, dangling or not") {
  const Scratch dir("render");
  { std::ofstream(dir / "victim.txt") << "precious"; }
  fs::create_symlink(dir / "victim.txt", dir / "link.svg");
  fs::create_symlink(dir / "nowhere.txt", dir / "dangling.svg");
  for (const char* name : {"link.svg", "dangling.svg"}) {
    CAPTURE(name);
    const Run r = run_cli("render --focus 'El Mencho' -o '" + (dir / name).string() + "'");
    CHECK(r.exit_code == 0);
    CHECK_FALSE(fs::is_symlink(dir / name));
    CHECK(read_file(dir / name).find("<svg") != std::string::npos);
  }
  CHECK(read_file(dir / "victim.txt") == "precious");
  CHECK_FALSE(fs::exists(dir / "nowhere.txt"));
  CHECK(hidden_files(dir.path) == 0);
}

TEST_CASE("-o - writes every single-file output to stdout; export --to csv refuses it") {
  const Run svg = run_cli("render --focus 'El Mencho' -o - --image-format svg");
  CHECK(svg.exit_code == 0);
  CHECK(svg.out.find("<svg") != std::string::npos);
  const Run dot = run_cli("render --focus 'El Mencho' -o - --image-format dot");
  CHECK(dot.exit_code == 0);
  CHECK(dot.out.find("graph") != std::string::npos);
  const Run no_format = run_cli("render --focus 'El Mencho' -o -");
  CHECK(no_format.exit_code == 2);
  CHECK(no_format.err.find("--image-format") != std::string::npos);
  const Run mismatch = run_cli("render --focus 'El Mencho' -o x.svg --image-format png");
  CHECK(mismatch.exit_code == 2);
  const Run report = run_cli("report -o -");
  CHECK(report.exit_code == 0);
  CHECK(report.out.find("<html") != std::string::npos);
  const Run json = run_cli("export --to json -o -");
  CHECK(json.exit_code == 0);
  CHECK(json.out.starts_with("{"));
  const Run csv = run_cli("export --to csv -o -");
  CHECK(csv.exit_code == 2);
  CHECK(csv.err.find("--to csv writes four files") != std::string::npos);
}

TEST_CASE("SIGTERM, SIGINT or SIGHUP during export -o leaves no temporary file and exits 128 + N") {
  const Scratch dir("interrupt");
  // A large network: the JSON export is tens of MB, so its temporary file exists for a while.
  const fs::path data = dir / "big.graphml";
  {
    std::ofstream out(data);
    out << "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
           "<key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
           "<graph edgedefault=\"undirected\">\n";
    constexpr int nodes = 60'000;
    for (int i = 0; i < nodes; ++i)
      out << "<node id=\"n" << i << "\"><data key=\"name\">Person number " << i << " with a long name</data></node>\n";
    for (int i = 1; i < nodes; ++i) out << "<edge source=\"n" << i << "\" target=\"n" << i / 2 << "\"/>\n";  // a tree
    out << "</graph>\n</graphml>\n";
  }
  const fs::path out_dir = dir / "out";
  fs::create_directories(out_dir);
  int caught = 0;
  for (const auto& [signal, code] : {std::pair{SIGTERM, 143}, std::pair{SIGINT, 130}, std::pair{SIGHUP, 129}}) {
    CAPTURE(signal);
    const std::string output = (out_dir / "out.json").string();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::execl(CARTELGRAPH_EXE, CARTELGRAPH_EXE, "--data", data.c_str(), "export", "--to", "json", "-o", output.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Wait for the temporary file to appear, then send the signal while it is being written.
    bool seen = false;
    int status = 0;
    pid_t done = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!seen && std::chrono::steady_clock::now() < deadline && (done = ::waitpid(pid, &status, WNOHANG)) == 0) {
      seen = hidden_files(out_dir) > 0;
      if (!seen) std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    if (done == 0) {
      ::kill(pid, seen ? signal : SIGKILL);
      ::waitpid(pid, &status, 0);
    }
    // A run that renamed its file just before the signal came exits 0: not caught, no failure.
    if (seen && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
      ++caught;
      CHECK(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == code);
    }
    CHECK(hidden_files(out_dir) == 0);
    for (const auto& entry : fs::directory_iterator(out_dir)) fs::remove(entry.path());
  }
  CHECK_MESSAGE(caught > 0, "no run was caught writing its temporary file");
}

#pragma once
// Runs the cartelgraph executable as a user would, through /bin/sh, for the command-line tests.

#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>

namespace cartelgraph::testing {

/// `text` parsed as JSON; the test fails if it is not.
inline rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

struct Run {
  int exit_code = -1;  // -1 when a signal ended the program
  int signal = 0;      // the signal that ended it, if one did
  std::string out;     // stdout
  std::string err;     // stderr
};

/// Runs `cartelgraph ARGUMENTS` (which may hold shell redirections) after the shell commands
/// `setup` ("ulimit -f 1; "), through `wrapper` ("setpriv --reuid=65534 "), reading at most
/// `max_out` bytes of stdout before closing the pipe. The shell execs the program, so a signal
/// that ends it shows in Run::signal rather than as the shell's exit code 128 + N.
inline Run run_cli(const std::string& arguments, const std::string& setup = {}, const std::string& wrapper = {},
                   std::size_t max_out = std::numeric_limits<std::size_t>::max()) {
  const auto err_path = std::filesystem::temp_directory_path() /
                        ("cartelgraph_cli_test_" + std::to_string(::getpid()) + ".err");
  const std::string command = setup + "exec " + wrapper + CARTELGRAPH_EXE + " " + arguments +
                              " 2>" + err_path.string();
  Run result;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while (result.out.size() < max_out &&
         (n = std::fread(buffer.data(), 1, std::min(buffer.size(), max_out - result.out.size()), pipe)) > 0)
    result.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  std::ifstream err(err_path);
  result.err.assign(std::istreambuf_iterator<char>(err), {});
  std::filesystem::remove(err_path);
  return result;
}

/// A fresh, empty directory for one test's files, named after `name` and this process.
inline std::filesystem::path empty_directory(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("cartelgraph_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace cartelgraph::testing

// Hostile option values: every numeric option of every command given -1, 0, 2^63-1, 2^64, 010,
// abc, an empty value and the two ends of its documented range; empty values of the other
// options; and the searches and path bounds of issue 19. No case may run past 10 s.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cli_run.hpp"

namespace {

using cartelgraph::testing::Run;

constexpr std::uint64_t max64 = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t max63 = std::numeric_limits<std::int64_t>::max();

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Runs `cartelgraph ARGUMENTS` under `timeout 10`, failing the case if it ran past 10 s.
Run run(const std::string& arguments) {
  const auto start = std::chrono::steady_clock::now();
  const Run r = cartelgraph::testing::run_cli(arguments, {}, "timeout -s KILL 10 ");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK_MESSAGE(seconds < 10, "cartelgraph " << arguments << " ran " << seconds << " s");
  CHECK_MESSAGE(r.signal == 0, "cartelgraph " << arguments << " was killed");
  return r;
}

// Runs ARGUMENTS, checking the exit code and that stderr holds `message`. Returns the run.
Run expect(const std::string& arguments, int exit_code, const std::string& message) {
  CAPTURE(arguments);
  const Run r = run(arguments);
  CHECK(r.exit_code == exit_code);
  CHECK(has(r.err, message));
  return r;
}

const std::string scratch =
    (std::filesystem::temp_directory_path() / ("cartelgraph_options_" + std::to_string(::getpid()))).string();

// A numeric option: the command line it goes on (VALUE is replaced by the value), its name, its
// documented range (README, --help), and whether the bottom of the range loads the built-in
// data (a limit of 1 entity refuses it, exit 3).
struct NumericOption {
  std::string command;
  std::string name;
  std::uint64_t min;
  std::uint64_t max;
  bool min_succeeds = true;
};

const std::vector<NumericOption> numeric_options = {
    {"--threads VALUE centrality --measure betweenness", "--threads", 0, 1024},
    {"--max-input-size VALUE info", "--max-input-size", 1, max64, false},
    {"--max-entities VALUE info", "--max-entities", 1, max64, false},
    {"--max-relations VALUE info", "--max-relations", 1, max64, false},
    {"--max-depth VALUE info", "--max-depth", 1, 1'000'000, false},
    {"search sinaloa --limit VALUE", "--limit", 1, 10'000},
    {"path jesus-alexander-sanchez-felix los-garibay --k VALUE", "--k", 1, 1000},
    {"neighbors nemesio-oseguera-cervantes --depth VALUE", "--depth", 1, 100},
    {"render --focus nemesio-oseguera-cervantes --layout none -o " + scratch + "/out.dot --depth VALUE", "--depth", 1,
     100},
    {"render --focus nemesio-oseguera-cervantes --layout none -o " + scratch + "/out.dot --dpi VALUE", "--dpi", 36,
     1200},
    {"centrality --top VALUE", "--top", 1, 1'000'000},
    {"centrality --measure betweenness --samples VALUE", "--samples", 0, 1'000'000'000},
    {"centrality --measure betweenness --samples 20 --seed VALUE", "--seed", 0, max64},
    {"disrupt --steps VALUE", "--steps", 1, 1'000'000},
    {"disrupt --samples VALUE", "--samples", 0, 1'000'000'000},
    {"disrupt --samples 20 --seed VALUE", "--seed", 0, max64},
    {"communities --top VALUE", "--top", 0, 1'000'000},
    {"communities --seed VALUE", "--seed", 0, max64},
    {"communities --runs VALUE", "--runs", 0, 1'000'000},
    {"suggest --limit VALUE", "--limit", 1, 10'000},
    {"disrupt --key-players VALUE", "--key-players", 1, 1000},
    {"disrupt --key-players 2 --criterion reach --reach VALUE", "--reach", 1, 100},
};

// The hostile values, each with the number it denotes when it is a decimal whole number a
// 64-bit option can hold (written out here, not parsed by the code under test).
struct Value {
  std::string text;
  std::optional<std::uint64_t> number;
};

std::vector<Value> values_for(const NumericOption& option) {
  std::vector<Value> values = {
      {"-1", {}},  {"0", 0}, {"9223372036854775807", max63},          {"18446744073709551616", {}}, {"010", {}},
      {"abc", {}}, {"", {}}, {std::to_string(option.max), option.max}};
  if (option.min_succeeds) values.push_back({std::to_string(option.min), option.min});
  return values;
}

std::string with_value(std::string command, const std::string& value) {
  return command.replace(command.find("VALUE"), 5, "'" + value + "'");
}

// The commands' names, from `cartelgraph --help`.
std::vector<std::string> command_names() {
  const Run help = run("--help");
  const std::string commands = help.out.substr(help.out.find("Subcommands:"));
  std::vector<std::string> names;
  const std::regex line(R"(\n  (\w+) )");
  for (auto it = std::sregex_iterator(commands.begin(), commands.end(), line); it != std::sregex_iterator(); ++it)
    names.push_back((*it)[1]);
  return names;
}

// The options `--help` shows with a number for a value: of type N or SIZE, or with a range.
std::set<std::string> numeric_options_in_help(const std::string& help) {
  std::set<std::string> names;
  const std::regex option(R"((--[\w-]+) (N\b|SIZE\b|\w+ +[^\n]*\(\d+ to \d+))");
  for (auto it = std::sregex_iterator(help.begin(), help.end(), option); it != std::sregex_iterator(); ++it)
    names.insert((*it)[1]);
  return names;
}

}  // namespace

TEST_CASE("every numeric option of every command is in the table of hostile values, with its range in its help") {
  std::set<std::string> tabled;  // "command --option", the global ones as " --option"
  for (const auto& option : numeric_options) {
    const std::string first = option.command.substr(0, option.command.find(' '));
    tabled.insert((first.starts_with("--") ? std::string() : first) + " " + option.name);
  }
  const Run global = run("--help");
  for (const auto& name : numeric_options_in_help(global.out)) CHECK_MESSAGE(tabled.contains(" " + name), name);
  const std::vector<std::string> commands = command_names();
  CHECK(commands.size() > 10);
  for (const auto& command : commands) {
    const Run help = run(command + " --help");
    for (const auto& name : numeric_options_in_help(help.out))
      if (!has(global.out, name + " ")) CHECK_MESSAGE(tabled.contains(command + " " + name), command << " " << name);
  }
  for (const auto& option : numeric_options) {
    const std::string first = option.command.substr(0, option.command.find(' '));
    const Run help = run(first.starts_with("--") ? "--help" : first + " --help");
    const std::string range = std::to_string(option.min) + " to " + std::to_string(option.max);
    CHECK_MESSAGE(has(help.out, range), option.name << " does not show " << range);
  }
}

TEST_CASE("every numeric option refuses -1, 2^64, 010, abc and empty, and takes what is in its range") {
  std::filesystem::create_directories(scratch);
  for (const auto& option : numeric_options)
    for (const auto& value : values_for(option)) {
      const std::string arguments = with_value(option.command, value.text);
      CAPTURE(arguments);
      const bool in_range = value.number && *value.number >= option.min && *value.number <= option.max;
      const Run r = run(arguments);
      CHECK(r.exit_code == (in_range ? 0 : 2));
      if (in_range) continue;
      // One line naming the option and its range.
      CHECK(has(r.err, option.name + ": expected "));
      CHECK(has(r.err, " from " + std::to_string(option.min) + " to " + std::to_string(option.max) + " "));
      CHECK(r.out.empty());
    }
  std::filesystem::remove_all(scratch);
}

TEST_CASE("sizes keep their units and refuse a negative or overflowing size") {
  CHECK(run("--max-input-size 4GiB info").exit_code == 0);
  CHECK(run("--max-input-size 100MB info").exit_code == 0);
  CHECK(run("--max-input-size 16777215TiB info").exit_code == 0);
  for (const char* size : {"-1GiB", "16777216TiB", "0x10MB", "1.5GiB", "4 GiB", "4XB", "GiB", "0GiB"}) {
    const Run r = run(std::string("--max-input-size '") + size + "' info");
    CHECK_MESSAGE(r.exit_code == 2, size);
    CHECK(has(r.err, "--max-input-size: expected a size from 1 to 18446744073709551615 bytes"));
  }
  // Sizes given one way or another are the same limit: 1kB refuses what 1KiB refuses, a file of
  // 1000 to 1024 bytes: the built-in data is larger than both.
  const std::string seeds = std::string(CARTELGRAPH_SOURCE_DIR) + "/seeds";
  CHECK(run("--data " + seeds + " --max-input-size 1kB info").exit_code == 3);
  CHECK(run("--data " + seeds + " --max-input-size 1KiB info").exit_code == 3);
  CHECK(run("--data " + seeds + " --max-input-size 1MiB info").exit_code == 0);
}

TEST_CASE("--threads above the number of cores is lowered to them, with a note") {
  const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
  if (cores >= 1024) return;
  const Run r = run("--threads 1024 centrality --measure closeness");
  CHECK(r.exit_code == 0);
  CHECK(has(r.err, "note: --threads 1024 is more than the " + std::to_string(cores) + " cores: using " +
                       std::to_string(cores)));
  const Run same = run("--threads " + std::to_string(cores) + " centrality --measure closeness");
  CHECK(same.exit_code == 0);
  CHECK(same.err.empty());
  CHECK(same.out == r.out);
  CHECK(run("--threads 4294967295 centrality --measure closeness").exit_code == 2);
}

TEST_CASE("an empty value is a usage error for every option, not a zero or nothing") {
  std::filesystem::create_directories(scratch);
  const std::string out = scratch + "/out.svg";
  const std::vector<std::string> commands = {"--data '' info",
                                             "--as-of '' info",
                                             "--min-confidence '' info",
                                             "--types '' info",
                                             "--default-type '' info",
                                             "--default-kind '' info",
                                             "--format '' info",
                                             "--network '' info",
                                             "list --type ''",
                                             "show ''",
                                             "search ''",
                                             "path '' los-garibay",
                                             "path los-garibay ''",
                                             "path los-garibay los-salazar --weight ''",
                                             "path los-garibay los-salazar --time-respecting --from-date ''",
                                             "path los-garibay los-salazar --time-respecting --undated ''",
                                             "neighbors ''",
                                             "neighbors los-garibay --kinds ''",
                                             "centrality --type ''",
                                             "centrality --measure ''",
                                             "disrupt --remove ''",
                                             "disrupt --strategy ''",
                                             "disrupt --key-players 2 --criterion ''",
                                             "disrupt --mode ''",
                                             "timeline ''",
                                             "diff --from '' --to 2021",
                                             "diff --from 2020 --to ''",
                                             "diff --from 2020 --to 2021 ''",
                                             "render --focus '' -o " + out,
                                             "render --storyline '' -o " + out,
                                             "render --path '' los-garibay -o " + out,
                                             "render --focus los-garibay --layout '' -o " + out,
                                             "render --focus los-garibay -o ''",
                                             "report -o ''",
                                             "validate ''",
                                             "export --to ''",
                                             "export --to json -o ''",
                                             "completion ''"};
  for (const auto& arguments : commands) {
    CAPTURE(arguments);
    const Run r = run(arguments);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_FALSE(r.err.empty());
  }
  CHECK(has(run("--as-of '' info").err, "--as-of: the value must not be empty"));
  CHECK(has(run("--min-confidence '' info").err, "--min-confidence: the value must not be empty"));
  CHECK_FALSE(std::filesystem::exists(out));
  std::filesystem::remove_all(scratch);
}

TEST_CASE("a blank search is a usage error, and a search that matches nothing exits 1 saying so") {
  for (const char* text : {"' '", "'   '", "'!!'", "'¿?'"}) {
    const Run r = run(std::string("search ") + text);
    CHECK_MESSAGE(r.exit_code == 2, text);
    CHECK(has(r.err, "has no letters or digits to look for"));
    CHECK(r.out.empty());
  }
  CHECK(expect("search qxzqxzqxzqxz", 1, "no name or alias matches 'qxzqxzqxzqxz' (none scores 0.4 or more)")
            .out.empty());
  CHECK(has(expect("--format json search qxzqxzqxzqxz", 1, "no name").out, "\"matches\": []"));
  expect("search sinaloa --limit 0", 2, "--limit: expected a whole number from 1 to 10000");
}

TEST_CASE("path --k -1 is refused at once, and neighbors --depth and --max-depth -1 with it") {
  const auto start = std::chrono::steady_clock::now();
  const Run k = run("path jesus-alexander-sanchez-felix los-garibay --k -1");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  CHECK(k.exit_code == 2);
  CHECK(k.err == "cartelgraph: --k: expected a whole number from 1 to 1000 in decimal digits, got '-1'\n");
  CHECK(run("neighbors nemesio-oseguera-cervantes --depth -1").exit_code == 2);
  CHECK(run("--max-depth -1 info").exit_code == 2);
}

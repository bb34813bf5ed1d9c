// The terminal sees text, not commands: names, aliases, notes and arguments that hold escape
// sequences, BEL, C1 controls or bidi controls come out of every text command escaped, and
// validate warns of each one (tests/fixtures/poisoned) or refuses it in a name.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli_run.hpp"

namespace {

using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;

const std::string fixtures = std::string(CARTELGRAPH_SOURCE_DIR) + "/tests/fixtures/";
const std::string poisoned = fixtures + "poisoned";
const std::string poisoned_graphml = fixtures + "poisoned_graphml/poisoned.graphml";

// The first byte sequence of `text` a terminal would act on, described; empty if none. Checked
// byte by byte, independently of the program's decoder: C0 controls but newline (and tab),
// DEL, C1 controls as UTF-8 (C2 80–C2 9F) and the bidi controls U+202A–U+202E, U+2066–U+2069.
std::string raw_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const auto next = [&](std::size_t k) {
      return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    if ((byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7F) return "C0 byte " + std::to_string(byte);
    if (byte == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) return "C1 control";
    if (byte == 0xE2 && next(1) == 0x80 && next(2) >= 0xAA && next(2) <= 0xAE) return "bidi embedding or override";
    if (byte == 0xE2 && next(1) == 0x81 && next(2) >= 0xA6 && next(2) <= 0xA9) return "bidi isolate";
  }
  return "";
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// The strings of a fact file's DOM the loader checks for hidden characters: names, aliases,
// descriptions, notes and titles.
void hidden_strings(const rapidjson::Value& value, std::string_view member, std::vector<std::string>& found) {
  if (value.IsObject()) {
    for (const auto& m : value.GetObject()) hidden_strings(m.value, m.name.GetString(), found);
  } else if (value.IsArray()) {
    for (const auto& v : value.GetArray()) hidden_strings(v, member, found);
  } else if (value.IsString()) {
    const std::string text(value.GetString(), value.GetStringLength());
    const bool checked = member == "name" || member == "aliases" || member == "description" || member == "note" ||
                         member == "title" || member == "known_as";
    const bool zero_width = text.find("\u200b") != std::string::npos || text.find("\u2060") != std::string::npos ||
                            text.find("\ufeff") != std::string::npos;
    if (checked && (!raw_control(text).empty() || zero_width)) found.push_back(text);
  }
}

std::size_t expected_warnings() {
  std::size_t count = 0;
  for (const char* file : {"facts.json", "sources.json"}) {
    rapidjson::Document document;
    document.Parse(read_text(poisoned + "/" + file).c_str());
    REQUIRE_FALSE(document.HasParseError());
    std::vector<std::string> found;
    hidden_strings(document, "", found);
    if (std::string_view(file) == "facts.json") CHECK(found.size() > 10);  // the fixture is poisoned
    count += found.size();
  }
  return count;
}

// Every text command, run on data with the poisoned fixture's ids (validate: on `data`).
std::vector<std::string> text_commands(const std::string& data) {
  const std::string esc_title = "\"$(printf 'zz\\033]0;pwned\\007')\"";
  return {
      "list",
      "show los-alfa",
      "show los-beta",
      "show el-gamma",
      "show 'Los Alf'",  // did you mean: the suggestions on stderr
      "show " + esc_title,
      "search alfa",
      "search beta",
      "search " + esc_title,
      "path el-gamma la-plaza",
      "neighbors los-alfa --depth 2",
      "neighbors los-alfa --depth 2 --kinds rival_of",
      "centrality",
      "brokers",
      "factions",
      "timeline",
      "timeline los-alfa",
      "diff --from 2018 --to 2024",
      "diff --from 2018 --to 2024 los-alfa",
      "disrupt --remove los-alfa",
      "disrupt",
      "disrupt --key-players 2",
      "connect los-alfa los-beta el-gamma",
      "path el-gamma los-alfa --time-respecting --undated allow",
      "communities",
      "suggest",
      "suggest los-alfa --score katz",
      "info",
      "validate " + data,
      "list --bogus" + esc_title,
  };
}

// The located warnings validate prints for `data`, each checked to point at a line of `file`
// that holds a poisoned value (`holds_poison`).
template <class Holds>
std::size_t located_warnings(const std::string& data, const std::string& file_pattern, Holds holds_poison) {
  const Run run = run_cli("validate " + data);
  CHECK(run.exit_code == 0);
  CHECK(raw_control(run.out + run.err) == "");
  std::istringstream lines(run.out);
  std::size_t warnings = 0;
  const std::regex located("^.*/" + file_pattern + R"(:(\d+):(\d+): warning: .* holds U\+[0-9A-F]{4}, a .*)");
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (!std::regex_match(line, match, located)) continue;
    ++warnings;
    CAPTURE(line);
    CHECK(holds_poison(match[1].str(), std::stoul(match[2].str())));
  }
  return warnings;
}

// Line `number` (1-based) of `text`.
std::string line_of(const std::string& text, std::size_t number) {
  std::istringstream in(text);
  std::string line;
  for (; number > 0; --number) std::getline(in, line);
  return line;
}

// A line that holds a hidden character raw, as a JSON escape or as an XML character reference.
bool holds_poison(const std::string& line) {
  return line.find("\\u") != std::string::npos || line.find("&#x") != std::string::npos || !raw_control(line).empty() ||
         line.find("\u200b") != std::string::npos || line.find("\u2060") != std::string::npos ||
         line.find("\ufeff") != std::string::npos;
}

}  // namespace

TEST_CASE("no text command prints a raw control or bidi character from the data or the arguments") {
  for (const std::string& data : {poisoned, poisoned_graphml}) {
    for (const auto& command : text_commands(data)) {
      CAPTURE(command);
      const Run run = run_cli("--data " + data + " " + command);
      CHECK(run.exit_code >= 0);
      CHECK(run.exit_code != 70);
      CHECK(raw_control(run.out) == "");
      CHECK(raw_control(run.err) == "");
    }
  }
}

TEST_CASE("the escaped forms are visible: ESC as \\e, BEL as \\x07, C1 and bidi controls as \\u{…}") {
  const Run run = run_cli("--data " + poisoned + " show los-alfa");
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("Los \\u{202E}Alfa") != std::string::npos);
  CHECK(run.out.find("\\e]0;pwned\\x07") != std::string::npos);
  CHECK(run.out.find("\\u{009B}31m") != std::string::npos);
  CHECK(run.out.find("[poison-doc §Heading] \\e]0;title\\x07") != std::string::npos);
}

TEST_CASE("validate warns of every control, bidi and zero-width character in names, aliases and notes") {
  const std::size_t warnings = located_warnings(
      poisoned, R"((facts|sources)\.json)", [](const std::string& file, std::size_t line) {
        return holds_poison(line_of(read_text(poisoned + "/" + file + ".json"), line));
      });
  CHECK(warnings == expected_warnings());
}

TEST_CASE("validate warns of the same characters in a GraphML file's names, aliases, descriptions and notes") {
  const std::string text = read_text(poisoned_graphml);
  const std::size_t warnings = located_warnings(
      poisoned_graphml, R"((poisoned\.graphml))",
      [&](const std::string&, std::size_t line) { return holds_poison(line_of(text, line)); });
  // One poisoned value per line, each in a <data> element.
  std::size_t expected = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);)
    expected += line.find("<data") != std::string::npos && holds_poison(line) ? 1 : 0;
  CHECK(expected > 10);  // the fixture is poisoned
  CHECK(warnings == expected);
}

TEST_CASE("a control character in a name is refused, a located problem with exit 3") {
  const std::string dir = fixtures + "poisoned_name";
  const Run run = run_cli("validate " + dir);
  CHECK(run.exit_code == 3);
  CHECK(raw_control(run.out + run.err) == "");
  CHECK(run.out.find("facts.json:6:15: name holds U+001B, a control character") != std::string::npos);
  CHECK(run.out.find("name holds U+009B, a control character") != std::string::npos);
  const Run list = run_cli("--data " + dir + " list");
  CHECK(list.exit_code == 3);
  CHECK(raw_control(list.out + list.err) == "");
}

TEST_CASE("a control character in a GraphML node id or name is refused, a located problem with exit 3") {
  const std::string file = fixtures + "poisoned_name_graphml/poisoned_name.graphml";
  const Run run = run_cli("validate " + file);
  CHECK(run.exit_code == 3);
  CHECK(raw_control(run.out + run.err) == "");
  const std::string text = read_text(file);
  for (const char* expected : {"id holds U+007F, a control character, which an id may not hold",
                               "name holds U+009B, a control character, which a name may not hold"}) {
    CAPTURE(expected);
    const auto at = run.out.find(expected);
    REQUIRE(at != std::string::npos);
    // The problem names the line of the poisoned node or <data> element.
    const std::size_t start = run.out.rfind('\n', at) + 1;  // npos + 1: the first line
    const std::string line = run.out.substr(start, at - start);
    std::smatch match;
    REQUIRE(std::regex_search(line, match, std::regex(R"(\.graphml:(\d+):\d+: )")));
    CHECK(line_of(text, std::stoul(match[1].str())).find("&#x") != std::string::npos);
  }
  const Run list = run_cli("--data " + file + " list");
  CHECK(list.exit_code == 3);
  CHECK(raw_control(list.out + list.err) == "");
}

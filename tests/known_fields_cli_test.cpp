// The optional fields of a fact, as the commands show them: the name an entity is known by, the
// date a tie is known to hold by (its start unknown), what kind of passage a citation is, and a
// source with no document.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_run.hpp"

namespace {

namespace fs = std::filesystem;
using cartelgraph::testing::parse_json;
using cartelgraph::testing::Run;

// Nemesio, known as El Mencho, leads the Cartel since 2010; the Cartel's alliance with the Gang
// is known to hold by 2021-03, on a source-list title only; the Gang is cited from an interview.
constexpr const char* facts = R"({
  "title": "Known by",
  "sources": [
    {"id": "doc", "title": "A report", "published": "2021-04-08", "document": "doc.txt"},
    {"id": "talk", "title": "An interview", "published": "2024-05-02"}
  ],
  "entities": [
    {"id": "nemesio", "type": "person", "name": "Nemesio Oseguera Cervantes", "known_as": "El Mencho",
     "description": "Leads the Cartel.", "sources": [{"source": "doc", "section": "Inner Circle", "note": "Named as its head."}]},
    {"id": "cartel", "type": "organization", "name": "Cartel", "description": "A cartel.",
     "sources": [{"source": "doc", "section": "Inner Circle", "support": "statement", "note": "A statement names it."}]},
    {"id": "gang", "type": "organization", "name": "Gang", "description": "A gang.",
     "sources": [{"source": "talk", "section": "Question 3", "note": "Said in the interview."}]}
  ],
  "relations": [
    {"kind": "leads", "from": "nemesio", "to": "cartel", "since": "2010", "confidence": "reported",
     "sources": [{"source": "doc", "section": "Inner Circle", "note": "Heads it."}]},
    {"kind": "allied_with", "from": "cartel", "to": "gang", "known_by": "2021-03", "confidence": "alleged",
     "sources": [{"source": "doc", "section": "Sources of “Inner Circle”", "support": "title", "note": "A title calls it a truce."}]}
  ]
})";

// A fact directory holding `facts`, removed when the test ends.
class FactDir {
 public:
  FactDir() : path_(fs::temp_directory_path() / ("cartelgraph_known_" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
    std::ofstream(path_ / "known.json") << facts;
  }
  ~FactDir() { fs::remove_all(path_); }
  FactDir(const FactDir&) = delete;
  FactDir& operator=(const FactDir&) = delete;
  /// The standard output of `cartelgraph --data DIR ARGUMENTS`, which must succeed.
  [[nodiscard]] std::string out(const std::string& arguments) const {
    const Run run = cartelgraph::testing::run_cli("--data " + path_.string() + " " + arguments);
    CAPTURE(arguments);
    CAPTURE(run.err);
    REQUIRE(run.exit_code == 0);
    return run.out;
  }
  /// The answer of `cartelgraph --data DIR --format json ARGUMENTS`.
  [[nodiscard]] rapidjson::Document json(const std::string& arguments) const {
    return parse_json(out("--format json " + arguments));
  }

 private:
  fs::path path_;
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("an entity is found and shown under the name it is known by") {
  const FactDir data;
  const std::string text = data.out("show 'el mencho'");
  CHECK(has(text, "Nemesio Oseguera Cervantes"));
  CHECK(has(text, "Known as: El Mencho\n"));
  CHECK(std::string(data.json("show 'EL MENCHO'")["known_as"].GetString()) == "El Mencho");
  CHECK(data.json("show cartel")["known_as"].IsNull());
  CHECK(has(data.out("search mencho"), "Nemesio Oseguera Cervantes “El Mencho” [person]"));
  CHECK(std::string(data.json("search mencho")["matches"][0]["known_as"].GetString()) == "El Mencho");
}

TEST_CASE("citations say when they rest on a statement or a title only, in text and JSON") {
  const FactDir data;
  const std::string text = data.out("show cartel");
  CHECK(has(text, "[doc §Inner Circle, statement]"));
  CHECK(has(text, "[doc §Sources of “Inner Circle”, title only] A title calls it a truce."));
  CHECK(has(text, "[doc §Inner Circle] Heads it."));  // the document's text: nothing added
  const auto card = data.json("show cartel");
  CHECK(std::string(card["sources"][0]["support"].GetString()) == "statement");
  for (const auto& relation : card["relations"].GetArray()) {
    const std::string expected = relation["kind"] == "leads" ? "text" : "title";  // "text" explicit
    CHECK(relation["sources"][0]["support"].GetString() == expected);
  }
  CHECK(has(data.out("show gang"), "[talk §Question 3]"));  // a source with no document
}

TEST_CASE("a tie known to hold by a date reads 'known by' in the timeline and is not undated") {
  const FactDir data;
  const std::string text = data.out("timeline");
  CHECK(has(text, "2010         began    Nemesio Oseguera Cervantes leads Cartel"));
  CHECK(has(text, "2021-03      known by Cartel allied with Gang [alleged]"));
  CHECK_FALSE(has(text, "undated"));
  const auto events = data.json("timeline");
  CHECK(std::string(events["events"][1]["boundary"].GetString()) == "known");
  CHECK(std::string(events["events"][1]["known_by"].GetString()) == "2021-03");
  CHECK(events["events"][1]["since"].IsNull());
  CHECK(events["undated"].GetUint() == 0);
  CHECK(data.json("info")["undated_relations"].GetUint() == 0);
}

TEST_CASE("a tie known to hold by a date holds from then on, and possibly began in a window holding it") {
  const FactDir data;
  CHECK_FALSE(has(data.out("--as-of 2021-03-30 show cartel"), "allied with"));
  CHECK(has(data.out("--as-of 2021-03-31 show cartel"), "allied with"));
  const std::string diff = data.out("diff --from 2021-01 --to 2021-06");
  CHECK(has(diff, "Began: none"));
  const auto possible = diff.find("Possibly in the window");
  REQUIRE(possible != std::string::npos);
  CHECK(diff.find("known by 2021-03      Cartel allied with Gang") > possible);
  const auto changes = data.json("diff --from 2021-01 --to 2021-06");
  CHECK(changes["began"].Empty());
  REQUIRE(changes["possible"].Size() == 1);
  CHECK(std::string(changes["possible"][0]["boundary"].GetString()) == "known");
}

TEST_CASE("export writes the fields back as a fact file, the default support left out") {
  const std::string json = FactDir().out("export --to json");
  CHECK(has(json, "\"known_as\": \"El Mencho\""));
  CHECK(has(json, "\"known_by\": \"2021-03\""));
  CHECK(has(json, "\"support\": \"title\""));
  CHECK_FALSE(has(json, "\"support\": \"text\""));
}

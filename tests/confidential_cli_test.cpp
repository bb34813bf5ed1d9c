// Confidential sources as a reader meets them: every output of every command, with and without
// --include-confidential, searched for what the source must not give away.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_run.hpp"

namespace {

namespace fs = std::filesystem;
using cartelgraph::testing::Run;

// An informant's interview (confidential) and a published report; the interview supports an
// entity and a relation, the report the rest. Every field of the interview holds a marker.
constexpr const char* facts = R"({
  "title": "Informant",
  "sources": [
    {"id": "doc", "title": "A public report", "published": "2021-04-08"},
    {"id": "informant-x", "title": "Talk with SECRET-TITLE", "author": "SECRET-AUTHOR", "published": "2024-05-02",
     "kind": "interview", "confidential": true},
    {"id": "sealed", "title": "SECRET-FILING v. Someone", "publisher": "SECRET-COURT", "url": "https://SECRET-URL.example",
     "document": "SECRET-DOCUMENT.txt", "kind": "filing", "confidential": true}
  ],
  "entities": [
    {"id": "cartel", "type": "organization", "name": "Cartel", "description": "A cartel.",
     "sources": [{"source": "doc", "section": "Overview", "note": "Named in the report."}]},
    {"id": "gang", "type": "organization", "name": "Gang", "description": "A gang.",
     "sources": [{"source": "informant-x", "section": "SECRET-SECTION", "note": "Named by the informant."}]},
    {"id": "boss", "type": "person", "name": "Boss", "description": "Leads the gang.",
     "sources": [{"source": "sealed", "section": "Count 1", "note": "Named in the filing."}]}
  ],
  "relations": [
    {"kind": "allied_with", "from": "cartel", "to": "gang", "since": "2020", "confidence": "alleged",
     "sources": [{"source": "informant-x", "section": "SECRET-SECTION", "note": "The informant says they are allied."}]},
    {"kind": "leads", "from": "boss", "to": "gang", "confidence": "reported",
     "sources": [{"source": "sealed", "section": "Count 1", "note": "The filing says he leads it."}]}
  ]
})";

const std::vector<std::string> secrets = {"SECRET-TITLE",   "SECRET-AUTHOR", "SECRET-FILING",
                                          "SECRET-COURT",   "SECRET-URL",    "SECRET-DOCUMENT",
                                          "SECRET-SECTION", "informant-x",   "2024-05-02"};

// Every output a user can get: answers in text and JSON, the dossier, every picture and export.
const std::vector<std::string> commands = {"info",
                                           "list",
                                           "show gang",
                                           "show boss",
                                           "show cartel",
                                           "search gang",
                                           "path cartel boss",
                                           "neighbors gang",
                                           "timeline",
                                           "centrality",
                                           "brokers",
                                           "factions",
                                           "disrupt --remove gang",
                                           "diff --from 2019 --to 2021",
                                           "report -o -",
                                           "render --focus gang --depth 2 -o - --image-format svg",
                                           "render --focus gang --depth 2 -o - --image-format dot",
                                           "export --to json",
                                           "export --to graphml",
                                           "export --to cypher",
                                           "export --to gexf",
                                           "export --to ftm"};

class Data {
 public:
  Data() : path_(cartelgraph::testing::empty_directory("confidential")) {
    std::ofstream(path_ / "facts.json") << facts;
  }
  ~Data() { fs::remove_all(path_); }
  Data(const Data&) = delete;
  Data& operator=(const Data&) = delete;
  [[nodiscard]] Run run(const std::string& arguments) const {
    return cartelgraph::testing::run_cli("--data " + path_.string() + " " + arguments);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The files a CSV export writes, joined.
std::string csv_export(const Data& data, const std::string& options) {
  const fs::path out = data.path() / "csv";
  fs::remove_all(out);
  const Run run = data.run(options + " export --to csv -o " + out.string());
  REQUIRE(run.exit_code == 0);
  std::string all;
  for (const auto& file : fs::directory_iterator(out)) {
    std::ifstream in(file.path());
    all.append(std::istreambuf_iterator<char>(in), {});
  }
  return all;
}

}  // namespace

TEST_CASE("no output shows a confidential source's title, author, date, court, URL, document or section") {
  const Data data;
  for (const std::string format : {"", "--format json "})
    for (const std::string& command : commands) {
      const Run run = data.run(format + command);
      CAPTURE(format + command);
      CAPTURE(run.err);
      CHECK(run.exit_code == 0);
      for (const std::string& secret : secrets) {
        CAPTURE(secret);
        CHECK(run.out.find(secret) == std::string::npos);
        CHECK(run.err.find(secret) == std::string::npos);
      }
    }
  const std::string csv = csv_export(data, "");
  for (const std::string& secret : secrets) CHECK(csv.find(secret) == std::string::npos);
}

TEST_CASE("a confidential source reads as a placeholder that citations still point at") {
  const Data data;
  const std::string card = data.run("show gang").out;
  CHECK(card.find("confidential-1") != std::string::npos);
  CHECK(card.find("The informant says they are allied.") != std::string::npos);  // the fact stays
  const std::string exported = data.run("export --to json").out;
  CHECK(exported.find(R"("title": "confidential source")") != std::string::npos);
  CHECK(exported.find(R"("source": "confidential-2")") != std::string::npos);
  // The export loads back, still confidential and still pointing at its placeholders.
  const fs::path back = data.path() / "back";
  fs::create_directories(back);
  std::ofstream(back / "facts.json") << exported;
  const Run reread = cartelgraph::testing::run_cli("--data " + back.string() + " --include-confidential show gang");
  CHECK(reread.exit_code == 0);
  CHECK(reread.out.find("confidential-1") != std::string::npos);
  CHECK(reread.out.find("SECRET") == std::string::npos);
}

TEST_CASE("the analysis counts confidential facts: the same answer with and without --include-confidential") {
  const Data data;
  CHECK(data.run("--format json centrality").out == data.run("--include-confidential --format json centrality").out);
  CHECK(data.run("path cartel boss").exit_code == 0);  // through the informant's alliance
}

TEST_CASE("--include-confidential shows the source as it is, in answers and exports") {
  const Data data;
  const std::string card = data.run("--include-confidential show gang").out;
  CHECK(card.find("informant-x") != std::string::npos);
  const std::string exported = data.run("--include-confidential export --to json").out;
  for (const std::string secret : {"SECRET-TITLE", "SECRET-AUTHOR", "SECRET-URL", "SECRET-DOCUMENT", "SECRET-COURT"})
    CHECK(exported.find(secret) != std::string::npos);
  CHECK(csv_export(data, "--include-confidential").find("SECRET-TITLE") != std::string::npos);
}

TEST_CASE("an interview with a URL or a document is refused, at the member") {
  const fs::path dir = cartelgraph::testing::empty_directory("interview");
  std::ofstream(dir / "f.json") << R"({
  "sources": [{"id": "talk", "title": "Talk", "kind": "interview", "url": "https://example.org", "document": "t.txt"}],
  "entities": [], "relations": []
})";
  const Run run = cartelgraph::testing::run_cli("validate " + dir.string());
  fs::remove_all(dir);
  CHECK(run.exit_code == 3);
  CHECK(run.out.find("f.json:2:75: an interview has no 'url'") != std::string::npos);
  CHECK(run.out.find("f.json:2:110: an interview has no 'document'") != std::string::npos);
}

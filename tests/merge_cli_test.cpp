// Merged datasets as a user builds them: the built-in facts plus a file of their own, named the
// way a call list names people.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_run.hpp"

namespace {

namespace fs = std::filesystem;
using cartelgraph::testing::Run;

// Two callers, one of them El Mencho by the name the press uses; no types, no kinds: the
// defaults (person, associate_of) apply, and El Mencho takes the built-in entity's type.
constexpr const char* calls = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <key id="l" for="node" attr.name="label" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="n1"><data key="l">El Mencho</data></node>
    <node id="n2"><data key="l">Caller Two</data></node>
    <edge source="n1" target="n2"><data key="w">14</data></edge>
  </graph>
</graphml>
)";

struct Files {
  fs::path dir = cartelgraph::testing::empty_directory("merge");
  Files() = default;
  ~Files() { fs::remove_all(dir); }
  Files(const Files&) = delete;
  Files& operator=(const Files&) = delete;
  [[nodiscard]] std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
};

}  // namespace

TEST_CASE("a path crosses the built-in facts and a user's file merged by name") {
  const Files files;
  const std::string graphml = files.write("calls.graphml", calls);
  const Run path = cartelgraph::testing::run_cli("--data +builtin --data " + graphml +
                                                 " path 'El Mencho' 'Caller Two'");
  CAPTURE(path.err);
  REQUIRE(path.exit_code == 0);
  CHECK(path.out.find("Caller Two") != std::string::npos);
  // From a built-in entity to the caller: the merged node is the built-in El Mencho.
  const Run far = cartelgraph::testing::run_cli("--data +builtin --data " + graphml +
                                                " path 'El Menchito' 'Caller Two'");
  CHECK(far.exit_code == 0);
  const Run info = cartelgraph::testing::run_cli("--format json info");
  const Run merged = cartelgraph::testing::run_cli("--data +builtin --data " + graphml + " --format json info");
  rapidjson::Document a, b;
  a.Parse(info.out.c_str());
  b.Parse(merged.out.c_str());
  REQUIRE(a.IsObject());
  REQUIRE(b.IsObject());
  CHECK(b["entities"].GetInt() == a["entities"].GetInt() + 1);  // only Caller Two is new
  CHECK(b["relations"].GetInt() == a["relations"].GetInt() + 1);
}

TEST_CASE("show says which dataset each fact came from once datasets are merged") {
  const Files files;
  const std::string graphml = files.write("calls.graphml", calls);
  const Run show = cartelgraph::testing::run_cli("--data +builtin --data " + graphml + " show 'Caller Two'");
  REQUIRE(show.exit_code == 0);
  CHECK(show.out.find("From: " + graphml) != std::string::npos);
  CHECK(show.out.find("ungraded") != std::string::npos);  // the file grades no call
  const Run mencho = cartelgraph::testing::run_cli("--data +builtin --data " + graphml +
                                                   " --format json show 'El Mencho'");
  rapidjson::Document card;
  card.Parse(mencho.out.c_str());
  REQUIRE(card.IsObject());
  CHECK(std::string(card["dataset"].GetString()) == "+builtin");
  int from_file = 0;
  for (const auto& relation : card["relations"].GetArray())
    from_file += std::string(relation["dataset"].GetString()) == graphml;
  CHECK(from_file == 1);
  // A single dataset says nothing of where facts came from.
  CHECK(cartelgraph::testing::run_cli("show 'El Mencho'").out.find("From: ") == std::string::npos);
}

TEST_CASE("a real conflict between datasets is a problem naming both places") {
  const Files files;
  std::string text = std::string(calls);
  text.replace(text.find("<key id=\"l\""), 0,
               "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n  ");
  text.replace(text.find("<node id=\"n1\">"), std::string("<node id=\"n1\">").size(),
               "<node id=\"n1\"><data key=\"t\">organization</data>");
  const std::string conflicting = files.write("conflict.graphml", text);
  const Run run = cartelgraph::testing::run_cli("--data +builtin --data " + conflicting + " info");
  CHECK(run.exit_code == 3);
  CHECK(run.err.find("conflict.graphml: 'n1' has type organization here and person in +builtin "
                     "('nemesio-oseguera-cervantes')") != std::string::npos);
}

TEST_CASE("--data takes one path per use, so the command after it is not swallowed") {
  const Run run = cartelgraph::testing::run_cli("--data +builtin info");
  CHECK(run.exit_code == 0);
}

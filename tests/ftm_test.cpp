// FollowTheMoney in and out: our export reads back whole, foreign FtM lines are read as the
// nearest of our types, and every problem is located. The export's validity against FtM's own
// model is checked by the `external` test tests/peer/ftm/check_ftm.sh.

#include <doctest/doctest.h>

#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/ftm_loader.hpp"
#include "cartelgraph/loaders/load.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;

// Lists of messages printed whole when a check fails.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static doctest::String convert(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) text += "\n  " + line;
    return text.c_str();
  }
};

namespace {

LoadResult read(const std::string& text, LoadOptions options = {}) { return load_ftm({"in.ftm.json", text}, options); }

std::vector<std::string> messages(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const Problem& p : problems) out.push_back(to_string(p));
  return out;
}

// A graph with every field FtM has no place for: known_by, ended_by, a place, a weight, a label,
// a confidential source without a document, a citation's support, ids FtM's pattern refuses.
KnowledgeGraph everything_graph() {
  KnowledgeGraph g = testing::sample_graph();
  g.add_source({"inter_view.2", "An interview", "", "", "2021", "", "", SourceKind::interview, true});
  const auto a = g.add_entity({"odd id_é/",
                               EntityType::business,
                               "Odd",
                               {"O1", "O2"},
                               "An odd one.",
                               {{"inter_view.2", "", "Said so.", CitationSupport::statement}},
                               "test",
                               "Oddy"});
  const auto b = *g.find("los-salazar");
  Relation r;
  r.kind = RelationKind::launders_for;
  r.label = "business partner";
  r.known_by = Date::parse("2020-02");
  r.ended_by = Date::parse("2022");
  r.place = "mexicali";
  r.weight = 0.1;
  r.confidence = Confidence::ungraded;
  r.sources = {{"inter_view.2", "Part 1", "Partners.", CitationSupport::title}, {"doc", "Heading", "Also."}};
  g.add_relation(a, b, r);
  return g;
}

}  // namespace

TEST_CASE("the built-in facts exported to FtM and read back give the same JSON export, byte for byte") {
  const LoadResult builtin = load(builtin_data_name);
  REQUIRE(builtin.problems.empty());
  const LoadResult back = read(export_ftm(GraphView(builtin.graph)));
  REQUIRE(messages(back.problems) == std::vector<std::string>{});
  CHECK(back.notes.empty());
  CHECK(export_json(GraphView(back.graph)) == export_json(GraphView(builtin.graph)));
}

TEST_CASE("what FtM cannot say survives the round trip through the summary") {
  const KnowledgeGraph g = everything_graph();
  const std::string ftm = export_ftm(GraphView(g));
  const std::regex ftm_id(R"("id":"[0-9a-zA-Z][0-9a-zA-Z.-]*[0-9a-zA-Z]")");  // FtM's id pattern
  const auto lines = std::count(ftm.begin(), ftm.end(), '\n');
  CHECK(std::distance(std::sregex_iterator(ftm.begin(), ftm.end(), ftm_id), std::sregex_iterator()) == lines);
  const LoadResult back = read(ftm);
  REQUIRE(messages(back.problems) == std::vector<std::string>{});
  const KnowledgeGraph& h = back.graph;
  const Source* source = h.find_source("inter_view.2");
  REQUIRE(source);
  CHECK(source->confidential);
  CHECK(source->document.empty());
  CHECK(source->published == "2021");
  const auto odd = h.find("odd id_é/");
  REQUIRE(odd);
  const Entity& e = h.entity(*odd);
  CHECK(e.type == EntityType::business);
  CHECK(e.known_as == "Oddy");
  CHECK(e.aliases == std::vector<std::string>{"O1", "O2"});
  CHECK(e.sources.front().support == CitationSupport::statement);
  for (const Edge edge : boost::make_iterator_range(boost::edges(h.graph()))) {
    const Relation& r = h.relation(edge);
    if (r.kind != RelationKind::launders_for) continue;
    CHECK(r.label == "business partner");
    CHECK(r.known_by == Date::parse("2020-02"));
    CHECK(r.ended_by == Date::parse("2022"));
    CHECK(r.place == "mexicali");
    CHECK(r.weight == 0.1);
    CHECK(r.confidence == Confidence::ungraded);
    REQUIRE(r.sources.size() == 2);
    CHECK(r.sources[0].support == CitationSupport::title);
    CHECK(r.sources[0].section == "Part 1");
  }
  CHECK(export_json(GraphView(h)) == export_json(GraphView(g)));
}

TEST_CASE("foreign FtM lines are read as the nearest of our types, ungraded, with notes") {
  const std::string text =
      R"({"id":"doc1","schema":"Article","properties":{"title":["A story"],"sourceUrl":["https://example.org/a"]}})"
      "\n"
      R"({"id":"p1","schema":"Person","properties":{"name":["Ana"],"weakAlias":["La Jefa"],"proof":["doc1"]}})"
      "\n"
      R"({"id":"p2","schema":"Person","properties":{"name":["Beto"]}})"
      "\n"
      R"({"id":"c1","schema":"Company","properties":{"name":["Fachada SA"]}})"
      "\n"
      R"({"id":"le1","schema":"LegalEntity","properties":{"name":["Some Entity"]}})"
      "\n"
      R"({"id":"f1","schema":"Family","properties":{"person":["p1"],"relative":["p2"],"relationship":["brother"],"startDate":["2019-05-01T00:00:00"]}})"
      "\n"
      R"({"id":"u1","schema":"UnknownLink","properties":{"subject":["p2"],"object":["le1"],"role":["business partner"],"sourceUrl":["https://example.org/a"],"description":["Seen together."]}})"
      "\n"
      R"({"id":"u2","schema":"UnknownLink","properties":{"subject":["p2"],"object":["c1"],"role":["business partner"]}})"
      "\n"
      R"({"id":"s1","schema":"Sanction","properties":{"entity":["p1"],"authority":["OFAC"]}})"
      "\n"
      R"({"id":"n1","schema":"Note","properties":{"description":["a note"]}})"
      "\n";
  const LoadResult result = read(text);
  REQUIRE(messages(result.problems).empty());
  const KnowledgeGraph& g = result.graph;
  CHECK(g.entity_count() == 4);
  CHECK(g.entity(*g.find("c1")).type == EntityType::business);
  CHECK(g.entity(*g.find("le1")).type == EntityType::organization);
  CHECK(g.entity(*g.find("p1")).known_as == "La Jefa");
  CHECK(g.entity(*g.find("p1")).sources.front().source == "doc1");
  REQUIRE(g.relation_count() == 2);
  for (const Edge edge : boost::make_iterator_range(boost::edges(g.graph()))) {
    const Relation& r = g.relation(edge);
    CHECK(r.confidence == Confidence::ungraded);
    if (r.kind == RelationKind::sibling_of) {
      CHECK(r.since == Date::parse("2019-05-01"));
      CHECK(r.label.empty());
    } else {
      CHECK(r.kind == RelationKind::associate_of);  // the default kind
      CHECK(r.label == "business partner");
      REQUIRE(r.sources.size() == 1);
      CHECK(r.sources.front().source == "doc1");
      CHECK(r.sources.front().note == "Seen together.");
    }
  }
  const auto notes = messages(result.notes);
  const std::vector<std::string> expected = {
      "in.ftm.json:5:1: an FtM LegalEntity is read as the nearest type, organization",
      "in.ftm.json:8:1: a UnknownLink 'business partner' from a person to a business is not read: neither "
      "associate_of nor the default kind associate_of links them",
      "in.ftm.json:9:1: a Sanction by 'OFAC' is not read: its authority is a name, not an entity",
      "in.ftm.json:10:1: an FtM Note is not read: cartelgraph has no such record"};
  CHECK(notes == expected);
}

TEST_CASE("lines with the same id are fragments of one entity, merged") {
  const LoadResult result = read(R"({"id":"p1","schema":"Person","properties":{"name":["Ana"]}})"
                                 "\n"
                                 R"({"id":"p1","schema":"Person","properties":{"alias":["Anita"]}})");
  REQUIRE(result.problems.empty());
  CHECK(result.graph.entity(*result.graph.find("p1")).aliases == std::vector<std::string>{"Anita"});
}

TEST_CASE("every problem in an FtM file is located at its line and column") {
  const std::string text =
      R"({"id":"p1","schema":"Person","properties":{"name":["Ana"]}})"
      "\n"
      R"({"id":"p2","schema":"Person","properties":{"name":"Beto"}})"
      "\n"
      R"({"id":"p3", "schema":"Person",})"
      "\n"
      R"({"id":"m1","schema":"Membership","properties":{"member":["p1"],"organization":["nobody"]}})"
      "\n"
      R"({"id":"f1","schema":"Family","properties":{"person":["p1"],"relative":["p1"],"startDate":["March 2021"]}})"
      "\n"
      R"({"id":"p1","schema":"Company","properties":{"name":["Ana SA"]}})"
      "\n";
  const LoadResult result = read(text);
  CHECK(result.graph.entity_count() == 0);
  const std::vector<std::string> expected = {
      "in.ftm.json:2:44: property 'name' is not a list of texts",
      "in.ftm.json:3:31: JSON syntax error: Missing a name for object member.",
      "in.ftm.json:6:1: id 'p1' is a Person at line 1 and a Company here",
  };
  CHECK(messages(result.problems) == expected);  // the lines are read before their meaning

  const LoadResult meaning = read(
      R"({"id":"p1","schema":"Person","properties":{"name":["Ana"]}})"
      "\n"
      R"({"id":"m1","schema":"Membership","properties":{"member":["p1"],"organization":["nobody"]}})"
      "\n"
      R"({"id":"f1","schema":"Family","properties":{"person":["p1"],"relative":["p1"],"startDate":["March 2021"]}})");
  const std::vector<std::string> located = {
      "in.ftm.json:2:64: 'organization' refers to 'nobody', not an entity of this file",
      "in.ftm.json:3:78: 'startDate' is \"March 2021\", not a date"};
  CHECK(messages(meaning.problems) == located);
}

TEST_CASE("FtM input past the load limits is refused with the limit named") {
  const std::string two = R"({"id":"p1","schema":"Person","properties":{"name":["Ana"]}})"
                          "\n"
                          R"({"id":"p2","schema":"Person","properties":{"name":["Beto"]}})";
  LoadOptions options;
  options.limits.max_entities = 1;
  CHECK(messages(read(two, options).problems) ==
        std::vector<std::string>{"in.ftm.json:2:2: more than 1 entities (--max-entities)"});
  options = {};
  options.limits.max_depth = 3;
  CHECK(messages(read(R"({"id":"p","schema":"Person","properties":{"name":[["x"]]}})", options).problems) ==
        std::vector<std::string>{"in.ftm.json:1:1: nesting deeper than 3 levels (--max-depth)"});
  options = {};
  options.limits.max_file_bytes = 10;
  CHECK(read(two, options).problems.size() == 1);
}

TEST_CASE("the front door reads *.ftm.json and *.ijson files, and refuses a directory of that name") {
  const auto dir = std::filesystem::temp_directory_path() / "cartelgraph_ftm_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "dir.ftm.json");
  { std::ofstream(dir / "x.ijson") << R"({"id":"p1","schema":"Person","properties":{"name":["Ana"]}})" << '\n'; }
  const LoadResult file = load((dir / "x.ijson").string());
  CHECK(file.problems.empty());
  CHECK(file.graph.entity_count() == 1);
  const LoadResult directory = load((dir / "dir.ftm.json").string());
  REQUIRE(directory.problems.size() == 1);
  CHECK(directory.problems.front().message.find("not a regular file") != std::string::npos);
  std::filesystem::remove_all(dir);
}

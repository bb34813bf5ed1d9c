#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <tuple>
#include <vector>

#include "cartelgraph/loaders/fact_directory.hpp"
#include "cartelgraph/loaders/fact_loader.hpp"
#include "cartelgraph/loaders/graphml_loader.hpp"
#include "cartelgraph/loaders/json_positions.hpp"
#include "cartelgraph/loaders/load.hpp"
#include "cartelgraph/loaders/relation_checks.hpp"

using namespace cartelgraph;

namespace {

const std::string fixtures = std::string(CARTELGRAPH_SOURCE_DIR) + "/tests/fixtures/invalid/";

// Loads one fixture directory and returns its problems as "file:line:column: message", with
// the file reduced to its name in the fixture directory.
std::vector<std::string> problems_of(const std::string& name) {
  const LoadResult result = load_facts(read_fact_directory(fixtures + name));
  std::vector<std::string> lines;
  for (Problem problem : result.problems) {
    problem.file = problem.file.substr(fixtures.size());
    lines.push_back(to_string(problem));
  }
  if (!result.problems.empty()) CHECK(result.graph.entity_count() == 0);
  return lines;
}

void check_single_problem(const std::string& name, const std::string& expected) {
  const auto problems = problems_of(name);
  REQUIRE(problems.size() == 1);
  CHECK(problems.front() == expected);
}

}  // namespace

TEST_CASE("syntax errors are reported with the line and column of the parse error") {
  check_single_problem("syntax_error",
                       "syntax_error/facts.json:5:7: JSON syntax error: Missing a comma or '}' "
                       "after an object member.");
}

TEST_CASE("invalid UTF-8 is a syntax error at the offending byte") {
  check_single_problem("invalid_utf8", "invalid_utf8/facts.json:3:29: JSON syntax error: Invalid encoding in string.");
}

TEST_CASE("schema violations name the member and what was expected") {
  SUBCASE("a missing required member points at its object") {
    check_single_problem("missing_member", "missing_member/facts.json:42:5: missing required member 'sources'");
  }
  SUBCASE("an unknown member points at its value") {
    check_single_problem("unknown_member", "unknown_member/facts.json:56:19: unknown member 'strength'");
  }
  SUBCASE("an id that is not kebab-case") {
    check_single_problem("malformed_id",
                         "malformed_id/facts.json:43:13: 'id' is \"El Chapo\", expected a "
                         "kebab-case id such as \"los-chapitos\"");
  }
  SUBCASE("a confidence outside the closed set") {
    check_single_problem("bad_confidence",
                         "bad_confidence/facts.json:48:21: 'confidence' is \"certain\", expected "
                         "one of \"confirmed\", \"reported\", \"alleged\", \"ungraded\"");
  }
}

namespace {

// "line:column" of byte `offset` of `text`, counted here byte by byte (the text is ASCII).
std::string position_of(const std::string& text, std::size_t offset) {
  const std::size_t line_start = text.rfind('\n', offset - 1);
  const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n') + 1;
  const std::size_t column = line_start == std::string::npos ? offset + 1 : offset - line_start;
  return std::to_string(line) + ':' + std::to_string(column);
}

// The first problem of `text` loaded as one fact file with `limits`, as "line:column: message".
std::string first_problem(const std::string& text, const LoadLimits& limits = {}) {
  const std::vector<FactFile> files = {{"f.json", text}};
  const LoadResult result = load_facts(files, limits);
  REQUIRE_FALSE(result.problems.empty());
  const Problem& p = result.problems.front();
  return std::to_string(p.line) + ':' + std::to_string(p.column) + ": " + p.message;
}

}  // namespace

TEST_CASE("a value nested 100000 deep, the depth limit raised, is located where it starts") {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  const std::string text =
      "{\"sources\": [],\n \"entities\": [{\"id\": \"a\", \"type\": \"person\", \"name\": \"A\",\n"
      "  \"sources\": [{\"source\": \"s\", \"note\": " +
      deep + "}]}],\n \"relations\": []}";
  LoadLimits limits;
  limits.max_depth = 200'000;
  const std::size_t note = text.find('[', text.find("note"));
  const std::string problem = first_problem(text, limits);
  CHECK(problem.starts_with(position_of(text, note) + ": 'note' is [[["));
  CHECK(problem.ends_with("..., expected a non-empty string"));
  // Within the default limit: the object, entities, a record, its sources, a citation (5 levels)
  // and 59 arrays of the note; the 60th is refused.
  limits.max_depth = 64;
  CHECK(first_problem(text, limits) == position_of(text, note + 59) + ": nesting deeper than 64 levels (--max-depth)");
}

TEST_CASE("a problem under a member whose name holds / and ~ is located at that member's value") {
  const std::string text =
      "{\"sources\": [], \"relations\": [],\n \"entities\": [{\"id\": \"a\", \"type\": \"person\",\n"
      "   \"name\": \"A\", \"a/b~c\": 1}]}";
  CHECK(first_problem(text) == position_of(text, text.find(": 1}") + 2) + ": unknown member 'a/b~c'");
}

TEST_CASE("a member written twice in one object is a problem, not a silent overwrite") {
  check_single_problem("duplicate_member",
                       "duplicate_member/facts.json:7:7: member 'name' appears twice in one object");
}

TEST_CASE("inputs past the load limits are refused with the limit named") {
  const std::string entity =
      R"({"id": "e-%", "type": "person", "name": "E", "description": "D.",
          "sources": [{"source": "doc", "section": "S", "note": "N."}]})";
  const auto facts = [&](int entities) {
    std::string text = R"({"sources": [{"id": "doc", "title": "T", "published": "2021", "document": "d"}],
  "entities": [)";
    for (int i = 0; i < entities; ++i) {
      std::string record = entity;
      record.replace(record.find('%'), 1, std::to_string(i));
      text += (i ? ", " : "") + record;
    }
    return text + "]}";
  };
  SUBCASE("nesting 100,000 deep stops at the depth limit, without a crash") {
    const std::vector<FactFile> files = {{"deep.json", std::string(100'000, '[') + std::string(100'000, ']')}};
    const LoadResult result = load_facts(files);
    REQUIRE(result.problems.size() == 1);
    CHECK(to_string(result.problems[0]) == "deep.json:1:65: nesting deeper than 64 levels (--max-depth)");
    CHECK(result.graph.entity_count() == 0);
  }
  SUBCASE("more entities than allowed") {
    LoadLimits limits;
    limits.max_entities = 2;
    const std::vector<FactFile> files = {{"facts.json", facts(3)}};
    CHECK(load_facts(files).problems.empty());
    const LoadResult result = load_facts(files, limits);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message == "more than 2 entities (--max-entities)");
    CHECK(result.problems[0].line == 4);
    CHECK(result.graph.entity_count() == 0);
  }
  SUBCASE("a file larger than allowed is not parsed") {
    LoadLimits limits;
    limits.max_file_bytes = 100;
    const std::vector<FactFile> files = {{"facts.json", facts(1)}};
    const LoadResult result = load_facts(files, limits);
    REQUIRE(result.problems.size() == 1);
    CHECK(to_string(result.problems[0]) == "facts.json: file is " + std::to_string(files[0].text.size()) +
                                               " bytes, more than the limit of 100 (--max-input-size)");
  }
  SUBCASE("a file on disk larger than allowed is not even read") {
    LoadLimits limits;
    limits.max_file_bytes = 10;
    try {
      (void)read_fact_directory(fixtures + "duplicate_member", limits);
      FAIL("expected a LoadError");
    } catch (const LoadError& error) {
      REQUIRE(error.problems().size() == 2);
      CHECK(error.problems()[0].message.find("more than the limit of 10 (--max-input-size)") != std::string::npos);
    }
  }
}

TEST_CASE("GraphML past the limits, or declaring entities, is refused before it costs memory") {
  SUBCASE("an entity expansion bomb is refused at its first declaration") {
    const std::string bomb = R"(<?xml version="1.0"?>
<!DOCTYPE graphml [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<graphml><graph edgedefault="undirected"><node id="n"><data key="name">&c;</data></node></graph></graphml>
)";
    const LoadResult result = load_graphml({"bomb.graphml", bomb});
    REQUIRE(result.problems.size() == 1);
    CHECK(to_string(result.problems[0]) ==
          "bomb.graphml:3:14: entity declaration 'a' refused: GraphML needs no entities");
  }
  SUBCASE("elements nested past the depth limit") {
    std::string deep = "<graphml>";
    for (int i = 0; i < 100; ++i) deep += "<x>";
    for (int i = 0; i < 100; ++i) deep += "</x>";
    deep += "</graphml>";
    const LoadResult result = load_graphml({"deep.graphml", deep});
    REQUIRE(result.problems.size() == 1);
    CHECK(to_string(result.problems[0]) == "deep.graphml:1:199: elements nested deeper than 64 levels (--max-depth)");
  }
  SUBCASE("more nodes than allowed") {
    GraphmlOptions options;
    options.limits.max_entities = 1;
    const LoadResult result = load_graphml(
        {"two.graphml", R"(<graphml><graph edgedefault="undirected"><node id="a"/><node id="b"/></graph></graphml>)"},
        options);
    REQUIRE(result.problems.size() == 1);
    CHECK(to_string(result.problems[0]) == "two.graphml:1:56: more than 1 nodes (--max-entities)");
  }
}

TEST_CASE("GraphML weights must be finite numbers") {
  for (const std::string weight : {"nan", "inf", "-infinity", "heavy"}) {
    CAPTURE(weight);
    const std::string graphml = R"(<graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected"><node id="a"/><node id="b"/>
<edge source="a" target="b"><data key="w">)" +
                                weight + R"(</data></edge></graph></graphml>)";
    const LoadResult result = load_graphml({"w.graphml", graphml});
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message == "'weight' is \"" + weight + "\", not a finite number");
    CHECK(result.problems[0].line == 3);
  }
}

TEST_CASE("meaning is checked against the kind table and the ids defined") {
  SUBCASE("duplicate ids across files name the first definition") {
    check_single_problem("duplicate_id",
                         "duplicate_id/b.json:4:13: duplicate entity id 'mexicali' (first defined "
                         "at " +
                             fixtures + "duplicate_id/a.json:3:5)");
  }
  SUBCASE("unknown entity ids") {
    check_single_problem("unknown_entity", "unknown_entity/facts.json:47:13: unknown entity id 'los-russos'");
  }
  SUBCASE("unknown entity types") {
    check_single_problem("unknown_type", "unknown_type/facts.json:44:15: unknown entity type 'gang'");
  }
  SUBCASE("unknown relation kinds") {
    check_single_problem("unknown_kind", "unknown_kind/facts.json:45:15: unknown relation kind 'friend_of' (known: " +
                                             joined_names<RelationKind>() + ")");
  }
  SUBCASE("endpoint types the kind does not allow") {
    check_single_problem("endpoint_types",
                         "endpoint_types/facts.json:45:15: 'leads' links person → organization "
                         "or faction, not person → place");
  }
  SUBCASE("dates that are not on the calendar") {
    check_single_problem("bad_date", "bad_date/facts.json:48:16: 'since' is \"2021-02-30\", not a calendar date");
  }
  SUBCASE("since after until") {
    check_single_problem("since_after_until",
                         "since_after_until/facts.json:49:16: 'since' (2021-05) is after 'until' "
                         "(2021-03-31)");
  }
  SUBCASE("unknown source ids in citations") {
    check_single_problem("unknown_source", "unknown_source/facts.json:51:21: unknown source id 'nowhere'");
  }
  SUBCASE("a place that is not a place") {
    check_single_problem("place_not_place",
                         "place_not_place/facts.json:48:16: 'place' is 'el-ruso', a person, not a place");
  }
  SUBCASE("a relation from an entity to itself") {
    check_single_problem("self_loop", "self_loop/facts.json:47:13: relation links 'el-ruso' to itself");
  }
  SUBCASE("the same symmetric tie written in both directions") {
    check_single_problem("duplicate_relation",
                         "duplicate_relation/facts.json:57:5: duplicate relation: same kind, ends "
                         "and dates as at " +
                             fixtures + "duplicate_relation/facts.json:44:5");
  }
}

TEST_CASE("every problem in every file is reported in one run, in file order") {
  const std::vector<FactFile> files = {
      {"a.json", "{\"entities\": [\n  {\"id\": \"x\"}\n"},  // syntax error: unterminated
      {"b.json",
       "{\"relations\": [\n"
       "  {\"kind\": \"leads\", \"from\": \"nobody\", \"to\": \"nothing\", \"confidence\": \"reported\",\n"
       "   \"sources\": [{\"source\": \"doc\", \"section\": \"S\", \"note\": \"N\"}]},\n"
       "  {\"kind\": \"leads\", \"from\": \"a\"}\n"
       "]}\n"}};
  const LoadResult result = load_facts(files);
  std::vector<std::string> lines;
  for (const auto& problem : result.problems) lines.push_back(to_string(problem));
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] == "a.json:3:1: JSON syntax error: Missing a comma or ']' after an array element.");
  CHECK(lines[1] == "b.json:2:29: unknown entity id 'nobody'");
  CHECK(lines[2] == "b.json:2:45: unknown entity id 'nothing'");
  CHECK(lines[3] == "b.json:3:27: unknown source id 'doc'");
  CHECK(lines[4] == "b.json:4:3: missing required member 'to', 'confidence', 'sources'");
  CHECK(result.graph.entity_count() == 0);
}

TEST_CASE("ids that a file with a syntax error may define are not reported as unknown") {
  const std::vector<FactFile> files = {
      {"a.json", "{\"entities\": [{\"id\": \"los-rusos\" \"type\": \"faction\"}]}"},
      {"b.json",
       "{\"relations\": [\n"
       "  {\"kind\": \"leads\", \"from\": \"el-ruso\", \"to\": \"los-rusos\", \"confidence\": \"reported\",\n"
       "   \"sources\": [{\"source\": \"doc\", \"section\": \"S\", \"note\": \"N\"}]}\n"
       "]}\n"}};
  const LoadResult result = load_facts(files);
  std::vector<std::string> lines;
  for (const auto& problem : result.problems) lines.push_back(to_string(problem));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "a.json:1:34: JSON syntax error: Missing a comma or '}' after an object member.");
  CHECK(lines[1] == "b.json:2:29: unknown entity id 'el-ruso'");  // not in a.json: reported
  CHECK(lines[2] == "b.json:3:27: unknown source id 'doc'");
}

TEST_CASE("a valid directory loads whole") {
  const std::vector<FactFile> files = {
      {"sources.json", R"({"sources": [{"id": "doc", "title": "T", "published": "2021-04", "document": "d.txt"}]})"},
      {"facts.json", R"({
  "entities": [
    {"id": "el-ruso", "type": "person", "name": "El Ruso", "aliases": ["Ruso"], "description": "D.",
     "sources": [{"source": "doc", "section": "S", "note": "N."}]},
    {"id": "los-rusos", "type": "faction", "name": "Los Rusos", "description": "D.",
     "sources": [{"source": "doc", "section": "S", "note": "N."}]}
  ],
  "relations": [
    {"kind": "leads", "from": "el-ruso", "to": "los-rusos", "since": "2020", "confidence": "reported",
     "sources": [{"source": "doc", "section": "S", "note": "N."}]}
  ]
})"}};
  const LoadResult result = load_facts(files);
  CHECK(result.problems.empty());
  CHECK(result.graph.entity_count() == 2);
  CHECK(result.graph.relation_count() == 1);
  CHECK(result.graph.sources().size() == 1);
  CHECK(result.graph.find_by_name("ruso").size() == 1);
}

TEST_CASE("every member of every record reaches the graph") {
  const std::vector<FactFile> files = {{"dir/heartland.json", R"({
  "title": "The heartland",
  "sources": [{"id": "doc", "title": "T", "author": "A", "publisher": "P", "published": "2021-04-05",
               "url": "https://example.org", "document": "d.txt"},
              {"id": "interview", "title": "An interview", "published": "2024-05-02"}],
  "entities": [
    {"id": "el-ruso", "type": "person", "name": "Jesús Sánchez", "known_as": "El Ruso", "aliases": ["Ruso", "R"],
     "description": "D1.",
     "sources": [{"source": "doc", "section": "S1", "note": "N1."},
                 {"source": "doc", "section": "S2", "support": "title", "note": "N2."}]},
    {"id": "los-rusos", "type": "faction", "name": "Los Rusos", "description": "D2.",
     "sources": [{"source": "doc", "section": "S", "note": "N."}]},
    {"id": "mexicali", "type": "place", "name": "Mexicali", "description": "D3.",
     "sources": [{"source": "doc", "section": "S", "note": "N."}]}
  ],
  "relations": [
    {"kind": "leads", "from": "el-ruso", "to": "los-rusos", "since": "2020", "until": "2023-02",
     "place": "mexicali", "weight": 2, "confidence": "confirmed",
     "sources": [{"source": "doc", "section": "S3", "note": "N3."}]},
    {"kind": "operates_in", "from": "los-rusos", "to": "mexicali", "known_by": "2021-03", "until": "2022",
     "weight": 0.5, "confidence": "alleged",
     "sources": [{"source": "interview", "section": "Q1", "support": "statement", "note": "N4."}]}
  ]
})"}};
  const LoadResult result = load_facts(files);
  REQUIRE(result.problems.empty());
  const KnowledgeGraph& graph = result.graph;
  REQUIRE(graph.storylines().size() == 1);
  CHECK(graph.storylines()[0].id == "heartland");
  CHECK(graph.storylines()[0].title == "The heartland");

  const Source& source = graph.sources().at(0);
  CHECK(source.id == "doc");
  CHECK(source.author == "A");
  CHECK(source.publisher == "P");
  CHECK(source.published == "2021-04-05");
  CHECK(source.url == "https://example.org");
  CHECK(source.document == "d.txt");
  CHECK(graph.sources().at(1).document.empty());  // a source with no document: an interview

  const Entity& ruso = graph.entity(*graph.find("el-ruso"));
  CHECK(ruso.type == EntityType::person);
  CHECK(ruso.name == "Jesús Sánchez");
  CHECK(ruso.known_as == "El Ruso");
  CHECK(graph.find_by_name("el ruso").size() == 1);  // found under the name it is known by
  CHECK(graph.entity(*graph.find("los-rusos")).known_as.empty());
  CHECK(ruso.aliases == std::vector<std::string>{"Ruso", "R"});
  CHECK(ruso.description == "D1.");
  CHECK(ruso.storyline == "heartland");
  REQUIRE(ruso.sources.size() == 2);
  CHECK(ruso.sources[1].section == "S2");
  CHECK(ruso.sources[1].note == "N2.");
  CHECK(ruso.sources[0].support == CitationSupport::text);  // the default
  CHECK(ruso.sources[1].support == CitationSupport::title);
  CHECK(*graph.find("mexicali") == 2);  // vertices in input order

  REQUIRE(graph.relation_count() == 2);
  const auto [first, last] = boost::out_edges(*graph.find("el-ruso"), graph.graph());
  REQUIRE(std::distance(first, last) == 1);
  const Relation& leads = graph.relation(*first);
  CHECK(leads.kind == RelationKind::leads);
  CHECK(leads.since == Date::parse("2020"));
  CHECK(leads.until == Date::parse("2023-02"));
  CHECK(leads.place == "mexicali");
  CHECK(leads.weight == 2.0);  // an integer in the text
  CHECK(leads.confidence == Confidence::confirmed);
  CHECK(leads.storyline == "heartland");
  REQUIRE(leads.sources.size() == 1);
  CHECK(leads.sources[0].source == "doc");
  CHECK(leads.sources[0].section == "S3");
  CHECK(leads.sources[0].note == "N3.");
  CHECK_FALSE(leads.known_by);
  const auto [out, end] = boost::out_edges(*graph.find("los-rusos"), graph.graph());
  REQUIRE(std::distance(out, end) == 1);
  CHECK(graph.relation(*out).weight == 0.5);
  CHECK_FALSE(graph.relation(*out).since);
  CHECK(graph.relation(*out).known_by == Date::parse("2021-03"));
  CHECK(graph.relation(*out).until == Date::parse("2022"));
  CHECK(graph.relation(*out).sources.at(0).support == CitationSupport::statement);
}

TEST_CASE("known_by is refused beside since, and after until, each at the member at fault") {
  const auto problems_with = [](const std::string& dates) {
    const std::string text = R"({
  "sources": [{"id": "doc", "title": "T", "published": "2021"}],
  "entities": [
    {"id": "a", "type": "organization", "name": "A", "description": "D.", "sources": [{"source": "doc", "section": "S", "note": "N."}]},
    {"id": "b", "type": "organization", "name": "B", "description": "D.", "sources": [{"source": "doc", "section": "S", "note": "N."}]}
  ],
  "relations": [
    {"kind": "allied_with", "from": "a", "to": "b", )" +
                             dates + R"(,
     "confidence": "reported", "sources": [{"source": "doc", "section": "S", "note": "N."}]}
  ]
})";
    const LoadResult result = load_facts(std::vector<FactFile>{{"f.json", text}});
    std::vector<std::string> lines;
    for (const Problem& problem : result.problems) lines.push_back(to_string(problem));
    return lines;
  };
  CHECK(
      problems_with(R"("since": "2020", "known_by": "2021-03")") ==
      std::vector<std::string>{"f.json:8:82: 'known_by' says the start is unknown; 'since' gives it (2020): keep one"});
  CHECK(problems_with(R"("until": "2021-02", "known_by": "2021-03")") ==
        std::vector<std::string>{"f.json:8:62: 'known_by' (2021-03) is after 'until' (2021-02)"});
  CHECK(problems_with(R"("until": "2021-03", "known_by": "2021-03")").empty());  // ended the month it was seen
  CHECK(problems_with(R"("known_by": "2021-13")") ==
        std::vector<std::string>{"f.json:8:65: 'known_by' is \"2021-13\", not a calendar date"});
  SUBCASE("ended_by is refused beside until, and before since or known_by") {
    CHECK(
        problems_with(R"("until": "2020", "ended_by": "2021-04")") ==
        std::vector<std::string>{"f.json:8:82: 'ended_by' says the end is unknown; 'until' gives it (2020): keep one"});
    CHECK(problems_with(R"("since": "2021-05", "ended_by": "2021-04")") ==
          std::vector<std::string>{"f.json:8:85: 'since' (2021-05) is after 'ended_by' (2021-04)"});
    CHECK(problems_with(R"("known_by": "2022", "ended_by": "2021-04")") ==
          std::vector<std::string>{"f.json:8:85: 'known_by' (2022) is after 'ended_by' (2021-04)"});
    CHECK(problems_with(R"("since": "2005", "ended_by": "2021-04-08")").empty());
    CHECK(problems_with(R"("known_by": "2018", "ended_by": "2021-04-08")").empty());  // Navarrete Prida
  }
}

TEST_CASE("a file with a schema violation still has its other problems reported") {
  const std::vector<FactFile> files = {{"facts.json", R"({
  "entities": [
    {"id": "el-ruso", "type": "person", "name": "El Ruso", "description": "D.", "colour": "red",
     "sources": [{"source": "doc", "section": "S", "note": "N."}]}
  ],
  "sources": [{"id": "doc", "title": "T", "published": "2021-13", "document": "d.txt"}]
})"}};
  const LoadResult result = load_facts(files);
  REQUIRE(result.problems.size() == 2);
  CHECK(to_string(result.problems[0]) == "facts.json:3:91: unknown member 'colour'");
  CHECK(to_string(result.problems[1]) == "facts.json:6:56: 'published' is \"2021-13\", not a calendar date");
}

TEST_CASE("a directory that cannot be read is a load error") {
  CHECK_THROWS_AS((void)read_fact_directory(fixtures + "does-not-exist"), LoadError);
  try {
    (void)read_fact_directory(fixtures + "does-not-exist");
  } catch (const LoadError& error) {
    REQUIRE(error.problems().size() == 1);
    CHECK(error.problems().front().message == "not a directory");
  }
}

namespace {

// A file of `text` in a fresh temporary directory, removed with it.
class TemporaryFile {
 public:
  TemporaryFile(const std::string& name, const std::string& text)
      : directory_(std::filesystem::temp_directory_path() /
                   ("cartelgraph-loaders-test-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)))) {
    std::filesystem::create_directories(directory_);
    std::ofstream(directory_ / name, std::ios::binary) << text;
    path_ = (directory_ / name).string();
  }
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::filesystem::path directory_;
  std::string path_;
};

const std::string two_people = R"(<graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected"><node id="a"/><node id="b"/>
<edge source="a" target="b"><data key="w">2</data></edge></graph></graphml>
)";

}  // namespace

TEST_CASE("load reads the built-in facts by name, and by no name") {
  const LoadResult builtin = load("+builtin");
  REQUIRE(builtin.problems.empty());
  CHECK(builtin.notes.empty());
  CHECK(builtin.graph.entity_count() > 100);
  const LoadResult unnamed = load("");
  REQUIRE(unnamed.problems.empty());
  CHECK(unnamed.graph.entity_count() == builtin.graph.entity_count());
  CHECK(unnamed.graph.relation_count() == builtin.graph.relation_count());
}

TEST_CASE("load reads a fact directory, the same facts as built in") {
  const LoadResult seeds = load(std::string(CARTELGRAPH_SOURCE_DIR) + "/seeds");
  REQUIRE(seeds.problems.empty());
  const LoadResult builtin = load("+builtin");
  CHECK(seeds.graph.entity_count() == builtin.graph.entity_count());
  CHECK(seeds.graph.relation_count() == builtin.graph.relation_count());
  CHECK(seeds.graph.storylines().size() == builtin.graph.storylines().size());
}

TEST_CASE("load returns the problems of an invalid fact directory instead of throwing") {
  const LoadResult result = load(fixtures + "self_loop");
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].message == "relation links 'el-ruso' to itself");
  CHECK_FALSE(result.not_found);
  CHECK(result.graph.entity_count() == 0);
}

TEST_CASE("load reads a .graphml file with the options' defaults, its storyline named after it") {
  const TemporaryFile file("calls.graphml", two_people);
  LoadOptions options;
  options.default_type = EntityType::organization;
  const LoadResult result = load(file.path(), options);
  REQUIRE(result.problems.empty());
  REQUIRE(result.graph.entity_count() == 2);
  CHECK(result.graph.entity(*result.graph.find("a")).type == EntityType::organization);
  CHECK(result.graph.entity(*result.graph.find("a")).storyline == "calls");
  CHECK(result.graph.relation_count() == 1);
}

TEST_CASE("load reports a missing path as a problem that says it was not found") {
  const LoadResult result = load(fixtures + "does-not-exist.graphml");
  CHECK(result.not_found);
  REQUIRE(result.problems.size() == 1);
  CHECK(to_string(result.problems[0]) == fixtures + "does-not-exist.graphml: no such file or directory");
  CHECK(result.graph.entity_count() == 0);
}

TEST_CASE("load reports a file that is neither a directory nor GraphML, without throwing") {
  const LoadResult result = load(fixtures + "self_loop/facts.json");
  CHECK_FALSE(result.not_found);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].message == "not a directory");
}

TEST_CASE("foreign GraphML merges parallel edges, summing their weights, and notes it") {
  const std::string graphml = R"(<graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected"><node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"><data key="w">2</data></edge>
<edge source="b" target="a"><data key="w">3</data></edge>
<edge source="a" target="b"/>
<edge source="a" target="c"/>
</graph></graphml>)";
  const LoadResult result = load_graphml({"calls.graphml", graphml});
  REQUIRE(result.problems.empty());
  CHECK(result.graph.relation_count() == 2);
  const Vertex a = *result.graph.find("a");
  const Vertex b = *result.graph.find("b");
  for (const auto e : boost::make_iterator_range(boost::edges(result.graph.graph()))) {
    const bool ab = (boost::source(e, result.graph.graph()) == a && boost::target(e, result.graph.graph()) == b);
    if (ab) CHECK(result.graph.relation(e).weight == 6.0);  // 2 + 3 + 1 for the edge without a weight
    else CHECK_FALSE(result.graph.relation(e).weight);
  }
  REQUIRE(result.notes.size() == 2);
  CHECK(to_string(result.notes[0]) ==
        "calls.graphml:4:1: parallel tie merged into the one at calls.graphml:3:1 (same kind, ends and dates; "
        "weights summed, citations united)");
  CHECK(result.notes[1].line == 5);
}

namespace {

// The problems of a GraphML document as "file:line:column: message" lines.
std::vector<std::string> graphml_problems(const std::string& name, const std::string& graphml) {
  std::vector<std::string> lines;
  for (const Problem& problem : load_graphml({name, graphml}).problems) lines.push_back(to_string(problem));
  return lines;
}

}  // namespace

TEST_CASE("GraphML with our edge attribute kind is held to the fact-file rules") {
  const std::string graphml = R"(<graphml><key id="k" for="edge" attr.name="kind" attr.type="string"/>
<graph edgedefault="undirected"><node id="a"/><node id="b"/>
<edge source="a" target="b"><data key="k">associate_of</data></edge>
<edge source="b" target="a"><data key="k">associate_of</data></edge>
<edge source="a" target="a"><data key="k">associate_of</data></edge>
</graph></graphml>)";
  CHECK(graphml_problems("ours.graphml", graphml) ==
        std::vector<std::string>{
            "ours.graphml:5:1: relation links 'a' to itself",
            "ours.graphml:4:1: duplicate relation: same kind, ends and dates as at ours.graphml:3:1"});
}

TEST_CASE("a GraphML place must be a place node, as in a fact file") {
  const std::string graphml = R"(<graphml><key id="p" for="edge" attr.name="place" attr.type="string"/>
<graph edgedefault="undirected"><node id="a"/><node id="b"/>
<edge source="a" target="b"><data key="p">b</data></edge>
<edge source="a" target="b"><data key="p">nowhere</data></edge>
</graph></graphml>)";
  CHECK(graphml_problems("p.graphml", graphml) ==
        std::vector<std::string>{"p.graphml:3:1: 'place' is 'b', a person, not a place",
                                 "p.graphml:4:1: unknown node id 'nowhere' in 'place'"});
}

TEST_CASE("a source needs only an id and a title: no publication date is made up where none is shown") {
  const std::string text = R"({"sources": [{"id": "doc", "title": "A paper with no date on it"}]})";
  const LoadResult result = load_facts(std::vector<FactFile>{{"f.json", text}});
  CHECK(result.problems.empty());
  REQUIRE(result.graph.find_source("doc") != nullptr);
  CHECK(result.graph.find_source("doc")->published.empty());
}

TEST_CASE("the line and column index agrees with counting lines and code points from the start") {
  // Lines of varied length, multi-byte characters on both sides of the index's 256-byte marks.
  std::string text;
  for (std::size_t i = 0; i < 300; ++i) text += std::string(i % 37, 'a') + (i % 3 ? "é€" : "") + '\n';
  std::vector<cartelgraph::detail::LineColumn> expected;  // by offset, counted from the start
  cartelgraph::detail::LineColumn position;
  for (std::size_t offset = 0; offset <= text.size() + 2; ++offset) {
    expected.push_back(position);
    if (offset >= text.size()) continue;
    if (text[offset] == '\n') position = {position.line + 1, 1};
    else if ((static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80) ++position.column;
  }
  cartelgraph::detail::LineColumns forward(text);
  cartelgraph::detail::LineColumns backward(text);  // the first lookup at the end
  for (std::size_t offset = 0; offset < expected.size(); ++offset) {
    const std::size_t back = expected.size() - 1 - offset;
    CAPTURE(offset);
    CHECK(forward.at(offset).line == expected[offset].line);
    CHECK(forward.at(offset).column == expected[offset].column);
    CHECK(backward.at(back).line == expected[back].line);
    CHECK(backward.at(back).column == expected[back].column);
  }
}

namespace {

// Ties in a vector, for the relation set checks.
class TieVector final : public detail::TieSet {
 public:
  std::vector<detail::Tie> ties;
  [[nodiscard]] std::size_t size() const override { return ties.size(); }
  [[nodiscard]] detail::Tie tie(std::size_t i) const override { return ties[i]; }
  [[nodiscard]] std::size_t origin(std::size_t i) const override { return i; }
};

// The pairs same_ties finds, by comparing every tie with every earlier one: (first, copy), in
// the order of the copies' ties, then of the copies.
std::vector<std::pair<std::size_t, std::size_t>> same_ties_by_hand(const TieVector& set) {
  const auto compared = [](const detail::Tie& t) {
    const bool either_way = t.kind == RelationKind::associate_of;
    const std::size_t a = either_way ? std::min(t.from, t.to) : t.from;
    const std::size_t b = either_way ? std::max(t.from, t.to) : t.to;
    return std::tuple(t.kind, a, b, t.since, t.until, t.known_by, t.ended_by, t.label);
  };
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < set.ties.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (compared(set.ties[j]) == compared(set.ties[i])) {
        pairs.emplace_back(j, i);
        break;
      }
  std::ranges::sort(pairs, {}, [&](const auto& p) { return std::tuple(compared(set.ties[p.second]), p.second); });
  return pairs;
}

}  // namespace

TEST_CASE("the same tie twice is found among many, either way round for a symmetric kind, whatever the threads") {
  TieVector set;
  const std::array<std::string_view, 3> labels{"", "call", "meeting"};
  std::uint64_t seed = 7;
  const auto next = [&](std::uint64_t bound) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % bound;
  };
  // Enough ties to be sorted in parts on several threads, few enough ends and dates to repeat.
  for (std::size_t i = 0; i < 70'000; ++i) {
    detail::Tie tie;
    tie.kind = next(2) == 0 ? RelationKind::associate_of : RelationKind::member_of;
    tie.from = next(300);
    tie.to = next(300);
    if (next(2) == 0) tie.since = Date::from_ymd(2000 + static_cast<int>(next(3)), 1, 1);
    if (next(4) == 0) tie.ended_by = Date::parse("2021");
    tie.label = labels[next(labels.size())];
    set.ties.push_back(tie);
  }
  const auto expected = same_ties_by_hand(set);
  REQUIRE(expected.size() > 1000);
  for (const unsigned threads : {1U, 2U, 3U, 8U}) {
    CAPTURE(threads);
    CHECK(detail::same_ties(set, threads) == expected);
  }
}

TEST_CASE("a fact file cut short or replaced after it was listed is a located problem, not a crash") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("cartelgraph_cut_file_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path path = dir / "facts.json";
  std::string text = R"({"sources": [{"id": "doc", "title": "T", "published": "2021", "document": "d"}],
  "entities": [)";
  for (int i = 0; i < 20000; ++i)
    text += (i ? ",\n" : "\n") + std::string(R"({"id": "e-)") + std::to_string(i) +
            R"(", "type": "person", "name": "E", "description": "D.", "sources": [{"source": "doc", "section": "S", "note": "N."}]})";
  text += "]}\n";
  std::ofstream(path, std::ios::binary) << text;
  const std::vector<FactFile> files = read_fact_directory(dir);
  REQUIRE(files.size() == 1);

  SUBCASE("cut before it is read") {
    fs::resize_file(path, text.size() / 2);
    const LoadResult result = load_facts(files);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].file == path.string());
    CHECK(result.problems[0].line > 1000);
    CHECK(result.problems[0].message.starts_with("JSON syntax error"));
  }
  SUBCASE("cut after a first load, which let its text go") {
    REQUIRE(load_facts(files).problems.empty());
    fs::resize_file(path, text.size() / 3);
    const LoadResult result = load_facts(files);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].line > 1000);
  }
  SUBCASE("replaced by a FIFO, which is neither opened for long nor read") {
    fs::remove(path);
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
    const LoadResult result = load_facts(files);
    REQUIRE(result.problems.size() == 1);
    CHECK(to_string(result.problems[0]) == path.string() + ": not a regular file (a FIFO)");
  }
  fs::remove_all(dir);
}

// Exports and GraphML import: round trips without loss, escaping, located errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <tuple>
#include <vector>

#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/gexf_loader.hpp"
#include "cartelgraph/loaders/graphml_loader.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::make_entity;
using cartelgraph::testing::make_relation;
using cartelgraph::testing::sample_graph;

namespace {

std::vector<std::string> problems_of(const std::string& graphml) {
  const LoadResult result = load_graphml({"test.graphml", graphml});
  std::vector<std::string> lines;
  for (const auto& p : result.problems) lines.push_back(to_string(p));
  return lines;
}

const std::string header =
    "<?xml version=\"1.0\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "<key id=\"k\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
    "<key id=\"s\" for=\"edge\" attr.name=\"since\" attr.type=\"string\"/>\n"
    "<graph edgedefault=\"directed\">\n";

// A graph using every optional field: an entity known by another name, a tie known to hold by a
// date (start unknown), citations of each support, and a source with no document (an interview).
KnowledgeGraph known_graph() {
  KnowledgeGraph g = sample_graph();
  g.add_source({"talk", "An interview", "", "", "2024-05-02", "", ""});
  Entity mencho = make_entity("nemesio-oseguera-cervantes", EntityType::person, "Nemesio Oseguera Cervantes");
  mencho.known_as = "El Mencho";
  mencho.sources = {{"doc", "Sources of “Inner Circle”", "A title names him.", CitationSupport::title},
                    {"talk", "Question 3", "Said in the interview.", CitationSupport::statement}};
  const Vertex v = g.add_entity(mencho);
  Relation seen = make_relation(RelationKind::allied_with, Confidence::alleged);
  seen.known_by = Date::parse("2021-03");
  seen.until = Date::parse("2022");
  seen.sources = {seen.sources[0], Citation{"doc", "Sources of “Inner Circle”", "A title calls it a truce.", CitationSupport::title}};
  g.add_relation(v, *g.find("los-rusos"), seen);
  Relation former = make_relation(RelationKind::associate_of, Confidence::reported);
  former.since = Date::parse("2005");
  former.ended_by = Date::parse("2021-04-08");
  former.sources = {former.sources[0], Citation{"doc", "S", "Called a former associate.", CitationSupport::text}};
  g.add_relation(v, *g.find("jesus-alexander-sanchez-felix"), former);
  return g;
}

using Citations = std::vector<std::tuple<std::string, std::string, std::string, CitationSupport>>;

Citations citations_of(const std::vector<Citation>& citations) {
  Citations out;
  for (const Citation& c : citations) out.emplace_back(c.source, c.section, c.note, c.support);
  return out;
}

// Every field of every entity and relation of `a` is in `b`, the same (relations matched by
// kind and ends), and `b` has no more of either.
void check_same_facts(const KnowledgeGraph& a, const KnowledgeGraph& b) {
  REQUIRE(a.entity_count() == b.entity_count());
  REQUIRE(a.relation_count() == b.relation_count());
  for (const Vertex v : boost::make_iterator_range(boost::vertices(a.graph()))) {
    const Entity& x = a.entity(v);
    CAPTURE(x.id);
    const auto w = b.find(x.id);
    REQUIRE(w);
    const Entity& y = b.entity(*w);
    CHECK(std::tie(x.type, x.name, x.known_as, x.aliases, x.description) ==
          std::tie(y.type, y.name, y.known_as, y.aliases, y.description));
    CHECK(citations_of(x.sources) == citations_of(y.sources));
  }
  const auto key = [](const KnowledgeGraph& g, Edge e) {
    const Relation& r = g.relation(e);
    return std::make_tuple(g.entity(boost::source(e, g.graph())).id, g.entity(boost::target(e, g.graph())).id, r.kind,
                           r.since, r.until, r.known_by, r.ended_by, r.place, r.confidence, citations_of(r.sources));
  };
  std::vector<decltype(key(a, Edge{}))> xs, ys;
  for (const Edge e : boost::make_iterator_range(boost::edges(a.graph()))) xs.push_back(key(a, e));
  for (const Edge e : boost::make_iterator_range(boost::edges(b.graph()))) ys.push_back(key(b, e));
  std::ranges::sort(xs);
  std::ranges::sort(ys);
  CHECK(xs == ys);
  const auto documents = [](const KnowledgeGraph& g) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Source& s : g.sources()) out.emplace_back(s.id, s.document);
    std::ranges::sort(out);
    return out;
  };
  CHECK(documents(a) == documents(b));
}

}  // namespace

TEST_CASE(
    "known_as, known_by, ended_by, each citation support and a source without a document survive every round trip") {
  const KnowledgeGraph g = known_graph();
  const GraphView view(g);
  SUBCASE("through GraphML") {
    const LoadResult back = load_graphml({"round.graphml", export_graphml(view)});
    REQUIRE(back.problems.empty());
    check_same_facts(g, back.graph);
  }
  SUBCASE("through GEXF") {
    const LoadResult back = load_gexf({"round.gexf", export_gexf(view)});
    REQUIRE(back.problems.empty());
    check_same_facts(g, back.graph);
  }
  SUBCASE("through our JSON, which leaves out the default support") {
    const std::string json = export_json(view);
    CHECK(json.find("\"support\": \"title\"") != std::string::npos);
    CHECK(json.find("\"support\": \"statement\"") != std::string::npos);
    CHECK(json.find("\"support\": \"text\"") == std::string::npos);
    CHECK(json.find("\"known_as\": null") == std::string::npos);
    const LoadResult back = load_facts(std::vector<FactFile>{{"export.json", json}});
    REQUIRE(back.problems.empty());
    check_same_facts(g, back.graph);
  }
  SUBCASE("into CSV and Cypher, each in its own column or property") {
    const CsvExport csv = export_csv(view);
    CHECK(csv.nodes.starts_with("id:ID,name,type,aliases:string[],known_as,description,storyline,:LABEL\n"));
    CHECK(csv.nodes.find("\"Nemesio Oseguera Cervantes\",\"person\",\"\",\"El Mencho\",") != std::string::npos);
    CHECK(csv.relationships.starts_with(":START_ID,:END_ID,:TYPE,id,label,since,until,known_by,ended_by,place,"));
    // label, since, until, known_by, ended_by
    CHECK(csv.relationships.find(",\"\",\"\",\"2022\",\"2021-03\",\"\",") != std::string::npos);
    CHECK(csv.citations.find(",\"title\",") != std::string::npos);
    const std::string cypher = export_cypher(view);
    CHECK(cypher.find("name: 'Nemesio Oseguera Cervantes', known_as: 'El Mencho'") != std::string::npos);
    CHECK(cypher.find("until: '2022', known_by: '2021-03'") != std::string::npos);
    CHECK(cypher.find("since: '2005', ended_by: '2021-04-08'") != std::string::npos);
    CHECK(cypher.find(R"("support":"statement")") != std::string::npos);
  }
}

TEST_CASE("the built-in data survives GraphML and JSON round trips without loss") {
  const KnowledgeGraph builtin = load_builtin_graph();
  const GraphView view(builtin);
  const std::string canonical = export_json(view);

  SUBCASE("through GraphML") {
    const LoadResult back = load_graphml({"round.graphml", export_graphml(view)});
    REQUIRE(back.problems.empty());
    CHECK(back.graph.entity_count() == builtin.entity_count());
    CHECK(back.graph.relation_count() == builtin.relation_count());
    CHECK(export_json(GraphView(back.graph)) == canonical);
  }
  SUBCASE("through our JSON") {
    const LoadResult back = load_facts(std::vector<FactFile>{{"export.json", canonical}});
    REQUIRE(back.problems.empty());
    CHECK(export_json(GraphView(back.graph)) == canonical);
  }
}

TEST_CASE("exports follow the view") {
  const KnowledgeGraph g = sample_graph();
  ViewFilter filter;
  filter.min_confidence = Confidence::confirmed;
  const std::string json = export_json(GraphView(g, filter));
  CHECK(json.find("\"leads\"") != std::string::npos);
  CHECK(json.find("\"rival_of\"") == std::string::npos);
}

TEST_CASE("CSV has Neo4j's import headers and quotes every field") {
  KnowledgeGraph g = sample_graph();
  g.add_entity(make_entity("quoted", EntityType::person, "A \"quoted\", name", {"x", "y"}));
  const CsvExport csv = export_csv(GraphView(g));
  CHECK(csv.nodes.starts_with("id:ID,name,type,aliases:string[],known_as,description,storyline,:LABEL\n"));
  CHECK(csv.relationships.starts_with(":START_ID,:END_ID,:TYPE,"));
  CHECK(csv.nodes.find("\"quoted\",\"A \"\"quoted\"\", name\",\"person\",\"x;y\"") != std::string::npos);
  CHECK(csv.nodes.find("\"Entity;Person\"") != std::string::npos);
  CHECK(csv.relationships.find("\"ALLIED_WITH\"") != std::string::npos);
}

TEST_CASE("Cypher escapes strings so a name cannot inject statements") {
  KnowledgeGraph g = sample_graph();
  g.add_entity(make_entity("evil", EntityType::person, "x'}) DETACH DELETE n // \\"));
  const std::string cypher = export_cypher(GraphView(g));
  CHECK(cypher.find("name: 'x\\'}) DETACH DELETE n // \\\\'") != std::string::npos);
  CHECK(cypher.find("CREATE (:Entity:Faction {id: 'los-rusos'") != std::string::npos);
  CHECK(cypher.find("-[:RIVAL_OF {confidence: 'alleged'") != std::string::npos);
}

TEST_CASE("GraphML without our attributes loads with the defaults, keeping ids and weights") {
  const std::string graphml =
      "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
      "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "<graph edgedefault=\"undirected\">\n"
      "<node id=\"Alice\"><data key=\"l\">Alice A.</data></node><node id=\"7\"/>\n"
      "<edge source=\"Alice\" target=\"7\"><data key=\"w\">2.5</data></edge>\n"
      "</graph></graphml>\n";
  GraphmlOptions options;
  options.default_type = EntityType::organization;
  options.default_kind = RelationKind::allied_with;
  const LoadResult result = load_graphml({"foreign.graphml", graphml}, options);
  REQUIRE(result.problems.empty());
  const auto alice = result.graph.find("Alice");
  REQUIRE(alice);
  CHECK(result.graph.entity(*alice).name == "Alice A.");
  CHECK(result.graph.entity(*alice).type == EntityType::organization);
  CHECK(result.graph.entity(*result.graph.find("7")).name == "7");
  const auto e = *boost::edges(result.graph.graph()).first;
  CHECK(result.graph.relation(e).kind == RelationKind::allied_with);
  CHECK(result.graph.relation(e).weight == 2.5);
}

TEST_CASE("bad GraphML gets located errors, every one in one run") {
  SUBCASE("XML syntax") {
    const auto p = problems_of(header + "<node id=\"a\">\n</graph></graphml>\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "test.graphml:8:3: XML syntax error: mismatched tag");
  }
  SUBCASE("duplicate ids") {
    const auto p = problems_of(header + "<node id=\"a\"/>\n<node id=\"a\"/>\n</graph></graphml>\n");
    REQUIRE(p.size() == 1);
    CHECK(p[0] == "test.graphml:8:1: duplicate node id 'a' (first defined at test.graphml:7:1)");
  }
  SUBCASE("unknown types, kinds, ids and dates") {
    const auto p = problems_of(header +
                               "<node id=\"a\"><data key=\"t\">gang</data></node>\n"
                               "<node id=\"b\"><data key=\"t\">person</data></node>\n"
                               "<edge source=\"a\" target=\"zz\"/>\n"
                               "<edge source=\"b\" target=\"b\"><data key=\"k\">friend_of</data></edge>\n"
                               "<edge source=\"b\" target=\"a\"><data key=\"s\">2021-02-30</data></edge>\n"
                               "</graph></graphml>\n");
    REQUIRE(p.size() == 4);
    CHECK(p[0] == "test.graphml:7:14: unknown entity type 'gang'");
    CHECK(p[1] == "test.graphml:9:1: unknown node id 'zz'");
    CHECK(p[2] ==
          "test.graphml:10:29: unknown relation kind 'friend_of' (known: " + joined_names<RelationKind>() + ")");
    CHECK(p[3] == "test.graphml:11:29: 'since' is \"2021-02-30\", not a calendar date");
  }
}

// Exports and GraphML import: round trips without loss, escaping, located errors.
#include <doctest/doctest.h>

#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
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

}  // namespace

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
  CHECK(csv.nodes.starts_with("id:ID,name,type,aliases:string[],description,storyline,:LABEL\n"));
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

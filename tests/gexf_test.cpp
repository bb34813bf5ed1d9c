// GEXF both ways: our export read back without loss, dates as spells by the precision rule, and
// files in the form Gephi writes (tests/fixtures/gexf, hand-written after Gephi's exporter).
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/gexf_loader.hpp"
#include "cartelgraph/loaders/load.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::make_entity;
using cartelgraph::testing::make_relation;
using cartelgraph::testing::sample_graph;

namespace {

const std::string fixtures = std::string(CARTELGRAPH_SOURCE_DIR) + "/tests/fixtures/gexf/";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The relation from `from` to `to` whose since is `since` ("" for none); fails the test if none.
const Relation& relation(const KnowledgeGraph& g, const std::string& from, const std::string& to,
                         const std::string& since) {
  for (const Edge e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const Relation& r = g.relation(e);
    if (g.entity(boost::source(e, g.graph())).id == from && g.entity(boost::target(e, g.graph())).id == to &&
        (r.since ? r.since->to_string() : std::string()) == since)
      return r;
  }
  FAIL("no relation " << from << " → " << to << " since '" << since << "'");
  throw;
}

std::optional<Date> date(const char* text) { return Date::parse(text); }

// A GEXF document of the nodes a and b, the graph element's attributes `graph` and `edges`.
std::string two_nodes(const std::string& graph, const std::string& edges) {
  return "<gexf version=\"1.3\"><graph" + graph + "><nodes><node id=\"a\"/><node id=\"b\"/></nodes><edges>" + edges +
         "</edges></graph></gexf>";
}

// Two persons and a group, with ties dated to the year, the month and the day, one known only
// by a date, one known to have ended by a date, and one imported with its own kind and a weight.
KnowledgeGraph dated_graph() {
  KnowledgeGraph g = sample_graph();
  const Vertex a = g.add_entity(make_entity("ana", EntityType::person, "Ana"));
  const Vertex b = g.add_entity(make_entity("beto", EntityType::person, "Beto"));
  const Vertex rusos = *g.find("los-rusos");
  g.add_relation(a, rusos, make_relation(RelationKind::member_of, Confidence::reported, "2021-03", "2024-02"));
  Relation calls = make_relation(RelationKind::associate_of, Confidence::ungraded, "2019-12-30");
  calls.label = "phone calls";
  calls.weight = 2.5;
  g.add_relation(a, b, calls);
  Relation known = make_relation(RelationKind::works_for, Confidence::alleged);
  known.known_by = date("2015-06");
  known.ended_by = date("2019");
  g.add_relation(b, rusos, known);
  return g;
}

}  // namespace

TEST_CASE("the built-in data survives a GEXF round trip: the same JSON export byte for byte") {
  const KnowledgeGraph builtin = load_builtin_graph();
  const GraphView view(builtin);
  const LoadResult back = load_gexf({"round.gexf", export_gexf(view)});
  REQUIRE(back.problems.empty());
  CHECK(back.notes.empty());
  CHECK(export_json(GraphView(back.graph)) == export_json(view));
}

TEST_CASE("a GEXF spell runs from a start's first day to an end's last day, the precision kept beside it") {
  const std::string gexf = export_gexf(GraphView(dated_graph()));
  // 2021-03 starts on the 1st; 2024-02 ends on the 29th (2024 is a leap year); 2020 ends on 12-31.
  CHECK(contains(gexf, "<spell start=\"2021-03-01\" end=\"2024-02-29\"/>"));
  CHECK(contains(gexf, "<spell start=\"2019-01-01\" end=\"2020-12-31\"/>"));
  CHECK(contains(gexf, "<spell start=\"2019-12-30\"/>"));
  // known_by leaves the start open; ended_by 2019 ends the spell on 2019-12-31, marked as such.
  CHECK(contains(gexf, "<spell end=\"2019-12-31\"/>"));
  CHECK(contains(gexf, "<attvalue for=\"known_by\" value=\"2015-06\"/>"));
  CHECK(contains(gexf, "<attvalue for=\"end_is\" value=\"ended_by\"/>"));
  CHECK(contains(gexf, "<attvalue for=\"start_precision\" value=\"month\"/>"));
  CHECK(contains(gexf, "type=\"undirected\" kind=\"allied_with\""));
  CHECK(contains(gexf, "type=\"directed\" kind=\"member_of\""));
  CHECK(contains(gexf, "kind=\"associate_of\" label=\"phone calls\" weight=\"2.5\""));
  CHECK(contains(gexf, "mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\""));
}

TEST_CASE("dates at every precision, known_by, ended_by, a label and a weight survive GEXF") {
  const LoadResult back = load_gexf({"dated.gexf", export_gexf(GraphView(dated_graph()))});
  REQUIRE(back.problems.empty());
  const KnowledgeGraph& g = back.graph;
  const Relation& member = relation(g, "ana", "los-rusos", "2021-03");
  CHECK(member.until == date("2024-02"));
  CHECK(member.kind == RelationKind::member_of);
  const Relation& calls = relation(g, "ana", "beto", "2019-12-30");
  CHECK(calls.label == "phone calls");
  CHECK(calls.weight == 2.5);
  CHECK(calls.confidence == Confidence::ungraded);
  CHECK(calls.kind == RelationKind::associate_of);
  const Relation& known = relation(g, "beto", "los-rusos", "");
  CHECK(known.known_by == date("2015-06"));
  CHECK(known.ended_by == date("2019"));
  CHECK_FALSE(known.until);
  CHECK(relation(g, "jesus-alexander-sanchez-felix", "los-rusos", "2019").until == date("2020"));
}

TEST_CASE("a GEXF 1.3 file in the form Gephi 0.10 writes loads with its nodes, edges and dates") {
  const LoadResult result = load("" + fixtures + "gephi_0.10_dynamic.gexf");
  REQUIRE(result.problems.empty());
  const KnowledgeGraph& g = result.graph;
  CHECK(g.entity_count() == 4);
  CHECK(g.relation_count() == 5);  // edge 1 has two spells: two relations
  CHECK(g.entity(*g.find("n0")).name == "Ana Ruiz");
  CHECK(g.entity(*g.find("n0")).type == EntityType::person);  // no type: --default-type
  CHECK(g.entity(*g.find("n3")).type == EntityType::organization);
  const Relation& calls = relation(g, "n0", "n1", "2019-01-01");
  CHECK(calls.kind == RelationKind::associate_of);  // Gephi's kind "calls" is not ours
  CHECK(calls.label == "calls");
  CHECK(calls.until == date("2019-06-30"));
  CHECK(calls.weight == 3.0);
  CHECK(calls.confidence == Confidence::ungraded);
  CHECK(relation(g, "n1", "n2", "2018-03-01").until == date("2018-12-31"));
  CHECK_FALSE(relation(g, "n1", "n2", "2020-01-01").until);
  const Relation& member = relation(g, "n0", "n3", "");
  CHECK(member.kind == RelationKind::member_of);
  CHECK(member.confidence == Confidence::confirmed);
  CHECK_FALSE(member.weight);
  CHECK(relation(g, "n2", "n1", "2021-05-04").label == "meeting");
}

TEST_CASE("a GEXF 1.2 file in the form Gephi 0.8 wrote loads, its kinds read from an attribute") {
  LoadOptions options;
  options.default_type = EntityType::person;
  const LoadResult result = load(fixtures + "gephi_0.8_1.2draft.gexf", options);
  REQUIRE(result.problems.empty());
  const KnowledgeGraph& g = result.graph;
  CHECK(g.entity_count() == 3);
  CHECK(g.entity(*g.find("2")).type == EntityType::business);
  const Relation& owns = relation(g, "1", "2", "2015-02-01");
  CHECK(owns.kind == RelationKind::owns);
  CHECK(owns.until == date("2016-01-31"));
  CHECK(owns.weight == 2.0);
  const Relation& partner = relation(g, "1", "3", "2014-01-01");
  CHECK(partner.label == "business_partner");
  CHECK(partner.kind == RelationKind::associate_of);
}

TEST_CASE("GEXF times that are not dates are left out with a located note") {
  const std::string gexf = two_nodes(" timeformat=\"double\" mode=\"dynamic\"",
                                     "\n<edge source=\"a\" target=\"b\" start=\"2.5\" end=\"4.0\"/>");
  const LoadResult result = load_gexf({"numbers.gexf", gexf});
  REQUIRE(result.problems.empty());
  REQUIRE(result.notes.size() == 2);
  CHECK(to_string(result.notes[0]) ==
        "numbers.gexf:2:1: time '2.5' is not a calendar date (the graph's timeformat is not date): left out");
  REQUIRE(result.graph.relation_count() == 1);
  CHECK_FALSE(relation(result.graph, "a", "b", "").until);
}

TEST_CASE("an imported GEXF's parallel edges merge into one tie with their weights summed") {
  const LoadResult result = load_gexf(
      {"parallel.gexf", two_nodes("",
                                  "<edge source=\"a\" target=\"b\" weight=\"2\"/><edge source=\"a\" "
                                  "target=\"b\" weight=\"3\"/>")});
  CHECK(result.notes.size() == 1);
  REQUIRE(result.graph.relation_count() == 1);
  CHECK(relation(result.graph, "a", "b", "").weight == 5.0);
}

TEST_CASE("each spell counts against --max-relations, and nodes against --max-entities") {
  LoadOptions options;
  options.limits.max_relations = 1;
  const std::string spells =
      "<edge source=\"a\" target=\"b\"><spells><spell start=\"2020-01-01\"/>"
      "<spell start=\"2021-01-01\"/></spells></edge>";
  const LoadResult two = load_gexf({"spells.gexf", two_nodes(" timeformat=\"date\"", spells)}, options);
  REQUIRE(two.problems.size() == 1);
  CHECK(two.problems[0].message == "more than 1 edges (--max-relations)");
  options.limits.max_entities = 1;
  const LoadResult nodes = load_gexf({"nodes.gexf", two_nodes("", "")}, options);
  REQUIRE(nodes.problems.size() == 1);
  CHECK(nodes.problems[0].message == "more than 1 nodes (--max-entities)");
}

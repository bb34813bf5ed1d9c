#include <doctest/doctest.h>

#include <stdexcept>

#include "cartelgraph/graph/knowledge_graph.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::make_entity;
using cartelgraph::testing::sample_graph;

TEST_CASE("the knowledge graph indexes entities by id") {
  const KnowledgeGraph g = sample_graph();
  CHECK(g.entity_count() == 5);
  CHECK(g.relation_count() == 4);
  const auto v = g.find("los-rusos");
  REQUIRE(v);
  CHECK(g.entity(*v).name == "Los Rusos");
  CHECK_FALSE(g.find("los-russos"));
  REQUIRE(g.find_source("doc"));
  CHECK(g.find_source("doc")->published == "2021-04-08");
  CHECK(g.find_source("nowhere") == nullptr);
}

TEST_CASE("names and aliases are found regardless of case and accents") {
  const KnowledgeGraph g = sample_graph();
  const auto ruso = *g.find("jesus-alexander-sanchez-felix");
  SUBCASE("by alias") {
    REQUIRE(g.find_by_name("el ruso").size() == 1);
    CHECK(g.find_by_name("EL RUSO").front() == ruso);
  }
  SUBCASE("by name without accents") {
    REQUIRE(g.find_by_name("jesus alexander sanchez felix").size() == 1);
    CHECK(g.find_by_name("Jesus Alexander Sanchez Felix").front() == ruso);
  }
  SUBCASE("unknown names find nothing") { CHECK(g.find_by_name("El Chapo").empty()); }
}

TEST_CASE("a name shared by two entities finds both") {
  KnowledgeGraph g = sample_graph();
  g.add_entity(make_entity("ruso-2", EntityType::person, "Other Person", {"El Ruso"}));
  CHECK(g.find_by_name("el ruso").size() == 2);
}

TEST_CASE("duplicate ids are refused") {
  KnowledgeGraph g = sample_graph();
  CHECK_THROWS_AS(g.add_entity(make_entity("mexicali", EntityType::place, "Mexicali")),
                  Error);
  CHECK_THROWS_AS(g.add_source({"doc", "Again", "", "", "2021", "", "doc.txt"}), Error);
  CHECK(g.entity_count() == 5);
}

TEST_CASE("relations keep their direction and bundled properties") {
  const KnowledgeGraph g = sample_graph();
  const auto ruso = *g.find("jesus-alexander-sanchez-felix");
  const auto rusos = *g.find("los-rusos");
  const auto [edge, found] = boost::edge(ruso, rusos, g.graph());
  REQUIRE(found);
  CHECK(g.relation(edge).kind == RelationKind::leads);
  CHECK(g.relation(edge).since->to_string() == "2019");
  CHECK_FALSE(boost::edge(rusos, ruso, g.graph()).second);
  CHECK(boost::in_degree(rusos, g.graph()) == 1);
}

TEST_CASE("moving a knowledge graph moves its vertices and edges without copying them") {
  KnowledgeGraph graph = sample_graph();
  const std::size_t entities = graph.entity_count();
  const std::size_t relations = graph.relation_count();
  const Entity* first = &graph.entity(0);

  KnowledgeGraph moved = std::move(graph);
  CHECK(&moved.entity(0) == first);  // the same storage, not a copy
  CHECK(moved.entity_count() == entities);
  CHECK(moved.relation_count() == relations);
  CHECK(moved.find(first->id) == Vertex{0});
  CHECK(graph.entity_count() == 0);  // NOLINT(bugprone-use-after-move): left empty, usable

  KnowledgeGraph assigned;
  assigned = std::move(moved);
  CHECK(&assigned.entity(0) == first);
  CHECK(assigned.relation_count() == relations);
}

#include <doctest/doctest.h>

#include <stdexcept>

#include "cartelgraph/graph/knowledge_graph.hpp"
#include "cartelgraph/graph/redaction.hpp"
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

TEST_CASE("redacting keeps every entity and relation and hides only the confidential source") {
  KnowledgeGraph g = sample_graph();
  Source informant;
  informant.id = "informant";
  informant.title = "Talk with a witness";
  informant.author = "A reporter";
  informant.kind = SourceKind::interview;
  informant.confidential = true;
  g.add_source(informant);
  Entity gang = make_entity("gang", EntityType::organization, "Gang");
  gang.sources = {{"informant", "Part 2", "Named by the witness.", CitationSupport::text}};
  g.add_entity(gang);
  CHECK(has_confidential(g));
  CHECK_FALSE(has_confidential(sample_graph()));

  const KnowledgeGraph r = redact_confidential(g);
  REQUIRE(r.entity_count() == g.entity_count());
  REQUIRE(r.relation_count() == g.relation_count());
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g.graph())))
    CHECK(r.entity(v).id == g.entity(v).id);
  CHECK(r.find_source("informant") == nullptr);
  const Source* placeholder = r.find_source("confidential-1");
  REQUIRE(placeholder != nullptr);
  CHECK(placeholder->title == "confidential source");
  CHECK(placeholder->author.empty());
  CHECK(placeholder->kind == SourceKind::interview);
  CHECK(placeholder->confidential);
  const Citation& citation = r.entity(*r.find("gang")).sources.front();
  CHECK(citation.source == "confidential-1");
  CHECK(citation.section == "confidential");
  CHECK(citation.note == "Named by the witness.");
  const auto kinds = [](const KnowledgeGraph& k) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Edge e : boost::make_iterator_range(boost::edges(k.graph())))
      out.emplace_back(k.entity(boost::source(e, k.graph())).id, std::string(to_string(k.relation(e).kind)));
    return out;
  };
  CHECK(kinds(r) == kinds(g));
}

#include <doctest/doctest.h>

#include <array>
#include <functional>
#include <random>
#include <set>

#include "cartelgraph/graph/projection.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::make_entity;
using cartelgraph::testing::make_relation;
using cartelgraph::testing::sample_graph;

TEST_CASE("the undirected projection merges parallel relations into one tie") {
  KnowledgeGraph g = sample_graph();
  // A second relation between Los Salazar and Los Garibay, the other way round.
  g.add_relation(*g.find("los-garibay"), *g.find("los-salazar"),
                 make_relation(RelationKind::associate_of, Confidence::reported));
  const Projection p = Projection::build(GraphView(g));
  CHECK(p.node_count() == 5);
  CHECK(p.edge_count() == 4);
  const auto salazar = Projection::index(*p.node(*g.find("los-salazar")));
  const auto garibay = Projection::index(*p.node(*g.find("los-garibay")));
  CHECK(p.arc_index(salazar, garibay));
  CHECK(p.arc_index(garibay, salazar));
  CHECK(p.degree(salazar) == 3);
}

TEST_CASE("the directed projection keeps directions, symmetric kinds both ways") {
  const KnowledgeGraph g = sample_graph();
  const Projection p = Projection::build(GraphView(g), true);
  const auto ruso = Projection::index(*p.node(*g.find("jesus-alexander-sanchez-felix")));
  const auto rusos = Projection::index(*p.node(*g.find("los-rusos")));
  const auto salazar = Projection::index(*p.node(*g.find("los-salazar")));
  CHECK(p.arc_index(ruso, rusos));         // leads: directed
  CHECK_FALSE(p.arc_index(rusos, ruso));
  CHECK(p.arc_index(rusos, salazar));      // rival_of: symmetric
  CHECK(p.arc_index(salazar, rusos));
  CHECK(p.edge_count() == 6);
}

TEST_CASE("the projection follows the view and maps nodes back to entities") {
  const KnowledgeGraph g = sample_graph();
  ViewFilter filter;
  filter.types = type_set(EntityType::faction) | type_set(EntityType::organization);
  const Projection p = Projection::build(GraphView(g, filter));
  CHECK(p.node_count() == 3);
  CHECK(p.edge_count() == 2);
  CHECK_FALSE(p.node(*g.find("mexicali")));
  for (Projection::Node u = 0; u < p.node_count(); ++u) CHECK(p.node(p.entity(Projection::id(u))) == Projection::id(u));
  CHECK(std::ranges::is_sorted(p.entities()));
}

TEST_CASE("an induced subgraph keeps the chosen nodes and the ties among them") {
  const std::vector<std::pair<std::size_t, std::size_t>> edges = {{0, 1}, {1, 2}, {2, 3}};
  const Projection p = Projection::from_edges(4, edges);
  const Projection without_1 = p.induced({true, false, true, true});
  CHECK(without_1.node_count() == 3);
  CHECK(without_1.edge_count() == 1);
  CHECK(without_1.entity(NodeId{0}) == 0);
  CHECK(without_1.entity(NodeId{1}) == 2);
  CHECK_THROWS_AS((void)Projection::from_edges(2, edges), std::out_of_range);
}

TEST_CASE("a projection's rows are the view's ties, each once, on random graphs with repeats and loops") {
  // Brute force: the arcs each relation the view keeps gives (both ways when undirected or its
  // kind is symmetric; none for a loop), as a set, against every row of the projection.
  std::mt19937 random(17);
  const std::array kinds = {RelationKind::associate_of, RelationKind::leads, RelationKind::rival_of,
                            RelationKind::member_of};
  const std::array types = {EntityType::person, EntityType::faction, EntityType::place};
  for (int round = 0; round < 60; ++round) {
    KnowledgeGraph g;
    g.add_source({"doc", "A document", "", "", "2021", "", "doc.txt"});
    const std::size_t n = 2 + random() % 30;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string id = "n" + std::to_string(i);
      g.add_entity(make_entity(id, types[random() % types.size()], id));
    }
    for (std::size_t i = 0, m = random() % (4 * n); i < m; ++i)
      g.add_relation(random() % n, random() % n, make_relation(kinds[random() % kinds.size()], Confidence::reported));
    ViewFilter filter;
    if (round % 3 == 1) filter.types = type_set(EntityType::person) | type_set(EntityType::faction);
    if (round % 3 == 2) filter.kinds = KindSet().set().reset(static_cast<std::size_t>(RelationKind::leads));
    const GraphView view(g, filter);
    for (const bool directed : {false, true}) {
      CAPTURE(round);
      CAPTURE(directed);
      const Projection p = Projection::build(view, directed);
      std::set<std::pair<Vertex, Vertex>> expected;
      for (const Edge e : boost::make_iterator_range(boost::edges(g.graph()))) {
        const Vertex a = boost::source(e, g.graph());
        const Vertex b = boost::target(e, g.graph());
        if (a == b || !view.contains(e)) continue;
        expected.emplace(a, b);
        if (!directed || kind_info(g.relation(e).kind).symmetric) expected.emplace(b, a);
      }
      std::set<std::pair<Vertex, Vertex>> found;
      std::size_t arcs = 0;
      for (Projection::Node u = 0; u < p.node_count(); ++u) {
        const auto row = p.neighbors(u);
        CHECK(std::ranges::adjacent_find(row, std::greater_equal<>()) == row.end());  // ascending, no repeat
        for (const Projection::Node v : row) found.emplace(p.entity(Projection::id(u)), p.entity(Projection::id(v)));
        arcs += row.size();
      }
      CHECK(found == expected);
      CHECK(arcs == expected.size());
      CHECK(boost::num_edges(p.graph()) == arcs);
      CHECK(boost::num_vertices(p.graph()) == p.node_count());
    }
  }
}

// The compact typed graph against Boost's own adjacency_list built from the same relations: the
// same out-, in- and all-edge lists in the same order, and the same answers from BGL algorithms.
#include <doctest/doctest.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <array>
#include <random>
#include <tuple>
#include <vector>

#include "cartelgraph/graph/knowledge_graph.hpp"

namespace cartelgraph {
namespace {

// Boost's reference graph: each edge carries the index its relation got (initialized: GCC warns
// of Boost's default-made edge property otherwise).
struct Index {
  std::size_t value = 0;
};
using Reference = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property, Index>;

struct Pair {
  KnowledgeGraph kg;
  Reference reference;
};

Pair random_pair(std::mt19937& random, std::size_t n, std::size_t m) {
  Pair pair;
  pair.reference = Reference(n);
  for (std::size_t v = 0; v < n; ++v)
    pair.kg.add_entity(Entity{.id = "e" + std::to_string(v), .name = "entity " + std::to_string(v)});
  std::uniform_int_distribution<std::size_t> pick(0, n - 1);
  for (std::size_t i = 0; i < m; ++i) {
    const std::size_t from = pick(random), to = pick(random);
    Relation r;
    r.kind = i % 2 ? RelationKind::allied_with : RelationKind::member_of;
    r.storyline = "story " + std::to_string(i % 3);
    const Edge e = pair.kg.add_relation(from, to, std::move(r));
    CHECK(e.index == i);
    boost::add_edge(from, to, Index{i}, pair.reference);
  }
  return pair;
}

// (source, target, relation index) of each edge of `range`, in order.
template <class Range, class G>
std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> listed(const Range& range, const G& g) {
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> out;
  for (auto e : boost::make_iterator_range(range)) {
    std::size_t index = 0;
    if constexpr (std::is_same_v<G, Graph>) index = boost::get(boost::edge_index, g, e);
    else index = g[e].value;
    out.emplace_back(boost::source(e, g), boost::target(e, g), index);
  }
  return out;
}

TEST_CASE(
    "the compact graph lists every entity's out- and in-relations and all relations as Boost's adjacency_list does") {
  std::mt19937 random(7);
  for (int round = 0; round < 40; ++round) {
    const std::size_t n = 1 + random() % 30, m = random() % 120;
    Pair pair = random_pair(random, n, m);
    const Graph& g = pair.kg.graph();
    REQUIRE(boost::num_vertices(g) == n);
    REQUIRE(boost::num_edges(g) == m);
    CHECK(listed(boost::edges(g), g) == listed(boost::edges(pair.reference), pair.reference));
    for (std::size_t v = 0; v < n; ++v) {
      CHECK(listed(boost::out_edges(v, g), g) == listed(boost::out_edges(v, pair.reference), pair.reference));
      CHECK(listed(boost::in_edges(v, g), g) == listed(boost::in_edges(v, pair.reference), pair.reference));
      CHECK(boost::out_degree(v, g) == boost::out_degree(v, pair.reference));
      CHECK(boost::in_degree(v, g) == boost::in_degree(v, pair.reference));
    }
  }
}

TEST_CASE("breadth-first search and Dijkstra on the compact graph give the distances they give on the adjacency_list") {
  std::mt19937 random(11);
  for (int round = 0; round < 20; ++round) {
    const std::size_t n = 2 + random() % 40;
    Pair pair = random_pair(random, n, random() % 150);
    const Graph& g = pair.kg.graph();
    std::vector<std::size_t> ours(n, 0), theirs(n, 0);
    boost::breadth_first_search(
        g, 0, boost::visitor(boost::make_bfs_visitor(boost::record_distances(ours.data(), boost::on_tree_edge()))));
    boost::breadth_first_search(
        pair.reference, 0,
        boost::visitor(boost::make_bfs_visitor(boost::record_distances(theirs.data(), boost::on_tree_edge()))));
    CHECK(ours == theirs);
    std::vector<double> weight(boost::num_edges(g));
    for (std::size_t i = 0; i < weight.size(); ++i) weight[i] = 1.0 + static_cast<double>(random() % 9);
    std::vector<double> d1(n), d2(n);
    boost::dijkstra_shortest_paths(g, 0,
                                   boost::distance_map(d1.data()).weight_map(boost::make_iterator_property_map(
                                       weight.begin(), boost::get(boost::edge_index, g))));
    boost::dijkstra_shortest_paths(
        pair.reference, 0,
        boost::distance_map(d2.data()).weight_map(boost::make_function_property_map<Reference::edge_descriptor>(
            [&](Reference::edge_descriptor e) { return weight[pair.reference[e].value]; })));
    CHECK(d1 == d2);
  }
}

TEST_CASE("a filtered compact graph keeps only the relations its predicate keeps") {
  std::mt19937 random(3);
  Pair pair = random_pair(random, 20, 80);
  const Graph& g = pair.kg.graph();
  const auto allied = [&](Edge e) {
    return pair.kg.relation_kind(e) == RelationKind::allied_with;
  };
  const boost::filtered_graph<Graph, decltype(allied)> filtered(g, allied);
  std::size_t kept = 0;
  for (const Edge e : boost::make_iterator_range(boost::edges(filtered))) {
    CHECK(pair.kg.relation(e).kind == RelationKind::allied_with);
    ++kept;
  }
  CHECK(kept == 40);
}

TEST_CASE("adding after the graph was read rebuilds it, and copies and moves keep it whole") {
  KnowledgeGraph kg;
  const Vertex a = kg.add_entity(Entity{.id = "a", .name = "A"});
  const Vertex b = kg.add_entity(Entity{.id = "b", .name = "B"});
  kg.add_relation(a, b, Relation{});
  CHECK(boost::num_edges(kg.graph()) == 1);
  const Vertex c = kg.add_entity(Entity{.id = "c", .name = "C"});
  kg.add_relation(b, c, Relation{.kind = RelationKind::rival_of});
  CHECK(boost::num_vertices(kg.graph()) == 3);
  CHECK(boost::out_degree(b, kg.graph()) == 1);
  const KnowledgeGraph copy = kg;
  KnowledgeGraph moved = std::move(kg);
  CHECK(boost::num_edges(kg.graph()) == 0);
  for (const KnowledgeGraph* graph : std::array<const KnowledgeGraph*, 2>{&copy, &moved}) {
    const Graph& g = graph->graph();
    REQUIRE(boost::num_edges(g) == 2);
    const Edge second = *std::next(boost::edges(g).first);
    CHECK(boost::source(second, g) == b);
    CHECK(boost::target(second, g) == c);
    CHECK(graph->relation(second).kind == RelationKind::rival_of);
    CHECK(graph->relation_kind(second) == RelationKind::rival_of);
    CHECK(graph->entity(c).id == "c");
  }
}

}  // namespace
}  // namespace cartelgraph

// The connecting network against a brute force: on small random graphs, the optimal Steiner
// tree found by trying every set of extra nodes (the minimum spanning tree of what each set
// induces), and the 2-approximation's bound.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <set>
#include <vector>

#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/queries/connecting.hpp"

using namespace cartelgraph;

namespace {

using Edge2 = std::pair<std::size_t, std::size_t>;

// Prim-free brute force: the minimum spanning tree length of the subgraph induced by `keep`, or
// infinity when it is not connected (Kruskal over the induced edges).
double induced_mst(std::size_t n, const std::vector<Edge2>& edges, const std::vector<double>& length,
                   const std::vector<bool>& keep) {
  std::vector<std::size_t> order(edges.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::ranges::sort(order, [&](std::size_t a, std::size_t b) { return length[a] < length[b]; });
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  const auto root = [&](std::size_t v) {
    while (parent[v] != v) v = parent[v];
    return v;
  };
  double total = 0;
  std::size_t joined = 0;
  for (const std::size_t i : order) {
    const auto [a, b] = edges[i];
    if (!keep[a] || !keep[b] || root(a) == root(b)) continue;
    parent[root(a)] = root(b);
    total += length[i];
    ++joined;
  }
  const auto kept = static_cast<std::size_t>(std::ranges::count(keep, true));
  return joined + 1 == kept ? total : std::numeric_limits<double>::infinity();
}

// The optimal Steiner tree length: every set of non-terminals tried.
double optimum(std::size_t n, const std::vector<Edge2>& edges, const std::vector<double>& length,
               const std::vector<std::size_t>& terminals) {
  std::vector<std::size_t> others;
  for (std::size_t v = 0; v < n; ++v)
    if (std::ranges::find(terminals, v) == terminals.end()) others.push_back(v);
  double best = std::numeric_limits<double>::infinity();
  for (std::uint32_t mask = 0; mask < (1U << others.size()); ++mask) {
    std::vector<bool> keep(n, false);
    for (const std::size_t t : terminals) keep[t] = true;
    for (std::size_t i = 0; i < others.size(); ++i)
      if (mask & (1U << i)) keep[others[i]] = true;
    best = std::min(best, induced_mst(n, edges, length, keep));
  }
  return best;
}

}  // namespace

TEST_CASE(
    "the connecting network is a tree through every terminal, never shorter than the optimum, at most twice it, "
    "optimal for three") {
  std::mt19937_64 random(7);
  double worst_ratio = 1;
  for (int round = 0; round < 300; ++round) {
    const std::size_t n = 5 + random() % 6;  // 5 to 10 nodes
    std::vector<Edge2> edges;
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = a + 1; b < n; ++b)
        if (random() % 100 < 40) edges.emplace_back(a, b);
    const bool weighted = round % 2 == 1;
    const Projection projection = Projection::from_edges(n, edges);
    // Lengths by edge: small integers, so that many sums tie.
    std::vector<double> by_edge(edges.size(), 1.0);
    if (weighted)
      for (double& l : by_edge) l = static_cast<double>(1 + random() % 4);
    std::vector<double> arc(boost::num_edges(projection.graph()));
    for (std::size_t i = 0; i < edges.size(); ++i) {
      arc[*projection.arc_index(edges[i].first, edges[i].second)] = by_edge[i];
      arc[*projection.arc_index(edges[i].second, edges[i].first)] = by_edge[i];
    }
    std::vector<std::size_t> terminals;
    const std::size_t k = 3 + random() % 2;
    while (terminals.size() < k)
      if (const std::size_t v = random() % n; std::ranges::find(terminals, v) == terminals.end())
        terminals.push_back(v);
    CAPTURE(round);
    const double best = optimum(n, edges, by_edge, terminals);
    std::vector<Vertex> asked(terminals.begin(), terminals.end());
    if (best == std::numeric_limits<double>::infinity()) {
      CHECK_THROWS_AS((void)connecting_network(projection, asked, arc), Error);
      continue;
    }
    const ConnectingNetwork tree = connecting_network(projection, asked, arc);
    // A tree: one tie fewer than its entities, spanning them, every terminal in it.
    REQUIRE(tree.ties.size() + 1 == tree.entities.size());
    std::vector<bool> keep(n, false);
    for (const Vertex v : tree.entities) keep[v] = true;
    for (const std::size_t t : terminals) CHECK(keep[t]);
    std::vector<Edge2> tree_edges(tree.ties.begin(), tree.ties.end());
    std::vector<double> tree_lengths;
    double total = 0;
    for (const auto& [a, b] : tree.ties) {
      const double l = arc[*projection.arc_index(a, b)];
      tree_lengths.push_back(l);
      total += l;
    }
    CHECK(induced_mst(n, tree_edges, tree_lengths, keep) == doctest::Approx(total));  // connected
    CHECK(tree.length == doctest::Approx(total));
    CHECK(tree.length >= best - 1e-9);  // better than the optimum would be a bug
    CHECK(tree.length <= 2 * best + 1e-9);
    if (terminals.size() == 3) CHECK(tree.length == doctest::Approx(best));  // a star through the best centre
    worst_ratio = std::max(worst_ratio, tree.length / best);
  }
  MESSAGE("worst length / optimum over 300 random graphs: " << worst_ratio);
  CHECK(worst_ratio <= 2.0);
}

TEST_CASE("one terminal, or the same twice, is a network of one entity and no tie") {
  const std::vector<Edge2> edges = {{0, 1}, {1, 2}};
  const Projection projection = Projection::from_edges(3, edges);
  const std::vector<Vertex> same = {1, 1};
  const ConnectingNetwork tree = connecting_network(projection, same);
  CHECK(tree.entities == std::vector<Vertex>{1});
  CHECK(tree.ties.empty());
  CHECK(tree.length == 0);
}

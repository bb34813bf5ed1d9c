#include "cartelgraph/queries/connecting.hpp"

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/two_bit_color_map.hpp>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>

#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/queries/tie_strength.hpp"

namespace cartelgraph {

namespace {

using Node = Projection::Node;
constexpr double unreached = std::numeric_limits<double>::infinity();
// Terminals the shortest path heuristic starts from, each costing a search per terminal.
constexpr std::size_t grown_starts = 16;
// Rounds of Steiner node insertion, each trying every node next to two of the tree's.
constexpr std::size_t max_insertions = 8;

// Shortest distances and predecessors from a set of nodes (the nearest of them).
struct Search {
  std::vector<double> distance;
  std::vector<Node> predecessor;
};

Search dijkstra(const Projection& projection, const std::vector<Node>& from, const std::vector<double>& lengths) {
  const auto& g = projection.graph();
  const std::size_t n = projection.node_count();
  Search s{std::vector<double>(n, unreached), std::vector<Node>(n)};
  const auto index = boost::get(boost::vertex_index, g);
  boost::two_bit_color_map<decltype(index)> color(n, index);
  // Boost's default infinity is the largest double; ours is infinity, so unreached is testable.
  boost::dijkstra_shortest_paths(
      g, from.begin(), from.end(), boost::make_iterator_property_map(s.predecessor.begin(), index),
      boost::make_iterator_property_map(s.distance.begin(), index),
      boost::make_iterator_property_map(lengths.begin(), boost::get(boost::edge_index, g)), index, std::less<>(),
      std::plus<>(), unreached, 0.0, boost::dijkstra_visitor<>(), color);
  return s;
}

// A weighted edge between two nodes (or two terminals' positions), lower first.
using WeightedEdge = std::tuple<double, Node, Node>;

// Kruskal's minimum spanning forest of `edges` over nodes 0…node_count-1; equal lengths in node order.
std::vector<WeightedEdge> spanning_tree(std::vector<WeightedEdge> edges, std::size_t node_count) {
  std::ranges::sort(edges);
  std::vector<std::size_t> parent(node_count);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  const auto root = [&](std::size_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  std::vector<WeightedEdge> tree;
  for (const auto& edge : edges) {
    const std::size_t a = root(std::get<1>(edge)), b = root(std::get<2>(edge));
    if (a == b) continue;
    parent[a] = b;
    tree.push_back(edge);
  }
  return tree;
}

// Removes leaves that are not terminals until none is left.
void prune(std::vector<WeightedEdge>& tree, const std::set<Node>& terminals) {
  for (bool changed = true; changed;) {
    std::map<Node, std::size_t> degree;
    for (const auto& [w, a, b] : tree) ++degree[a], ++degree[b];
    const auto leaf = [&](Node v) {
      return degree[v] == 1 && !terminals.contains(v);
    };
    const auto before = tree.size();
    std::erase_if(tree, [&](const WeightedEdge& e) { return leaf(std::get<1>(e)) || leaf(std::get<2>(e)); });
    changed = tree.size() != before;
  }
}

// Kou's last steps on the nodes a heuristic chose: a minimum spanning tree of the subgraph they
// induce, its leaves that are not terminals pruned.
std::vector<WeightedEdge> finish(const Projection& projection, const std::vector<double>& arc,
                                 const std::set<Node>& chosen, const std::set<Node>& terminals) {
  std::vector<WeightedEdge> edges;
  for (const Node u : chosen) {
    const auto neighbors = projection.neighbors(u);
    for (std::size_t i = 0; i < neighbors.size(); ++i)
      if (u < neighbors[i] && chosen.contains(neighbors[i]))
        edges.emplace_back(arc[projection.first_arc(u) + i], u, neighbors[i]);
  }
  std::vector<WeightedEdge> tree = spanning_tree(std::move(edges), projection.node_count());
  prune(tree, terminals);
  return tree;
}

// The tree's length.
double total(const std::vector<WeightedEdge>& tree) {
  double sum = 0;
  for (const auto& [w, a, b] : tree) sum += w;
  return sum;
}

// Adds the nodes of the shortest path from `to` back to a source of `search` (excluded) to `chosen`.
void add_path(const Search& search, Node to, std::set<Node>& chosen) {
  for (Node v = to; search.predecessor[v] != v; v = search.predecessor[v]) chosen.insert(v);
  chosen.insert(to);
}

// One search from each terminal. Throws Error (no_result) when two terminals are not connected.
std::vector<Search> terminal_searches(const Projection& projection, const std::vector<double>& arc,
                                      const std::vector<Node>& nodes) {
  std::vector<Search> searches;
  for (const Node t : nodes) searches.push_back(dijkstra(projection, {t}, arc));
  for (const Node t : nodes)
    if (searches.front().distance[t] == unreached)
      throw Error(ErrorCategory::no_result, "no path connects two of the entities in this view");
  return searches;
}

// Kou, Markowsky and Berman: the nodes of the shortest paths of a minimum spanning tree of the
// terminals' metric closure.
std::set<Node> kou_nodes(const std::vector<Search>& searches, const std::vector<Node>& nodes) {
  std::vector<WeightedEdge> closure;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    for (std::size_t j = i + 1; j < nodes.size(); ++j) closure.emplace_back(searches[i].distance[nodes[j]], i, j);
  std::set<Node> chosen(nodes.begin(), nodes.end());
  for (const auto& [w, i, j] : spanning_tree(closure, nodes.size())) add_path(searches[i], nodes[j], chosen);
  return chosen;
}

// A star: the shortest paths from every terminal to the node whose distances to them add up
// least (the lowest among equals). For three terminals, the optimal Steiner tree is one.
std::set<Node> star_nodes(const std::vector<Search>& searches, const std::vector<Node>& nodes) {
  const std::size_t n = searches.front().distance.size();
  Node center = nodes.front();
  double best = unreached;
  for (Node v = 0; v < n; ++v) {
    double sum = 0;
    for (const Search& search : searches) sum += search.distance[v];
    if (sum < best) best = sum, center = v;
  }
  std::set<Node> chosen(nodes.begin(), nodes.end());
  for (const Search& search : searches) add_path(search, center, chosen);
  return chosen;
}

// Takahashi and Matsuyama's shortest path heuristic from the terminal `start`: the tree grows by
// the shortest path to the terminal nearest to it (the lowest node among equals) until all are in.
std::set<Node> grown_nodes(const Projection& projection, const std::vector<double>& arc, const std::vector<Node>& nodes,
                           Node start) {
  std::set<Node> chosen{start};
  std::set<Node> left(nodes.begin(), nodes.end());
  left.erase(start);
  while (!left.empty()) {
    const Search search = dijkstra(projection, std::vector<Node>(chosen.begin(), chosen.end()), arc);
    const Node nearest = *std::ranges::min_element(left, {}, [&](Node t) { return search.distance[t]; });
    add_path(search, nearest, chosen);
    for (const Node v : chosen) left.erase(v);
  }
  return chosen;
}

// The tree's ties depth first from `root`, each oriented away from it.
std::vector<std::pair<Node, Node>> depth_first(const std::vector<WeightedEdge>& tree, Node root) {
  std::map<Node, std::vector<Node>> adjacent;
  for (const auto& [w, a, b] : tree) adjacent[a].push_back(b), adjacent[b].push_back(a);
  std::vector<std::pair<Node, Node>> order;
  std::vector<std::pair<Node, Node>> stack{{root, root}};  // (node, its parent)
  while (!stack.empty()) {
    const auto [v, parent] = stack.back();
    stack.pop_back();
    if (v != parent) order.emplace_back(parent, v);
    auto& next = adjacent[v];
    std::ranges::sort(next, std::greater<>());  // the lowest node is visited first
    for (const Node w : next)
      if (w != parent) stack.emplace_back(w, v);
  }
  return order;
}

// The terminals' nodes, in the order asked, duplicates removed. Throws Error (usage).
std::vector<Node> terminal_nodes(const Projection& projection, std::span<const Vertex> terminals) {
  std::vector<Node> nodes;
  for (const Vertex v : terminals) {
    const auto node = projection.node(v);
    if (!node) throw Error(ErrorCategory::usage, "an entity to connect is not in the network analysed");
    if (std::ranges::find(nodes, Projection::index(*node)) == nodes.end()) nodes.push_back(Projection::index(*node));
  }
  return nodes;
}

// Steiner node insertion (Minoux 1990's local search, restricted to the tree's neighbours): adds
// the node next to two or more of the tree's that shortens the finished tree most, until none does.
std::vector<WeightedEdge> insert_nodes(const Projection& projection, const std::vector<double>& arc,
                                       std::vector<WeightedEdge> tree, const std::set<Node>& terminals) {
  for (std::size_t pass = 0; pass < max_insertions; ++pass) {
    std::set<Node> chosen(terminals);
    for (const auto& [w, a, b] : tree) chosen.insert(a), chosen.insert(b);
    std::map<Node, std::size_t> touching;
    for (const Node u : chosen)
      for (const Node v : projection.neighbors(u))
        if (!chosen.contains(v)) ++touching[v];
    std::vector<WeightedEdge> best = tree;
    for (const auto& [v, count] : touching) {
      if (count < 2) continue;
      chosen.insert(v);
      std::vector<WeightedEdge> candidate = finish(projection, arc, chosen, terminals);
      if (total(candidate) < total(best) - 1e-12) best = std::move(candidate);
      chosen.erase(v);
    }
    if (best == tree) break;
    tree = std::move(best);
  }
  return tree;
}

// The lightest tree of the heuristics (Kou's, a star, the grown tree from each of the first
// `grown_starts` terminals), then improved by node insertion.
std::vector<WeightedEdge> lightest_tree(const Projection& projection, const std::vector<double>& arc,
                                        const std::vector<Node>& nodes) {
  const std::set<Node> terminals(nodes.begin(), nodes.end());
  const std::vector<Search> searches = terminal_searches(projection, arc, nodes);
  std::vector<WeightedEdge> best = finish(projection, arc, kou_nodes(searches, nodes), terminals);
  const auto consider = [&](const std::set<Node>& chosen) {
    std::vector<WeightedEdge> tree = finish(projection, arc, chosen, terminals);
    if (total(tree) < total(best) - 1e-12) best = std::move(tree);
  };
  consider(star_nodes(searches, nodes));
  for (std::size_t i = 0; i < std::min(nodes.size(), grown_starts); ++i)
    consider(grown_nodes(projection, arc, nodes, nodes[i]));
  return insert_nodes(projection, arc, std::move(best), terminals);
}

}  // namespace

ConnectingNetwork connecting_network(const Projection& projection, std::span<const Vertex> terminals,
                                     std::span<const double> lengths) {
  const std::vector<Node> nodes = terminal_nodes(projection, terminals);
  const std::vector<double> arc(lengths.empty() ? std::vector<double>(boost::num_edges(projection.graph()), 1.0)
                                                : std::vector<double>(lengths.begin(), lengths.end()));
  const std::vector<WeightedEdge> tree = lightest_tree(projection, arc, nodes);
  ConnectingNetwork result;
  const auto entity = [&](Node v) {
    return projection.entity(Projection::id(v));
  };
  for (const Node t : nodes) result.terminals.push_back(entity(t));
  std::set<Node> in_tree(nodes.begin(), nodes.end());
  for (const auto& [w, a, b] : tree) {
    result.length += w;
    in_tree.insert(a);
    in_tree.insert(b);
  }
  for (const Node v : in_tree) result.entities.push_back(entity(v));
  if (!nodes.empty())
    for (const auto& [a, b] : depth_first(tree, nodes.front())) result.ties.emplace_back(entity(a), entity(b));
  return result;
}

ConnectingNetwork connecting_network(const Network& network, std::span<const Vertex> terminals, PathWeight weight) {
  const Projection& projection = network.projection();
  switch (weight) {
    case PathWeight::none: return connecting_network(projection, terminals);
    case PathWeight::weight: return connecting_network(projection, terminals, arc_lengths(network.strengths()));
    case PathWeight::confidence: break;
  }
  std::vector<double> costs(boost::num_edges(projection.graph()), unreached);
  for (Node u = 0; u < projection.node_count(); ++u) {
    const auto neighbors = projection.neighbors(u);
    for (std::size_t i = 0; i < neighbors.size(); ++i)
      for (const Edge e :
           network.tie_relations(projection.entity(Projection::id(u)), projection.entity(Projection::id(neighbors[i]))))
        costs[projection.first_arc(u) + i] = std::min(
            costs[projection.first_arc(u) + i],
            confidence_cost(network.view().knowledge_graph().relation(e).confidence));
  }
  return connecting_network(projection, terminals, costs);
}

}  // namespace cartelgraph

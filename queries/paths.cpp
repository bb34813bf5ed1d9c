#include "cartelgraph/queries/paths.hpp"

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <algorithm>
#include <array>
#include <limits>
#include <set>

#include "cartelgraph/queries/tie_strength.hpp"

namespace cartelgraph {

namespace {

using Node = Projection::Node;
using Csr = Projection::Graph;

// What a spur search may not use: nodes of the root path and arcs of earlier paths.
struct Removed {
  std::vector<bool> nodes;
  std::set<std::pair<Node, Node>> arcs;
};

struct KeepArc {
  const Csr* graph = nullptr;
  const Removed* removed = nullptr;
  bool operator()(const boost::graph_traits<Csr>::edge_descriptor& e) const {
    return removed->arcs.empty() || !removed->arcs.contains({boost::source(e, *graph), boost::target(e, *graph)});
  }
};

struct KeepNode {
  const Removed* removed = nullptr;
  bool operator()(Node v) const { return !removed->nodes[v]; }
};

// Thrown by the visitor below to end a Dijkstra search (the way Boost's documentation gives to
// stop one early).
struct Reached {};

// Ends the search when `to` is settled: its distance and every predecessor on its path are then
// final (Boost relaxes only on a strictly shorter distance, so nothing settled later changes
// them), and the path is the one the whole search would give. Counts the nodes and arcs the
// search examined in `work`.
struct StopAt : boost::default_dijkstra_visitor {
  Node to = 0;
  std::size_t* work = nullptr;
  template <class G>
  void examine_vertex(Node u, const G& /*graph*/) const {
    ++*work;
    if (u == to) throw Reached{};
  }
  template <class E, class G>
  void examine_edge(const E& /*arc*/, const G& /*graph*/) const {
    ++*work;
  }
};

// Cheapest path from `from` to `to` avoiding `removed`, as nodes; empty when there is none. Adds
// the nodes and arcs it examined to `work`.
std::vector<Node> cheapest_path(const Projection& projection, Node from, Node to, const std::vector<double>& weights,
                                const Removed& removed, std::size_t& work) {
  const Csr& g = projection.graph();
  const boost::filtered_graph<Csr, KeepArc, KeepNode> view(g, KeepArc{&g, &removed}, KeepNode{&removed});
  const std::size_t n = projection.node_count();
  std::vector<Node> predecessor(n);
  std::vector<double> distance(n, std::numeric_limits<double>::infinity());
  const auto index = boost::get(boost::vertex_index, g);
  try {
    StopAt stop;
    stop.to = to;
    stop.work = &work;
    boost::dijkstra_shortest_paths(
        view, from,
        boost::predecessor_map(boost::make_iterator_property_map(predecessor.begin(), index))
            .distance_map(boost::make_iterator_property_map(distance.begin(), index))
            .weight_map(boost::make_iterator_property_map(weights.begin(), boost::get(boost::edge_index, g)))
            .visitor(stop));
  } catch (const Reached&) {  // the search stopped at `to`, as asked
  }
  if (predecessor[to] == to) return {};  // Boost starts every predecessor at itself
  std::vector<Node> path{to};
  while (path.back() != from) path.push_back(predecessor[path.back()]);
  std::ranges::reverse(path);
  return path;
}

double path_cost(const Projection& projection, const std::vector<Node>& path, const std::vector<double>& weights,
                 std::size_t hops) {
  double cost = 0;
  for (std::size_t i = 0; i < hops; ++i) cost += weights[*projection.arc_index(path[i], path[i + 1])];
  return cost;
}

}  // namespace

double confidence_cost(Confidence confidence) noexcept {
  switch (confidence) {
    case Confidence::confirmed: return 1;
    case Confidence::reported: return 2;
    case Confidence::alleged: return 3;
    case Confidence::ungraded: return 4;
  }
  return 3;
}

std::vector<double> confidence_weights(const GraphView& view, const Projection& projection) {
  std::vector<double> weights(boost::num_edges(projection.graph()), std::numeric_limits<double>::infinity());
  for_each_arc_relation(view, projection, [&](std::size_t arc, const Relation& relation) {
    weights[arc] = std::min(weights[arc], confidence_cost(relation.confidence));
  });
  return weights;
}

namespace {
constexpr std::array<std::string_view, 3> path_weight_names = {"none", "confidence", "weight"};
}  // namespace

template <>
std::span<const std::string_view> names<PathWeight>() noexcept {
  return path_weight_names;
}

std::string_view to_string(PathWeight weight) noexcept { return name_of(weight); }

std::vector<double> arc_costs(const GraphView& view, const Projection& projection, PathWeight weight) {
  switch (weight) {
    case PathWeight::none: return {};
    case PathWeight::confidence: return confidence_weights(view, projection);
    case PathWeight::weight: return arc_lengths(arc_strengths(view, projection));
  }
  return {};
}

namespace {

// The nodes of the paths Yen found, the searches it ran and the nodes and arcs they examined.
struct YenResult {
  std::vector<std::vector<Node>> paths;
  std::size_t searches = 0;
  std::size_t work = 0;
  bool stopped = false;
};

// Whether a path search may run one more cheapest_path search: while the nodes and arcs its
// searches examined add up to less than `max_work`. The first search always runs; the last may
// take the total past the bound by one search's work.
class SearchBudget {
 public:
  explicit SearchBudget(std::size_t max_work) : max_work_(max_work) {}
  // Whether one more search may run (counting it if it may).
  bool spend(YenResult& result) const {
    if (result.searches > 0 && result.work >= max_work_) {
      result.stopped = true;
      return false;
    }
    ++result.searches;
    return true;
  }

 private:
  std::size_t max_work_;
};

// What the spur search leaving the `i`-th node of `previous` may not use: the root's nodes
// before it, and the next arc of every accepted path with the same root.
Removed spur_removals(const Projection& projection, const std::vector<std::vector<Node>>& accepted,
                      const std::vector<Node>& previous, std::size_t i) {
  Removed removed{std::vector<bool>(projection.node_count(), false), {}};
  for (std::size_t j = 0; j < i; ++j) removed.nodes[previous[j]] = true;
  for (const auto& path : accepted)
    if (path.size() > i + 1 && std::equal(path.begin(), path.begin() + static_cast<long>(i) + 1, previous.begin())) {
      removed.arcs.insert({path[i], path[i + 1]});
      if (!projection.directed()) removed.arcs.insert({path[i + 1], path[i]});
    }
  return removed;
}

// Yen (1971): the i-th path is the cheapest among spur paths that leave each node of the
// (i-1)-th path without reusing a root node or an arc that an earlier path with the same root
// took next. Stops when `budget` refuses a search.
YenResult yen(const Projection& projection, Node from, Node to, std::size_t k, const std::vector<double>& weights,
              SearchBudget budget) {
  const std::vector<double> unit(weights.empty() ? boost::num_edges(projection.graph()) : 0, 1.0);
  const std::vector<double>& w = weights.empty() ? unit : weights;
  YenResult result;
  std::vector<std::vector<Node>>& accepted = result.paths;
  if (k == 0 || from == to || !budget.spend(result)) return result;
  auto first =
      cheapest_path(projection, from, to, w, {std::vector<bool>(projection.node_count(), false), {}}, result.work);
  if (first.empty()) return result;
  accepted.push_back(std::move(first));

  std::set<std::pair<double, std::vector<Node>>> candidates;  // cost, nodes: cheapest first
  while (accepted.size() < k) {
    const std::vector<Node>& previous = accepted.back();
    for (std::size_t i = 0; i + 1 < previous.size(); ++i) {
      if (!budget.spend(result)) return result;
      const auto spur_path = cheapest_path(projection, previous[i], to, w,
                                           spur_removals(projection, accepted, previous, i), result.work);
      if (spur_path.empty()) continue;
      std::vector<Node> candidate(previous.begin(), previous.begin() + static_cast<long>(i));
      candidate.insert(candidate.end(), spur_path.begin(), spur_path.end());
      candidates.emplace(path_cost(projection, candidate, w, candidate.size() - 1), std::move(candidate));
    }
    // Drop candidates already accepted (a spur can rediscover one).
    while (!candidates.empty() && std::ranges::find(accepted, candidates.begin()->second) != accepted.end())
      candidates.erase(candidates.begin());
    if (candidates.empty()) break;
    accepted.push_back(candidates.begin()->second);
    candidates.erase(candidates.begin());
  }
  return result;
}

}  // namespace

std::vector<std::vector<NodeId>> k_shortest_paths(const Projection& projection, NodeId from, NodeId to, std::size_t k,
                                                  const std::vector<double>& weights) {
  std::vector<std::vector<NodeId>> paths;
  const SearchBudget unbounded(std::numeric_limits<std::size_t>::max());
  for (const auto& nodes :
       yen(projection, Projection::index(from), Projection::index(to), k, weights, unbounded).paths) {
    std::vector<NodeId>& path = paths.emplace_back();
    for (const Node node : nodes) path.push_back(Projection::id(node));
  }
  return paths;
}

std::vector<Edge> relations_between(const GraphView& view, Vertex a, Vertex b, bool directed) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const FilteredGraph g = view.graph();
  std::vector<Edge> found;
  for (const Edge e : boost::make_iterator_range(boost::out_edges(a, g)))
    if (boost::target(e, g) == b) found.push_back(e);
  for (const Edge e : boost::make_iterator_range(boost::out_edges(b, g)))
    if (boost::target(e, g) == a && (!directed || kind_info(kg.relation(e).kind).symmetric)) found.push_back(e);
  return found;
}

PathSearch search_paths(const GraphView& view, const Projection& projection, Vertex from, Vertex to,
                        const PathQuery& query) {
  const auto source = projection.node(from);
  const auto target = projection.node(to);
  if (!source || !target) return {};
  const std::vector<double> weights = arc_costs(view, projection, query.weight);
  const YenResult found = yen(projection, Projection::index(*source), Projection::index(*target), query.k, weights,
                              SearchBudget(query.max_work));
  PathSearch result{{}, found.searches, found.work, found.stopped};
  for (const auto& nodes : found.paths) {
    Path path;
    for (const Node node : nodes) path.entities.push_back(projection.entity(Projection::id(node)));
    for (std::size_t i = 0; i + 1 < path.entities.size(); ++i) {
      const Vertex a = path.entities[i];
      const Vertex b = path.entities[i + 1];
      path.hops.push_back({a, b, relations_between(view, a, b, projection.directed())});
    }
    path.cost = !weights.empty() ? path_cost(projection, nodes, weights, nodes.size() - 1)
                                 : static_cast<double>(path.hops.size());
    result.paths.push_back(std::move(path));
  }
  return result;
}

std::vector<Path> find_paths(const GraphView& view, const Projection& projection, Vertex from, Vertex to,
                             const PathQuery& query) {
  return search_paths(view, projection, from, to, query).paths;
}

}  // namespace cartelgraph

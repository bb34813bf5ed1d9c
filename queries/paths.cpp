#include "cartelgraph/queries/paths.hpp"

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>

#include <algorithm>
#include <array>
#include <limits>

#include "cartelgraph/queries/bidirectional_search.hpp"
#include "cartelgraph/queries/tie_strength.hpp"
#include "cartelgraph/queries/yen.hpp"

namespace cartelgraph {

namespace {

using Node = Projection::Node;
using Csr = Projection::Graph;

using detail::Removed;

struct KeepArc {
  const Csr* graph = nullptr;
  const Removed* removed = nullptr;
  bool operator()(const boost::graph_traits<Csr>::edge_descriptor& e) const {
    return !removed->arc(boost::source(e, *graph), boost::target(e, *graph));
  }
};

struct KeepNode {
  const Removed* removed = nullptr;
  bool operator()(Node v) const { return !removed->nodes[v]; }
};

// An arc's cost: its weight, or 1 for every arc when there are no weights (a vector of ones
// would be a number per arc written for every path search).
struct ArcCost : boost::put_get_helper<double, ArcCost> {
  using key_type = boost::graph_traits<Csr>::edge_descriptor;
  using value_type = double;
  using reference = double;
  using category = boost::readable_property_map_tag;
  const std::vector<double>* weights = nullptr;
  double operator[](const key_type& arc) const { return weights->empty() ? 1.0 : (*weights)[arc.idx]; }
};

// Boost's Dijkstra on a projection, as the Search of detail::yen. The arrays it writes
// (predecessor, distance, colour) are kept from one of Yen's searches to the next together with
// the nodes each search touched, so that only those are put back: at a million nodes, making and
// filling them anew for each of a dozen searches was a third of `path`. Between searches every
// node is its own predecessor, at infinite distance, white, and not removed.
class ProjectionSearch {
 public:
  ProjectionSearch(const Projection& projection, const std::vector<double>& weights)
      : projection_(&projection),
        weights_(&weights),
        predecessor_(projection.node_count()),
        distance_(projection.node_count(), std::numeric_limits<double>::infinity()),
        color_(projection.node_count(), boost::white_color) {
    removed_.nodes.assign(projection.node_count(), false);
    for (Node v = 0; v < predecessor_.size(); ++v) predecessor_[v] = v;
  }
  Removed& removed() noexcept { return removed_; }
  [[nodiscard]] bool directed() const noexcept { return projection_->directed(); }
  // Cheapest path from `from` to `to` avoiding removed(), as nodes; empty when there is none.
  // Adds the nodes and arcs it examined to `work`.
  std::vector<Node> cheapest_path(Node from, Node to, std::size_t& work);
  // The sum of the path's arc weights; its hops when there are none.
  [[nodiscard]] double cost(const std::vector<Node>& path) const {
    if (weights_->empty()) return static_cast<double>(path.size() - 1);
    double cost = 0;
    for (std::size_t i = 0; i + 1 < path.size(); ++i)
      cost += (*weights_)[*projection_->arc_index(path[i], path[i + 1])];
    return cost;
  }

 private:
  void reset() {
    for (const Node v : touched_) {
      predecessor_[v] = v;
      distance_[v] = std::numeric_limits<double>::infinity();
      color_[v] = boost::white_color;
    }
    touched_.clear();
  }

  const Projection* projection_;
  const std::vector<double>* weights_;  // empty: one per arc
  std::vector<Node> predecessor_;
  std::vector<double> distance_;
  std::vector<boost::default_color_type> color_;
  std::vector<Node> touched_;
  Removed removed_;
};

// Thrown by the visitor below to end a Dijkstra search (the way Boost's documentation gives to
// stop one early).
struct Reached {};

// Ends the search when `to` is settled: its distance and every predecessor on its path are then
// final (Boost relaxes only on a strictly shorter distance, so nothing settled later changes
// them), and the path is the one the whole search would give. Counts the nodes and arcs the
// search examined in `work`, and the nodes it discovered (the only ones whose predecessor,
// distance or colour it set) in `touched`.
struct StopAt : boost::default_dijkstra_visitor {
  Node to = 0;
  std::size_t* work = nullptr;
  std::vector<Node>* touched = nullptr;
  template <class G>
  void discover_vertex(Node u, const G& /*graph*/) const {
    touched->push_back(u);
  }
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

std::vector<Node> ProjectionSearch::cheapest_path(Node from, Node to, std::size_t& work) {
  const Csr& g = projection_->graph();
  const boost::filtered_graph<Csr, KeepArc, KeepNode> view(g, KeepArc{&g, &removed_}, KeepNode{&removed_});
  const auto index = boost::get(boost::vertex_index, g);
  // The same search as dijkstra_shortest_paths, whose start sets every node as reset() leaves it.
  distance_[from] = 0;
  touched_.push_back(from);
  try {
    StopAt stop;
    stop.to = to;
    stop.work = &work;
    stop.touched = &touched_;
    boost::dijkstra_shortest_paths_no_init(view, from, boost::make_iterator_property_map(predecessor_.begin(), index),
                                           boost::make_iterator_property_map(distance_.begin(), index),
                                           ArcCost{{}, weights_}, index, std::less<>(),
                                           boost::closed_plus<double>(std::numeric_limits<double>::infinity()), 0.0,
                                           stop, boost::make_iterator_property_map(color_.begin(), index));
  } catch (const Reached&) {  // the search stopped at `to`, as asked
  }
  std::vector<Node> path;
  if (predecessor_[to] != to) {  // every predecessor starts at itself
    path.push_back(to);
    while (path.back() != from) path.push_back(predecessor_[path.back()]);
    std::ranges::reverse(path);
  }
  reset();
  return path;
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

std::vector<std::vector<NodeId>> k_shortest_paths(const Projection& projection, NodeId from, NodeId to, std::size_t k,
                                                  const std::vector<double>& weights) {
  std::vector<std::vector<NodeId>> paths;
  const detail::SearchBudget unbounded(std::numeric_limits<std::size_t>::max());
  ProjectionSearch search(projection, weights);
  for (const auto& nodes : detail::yen(search, Projection::index(from), Projection::index(to), k, unbounded).paths) {
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
    if (boost::target(e, g) == a && (!directed || kind_info(kg.relation_kind(e)).symmetric)) found.push_back(e);
  return found;
}

namespace {

// What Yen found, as paths of entities with every relation of each hop; `entity` maps a node
// of the search to its entity, `cost` gives a path's cost from its nodes.
template <class EntityOf, class CostOf>
PathSearch cited_paths(const GraphView& view, bool directed, const detail::YenResult& found, EntityOf entity,
                       CostOf cost) {
  PathSearch result{{}, found.searches, found.work, found.stopped};
  for (const auto& nodes : found.paths) {
    Path path;
    for (const std::size_t node : nodes) path.entities.push_back(entity(node));
    for (std::size_t i = 0; i + 1 < path.entities.size(); ++i) {
      const Vertex a = path.entities[i];
      const Vertex b = path.entities[i + 1];
      path.hops.push_back({a, b, relations_between(view, a, b, directed)});
    }
    path.cost = cost(nodes);
    result.paths.push_back(std::move(path));
  }
  return result;
}

}  // namespace

PathSearch search_paths(const GraphView& view, const Projection& projection, Vertex from, Vertex to,
                        const PathQuery& query) {
  const auto source = projection.node(from);
  const auto target = projection.node(to);
  if (!source || !target) return {};
  const std::vector<double> weights = arc_costs(view, projection, query.weight);
  ProjectionSearch search(projection, weights);
  const detail::YenResult found = detail::yen(search, Projection::index(*source), Projection::index(*target), query.k,
                                              detail::SearchBudget(query.max_work));
  return cited_paths(
      view, projection.directed(), found, [&](Node node) { return projection.entity(Projection::id(node)); },
      [&](const std::vector<Node>& nodes) { return search.cost(nodes); });
}

PathSearch search_paths(const GraphView& view, Vertex from, Vertex to, bool directed, const PathQuery& query) {
  if (query.weight == PathWeight::weight) return search_paths(view, Projection::build(view, directed), from, to, query);
  if (!view.contains(from) || !view.contains(to)) return {};
  detail::BidirectionalSearch search(view, directed, query.weight);
  const detail::YenResult found = detail::yen(search, from, to, query.k, detail::SearchBudget(query.max_work));
  return cited_paths(
      view, directed, found, [](std::size_t entity) { return entity; },
      [&](const std::vector<std::size_t>& nodes) { return search.cost(nodes); });
}

std::vector<Path> find_paths(const GraphView& view, const Projection& projection, Vertex from, Vertex to,
                             const PathQuery& query) {
  return search_paths(view, projection, from, to, query).paths;
}

}  // namespace cartelgraph

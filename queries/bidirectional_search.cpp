#include "cartelgraph/queries/bidirectional_search.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace cartelgraph::detail {

namespace {

constexpr double unreached = std::numeric_limits<double>::infinity();
constexpr Vertex none = std::numeric_limits<Vertex>::max();

// A min-heap of (distance, entity); an entity may sit in it several times, the stale entries
// skipped when popped (cheaper here than a heap with decrease-key over a million entities).
using Heap = std::priority_queue<std::pair<double, Vertex>, std::vector<std::pair<double, Vertex>>, std::greater<>>;

}  // namespace

BidirectionalSearch::BidirectionalSearch(const GraphView& view, bool directed, PathWeight weight)
    : view_(&view), graph_(view.graph()), directed_(directed), weight_(weight) {
  const std::size_t n = view.knowledge_graph().entity_count();
  for (int side = 0; side < 2; ++side) {
    distance_[side].assign(n, unreached);
    parent_[side].assign(n, none);
    settled_[side].assign(n, 0);
  }
  removed_.nodes.assign(n, false);
}

template <class Visit>
void BidirectionalSearch::arcs(Vertex u, int side, Visit visit) const {
  const KnowledgeGraph& kg = view_->knowledge_graph();
  const auto cost = [&](Edge e) {
    return weight_ == PathWeight::confidence ? confidence_cost(kg.relation_confidence(e)) : 1.0;
  };
  const auto both_ways = [&](Edge e) {
    return !directed_ || kind_info(kg.relation_kind(e)).symmetric;
  };
  // Leaving u: its relations' targets, and their sources where the relation runs both ways;
  // entering u, the other way round. A relation of an entity to itself is no hop.
  for (const Edge e : boost::make_iterator_range(boost::out_edges(u, graph_)))
    if (const Vertex v = boost::target(e, graph_); v != u && (side == 0 || both_ways(e))) visit(v, cost(e));
  for (const Edge e : boost::make_iterator_range(boost::in_edges(u, graph_)))
    if (const Vertex v = boost::source(e, graph_); v != u && (side == 1 || both_ways(e))) visit(v, cost(e));
}

std::vector<std::size_t> BidirectionalSearch::cheapest_path(std::size_t from, std::size_t to, std::size_t& work) {
  std::array<Heap, 2> heap;
  const auto reach = [&](int side, Vertex v, double distance, Vertex parent) {
    if (distance_[0][v] == unreached && distance_[1][v] == unreached) touched_.push_back(v);
    distance_[side][v] = distance;
    parent_[side][v] = parent;
    heap[side].emplace(distance, v);
  };
  reach(0, from, 0, from);
  reach(1, to, 0, to);
  double best = unreached;  // the cheapest path found so far, through `meet`
  Vertex meet = none;
  // Dijkstra from each end in turn (the side with the smaller heap), until no path through a node
  // still in a heap can be cheaper than the best found: with costs ≥ 0, one through such a node
  // costs at least the sum of the two heaps' least distances.
  while (!heap[0].empty() && !heap[1].empty() && heap[0].top().first + heap[1].top().first < best) {
    const int side = heap[0].size() <= heap[1].size() ? 0 : 1;
    const double distance = heap[side].top().first;  // not a structured binding: clang 14 cannot capture one
    const Vertex u = heap[side].top().second;
    heap[side].pop();
    if (settled_[side][u] || distance > distance_[side][u]) continue;  // a stale entry
    settled_[side][u] = 1;
    ++work;
    arcs(u, side, [&](Vertex v, double cost) {
      ++work;
      if (removed_.nodes[v] || (side == 0 ? removed_.arc(u, v) : removed_.arc(v, u))) return;
      if (distance + cost < distance_[side][v]) reach(side, v, distance + cost, u);
      if (const double through = distance_[side][v] + distance_[1 - side][v]; through < best) {
        best = through;
        meet = v;
      }
    });
  }
  std::vector<std::size_t> path;
  if (meet != none) {
    for (Vertex v = meet; v != from; v = parent_[0][v]) path.push_back(v);
    path.push_back(from);
    std::ranges::reverse(path);
    for (Vertex v = meet; v != to;) path.push_back(v = parent_[1][v]);
  }
  reset();
  return path;
}

double BidirectionalSearch::cost(const std::vector<std::size_t>& path) const {
  double total = 0;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    double hop = unreached;
    arcs(path[i], 0, [&](Vertex v, double cost) {
      if (v == path[i + 1]) hop = std::min(hop, cost);
    });
    total += hop;
  }
  return total;
}

void BidirectionalSearch::reset() {
  for (const Vertex v : touched_)
    for (int side = 0; side < 2; ++side) {
      distance_[side][v] = unreached;
      settled_[side][v] = 0;
    }
  touched_.clear();
}

}  // namespace cartelgraph::detail

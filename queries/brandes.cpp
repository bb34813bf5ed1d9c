#include "cartelgraph/queries/brandes.hpp"

#include <limits>
#include <stdexcept>

namespace cartelgraph {

namespace {

// The position of a node the search has not reached.
constexpr std::uint32_t unreached = std::numeric_limits<std::uint32_t>::max();

}  // namespace

BrandesGraph::BrandesGraph(const Projection& projection) {
  const std::size_t n = projection.node_count();
  if (n >= unreached) throw std::length_error("betweenness: more than 2^32 - 2 nodes");
  first_.resize(n + 1);
  for (Projection::Node u = 0; u < n; ++u) first_[u] = projection.first_arc(u);
  first_[n] = n == 0 ? 0 : projection.first_arc(n - 1) + projection.degree(n - 1);
  target_.reserve(first_[n]);
  for (Projection::Node u = 0; u < n; ++u)
    for (const Projection::Node v : projection.neighbors(u)) target_.push_back(static_cast<std::uint32_t>(v));
}

BrandesSearch::BrandesSearch(const BrandesGraph& graph)
    : position_(graph.node_count(), unreached),
      order_(graph.node_count()),
      sigma_(graph.node_count()),
      share_(graph.node_count()),
      successors_end_(graph.node_count()),
      successor_(graph.arc_count()) {}

// Level by level: the nodes at positions at or after `level_end` are one step farther than the
// node being scanned, so an arc to one of them (or to a node not reached yet) is on a shortest
// path. Its far end's position is recorded, so that the dependencies need not scan every arc again.
std::size_t BrandesSearch::search(const BrandesGraph& graph, std::uint32_t source) {
  const std::size_t* first = graph.first_.data();
  const std::uint32_t* target = graph.target_.data();
  std::uint32_t* position = position_.data();
  std::uint32_t* order = order_.data();
  double* sigma = sigma_.data();
  std::uint32_t* successor = successor_.data();
  position[source] = 0;
  order[0] = source;
  sigma[0] = 1;
  std::uint32_t tail = 1;
  std::uint32_t level_end = 1;
  std::size_t arcs = 0;
  for (std::uint32_t head = 0; head < tail; ++head) {
    if (head == level_end) level_end = tail;
    const std::uint32_t u = order[head];
    const double paths = sigma[head];
    for (std::size_t arc = first[u]; arc < first[u + 1]; ++arc) {
      const std::uint32_t v = target[arc];
      std::uint32_t p = position[v];
      if (p == unreached) {
        p = tail++;
        position[v] = p;
        order[p] = v;
        sigma[p] = 0;
      } else if (p < level_end) {
        continue;
      }
      sigma[p] += paths;
      successor[arcs++] = p;
    }
    successors_end_[head] = arcs;
  }
  return tail;
}

// Dependencies, farthest first: delta(w) = sigma(w) · Σ share(v) over the successors v of w, and
// share(w) = (1 + delta(w)) / sigma(w), one division per node.
void BrandesSearch::accumulate(const BrandesGraph& graph, std::uint32_t source, std::vector<double>& delta_sum) {
  const std::size_t reached = search(graph, source);
  const std::uint32_t* successor = successor_.data();
  double* share = share_.data();
  for (std::size_t p = reached; p-- > 0;) {
    const std::size_t begin = p == 0 ? 0 : successors_end_[p - 1];
    double sum = 0;
    for (std::size_t k = begin; k < successors_end_[p]; ++k) sum += share[successor[k]];
    const double delta = sigma_[p] * sum;
    share[p] = (1 + delta) / sigma_[p];
    if (p != 0) delta_sum[order_[p]] += delta;
  }
  for (std::size_t p = 0; p < reached; ++p) position_[order_[p]] = unreached;
}

}  // namespace cartelgraph

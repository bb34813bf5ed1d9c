#include "cartelgraph/queries/brandes.hpp"

#include <limits>
#include <memory>
#include <stdexcept>

namespace cartelgraph {

namespace {

// The position of a node the search has not reached (and of a node no component holds yet).
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
  find_components();
}

// One breadth-first search per component, members_ doubling as its queue.
void BrandesGraph::find_components() {
  const std::size_t n = node_count();
  component_.assign(n, unreached);
  members_.reserve(n);
  member_first_.push_back(0);
  for (std::uint32_t root = 0; root < n; ++root) {
    if (component_[root] != unreached) continue;
    const auto c = static_cast<std::uint32_t>(component_arcs_.size());
    std::size_t arcs = 0;
    component_[root] = c;
    members_.push_back(root);
    for (std::size_t head = member_first_.back(); head < members_.size(); ++head) {
      const std::uint32_t u = members_[head];
      arcs += degree(u);
      for (std::size_t arc = first_[u]; arc < first_[u + 1]; ++arc) {
        if (component_[target_[arc]] != unreached) continue;
        component_[target_[arc]] = c;
        members_.push_back(target_[arc]);
      }
    }
    member_first_.push_back(members_.size());
    component_arcs_.push_back(arcs);
  }
}

BrandesSearch::BrandesSearch(const BrandesGraph& graph)
    : position_(graph.node_count(), unreached),
      order_(graph.node_count()),
      sigma_(graph.node_count()),
      share_(graph.node_count()),
      pushed_(graph.node_count(), 0.0),
      successors_end_(graph.node_count()),
      predecessors_end_(graph.node_count()),
      // Written before read: left uninitialized, so a search from few sources costs no memset.
      successor_(std::make_unique_for_overwrite<std::uint32_t[]>(graph.arc_count())),
      predecessor_(std::make_unique_for_overwrite<std::uint32_t[]>(graph.arc_count())) {}

void BrandesSearch::reach(std::uint32_t v, double paths) {
  const std::uint32_t p = tail_++;
  position_[v] = p;
  order_[p] = v;
  sigma_[p] = paths;
  predecessors_end_[p] = predecessor_count_;
}

// Level by level (Beamer et al.'s direction-optimizing search, counting paths): a level is
// scanned top-down from its own arcs, or bottom-up from the arcs of the nodes still unreached,
// whichever are fewer. The last level, with no node left to reach, is not scanned at all.
std::size_t BrandesSearch::search(const BrandesGraph& graph, std::uint32_t source) {
  tail_ = 0;
  successor_count_ = predecessor_count_ = 0;
  unreached_listed_ = false;
  reach(source, 1);
  std::size_t unreached_arcs = graph.component_arcs_[graph.component_[source]];
  for (std::uint32_t begin = 0, end = tail_; begin < end; begin = end, end = tail_) {
    std::size_t level_arcs = 0;
    for (std::uint32_t p = begin; p < end; ++p) level_arcs += graph.degree(order_[p]);
    unreached_arcs -= level_arcs;
    if (unreached_arcs == 0) {  // every node is reached: the level has no successors
      for (std::uint32_t p = begin; p < end; ++p) successors_end_[p] = successor_count_;
    } else if (unreached_arcs < level_arcs) {
      scan_up(graph, source, begin, end);
    } else {
      scan_down(graph, begin, end);
    }
  }
  return tail_;
}

// Top-down: the nodes at positions from `end` on are one step farther than the level, so an arc
// to one of them (or to a node not reached yet) is on a shortest path. Its far end's position is
// recorded, so that the dependencies need not scan every arc again.
void BrandesSearch::scan_down(const BrandesGraph& graph, std::uint32_t begin, std::uint32_t end) {
  const std::size_t* first = graph.first_.data();
  const std::uint32_t* target = graph.target_.data();
  std::uint32_t* position = position_.data();
  std::uint32_t* order = order_.data();
  std::uint32_t* successor = successor_.get();
  double* sigma = sigma_.data();
  std::size_t arcs = successor_count_;
  std::uint32_t tail = tail_;
  for (std::uint32_t head = begin; head < end; ++head) {
    const std::uint32_t u = order[head];
    const double paths = sigma[head];
    const std::size_t last = first[u + 1];
    for (std::size_t arc = first[u]; arc < last; ++arc) {
      const std::uint32_t v = target[arc];
      std::uint32_t p = position[v];
      if (p == unreached) {
        p = tail++;
        position[v] = p;
        order[p] = v;
        sigma[p] = 0;
        predecessors_end_[p] = predecessor_count_;
      } else if (p < end) {
        continue;
      }
      sigma[p] += paths;
      successor[arcs++] = p;
    }
    successors_end_[head] = arcs;
  }
  successor_count_ = arcs;
  tail_ = tail;
}

// Bottom-up: each node not reached yet sums the paths of its neighbours in the level, and is in
// the next level if it has any; it records their positions to push its share back to them.
void BrandesSearch::scan_up(const BrandesGraph& graph, std::uint32_t source, std::uint32_t begin, std::uint32_t end) {
  if (!unreached_listed_) {
    const std::uint32_t c = graph.component_[source];
    unreached_.assign(graph.members_.begin() + static_cast<std::ptrdiff_t>(graph.member_first_[c]),
                      graph.members_.begin() + static_cast<std::ptrdiff_t>(graph.member_first_[c + 1]));
    unreached_listed_ = true;
  }
  const std::size_t* first = graph.first_.data();
  const std::uint32_t* target = graph.target_.data();
  const std::uint32_t* position = position_.data();
  std::uint32_t* predecessor = predecessor_.get();
  const double* sigma = sigma_.data();
  const std::uint32_t width = end - begin;
  std::size_t arcs = predecessor_count_;
  std::size_t kept = 0;
  for (const std::uint32_t v : unreached_) {
    if (position[v] != unreached) continue;
    const std::size_t found = arcs;
    double paths = 0;
    const std::size_t last = first[v + 1];
    for (std::size_t arc = first[v]; arc < last; ++arc) {
      const std::uint32_t p = position[target[arc]];
      if (p - begin >= width) continue;  // wraps when before the level
      paths += sigma[p];
      predecessor[arcs++] = p;
    }
    if (arcs > found) {
      predecessor_count_ = arcs;
      reach(v, paths);
    } else {
      unreached_[kept++] = v;
    }
  }
  unreached_.resize(kept);
  for (std::uint32_t p = begin; p < end; ++p) successors_end_[p] = successor_count_;
}

// Dependencies, farthest first: delta(w) = sigma(w) · Σ share(v) over the successors v of w, and
// share(w) = (1 + delta(w)) / sigma(w), one division per node; the shares of successors found
// bottom-up arrive pushed.
void BrandesSearch::accumulate(const BrandesGraph& graph, std::uint32_t source, std::vector<double>& delta_sum) {
  const std::size_t reached = search(graph, source);
  const std::uint32_t* successor = successor_.get();
  const std::uint32_t* predecessor = predecessor_.get();
  double* share = share_.data();
  double* pushed = pushed_.data();
  for (std::size_t p = reached; p-- > 0;) {
    std::size_t k = p == 0 ? 0 : successors_end_[p - 1];
    double sum = pushed[p];
    for (; k < successors_end_[p]; ++k) sum += share[successor[k]];
    const double delta = sigma_[p] * sum;
    share[p] = (1 + delta) / sigma_[p];
    if (p != 0) delta_sum[order_[p]] += delta;
    for (k = p == 0 ? 0 : predecessors_end_[p - 1]; k < predecessors_end_[p]; ++k) pushed[predecessor[k]] += share[p];
  }
  for (std::size_t p = 0; p < reached; ++p) {
    position_[order_[p]] = unreached;
    pushed[p] = 0;
  }
}

}  // namespace cartelgraph

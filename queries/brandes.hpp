#pragma once
// Brandes' betweenness kernel on breadth-first searches: a kernel-local copy of the arcs with
// 32-bit node ids, and one search's scratch space laid out by discovery order.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "cartelgraph/graph/projection.hpp"

namespace cartelgraph {

/// The arcs of a projection with 32-bit node ids (half the bytes per arc of the Boost CSR), for
/// the searches of unweighted betweenness.
class BrandesGraph {
 public:
  /// A copy of `projection`'s arcs. O(V + E). Throws std::length_error if it has 2^32 − 1 nodes
  /// or more.
  explicit BrandesGraph(const Projection& projection);

  [[nodiscard]] std::size_t node_count() const noexcept { return first_.size() - 1; }
  [[nodiscard]] std::size_t arc_count() const noexcept { return target_.size(); }

 private:
  friend class BrandesSearch;
  std::vector<std::size_t> first_;     // node → its first arc; first_[n] is the arc count
  std::vector<std::uint32_t> target_;  // arc → far end
};

/// One breadth-first Brandes search's scratch space, reused from source to source.
class BrandesSearch {
 public:
  /// Scratch for searches on `graph`. O(V + E) memory.
  explicit BrandesSearch(const BrandesGraph& graph);

  /// Adds the dependency of `source` on every other node to delta_sum (one entry per node).
  /// Preconditions: source < graph.node_count(), the graph is the one given at construction and
  /// undirected. O(V + E).
  void accumulate(const BrandesGraph& graph, std::uint32_t source, std::vector<double>& delta_sum);

 private:
  // Counts shortest paths from `source`, filling the arrays below; returns the nodes reached.
  std::size_t search(const BrandesGraph& graph, std::uint32_t source);

  // Per node: its position in discovery order, or `unreached`.
  std::vector<std::uint32_t> position_;
  // Per position (nodes by non-decreasing distance): the node, its shortest paths, its share
  // (1 + dependency) / paths, and the end of its successors' positions in successor_.
  std::vector<std::uint32_t> order_;
  std::vector<double> sigma_;
  std::vector<double> share_;
  std::vector<std::size_t> successors_end_;
  // Positions of the successors (far ends of arcs on shortest paths), grouped by position.
  std::vector<std::uint32_t> successor_;
};

}  // namespace cartelgraph

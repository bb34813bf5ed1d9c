#pragma once
// Brandes' betweenness kernel on breadth-first searches: a kernel-local copy of the arcs with
// 32-bit node ids, and one search's scratch space laid out by discovery order.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "cartelgraph/graph/projection.hpp"

namespace cartelgraph {

/// The arcs of an undirected projection with 32-bit node ids (half the bytes per arc of the Boost
/// CSR) and its connected components, for the searches of unweighted betweenness.
class BrandesGraph {
 public:
  /// A copy of `projection`'s arcs. O(V + E). Throws std::length_error if it has 2^32 − 1 nodes
  /// or more.
  explicit BrandesGraph(const Projection& projection);

  [[nodiscard]] std::size_t node_count() const noexcept { return first_.size() - 1; }
  [[nodiscard]] std::size_t arc_count() const noexcept { return target_.size(); }

 private:
  friend class BrandesSearch;
  [[nodiscard]] std::size_t degree(std::uint32_t node) const { return first_[node + 1] - first_[node]; }
  void find_components();

  std::vector<std::size_t> first_;     // node → its first arc; first_[n] is the arc count
  std::vector<std::uint32_t> target_;  // arc → far end
  // Connected components: node → component, the nodes of component c at
  // members_[member_first_[c] … member_first_[c + 1]), and the arcs of each.
  std::vector<std::uint32_t> component_;
  std::vector<std::uint32_t> members_;
  std::vector<std::size_t> member_first_;
  std::vector<std::size_t> component_arcs_;
};

/// One breadth-first Brandes search's scratch space, reused from source to source.
class BrandesSearch {
 public:
  /// Scratch for searches on `graph`. O(V + E) memory.
  explicit BrandesSearch(const BrandesGraph& graph);

  /// Adds the dependency of `source` on every other node to delta_sum (one entry per node).
  /// Preconditions: source < graph.node_count(), the graph is the one given at construction.
  /// O(V + E).
  void accumulate(const BrandesGraph& graph, std::uint32_t source, std::vector<double>& delta_sum);

 private:
  // Counts shortest paths from `source`, level by level; returns the nodes reached.
  std::size_t search(const BrandesGraph& graph, std::uint32_t source);
  // The next level from the level at positions [begin, end): from its arcs (top-down), or from
  // the arcs of the nodes not reached yet (bottom-up), whichever are fewer.
  void scan_down(const BrandesGraph& graph, std::uint32_t begin, std::uint32_t end);
  void scan_up(const BrandesGraph& graph, std::uint32_t source, std::uint32_t begin, std::uint32_t end);
  // Reaches node `v` at the next free position with `paths` shortest paths.
  void reach(std::uint32_t v, double paths);

  // Per node: its position in discovery order, or `unreached`.
  std::vector<std::uint32_t> position_;
  // Per position (nodes by non-decreasing distance): the node, its shortest paths, its share
  // (1 + dependency) / paths, the shares its successors found bottom-up pushed to it, and the
  // ends of its links in successor_ (found top-down) and predecessor_ (found bottom-up).
  std::vector<std::uint32_t> order_;
  std::vector<double> sigma_;
  std::vector<double> share_;
  std::vector<double> pushed_;
  std::vector<std::size_t> successors_end_;
  std::vector<std::size_t> predecessors_end_;
  // Positions of the far ends of arcs on shortest paths: successors of the nodes scanned
  // top-down, predecessors of the nodes reached bottom-up.
  std::unique_ptr<std::uint32_t[]> successor_;
  std::unique_ptr<std::uint32_t[]> predecessor_;
  // The nodes of the source's component a bottom-up scan has not reached (it may list nodes
  // reached since, top-down), and whether it is filled for this search.
  std::vector<std::uint32_t> unreached_;
  bool unreached_listed_ = false;
  std::uint32_t tail_ = 0;           // positions given out
  std::size_t successor_count_ = 0;  // entries used in successor_
  std::size_t predecessor_count_ = 0;
};

}  // namespace cartelgraph

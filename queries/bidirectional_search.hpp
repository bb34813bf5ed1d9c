#pragma once
// Cheapest paths between two entities of a view, searched from both ends at once on the view's own
// graph (internal to queries/paths.cpp).

#include <array>
#include <cstddef>
#include <vector>

#include "cartelgraph/graph/view.hpp"
#include "cartelgraph/queries/paths.hpp"
#include "cartelgraph/queries/yen.hpp"

namespace cartelgraph::detail {

/// Bidirectional Dijkstra over the relations a view keeps, entity to entity: no projection of the
/// whole network is built, and each search settles the nodes nearer than about half the
/// target's distance from either end instead of every node nearer than the target. Boost 1.74
/// has no bidirectional search, so it is written here; the one-sided Boost Dijkstra on a
/// projection (k_shortest_paths) gives the same costs, and the tests check the two agree.
///
/// An arc from u to v is any relation the view keeps between them (from u to v only when
/// `directed`, unless its kind is symmetric); its cost is 1 (PathWeight::none) or its
/// confidence_cost (PathWeight::confidence), parallel relations giving the cheapest. Models the
/// Search of detail::yen. The arrays it keeps (two distances, two parents and two flags per
/// entity) are made once, and only the entries a search touched are put back after it.
class BidirectionalSearch {
 public:
  /// Precondition: weight is none or confidence.
  BidirectionalSearch(const GraphView& view, bool directed, PathWeight weight);

  [[nodiscard]] Removed& removed() noexcept { return removed_; }
  [[nodiscard]] bool directed() const noexcept { return directed_; }
  /// The cheapest path from `from` to `to` avoiding removed(), as entities; empty when there is
  /// none. Adds the nodes it settled and the arcs it scanned to `work`.
  [[nodiscard]] std::vector<std::size_t> cheapest_path(std::size_t from, std::size_t to, std::size_t& work);
  /// The cost of a path of entities: the sum of its hops' cheapest arcs.
  [[nodiscard]] double cost(const std::vector<std::size_t>& path) const;

 private:
  // Calls visit(far end, cost) for each arc leaving `u` (side 0) or entering it (side 1).
  template <class Visit>
  void arcs(Vertex u, int side, Visit visit) const;
  void reset();

  const GraphView* view_;
  FilteredGraph graph_;
  bool directed_;
  PathWeight weight_;
  std::array<std::vector<double>, 2> distance_;  // from `from` (0), to `to` (1); infinite if not reached
  std::array<std::vector<Vertex>, 2> parent_;    // the next entity towards that side's start
  std::array<std::vector<unsigned char>, 2> settled_;
  std::vector<Vertex> touched_;  // the entities a search reached, to put back
  Removed removed_;
};

}  // namespace cartelgraph::detail

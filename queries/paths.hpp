#pragma once
// Paths: how one entity is tied to another, hop by hop, with every relation of each hop.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/enum_names.hpp"
#include "cartelgraph/graph/projection.hpp"

namespace cartelgraph {

/// One hop of a path and every relation the view keeps between its two entities.
struct PathHop {
  Vertex from;
  Vertex to;
  std::vector<Edge> relations;
};

/// A path between two entities.
struct Path {
  std::vector<Vertex> entities;
  std::vector<PathHop> hops;
  double cost = 0;  // hops, or the sum of hop costs (PathWeight) when weighted
  [[nodiscard]] std::size_t length() const noexcept { return hops.size(); }
};

/// The default bound on a path search's work: the nodes and arcs its shortest-path searches
/// examined, summed (a search stops when it settles the target, so one between near entities of
/// a large graph examines little of it). Whole-graph searches on a million arcs: about 2 s (45
/// searches); 1000 paths of the built-in data take a tenth of it.
inline constexpr std::size_t default_path_work = 50'000'000;

/// What a hop costs: `none`, one per hop; `confidence`, the cheapest confidence_cost of the
/// hop's relations; `weight`, the length 1/strength of the tie (tie_strength.hpp: parallel
/// relations add their strengths, an absent weight counts 1, a tie of no positive strength is not
/// crossed), so the strongest chain is the shortest.
enum class PathWeight : unsigned char { none, confidence, weight };

/// `none`, `confidence`, `weight`.
template <>
[[nodiscard]] std::span<const std::string_view> names<PathWeight>() noexcept;
[[nodiscard]] std::string_view to_string(PathWeight weight) noexcept;

/// What to look for.
struct PathQuery {
  std::size_t k = 1;                         // how many loopless paths, shortest first
  PathWeight weight = PathWeight::none;      // what a hop costs
  std::size_t max_work = default_path_work;  // see default_path_work; the first search always runs
};

/// What a path search found, and whether it stopped at its bound on work.
struct PathSearch {
  std::vector<Path> paths;   // shortest first
  std::size_t searches = 0;  // shortest-path searches run (the first, then Yen's spur searches)
  std::size_t work = 0;      // nodes and arcs those searches examined (see default_path_work)
  bool stopped = false;      // the bound ended the search before `k` paths: more may exist
};

/// Hop weight of a confidence level when paths are weighted.
[[nodiscard]] double confidence_cost(Confidence confidence) noexcept;

/// Arc weights of `projection` (indexed by edge_index): the cheapest confidence_cost among the
/// relations of `view` merged into each arc.
[[nodiscard]] std::vector<double> confidence_weights(const GraphView& view, const Projection& projection);

/// The cost of every arc of `projection` under `weight` (indexed by edge_index); empty for
/// `none` (unit costs). O(E log degree).
[[nodiscard]] std::vector<double> arc_costs(const GraphView& view, const Projection& projection, PathWeight weight);

/// Up to `k` shortest loopless paths from `from` to `to`, shortest first (Yen's algorithm on
/// Boost's Dijkstra), each as its nodes. Unit weights when `weights` is empty. Yen is not in
/// Boost 1.74. No bound on work (search_paths has one): O(k · V · (E + V log V)).
[[nodiscard]] std::vector<std::vector<NodeId>> k_shortest_paths(const Projection& projection, NodeId from, NodeId to,
                                                                std::size_t k, const std::vector<double>& weights = {});

/// Up to `query.k` shortest paths between two entities of `view`, whose projection (directed or
/// not) is `projection`, found by Yen's algorithm within `query.max_work`; no path if either is
/// outside the view or none connects them. O(min(k · V, max_work / (V + E)) · (E + V log V)).
[[nodiscard]] PathSearch search_paths(const GraphView& view, const Projection& projection, Vertex from, Vertex to,
                                      const PathQuery& query = {});

/// Up to `query.k` shortest paths between two entities of `view` (relations followed in their
/// direction only when `directed`, symmetric kinds both ways), found by Yen's algorithm within
/// `query.max_work`, as the overload above finds them but with no projection of the whole view:
/// for hops and confidence weights, each search runs from both ends at once on the view's own
/// graph and settles what lies within about half the distance from either end, so a path between
/// two entities of a million-entity network takes milliseconds. PathWeight::weight (whose tie
/// strengths add up parallel relations) builds the projection and runs the overload above. The
/// costs equal the overload's; among paths of equal cost either may be chosen.
[[nodiscard]] PathSearch search_paths(const GraphView& view, Vertex from, Vertex to, bool directed,
                                      const PathQuery& query = {});
/// The paths of search_paths (for a few paths, where the bound on work does not matter).
[[nodiscard]] std::vector<Path> find_paths(const GraphView& view, const Projection& projection, Vertex from, Vertex to,
                                           const PathQuery& query = {});

/// The relations `view` keeps between `a` and `b` (from `a` to `b` only, when `directed`; a
/// symmetric kind counts in both directions).
[[nodiscard]] std::vector<Edge> relations_between(const GraphView& view, Vertex a, Vertex b, bool directed);

}  // namespace cartelgraph

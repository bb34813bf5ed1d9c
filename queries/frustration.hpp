#pragma once
// The frustration index of a signed graph: the fewest ties that contradict a split of its nodes
// into two camps (a positive tie across the camps, or a negative tie inside one). Written by hand:
// Boost.Graph has no signed-graph algorithms. Nodes are numbers 0..n−1, independent of any
// KnowledgeGraph, so the splitting can be checked on its own.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cartelgraph {

/// A tie of a signed graph between nodes a and b (a != b); sign is +1 or −1. One tie per pair.
struct SignedTie {
  std::size_t a = 0;
  std::size_t b = 0;
  int sign = +1;
};

/// A split of the nodes into two camps, and how far it is from balance.
struct CampSplit {
  std::vector<unsigned char> camp;  // 0 or 1 per node; node 0 is always in camp 0
  std::size_t frustration = 0;      // frustrated ties of this split
  std::size_t lower_bound = 0;      // no split has fewer; equals frustration when exact
  bool exact = false;               // frustration is the minimum over all splits
};

/// How split_camps searches.
struct SplitOptions {
  std::size_t exact_limit = 20;  // enumerate every split of graphs with at most this many nodes
  std::size_t starts = 16;       // heuristic: local searches from this many starting splits
  std::uint64_t seed = 16;       // heuristic: seed of the starting splits (answers are repeatable)
};

/// True if `camp` frustrates `tie`: a positive tie across the camps or a negative one inside.
[[nodiscard]] bool is_frustrated(const SignedTie& tie, std::span<const unsigned char> camp) noexcept;

/// The number of ties of `ties` that `camp` frustrates. O(ties).
[[nodiscard]] std::size_t frustration_of(std::span<const SignedTie> ties, std::span<const unsigned char> camp);

/// A lower bound on the frustration index: the size of a greedy packing of edge-disjoint
/// unbalanced cycles (each has an odd number of negative ties, so every split frustrates at least
/// one tie of each). Each round grows a BFS forest over the unused ties, 2-colours it by sign, and
/// takes the shortest cycle closed by a tie the colouring contradicts. O(ties · (nodes + ties)).
[[nodiscard]] std::size_t unbalanced_cycle_bound(std::size_t nodes, std::span<const SignedTie> ties);

/// The two camps that minimize the frustrated ties.
/// - Up to `options.exact_limit` nodes: exact, every split enumerated in Gray-code order with node
///   0 fixed in camp 0 (2^(n−1) splits, O(degree) each); ties between equally good splits go to
///   the first one met in that order.
/// - Above: a heuristic. Starting splits are the BFS 2-colourings by sign from node 0 and from
///   seeded random roots, and seeded random splits; from each, nodes are moved one at a time while
///   a move lowers the frustration; the best result is kept. lower_bound is
///   unbalanced_cycle_bound; exact is true only when the two meet.
/// Preconditions: every tie's ends are below `nodes`, one tie per pair.
[[nodiscard]] CampSplit split_camps(std::size_t nodes, std::span<const SignedTie> ties,
                                    const SplitOptions& options = {});

}  // namespace cartelgraph

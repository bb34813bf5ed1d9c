#pragma once
// Key players: the set of k entities whose removal most fragments a network (KPP-Neg) or that
// reaches the most others (KPP-Pos). Borgatti 2006, "Identifying sets of key players in a social
// network" (Computational and Mathematical Organization Theory 12).
//
// Scores of a set S of k nodes in an undirected projection of N nodes; n is the number of nodes
// left after S is removed, n = N − k, as Borgatti measures the graph that remains:
//   fragmentation  F  = 1 − Σ_c s_c(s_c − 1) / (n(n − 1)), s_c the sizes of the components left;
//   distance       DF = 1 − Σ_{i≠j} (1/d_ij) / (n(n − 1)) over ordered pairs of the nodes left,
//                       1/d = 0 when j cannot be reached from i;
//   reach          R  = the fraction of the N − k nodes outside S within `reach_steps` hops of a
//                       member (the path may pass through members), and `reached` their number.
// F and DF are 1 when fewer than two nodes are left; R is 0 when no node is outside S.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/projection.hpp"
#include "cartelgraph/queries/network.hpp"

namespace cartelgraph {

/// What a key player set maximises: fragmentation and distance (KPP-Neg), reach (KPP-Pos).
enum class KeyPlayerCriterion { fragmentation, distance, reach };

/// `fragmentation`, `distance`, `reach`.
template <>
[[nodiscard]] std::span<const std::string_view> names<KeyPlayerCriterion>() noexcept;
[[nodiscard]] std::string_view to_string(KeyPlayerCriterion criterion) noexcept;
[[nodiscard]] std::optional<KeyPlayerCriterion> parse_key_player_criterion(std::string_view name) noexcept;

/// DF is computed from every node up to this many entities…
inline constexpr std::size_t key_player_exact_limit = 2000;
/// …and above, from this many sampled sources. (Each round of swaps searches from every source
/// once per member: exact DF on the 8,800-entity criminal layer of bench's 10k network would take
/// hours; see bench/RESULTS.md.)
inline constexpr std::size_t key_player_samples = 100;

/// How to search for a key player set.
struct KeyPlayerOptions {
  KeyPlayerCriterion criterion = KeyPlayerCriterion::fragmentation;
  /// d of reach: hops from the set (at least 1).
  std::size_t reach_steps = 1;
  /// Random starting sets tried after the greedy one, each drawn with `seed` (+ its number).
  std::size_t restarts = 10;
  std::uint64_t seed = 42;
  /// Sources DF is estimated from; 0 is exact; nullopt is the automatic rule: exact up to
  /// key_player_exact_limit entities, else key_player_samples sources (drawn with `seed`).
  std::optional<std::size_t> samples = std::nullopt;
  /// Worker threads for DF (the per-source searches, in fixed chunks); 0 means every core. F and
  /// reach run on one thread. The result does not depend on it.
  unsigned threads = 0;
};

/// A key player set and how it was found.
struct KeyPlayerSet {
  KeyPlayerCriterion criterion = KeyPlayerCriterion::fragmentation;
  /// The members, in greedy order within the set: first the member that scores best alone,
  /// then the one that adds most to it, and so on.
  std::vector<Vertex> members;
  /// The set's score (see the top of this file), between 0 and 1.
  double score = 0;
  /// The score of the empty set: the network's own F or DF (0 for reach).
  double start = 0;
  /// curve[i]: the score of members[0 … i] (the first i + 1 removed, or reaching); back() == score.
  std::vector<double> curve;
  /// Reach: the nodes outside the set within reach_steps of it; curve_reached likewise.
  std::size_t reached = 0;
  std::vector<std::size_t> curve_reached;
  /// The relations of each member behind its ties to entities not chosen before it (set by the
  /// Network overload; empty from the Projection one).
  std::vector<std::vector<Edge>> relations;
  /// Sources DF was estimated from (0 when exact), and the additive error bound of every DF
  /// score that holds with 95% confidence (Hoeffding: sqrt(ln(2/0.05)/(2k))).
  std::size_t samples = 0;
  double error_bound = 0;
  /// Improving swaps made by the search that found the set, and starting sets tried.
  std::size_t swaps = 0;
  std::size_t starts = 0;
};

/// The best set of min(k, N) nodes of an undirected projection for options.criterion, by
/// Borgatti's search: a greedy start (each step adds the node that scores best, first loaded
/// among equals), then options.restarts random starts (seeded); each improved by swaps (try every
/// member against every non-member, make the best improving swap, until none improves); the
/// best local optimum wins, the earliest among equals. Deterministic for a seed. A heuristic: the
/// score is at most the optimum's. Every swap is scored without a search per swap: per round,
/// O(k (N + E)) for F (one depth-first search per member finds what removing each node cuts off),
/// O(k (N + E + Σ_v B_v)) for reach (B_v: the ties within reach_steps of v), O(k s (E D + Σ_v E_v))
/// for DF (one search per source s and the dominator tree of its shortest paths, depth D: only
/// the E_v ties of the nodes v dominates are searched again). Throws std::invalid_argument on a
/// directed projection or reach_steps 0.
[[nodiscard]] KeyPlayerSet key_players(const Projection& projection, std::size_t k,
                                       const KeyPlayerOptions& options = {});

/// As above on `network`'s projection, with each member's relations filled in.
[[nodiscard]] KeyPlayerSet key_players(const Network& network, std::size_t k, const KeyPlayerOptions& options = {});

/// The score of the given set (repeats ignored) for options.criterion, DF sampled as options
/// say. Throws std::invalid_argument if the projection left an entity out, on a directed
/// projection or reach_steps 0. O(N + E) for F and reach, O(s E) for DF.
[[nodiscard]] double key_player_score(const Projection& projection, std::span<const Vertex> set,
                                      const KeyPlayerOptions& options = {});

}  // namespace cartelgraph

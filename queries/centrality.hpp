#pragma once
// Centrality: six measures with NetworkX 2.8's definitions and normalization, one result shape.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/graph/projection.hpp"

namespace cartelgraph {

/// The measures, named as on the command line.
enum class CentralityMeasure { degree, betweenness, closeness, harmonic, eigenvector, pagerank };

/// `degree`, `betweenness`, … in declaration order.
template <>
[[nodiscard]] std::span<const std::string_view> names<CentralityMeasure>() noexcept;
/// `degree`, `betweenness`, …
[[nodiscard]] std::string_view to_string(CentralityMeasure measure) noexcept;
/// The measure named `name`, or nullopt.
[[nodiscard]] std::optional<CentralityMeasure> parse_centrality_measure(std::string_view name) noexcept;

/// Thrown when a power iteration does not converge within its iteration limit (no_result).
class ConvergenceError : public Error {
 public:
  explicit ConvergenceError(const std::string& message) : Error(ErrorCategory::no_result, message) {}
};

/// Tuning of betweenness_centrality.
struct BetweennessOptions {
  /// Worker threads; 0 means every core. Results are the same, bit for bit, whatever the count.
  unsigned threads = 0;
  /// Scores from this many sources drawn without replacement (NetworkX's `k`); 0 means exact.
  std::size_t samples = 0;
  /// Seed of the source sample.
  std::uint64_t seed = 42;
};

/// Tuning of closeness_centrality and harmonic_centrality.
struct ClosenessOptions {
  /// Worker threads; 0 means every core. Results are the same, bit for bit, whatever the count.
  unsigned threads = 0;
};
using HarmonicOptions = ClosenessOptions;

/// Tuning of eigenvector_centrality: at most `max_iter` rounds, tolerance n·tol (NetworkX's);
/// `strengths`, one per arc (edge_index), weigh the ties as NetworkX's weight='weight' (empty:
/// every tie 1).
struct EigenvectorOptions {
  std::size_t max_iter = 100;
  double tol = 1e-6;
  std::span<const double> strengths = {};
};

/// Tuning of pagerank: damping `alpha`, at most `max_iter` rounds, tolerance n·tol (NetworkX's).
/// `strengths` as in EigenvectorOptions: a node passes its rank on in proportion to them.
struct PageRankOptions {
  double alpha = 0.85;
  std::size_t max_iter = 100;
  double tol = 1e-6;
  std::span<const double> strengths = {};
};

/// How the by-name dispatcher centrality() computes: threads and sampling (the measures it does
/// not apply to ignore them; eigenvector and PageRank use their defaults).
struct CentralityOptions {
  /// Worker threads for betweenness, closeness and harmonic; 0 means every core.
  unsigned threads = 0;
  /// Betweenness from this many sampled sources (NetworkX's `k`); 0 means exact.
  std::size_t samples = 0;
  /// Seed of the source sample.
  std::uint64_t seed = 42;
  /// Tie strengths, one per arc of the projection (edge_index; tie_strength.hpp), or empty for
  /// unweighted measures. Given, betweenness, closeness and harmonic run on lengths 1/strength
  /// (arc_lengths), degree sums strengths, eigenvector and PageRank weigh by strength.
  std::span<const double> strengths = {};
};

/// An entity and its score.
struct RankedEntity {
  Vertex entity;
  double score = 0;
};

/// Scores of one measure, one per entity of the projection they were computed on.
class CentralityScores : public NodeValues<double> {
 public:
  CentralityScores() = default;
  /// Precondition: scores.size() == projection.node_count(), scores[i] is node i's.
  CentralityScores(const Projection& projection, CentralityMeasure measure, std::vector<double> scores)
      : NodeValues<double>(projection, std::move(scores)), measure(measure) {}

  /// The score of `entity`, or nullopt if the projection left it out. O(log V).
  [[nodiscard]] std::optional<double> score(Vertex entity) const { return value(entity); }
  /// Every entity with its score, best first; equal scores keep load order. O(V log V).
  [[nodiscard]] std::vector<RankedEntity> ranking() const;

  CentralityMeasure measure = CentralityMeasure::degree;
  /// Sources used by sampled betweenness (0 when exact), and the additive error bound on every
  /// normalized score that holds with 95% confidence for all entities at once (Hoeffding with a
  /// union bound: (n/(n−1))·sqrt(ln(2n/0.05)/(2k))).
  std::size_t samples = 0;
  double error_bound = 0;
};

// Each measure takes an undirected projection (precondition) and matches the NetworkX 2.8
// function named, to floating-point rounding.

/// degree / (n − 1): `degree_centrality`. With `strengths` (one per arc), the sum of a node's
/// strengths / (n − 1): NetworkX's `G.degree(weight='weight')` scaled as degree_centrality. O(V + E).
[[nodiscard]] CentralityScores degree_centrality(const Projection& projection, std::span<const double> strengths = {});
/// Brandes betweenness normalized by 2 / ((n − 1)(n − 2)): `betweenness_centrality`. With
/// `samples` k > 0, from k sources drawn without replacement and scaled by n/k, as NetworkX's
/// `k`, with the error bound set. O(VE / threads), O(kE / threads) sampled.
[[nodiscard]] CentralityScores betweenness_centrality(const Projection& projection,
                                                      const BetweennessOptions& options = {});
/// (r − 1) / Σd scaled by (r − 1) / (n − 1), r nodes reachable: `closeness_centrality`
/// with wf_improved. O(VE / threads).
[[nodiscard]] CentralityScores closeness_centrality(const Projection& projection, const ClosenessOptions& options = {});
/// Σ 1/d(u, v) over reachable v ≠ u: `harmonic_centrality`. O(VE / threads).
[[nodiscard]] CentralityScores harmonic_centrality(const Projection& projection, const HarmonicOptions& options = {});
/// Power iteration on A + I: `eigenvector_centrality`. Throws ConvergenceError.
[[nodiscard]] CentralityScores eigenvector_centrality(const Projection& projection,
                                                      const EigenvectorOptions& options = {});
/// Power iteration with damping, dangling nodes spread uniformly: `pagerank`.
/// Throws ConvergenceError.
[[nodiscard]] CentralityScores pagerank(const Projection& projection, const PageRankOptions& options = {});
// The same on arc lengths (`lengths`, one per arc by edge_index, positive; +infinity: the arc is
// not crossed), from one Dijkstra search per source; the projection is undirected and lengths
// are the same both ways (preconditions). They match the NetworkX 2.8 functions given the same
// lengths as edge attribute `length`, equal path sums counted as equal as NetworkX does.

/// `betweenness_centrality(G, weight='length')`, sampling as betweenness_centrality.
/// O(V(E + V log V) / threads).
[[nodiscard]] CentralityScores weighted_betweenness_centrality(const Projection& projection,
                                                               std::span<const double> lengths,
                                                               const BetweennessOptions& options = {});
/// `closeness_centrality(G, distance='length')` (wf_improved). O(V(E + V log V) / threads).
[[nodiscard]] CentralityScores weighted_closeness_centrality(const Projection& projection,
                                                             std::span<const double> lengths,
                                                             const ClosenessOptions& options = {});
/// `harmonic_centrality(G, distance='length')`. O(V(E + V log V) / threads).
[[nodiscard]] CentralityScores weighted_harmonic_centrality(const Projection& projection,
                                                            std::span<const double> lengths,
                                                            const HarmonicOptions& options = {});

/// Any measure by name, weighted when options.strengths is given.
[[nodiscard]] CentralityScores centrality(const Projection& projection, CentralityMeasure measure,
                                          const CentralityOptions& options = {});

/// The harmonic sums (Σ 1/d) of the nodes `sources` only, in their order. O(kE / threads),
/// k sources.
[[nodiscard]] std::vector<double> harmonic_sums(const Projection& projection, std::span<const NodeId> sources,
                                                const HarmonicOptions& options = {});
/// `k` distinct nodes of 0 … n − 1 drawn uniformly with `seed`, ascending; all n when k is 0
/// or at least n. The sample sampled betweenness uses.
[[nodiscard]] std::vector<NodeId> sample_nodes(std::size_t n, std::size_t k, std::uint64_t seed);
/// The 95% additive error bound of sampled betweenness on n nodes from k sources (see
/// CentralityScores); 0 when k is 0 or at least n (exact).
[[nodiscard]] double betweenness_error_bound(std::size_t n, std::size_t k) noexcept;

}  // namespace cartelgraph

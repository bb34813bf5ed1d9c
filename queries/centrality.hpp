#pragma once
// Centrality: six measures with NetworkX 2.8's definitions and normalization, one result shape.

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

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

/// Thrown when a power iteration does not converge within its iteration limit.
class ConvergenceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How to compute: threads and sampling.
struct CentralityOptions {
  /// Worker threads for betweenness, closeness and harmonic; 0 means every core. Results are
  /// the same, bit for bit, whatever the count.
  unsigned threads = 0;
  /// Betweenness from this many sampled sources (NetworkX's `k`); 0 means exact.
  std::size_t samples = 0;
  /// Seed of the source sample.
  std::uint64_t seed = 42;
};

/// Scores of one measure, indexed by projection node.
struct CentralityScores {
  CentralityMeasure measure = CentralityMeasure::degree;
  std::vector<double> scores;
  /// Sources used by sampled betweenness (0 when exact), and the additive error bound on every
  /// normalized score that holds with 95% confidence for all entities at once (Hoeffding with a
  /// union bound: (n/(n−1))·sqrt(ln(2n/0.05)/(2k))).
  std::size_t samples = 0;
  double error_bound = 0;
  /// Nodes best first; equal scores keep node (load) order.
  [[nodiscard]] std::vector<Projection::Node> ranking() const;
};

// Each measure takes an undirected projection (precondition) and matches the NetworkX 2.8
// function named, to floating-point rounding.

/// degree / (n − 1): `degree_centrality`. O(V).
[[nodiscard]] std::vector<double> degree_centrality(const Projection& projection);
/// Brandes betweenness normalized by 2 / ((n − 1)(n − 2)): `betweenness_centrality`. With
/// `samples` k > 0, from k sources drawn without replacement and scaled by n/k, as NetworkX's
/// `k`. O(VE / threads), O(kE / threads) sampled.
[[nodiscard]] std::vector<double> betweenness_centrality(const Projection& projection,
                                                         const CentralityOptions& options = {});
/// (r − 1) / Σd scaled by (r − 1) / (n − 1), r nodes reachable: `closeness_centrality`
/// with wf_improved. O(VE).
[[nodiscard]] std::vector<double> closeness_centrality(const Projection& projection,
                                                       const CentralityOptions& options = {});
/// Σ 1/d(u, v) over reachable v ≠ u: `harmonic_centrality`. O(VE).
[[nodiscard]] std::vector<double> harmonic_centrality(const Projection& projection,
                                                      const CentralityOptions& options = {});
/// Harmonic centrality of the nodes `sources` only, in their order. O(kE), k sources.
[[nodiscard]] std::vector<double> harmonic_centrality(const Projection& projection,
                                                      std::span<const Projection::Node> sources,
                                                      const CentralityOptions& options = {});
/// `k` distinct nodes of 0 … n − 1 drawn uniformly with `seed`, ascending; all n when k is 0
/// or at least n. The sample sampled betweenness uses.
[[nodiscard]] std::vector<Projection::Node> sample_nodes(std::size_t n, std::size_t k, std::uint64_t seed);
/// Power iteration on A + I, at most `max_iter` rounds, tolerance n·tol:
/// `eigenvector_centrality`. Throws ConvergenceError.
[[nodiscard]] std::vector<double> eigenvector_centrality(const Projection& projection,
                                                         std::size_t max_iter = 100, double tol = 1e-6);
/// Power iteration with damping `alpha`, dangling nodes spread uniformly: `pagerank`.
/// Throws ConvergenceError.
[[nodiscard]] std::vector<double> pagerank(const Projection& projection, double alpha = 0.85,
                                           std::size_t max_iter = 100, double tol = 1e-6);
/// Any measure by name.
[[nodiscard]] CentralityScores centrality(const Projection& projection, CentralityMeasure measure,
                                          const CentralityOptions& options = {});

}  // namespace cartelgraph

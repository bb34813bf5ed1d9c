#pragma once
// Disruption: what happens to a network when entities are taken out of it, one at a time.
// The method of Cavallaro et al. 2020, "Disrupting resilient criminal networks through data
// analysis: the case of Sicilian Mafia" (PLOS ONE).

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/projection.hpp"
#include "cartelgraph/queries/centrality.hpp"

namespace cartelgraph {

/// Which entity to remove next.
enum class DisruptionStrategy { degree, betweenness };
/// sequential: re-rank after every removal; block: rank once, on the intact network.
enum class DisruptionMode { sequential, block };

/// `degree`, `betweenness`.
template <>
[[nodiscard]] std::span<const std::string_view> names<DisruptionStrategy>() noexcept;
/// `sequential`, `block`.
template <>
[[nodiscard]] std::span<const std::string_view> names<DisruptionMode>() noexcept;

[[nodiscard]] std::string_view to_string(DisruptionStrategy strategy) noexcept;
[[nodiscard]] std::string_view to_string(DisruptionMode mode) noexcept;
[[nodiscard]] std::optional<DisruptionStrategy> parse_disruption_strategy(std::string_view name) noexcept;
[[nodiscard]] std::optional<DisruptionMode> parse_disruption_mode(std::string_view name) noexcept;

/// Exact efficiency costs a search from every entity after every removal: without a sample
/// size, networks of more than this many entities are sampled…
inline constexpr std::size_t automatic_exact_limit = 20000;
/// …from this many sources.
inline constexpr std::size_t automatic_samples = 1000;

/// How to compute a disruption: threads and sampling of efficiency and betweenness.
struct DisruptionOptions {
  /// Worker threads; 0 means every core. Results are the same whatever the count.
  unsigned threads = 0;
  /// Sources to estimate efficiency (and betweenness) from; 0 is exact. nullopt is the automatic
  /// rule: exact up to automatic_exact_limit entities, else automatic_samples sources.
  std::optional<std::size_t> samples = std::nullopt;
  /// Seed of the source sample.
  std::uint64_t seed = 42;
};

/// The sources `options` asks for on a network of `entities` entities, the automatic rule
/// applied; 0 means exact.
[[nodiscard]] std::size_t sample_count(const DisruptionOptions& options, std::size_t entities) noexcept;

/// The state of the network: largest connected component, components, global efficiency.
struct NetworkState {
  std::size_t lcc = 0;
  std::size_t components = 0;
  double efficiency = 0;
  /// Sources the efficiency was estimated from (0 when exact), and the additive error bound
  /// that holds with 95% confidence (Hoeffding: sqrt(ln(2/0.05)/(2k))).
  std::size_t samples = 0;
  double error_bound = 0;
};

/// One removal and the state after it.
struct DisruptionStep {
  Vertex removed;
  NetworkState state;
  double lcc_fraction = 0;  // state.lcc over the largest component before any removal
};

/// The curve of a disruption.
struct DisruptionResult {
  NetworkState start;
  std::vector<DisruptionStep> steps;
};

/// NetworkX's `global_efficiency`: the mean of 1/d(u, v) over ordered pairs u ≠ v (0 for
/// unreachable pairs, and for graphs of fewer than two nodes). Undirected projection. O(VE).
/// Sampled (see sample_count) when `options` says so: the mean over k sources drawn with
/// `options.seed`, O(kE).
[[nodiscard]] double global_efficiency(const Projection& projection, const DisruptionOptions& options = {});

/// Largest component, component count and efficiency (sampled as `options` says) of an
/// undirected projection.
[[nodiscard]] NetworkState network_state(const Projection& projection, const DisruptionOptions& options = {});

/// Removes up to `steps` entities chosen by `strategy` (highest degree, or highest Brandes
/// betweenness, first loaded first among equals) from an undirected projection. `options`
/// sets threads, and sampling of betweenness and efficiency, decided once on the intact network.
[[nodiscard]] DisruptionResult disrupt(const Projection& projection, DisruptionStrategy strategy, DisruptionMode mode,
                                       std::size_t steps, const DisruptionOptions& options = {});

/// Removes the given entities from an undirected projection, in order; repeats are skipped.
/// Throws std::invalid_argument if the projection left one out.
[[nodiscard]] DisruptionResult disrupt(const Projection& projection, std::span<const Vertex> removals,
                                       const DisruptionOptions& options = {});

}  // namespace cartelgraph

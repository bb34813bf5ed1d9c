#pragma once
// Disruption: what happens to a network when entities are taken out of it, one at a time.
// The method of Cavallaro et al. 2020, "Disrupting resilient criminal networks through data
// analysis: the case of Sicilian Mafia" (PLOS ONE).

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
/// With `options.samples` k > 0, the mean over k sources drawn with `options.seed`: O(kE).
[[nodiscard]] double global_efficiency(const Projection& projection, const CentralityOptions& options = {});

/// Largest component, component count and efficiency (sampled as `options` says) of an
/// undirected projection.
[[nodiscard]] NetworkState network_state(const Projection& projection, const CentralityOptions& options = {});

/// Removes up to `steps` entities chosen by `strategy` (highest degree, or highest Brandes
/// betweenness, first loaded first among equals) from an undirected projection. `options`
/// sets threads, and sampling of betweenness and efficiency.
[[nodiscard]] DisruptionResult disrupt(const Projection& projection, DisruptionStrategy strategy,
                                       DisruptionMode mode, std::size_t steps,
                                       const CentralityOptions& options = {});

/// Removes the given nodes of an undirected projection, in order.
[[nodiscard]] DisruptionResult disrupt(const Projection& projection,
                                       std::span<const Projection::Node> removals,
                                       const CentralityOptions& options = {});

}  // namespace cartelgraph

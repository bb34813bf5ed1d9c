#include "cartelgraph/queries/disruption.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/distances.hpp"

namespace cartelgraph {

namespace {

using Node = Projection::Node;

constexpr std::array<std::string_view, 2> strategy_names = {"degree", "betweenness"};
constexpr std::array<std::string_view, 2> mode_names = {"sequential", "block"};

// Scores of the remaining nodes of `projection` (indexed by original node; removed ones -1).
std::vector<double> strategy_scores(const Projection& projection, const std::vector<bool>& keep,
                                    DisruptionStrategy strategy, const DisruptionOptions& options) {
  const Projection remaining = projection.induced(keep);
  const CentralityScores scores = strategy == DisruptionStrategy::degree
                                      ? degree_centrality(remaining)
                                      : betweenness_centrality(
                                            remaining, {options.threads, options.samples.value_or(0), options.seed});
  std::vector<double> by_node(projection.node_count(), -1.0);
  for (Node u = 0, r = 0; u < projection.node_count(); ++u)
    if (keep[u]) by_node[u] = scores.values()[r++];  // the induced projection keeps node order
  return by_node;
}

// The best remaining node: highest score, first loaded among equals.
Node best(const std::vector<double>& scores, const std::vector<bool>& keep) {
  Node chosen = 0;
  bool found = false;
  for (Node u = 0; u < scores.size(); ++u)
    if (keep[u] && (!found || scores[u] > scores[chosen])) {
      chosen = u;
      found = true;
    }
  return chosen;
}

DisruptionStep remove(const Projection& projection, std::vector<bool>& keep, Node node, std::size_t start_lcc,
                      const DisruptionOptions& options) {
  keep[node] = false;
  DisruptionStep step{projection.entity(Projection::id(node)), network_state(projection.induced(keep), options), 0};
  step.lcc_fraction = start_lcc == 0 ? 0 : static_cast<double>(step.state.lcc) / static_cast<double>(start_lcc);
  return step;
}

// `options` with the automatic rule applied for `projection`, so that every state of one
// disruption is computed alike however small the network gets.
DisruptionOptions resolved(const DisruptionOptions& options, const Projection& projection) {
  return {options.threads, sample_count(options, projection.node_count()), options.seed};
}

}  // namespace

std::size_t sample_count(const DisruptionOptions& options, std::size_t entities) noexcept {
  if (options.samples) return *options.samples;
  return entities > automatic_exact_limit ? automatic_samples : 0;
}

template <>
std::span<const std::string_view> names<DisruptionStrategy>() noexcept {
  return strategy_names;
}
template <>
std::span<const std::string_view> names<DisruptionMode>() noexcept {
  return mode_names;
}

std::string_view to_string(DisruptionStrategy strategy) noexcept { return name_of(strategy); }
std::string_view to_string(DisruptionMode mode) noexcept { return name_of(mode); }

std::optional<DisruptionStrategy> parse_disruption_strategy(std::string_view name) noexcept {
  return parse<DisruptionStrategy>(name);
}

std::optional<DisruptionMode> parse_disruption_mode(std::string_view name) noexcept {
  return parse<DisruptionMode>(name);
}

double global_efficiency(const Projection& projection, const DisruptionOptions& options) {
  const std::size_t n = projection.node_count();
  if (n < 2) return 0;
  const std::vector<NodeId> sources = sample_nodes(n, sample_count(options, n), options.seed);
  double total = 0;
  for (const double sum : harmonic_sums(projection, sources, {options.threads})) total += sum;
  return total / (static_cast<double>(sources.size()) * static_cast<double>(n - 1));
}

NetworkState network_state(const Projection& projection, const DisruptionOptions& options) {
  NetworkState state;
  const Components components = connected_components(projection);
  state.components = components.count;
  const std::vector<std::size_t> sizes = components.sizes();
  state.lcc = sizes.empty() ? 0 : *std::ranges::max_element(sizes);
  state.efficiency = global_efficiency(projection, options);
  const std::size_t samples = sample_count(options, projection.node_count());
  if (samples > 0 && samples < projection.node_count()) {
    state.samples = samples;
    state.error_bound = std::sqrt(std::log(2 / 0.05) / (2 * static_cast<double>(samples)));
  }
  return state;
}

DisruptionResult disrupt(const Projection& projection, DisruptionStrategy strategy, DisruptionMode mode,
                         std::size_t steps, const DisruptionOptions& automatic) {
  const DisruptionOptions options = resolved(automatic, projection);
  DisruptionResult result{network_state(projection, options), {}};
  std::vector<bool> keep(projection.node_count(), true);
  std::vector<double> scores;
  std::vector<Node> block_order;
  if (mode == DisruptionMode::block) {
    scores = strategy_scores(projection, keep, strategy, options);
    block_order.resize(projection.node_count());
    for (Node u = 0; u < block_order.size(); ++u) block_order[u] = u;
    std::ranges::stable_sort(block_order, [&](Node a, Node b) { return scores[a] > scores[b]; });
  }
  steps = std::min(steps, projection.node_count());
  for (std::size_t i = 0; i < steps; ++i) {
    const Node next = mode == DisruptionMode::block ? block_order[i]
                                                    : best(strategy_scores(projection, keep, strategy, options), keep);
    result.steps.push_back(remove(projection, keep, next, result.start.lcc, options));
  }
  return result;
}

DisruptionResult disrupt(const Projection& projection, std::span<const Vertex> removals,
                         const DisruptionOptions& automatic) {
  std::vector<Node> nodes;
  for (const Vertex entity : removals) {
    const auto node = projection.node(entity);
    if (!node) throw std::invalid_argument("disrupt: the projection has no entity " + std::to_string(entity));
    nodes.push_back(Projection::index(*node));
  }
  const DisruptionOptions options = resolved(automatic, projection);
  DisruptionResult result{network_state(projection, options), {}};
  std::vector<bool> keep(projection.node_count(), true);
  for (const Node node : nodes)
    if (keep[node]) result.steps.push_back(remove(projection, keep, node, result.start.lcc, options));
  return result;
}

}  // namespace cartelgraph

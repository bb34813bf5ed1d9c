#pragma once
// Analysis results as one value per entity, for other tools to colour and filter by (export
// --with): the sides of the conflicts, the communities, the centralities.

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/enum_names.hpp"
#include "cartelgraph/queries/network.hpp"

namespace cartelgraph {

/// An analysis whose results can be written beside each entity.
enum class NodeAnalysis : unsigned char { sides, communities, centrality };

/// `sides`, `communities`, `centrality`.
template <>
[[nodiscard]] std::span<const std::string_view> names<NodeAnalysis>() noexcept;
[[nodiscard]] std::string_view to_string(NodeAnalysis analysis) noexcept;

/// One result per entity: a number (a score, a community's rank) or a label (a side). Entities
/// the analysis left out have no value.
struct NodeColumn {
  std::string name;  // the attribute's name: "side", "community", "betweenness", …
  bool numeric = true;
  std::map<Vertex, double> numbers;      // when numeric
  std::map<Vertex, std::string> labels;  // else
};

/// How node_columns computes.
struct NodeColumnOptions {
  unsigned threads = 0;     // for the centralities; 0 means every core
  std::uint64_t seed = 42;  // of the communities and of sampled betweenness
};

/// The columns of `analyses`, in the order asked (a repeat once), on `network`:
/// - sides: `conflict` (1 for the largest conflict of factions(network.view()), 2 for the next…)
///   and `side` (`A`, the camp of the conflict's first group in load order, or `B`; `both` for a
///   person whose groups are in both), for the groups and people of a conflict;
/// - communities: `community`, 1 for the largest community of communities(network) (Leiden on
///   tie strengths, seeded), 2 for the next…;
/// - centrality: `degree`, `betweenness`, `closeness`, `harmonic`, `eigenvector`, `pagerank` on
///   the network's projection (NetworkX's definitions; betweenness sampled from 1000 sources
///   above 20000 entities, as disrupt does). Throws ConvergenceError if eigenvector or PageRank
///   does not converge.
[[nodiscard]] std::vector<NodeColumn> node_columns(const Network& network, std::span<const NodeAnalysis> analyses,
                                                   const NodeColumnOptions& options = {});

}  // namespace cartelgraph

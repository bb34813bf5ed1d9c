#include "cartelgraph/queries/communities.hpp"

#include <algorithm>

namespace cartelgraph {

namespace {

// A tie inside a community, before its relations are looked up.
struct InnerTie {
  double strength;
  Projection::Node a;
  Projection::Node b;
};

// Strongest first, then by ends in load order (nodes keep load order).
bool stronger(const InnerTie& x, const InnerTie& y) {
  if (x.strength != y.strength) return x.strength > y.strength;
  return x.a != y.a ? x.a < y.a : x.b < y.b;
}

// Every tie between two members of one community, by community, with the ties counted and
// their strengths added into `communities`.
std::vector<std::vector<InnerTie>> inner_ties(const Projection& projection, std::span<const double> strengths,
                                              const Partition& partition, std::vector<Community>& communities) {
  std::vector<std::vector<InnerTie>> ties(partition.count);
  for (Projection::Node u = 0; u < projection.node_count(); ++u) {
    const auto neighbours = projection.neighbors(u);
    const std::size_t c = partition.membership[u];
    for (std::size_t i = 0; i < neighbours.size(); ++i) {
      const Projection::Node v = neighbours[i];
      if (v <= u || partition.membership[v] != c) continue;
      const double strength = strengths[projection.first_arc(u) + i];
      if (!(strength > 0)) continue;  // a hostile tie alone: no cohesion
      ++communities[c].ties;
      communities[c].strength += strength;
      ties[c].push_back({strength, u, v});
    }
  }
  return ties;
}

}  // namespace

CommunityResult communities(const Network& network, const CommunityOptions& options) {
  const Projection& projection = network.projection();
  const std::vector<double> strengths = network.strengths(TieRelations::cohesive);
  const Partition partition = leiden(projection, strengths, options);
  CommunityResult result;
  result.resolution = options.resolution;
  result.runs = partition.runs;
  result.converged = partition.converged;
  result.modularity = modularity(projection, strengths, partition.membership, options.resolution);
  result.communities.resize(partition.count);
  for (std::size_t v = 0; v < projection.node_count(); ++v)
    result.communities[partition.membership[v]].members.push_back(projection.entity(NodeId{v}));
  std::vector<std::vector<InnerTie>> ties = inner_ties(projection, strengths, partition, result.communities);
  for (std::size_t c = 0; c < partition.count; ++c) {
    Community& community = result.communities[c];
    const double n = static_cast<double>(community.members.size());
    community.density = n > 1 ? static_cast<double>(community.ties) / (n * (n - 1) / 2) : 0;
    const std::size_t top = std::min(options.top_ties, ties[c].size());
    std::partial_sort(ties[c].begin(), ties[c].begin() + static_cast<std::ptrdiff_t>(top), ties[c].end(), stronger);
    for (std::size_t i = 0; i < top; ++i) {
      const Vertex a = projection.entity(NodeId{ties[c][i].a});
      const Vertex b = projection.entity(NodeId{ties[c][i].b});
      std::vector<Edge> relations = network.tie_relations(a, b);
      std::erase_if(relations, [&](Edge e) {
        return !counts_in(TieRelations::cohesive, network.view().knowledge_graph().relation(e).kind);
      });
      community.strongest.push_back({a, b, ties[c][i].strength, std::move(relations)});
    }
  }
  result.community = NodeValues<std::size_t>(projection, partition.membership);
  return result;
}

}  // namespace cartelgraph

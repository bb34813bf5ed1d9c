#pragma once
// Communities: the Leiden algorithm (Traag, Waltman and van Eck 2019) optimising modularity on a
// network weighted by tie strength, and each community with the strongest ties inside it and the
// relations behind them.

#include <cstdint>
#include <span>
#include <vector>

#include "cartelgraph/graph/projection.hpp"
#include "cartelgraph/queries/network.hpp"

namespace cartelgraph {

/// Tuning of leiden() and communities().
struct CommunityOptions {
  /// γ of modularity: above 1 favours more, smaller communities; below 1 fewer, larger ones.
  double resolution = 1;
  /// Seed of the random node orders and of the refinement's random merges: the same seed, the
  /// same partition.
  std::uint64_t seed = 42;
  /// How many of the strongest ties inside each community communities() lists.
  std::size_t top_ties = 3;
  /// At most this many Leiden runs, each from the partition the one before found; 0: no limit,
  /// until a run does not raise modularity (leidenalg's n_iterations = −1). On small networks a
  /// few runs converge; on large flat ones each run adds a little for hundreds of runs.
  std::size_t max_runs = 10;
};

/// A partition of a projection's nodes: the community of every node, numbered 0 … count − 1.
struct Partition {
  std::vector<std::size_t> membership;  // node → community
  std::size_t count = 0;                // communities
  std::size_t runs = 0;                 // Leiden runs made
  bool converged = false;               // the last run did not raise modularity (else max_runs stopped it)
};

/// Modularity of `membership` (node → any community label) on an undirected projection whose
/// arcs weigh `strengths` (edge_index; every tie 1 when empty): Σ_c L_c/m − γ (d_c / 2m)², as
/// NetworkX's `community.modularity(G, communities, weight='weight', resolution=γ)`. 0 when no
/// tie has weight (NetworkX divides by zero); a strength not positive counts as no tie.
/// Preconditions: membership.size() == node_count(); strengths empty or one per arc.
/// O(V log V + E).
[[nodiscard]] double modularity(const Projection& projection, std::span<const double> strengths,
                                std::span<const std::size_t> membership, double resolution = 1);

/// The Leiden algorithm on an undirected projection weighted by `strengths` (edge_index; every
/// tie 1 when empty; a strength of 0 is no tie): local moving with a queue, refinement within
/// each community, aggregation of the refined partition starting from the unrefined one, until
/// every community is one node; then run again from the partition found while modularity
/// rises, at most options.max_runs runs (leidenalg's n_iterations). Communities are numbered
/// largest first, then by their first node. Deterministic for a seed, on every platform.
/// Preconditions: strengths empty or one per arc; options.resolution > 0. O(E) per level and
/// run, in practice (seconds for ten runs on half a million ties: bench/RESULTS.md).
[[nodiscard]] Partition leiden(const Projection& projection, std::span<const double> strengths,
                               const CommunityOptions& options = {});

/// A tie inside a community, with the relations behind it (Network::tie_relations).
struct CommunityTie {
  Vertex a;
  Vertex b;
  double strength = 0;
  std::vector<Edge> relations;
};

/// A community: its members, how tightly they are tied, and its strongest ties.
struct Community {
  std::vector<Vertex> members;          // load order
  std::size_t ties = 0;                 // ties between two members
  double strength = 0;                  // their strengths, added
  double density = 0;                   // ties / possible pairs; 0 for a single member
  std::vector<CommunityTie> strongest;  // up to top_ties, strongest first, then by ends in load order
};

/// The communities of a network.
struct CommunityResult {
  std::vector<Community> communities;  // largest first, then by first member in load order
  NodeValues<std::size_t> community;   // every entity of the network → its index in communities
  double modularity = 0;               // of the partition, at `resolution`
  double resolution = 1;
  std::size_t runs = 0;    // Leiden runs made
  bool converged = false;  // the last run did not raise modularity
};

/// The communities of `network` by leiden() on its cohesive tie strengths
/// (Network::strengths(TieRelations::cohesive): rivalries and attacks left out, as they tie
/// enemies, not one group), each with its top_ties strongest internal ties and their cohesive
/// relations. An entity with no such tie is a community of its own. O(leiden + E log E).
[[nodiscard]] CommunityResult communities(const Network& network, const CommunityOptions& options = {});

}  // namespace cartelgraph

#pragma once
// Missing ties (link prediction): pairs of a network with no tie between them, ranked by how
// much the network around them suggests one (Adamic–Adar, resource allocation and Jaccard as
// NetworkX 2.8 defines them on the undirected simple graph, or Katz), each with what justifies
// it: the shared neighbours, or for Katz the shortest connecting paths, and the relations behind
// each of their ties.

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/enum_names.hpp"
#include "cartelgraph/graph/projection.hpp"
#include "cartelgraph/queries/network.hpp"

namespace cartelgraph {

/// adamic_adar: Σ 1/log(degree w) over the shared neighbours w; resource_allocation: Σ 1/degree w;
/// jaccard: shared / union of the two neighbourhoods (0 when both are empty); katz:
/// [(I − βA)^-1 − I]_uv, every walk between the two counted with weight β^length.
enum class LinkScore : unsigned char { adamic_adar, resource_allocation, jaccard, katz };

/// `adamic-adar`, `resource-allocation`, `jaccard`, `katz`.
template <>
[[nodiscard]] std::span<const std::string_view> names<LinkScore>() noexcept;
[[nodiscard]] std::string_view to_string(LinkScore score) noexcept;

/// Katz's β when none is given, if it is below half of 1/λmax (else half of 1/λmax).
inline constexpr double default_katz_beta = 0.05;
/// The absolute error every Katz score is computed within.
inline constexpr double katz_tolerance = 1e-12;

/// Bounds on the largest eigenvalue λmax of a projection's adjacency matrix.
struct SpectralRadius {
  double lower = 0;  // a Rayleigh quotient: λmax ≥ lower
  double upper = 0;  // a Collatz–Wielandt bound: λmax ≤ upper
  std::size_t iterations = 0;
};

/// Bounds on λmax of an undirected projection by power iteration on A + I, each connected
/// component scaled apart (so no entry underflows), until the bounds agree to 1e-9 relatively,
/// `max_iterations` iterations, or, when `beta` > 0, they agree to 1e-3 and settle whether
/// β·λmax < 1 (β·upper < 1 or β·lower ≥ 1). O(iterations · (V + E)).
[[nodiscard]] SpectralRadius spectral_radius(const Projection& projection, double beta = 0,
                                             std::size_t max_iterations = 1000);

/// The β a Katz ranking uses, with what it was checked against.
struct KatzSetting {
  double beta = default_katz_beta;
  SpectralRadius radius;
  bool lowered = false;  // no β was given and default_katz_beta was not below half of 1/λmax
};

/// The β to use: `beta` if given and β·λmax < 1 is established (β · radius.upper < 1); with none
/// given, default_katz_beta if default_katz_beta · radius.upper < 0.5, else 0.5/radius.upper.
/// Throws Error (usage) when a given β is not positive or not established below 1/λmax (the
/// message states the bounds). O(iterations · (V + E)).
[[nodiscard]] KatzSetting katz_setting(const Projection& projection, std::optional<double> beta);

/// A pair of nodes of a projection with no tie, and its score.
struct ScoredPair {
  Projection::Node a = 0;  // a < b for pairs over the network; the entity asked about for one
  Projection::Node b = 0;
  double score = 0;
};

/// The score of every node not tied to `node` (nor `node` itself) whose score is positive
/// (AA, RA, Jaccard: those at distance 2; Katz: the rest of its connected component), best
/// first (ties in node order), at most `limit`. `katz` is needed for LinkScore::katz only.
/// Undirected projection. AA/RA/Jaccard: O(Σ degree of its neighbours); Katz: O(K · (V + E)) for
/// K = the terms until the remainder bound β·λ/(1 − β·λ)·‖x_K‖₂ < katz_tolerance (λ: the upper
/// bound on λmax).
[[nodiscard]] std::vector<ScoredPair> score_candidates(const Projection& projection, Projection::Node node,
                                                       LinkScore score, std::size_t limit,
                                                       const KatzSetting* katz = nullptr);

/// The `limit` best untied pairs of the whole projection (a < b), best first (ties in pair
/// order). AA/RA/Jaccard visit the pairs at distance 2 only (no other pair scores above 0):
/// O(Σ degree² + V log limit). Katz sums the series from every node, 16 nodes a pass over
/// the arcs: O(V · K · (V + E)), with `threads` threads (0: every core).
[[nodiscard]] std::vector<ScoredPair> score_pairs(const Projection& projection, LinkScore score, std::size_t limit,
                                                  const KatzSetting* katz = nullptr, unsigned threads = 1);

/// The score of one pair by the definition, from the two neighbourhoods (AA, RA, Jaccard only),
/// for checks. O(degree a + degree b).
[[nodiscard]] double pair_score(const Projection& projection, Projection::Node a, Projection::Node b, LinkScore score);

/// One tie of a connection and the relations behind it (Network::tie_relations), for citing.
struct CitedHop {
  Vertex from;
  Vertex to;
  std::vector<Edge> relations;
};

/// A suggested tie: the two entities, the score, and what justifies it: a two-hop connection
/// through each shared neighbour (AA, RA, Jaccard), or a few shortest connecting paths (Katz).
struct SuggestedTie {
  Vertex a;
  Vertex b;
  double score = 0;
  std::vector<std::vector<CitedHop>> connections;
};

/// What suggest_ties was asked and found.
struct TieSuggestions {
  LinkScore score = LinkScore::adamic_adar;
  std::optional<Vertex> entity;     // the entity asked about; none: pairs over the network
  std::optional<KatzSetting> katz;  // with LinkScore::katz
  std::vector<SuggestedTie> ties;   // best first
};

/// How suggest_ties ranks and justifies.
struct SuggestOptions {
  LinkScore score = LinkScore::adamic_adar;
  std::size_t limit = 10;
  std::optional<double> beta{};  // Katz: see katz_setting
  std::size_t paths = 3;         // Katz: shortest connecting paths listed per suggestion, at most
  unsigned threads = 1;          // Katz over all pairs
};

/// Katz over every pair runs a series from each entity: about 35 s at 8,800 entities on one core
/// (bench/RESULTS.md), so above this many entities it must be asked for one entity.
inline constexpr std::size_t katz_all_pairs_limit = 5000;

/// The best missing ties of `network`: of `entity` if given, else over the whole network
/// (score_candidates or score_pairs), each with its cited connections. Throws
/// std::invalid_argument if `entity` is not in the network, Error (usage) for a β katz_setting
/// refuses and for Katz over every pair of more than katz_all_pairs_limit entities.
[[nodiscard]] TieSuggestions suggest_ties(const Network& network, std::optional<Vertex> entity,
                                          const SuggestOptions& options);

}  // namespace cartelgraph

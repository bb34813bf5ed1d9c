#pragma once
// Factions and balance: the signed network of groups, its alliance blocs, the sides of each
// conflict (the split with the fewest frustrated ties), structural balance (Heider) with each
// group's share of it, and "enemy of my enemy" candidates. Every answer carries the relations
// behind it.

#include <array>
#include <vector>

#include "cartelgraph/graph/view.hpp"

namespace cartelgraph {

/// Groups joined by alliance ties, and the people attached to them by membership or leadership.
struct Bloc {
  std::vector<Vertex> groups;     // load order
  std::vector<Vertex> people;     // load order
  std::vector<Edge> relations;    // the alliance ties among its groups
  std::vector<Edge> memberships;  // the member_of / leads ties that attach the people
};

/// One side of a conflict: its groups and the people who belong to or lead one of them.
struct Camp {
  std::vector<Vertex> groups;     // load order
  std::vector<Vertex> people;     // load order; a person with groups in both camps is in both
  std::vector<Edge> memberships;  // the member_of / leads ties that put the people here
};

/// A connected piece of the signed network of groups with at least one rivalry, split into the
/// two camps that frustrate the fewest ties (see split_camps).
struct Conflict {
  std::vector<Vertex> groups;    // every group of the piece, load order
  std::array<Camp, 2> camps;     // camp A holds the piece's first group in load order
  std::vector<Edge> relations;   // the signed ties of the piece: what the split is made from
  std::vector<Edge> frustrated;  // the relations of the frustrated pairs
  std::size_t frustration = 0;   // frustrated pairs of groups (a pair counts once)
  std::size_t lower_bound = 0;   // no split frustrates fewer; equals frustration when exact
  bool exact = true;             // frustration is the minimum over all splits
};

/// A triangle of signed ties between three groups.
struct SignedTriangle {
  Vertex a;
  Vertex b;
  Vertex c;
  bool balanced = false;  // the product of its three signs is positive
};

/// A group's share of the imbalance: the ties its conflict's split frustrates, and the
/// unbalanced triangles it is in (per-node imbalance, as in Nakamura, Tita and Krackhardt).
struct GroupBalance {
  Vertex group;
  std::size_t frustrated = 0;   // its frustrated pairs
  std::size_t triangles = 0;    // signed triangles it is in
  std::size_t unbalanced = 0;   // of which unbalanced
  std::vector<Edge> relations;  // the relations of its frustrated pairs
};

/// Two groups with no relation between them that share enemies.
struct EnemyOfEnemy {
  Vertex a;
  Vertex b;
  std::vector<Vertex> shared_enemies;  // load order
  std::vector<Edge> relations;         // the rivalries of a and b with each shared enemy
};

/// The report of `factions`.
struct FactionReport {
  std::vector<Bloc> blocs;          // blocs of two groups or more, largest first, then load order
  std::vector<Conflict> conflicts;  // largest first, then by first group in load order
  std::vector<Vertex> unaligned;    // groups of the view with no signed tie, load order
  std::size_t signed_pairs = 0;     // pairs of groups with an alliance or a rivalry: the ties analysed
  std::vector<SignedTriangle> triangles;
  std::size_t balanced = 0;
  std::size_t unbalanced = 0;
  double balance_ratio = 0;              // balanced / all triangles; 0 without triangles
  std::vector<GroupBalance> groups;      // every group with a signed tie, load order
  std::vector<EnemyOfEnemy> candidates;  // most shared enemies first
};

/// The sign of a kind between two groups: the kind table's sign of the alignment kinds
/// (allied_with, aligned_with +1; rival_of −1), 0 for the rest. Hierarchy (faction_of, …) says
/// who belongs to what, not who is on whose side: 0. An attack is one act, not a standing tie: 0.
[[nodiscard]] int faction_sign(RelationKind kind) noexcept;

/// Builds the signed network over the groups (organizations and factions) `view` keeps: a pair
/// tied by a rivalry is negative even if also tied positively (open war outweighs an alliance),
/// otherwise positive if tied positively. Blocs are the components of its positive ties; each
/// component of the whole signed network with a negative tie is a conflict, split by split_camps
/// (exact up to 20 groups). O(V + E + T) for T triangles, plus the splitting.
[[nodiscard]] FactionReport factions(const GraphView& view);

}  // namespace cartelgraph

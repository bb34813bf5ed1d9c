#pragma once
// Factions and balance: the signed network of groups, its alliance blocs, structural balance
// (Heider) and "enemy of my enemy" candidates.

#include <vector>

#include "cartelgraph/graph/view.hpp"

namespace cartelgraph {

/// Groups joined by positive ties, and the people attached to them by membership or leadership.
struct Bloc {
  std::vector<Vertex> groups;
  std::vector<Vertex> people;
};

/// A triangle of signed ties between three groups.
struct SignedTriangle {
  Vertex a;
  Vertex b;
  Vertex c;
  bool balanced = false;  // the product of its three signs is positive
};

/// Two groups with no relation between them that share enemies.
struct EnemyOfEnemy {
  Vertex a;
  Vertex b;
  std::vector<Vertex> shared_enemies;
};

/// The report of `factions`.
struct FactionReport {
  std::vector<Bloc> blocs;  // blocs of two groups or more, largest first
  std::vector<SignedTriangle> triangles;
  std::size_t balanced = 0;
  std::size_t unbalanced = 0;
  double balance_ratio = 0;  // balanced / all triangles; 0 without triangles
  std::vector<EnemyOfEnemy> candidates;  // most shared enemies first
};

/// The sign of a kind in the faction network: +1 for allied_with, aligned_with, faction_of,
/// armed_wing_of and support_network_of, −1 for rival_of, 0 for the rest.
[[nodiscard]] int faction_sign(RelationKind kind) noexcept;

/// Builds the signed network over the groups (organizations and factions) `view` keeps: a pair
/// tied by a rivalry is negative even if also tied positively (open war outweighs a shared
/// structure), otherwise positive if tied positively. O(V + E + T) for T triangles.
[[nodiscard]] FactionReport factions(const GraphView& view);

}  // namespace cartelgraph

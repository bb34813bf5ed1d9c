#pragma once
// The people network: the one-mode projection of people through the groups they belong to or
// lead, as criminal-network research analyses them (Montagna, CAVIAR, Cavallaro et al. 2020).

#include <span>
#include <vector>

#include "cartelgraph/graph/projection.hpp"

namespace cartelgraph {

/// True for the kinds that tie two people directly in the people network: the criminal
/// layer's family, association, alignment and business kinds that are not hostile (rival_of
/// and attacked are left out: an enemy is not a channel the network works through).
[[nodiscard]] bool ties_people(RelationKind kind) noexcept;

/// Two tied people and why they are tied.
struct PeopleTie {
  Vertex a;                     // a < b
  Vertex b;
  std::vector<Vertex> groups;   // the groups both belong to or lead (member_of, leads), load order
  std::vector<Edge> relations;  // their direct relations (ties_people kinds), graph order
  /// Shared groups plus direct relations: NetworkX's bipartite.weighted_projected_graph
  /// weight, plus 1 per direct relation.
  [[nodiscard]] std::size_t weight() const noexcept { return groups.size() + relations.size(); }
};

/// Every person of a view, two people tied when they share a group they belong to or lead
/// directly (member_of, leads; not through faction_of, so the two sides of a war are not tied by
/// their parent cartel) or have a direct relation of a ties_people kind.
class PeopleNetwork {
 public:
  /// The people network of `view`, which must outlive it. O(E log E + Σ members² of a group).
  static PeopleNetwork build(const GraphView& view);

  /// The projection analytics run on: one node per person of the view, in load order.
  [[nodiscard]] const Projection& projection() const noexcept { return projection_; }
  /// Every tie, ordered by (a, b).
  [[nodiscard]] std::span<const PeopleTie> ties() const noexcept { return ties_; }
  /// The tie between two people (either order), or nullptr. O(log ties).
  [[nodiscard]] const PeopleTie* tie(Vertex a, Vertex b) const;
  /// The member_of and leads relations of `person` to `group` in the view. O(log memberships).
  [[nodiscard]] std::vector<Edge> memberships(Vertex person, Vertex group) const;
  /// The relations behind a tie: each shared group's memberships of a, then of b, then the
  /// direct relations.
  [[nodiscard]] std::vector<Edge> relations(const PeopleTie& tie) const;

 private:
  struct Membership {
    Vertex person;
    Vertex group;
    Edge edge;
  };
  PeopleNetwork(Projection projection, std::vector<PeopleTie> ties, std::vector<Membership> memberships);

  Projection projection_;
  std::vector<PeopleTie> ties_;
  std::vector<Membership> memberships_;  // by (person, group), then graph order
};

}  // namespace cartelgraph

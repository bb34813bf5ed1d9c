#pragma once
// The signed network of the groups of a view, shared by the factions report (blocs, balance,
// enemy pairs) and its sides (conflicts). The library's own detail, not installed.

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "cartelgraph/queries/factions.hpp"

namespace cartelgraph::detail {

/// The sign of a pair of groups and the relations of that sign behind it.
struct SignedPair {
  int sign = 0;
  std::vector<Edge> relations;
};

/// A person's membership in (or leadership of) a group.
struct Attachment {
  Vertex person;
  Vertex group;
  Edge relation;
};

/// The signed network among the groups of a view, and who is attached to them.
struct SignedGroups {
  std::map<std::pair<Vertex, Vertex>, SignedPair> pairs;  // signed pairs of groups (a < b)
  std::set<std::pair<Vertex, Vertex>> tied;               // pairs of groups with any relation of the view
  std::vector<Attachment> attachments;                    // people's membership relations to groups
  std::vector<std::size_t> attachment_start;              // by group: where its attachments start in
  std::vector<std::size_t> attachments_by_group;          // ...these indices into `attachments`, grouped
  std::vector<std::set<Vertex>> positive;                 // by group: its positive neighbours
  std::vector<std::set<Vertex>> negative;                 // by group: its negative neighbours
  std::set<Vertex> groups;                                // groups with a signed tie
  std::vector<Vertex> unaligned;                          // groups of the view with none
};

/// People attached to some groups, and the membership relations that attach them.
struct Attached {
  std::vector<Vertex> people;  // load order, each once
  std::vector<Edge> memberships;
};

/// True for organizations and factions.
[[nodiscard]] bool is_group(const Entity& entity) noexcept;
/// `a` and `b`, smaller first: the key of a pair.
[[nodiscard]] std::pair<Vertex, Vertex> ordered(Vertex a, Vertex b) noexcept;
/// Reads the relations of `view` into the signed network of its groups (a rivalry outweighs).
/// O(V + E log E).
[[nodiscard]] SignedGroups signed_groups(const GraphView& view);
/// The connected pieces of the signed network (of its positive ties only when
/// `alliances_only`), each in load order, ordered by their first group. O(V + P).
[[nodiscard]] std::vector<std::vector<Vertex>> pieces(const SignedGroups& net, bool alliances_only);
/// The relations behind the pairs among `groups` (sorted) whose sign is `sign`, or any sign if 0.
[[nodiscard]] std::vector<Edge> relations_among(const SignedGroups& net, const std::vector<Vertex>& groups, int sign);
/// The people attached to `groups` (sorted) and their membership relations, in the order of
/// `attachments`. O(a log a) for the a attachments of those groups (it was O(A) for all of them:
/// quadratic over the blocs and camps of a million-entity network).
[[nodiscard]] Attached attached_people(const SignedGroups& net, const std::vector<Vertex>& groups);
/// The conflicts of the network: its pieces with a rivalry, split into camps, largest first.
[[nodiscard]] std::vector<Conflict> conflicts_of(const SignedGroups& net);

}  // namespace cartelgraph::detail

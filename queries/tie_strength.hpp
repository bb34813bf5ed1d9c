#pragma once
// Tie strength, one rule for every analysis: a relation's `weight` is a strength (calls,
// meetings), 1 when absent; parallel relations between two entities add their strengths into
// one tie; a tie whose strength is not positive is not crossed; where an algorithm needs a
// length, the length is 1/strength.

#include <functional>
#include <span>
#include <vector>

#include "cartelgraph/graph/projection.hpp"

namespace cartelgraph {

/// Which relations a tie's strength counts: every one, or the cohesive ones, hostile kinds (of
/// negative sign: rival_of, attacked) left out, for analyses of what holds a group together
/// (communities): a rivalry ties two entities as enemies, not as one group.
enum class TieRelations : unsigned char { every, cohesive };

/// Whether `which` counts a relation of this kind. O(1).
[[nodiscard]] bool counts_in(TieRelations which, RelationKind kind) noexcept;

/// A relation's strength: its weight, 1 when it has none. O(1).
[[nodiscard]] double relation_strength(const Relation& relation) noexcept;

/// Calls `visit(arc, relation)` for every relation of `view` and each arc of `projection` it is
/// merged into (by Boost edge_index): both arcs of an undirected pair, or its own direction in a
/// directed projection (both for a symmetric kind). Relations whose ends the projection left
/// out are skipped. O(E log degree).
void for_each_arc_relation(const GraphView& view, const Projection& projection,
                           const std::function<void(std::size_t arc, const Relation& relation)>& visit);

/// The strength of every arc of `projection` (indexed by edge_index): the sum of the strengths
/// of the relations of `view` merged into it that `which` counts, 0 where that sum is not
/// positive. O(E log degree).
[[nodiscard]] std::vector<double> arc_strengths(const GraphView& view, const Projection& projection,
                                                TieRelations which = TieRelations::every);

/// Lengths from strengths: 1/strength, +infinity (not crossed) for a strength of 0 or less. O(E).
[[nodiscard]] std::vector<double> arc_lengths(std::span<const double> strengths);

}  // namespace cartelgraph

// The sides of each conflict: the pieces of the signed network of groups with a rivalry, each
// split into the two camps that frustrate the fewest ties (split_camps).
#include <algorithm>

#include "cartelgraph/queries/frustration.hpp"
#include "cartelgraph/queries/signed_groups.hpp"

namespace cartelgraph::detail {

namespace {

// The signed ties of a piece, its groups numbered in load order, with the pair behind each.
struct NumberedPiece {
  std::vector<SignedTie> ties;
  std::vector<const SignedPair*> pairs;
};

NumberedPiece numbered(const SignedGroups& net, const std::vector<Vertex>& piece) {
  NumberedPiece numbered;
  const auto number = [&](Vertex v) {
    return static_cast<std::size_t>(std::ranges::lower_bound(piece, v) - piece.begin());
  };
  for (std::size_t i = 0; i < piece.size(); ++i)
    for (const auto* neighbours : {&net.positive[piece[i]], &net.negative[piece[i]]})
      for (const Vertex w : *neighbours) {
        if (w <= piece[i]) continue;
        const SignedPair& pair = net.pairs.at({piece[i], w});
        numbered.ties.push_back({i, number(w), pair.sign});
        numbered.pairs.push_back(&pair);
      }
  return numbered;
}

bool has_rivalry(const SignedGroups& net, const std::vector<Vertex>& piece) {
  return std::ranges::any_of(piece, [&](Vertex v) { return !net.negative[v].empty(); });
}

// Camp A holds the piece's first group (split_camps keeps node 0 in camp 0); each camp gets the
// people attached to its groups.
Conflict split_conflict(const SignedGroups& net, const std::vector<Vertex>& piece) {
  const NumberedPiece ties = numbered(net, piece);
  const CampSplit split = split_camps(piece.size(), ties.ties);
  Conflict conflict;
  conflict.groups = piece;
  conflict.frustration = split.frustration;
  conflict.lower_bound = split.lower_bound;
  conflict.exact = split.exact;
  for (std::size_t i = 0; i < piece.size(); ++i) conflict.camps[split.camp[i]].groups.push_back(piece[i]);
  for (Camp& camp : conflict.camps) {
    Attached attached = attached_people(net, camp.groups);
    camp.people = std::move(attached.people);
    camp.memberships = std::move(attached.memberships);
  }
  for (std::size_t t = 0; t < ties.ties.size(); ++t) {
    const auto& relations = ties.pairs[t]->relations;
    conflict.relations.insert(conflict.relations.end(), relations.begin(), relations.end());
    if (is_frustrated(ties.ties[t], split.camp))
      conflict.frustrated.insert(conflict.frustrated.end(), relations.begin(), relations.end());
  }
  return conflict;
}

}  // namespace

std::vector<Conflict> conflicts_of(const SignedGroups& net) {
  std::vector<Conflict> conflicts;
  for (const auto& piece : pieces(net, false))
    if (has_rivalry(net, piece)) conflicts.push_back(split_conflict(net, piece));
  // Pieces come ordered by their first group: a stable sort keeps that order among equals.
  std::ranges::stable_sort(conflicts,
                           [](const Conflict& x, const Conflict& y) { return x.groups.size() > y.groups.size(); });
  return conflicts;
}

}  // namespace cartelgraph::detail

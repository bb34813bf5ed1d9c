#pragma once
// An entity card: one entity with every relation a view keeps around it.

#include <vector>

#include "cartelgraph/graph/view.hpp"

namespace cartelgraph {

/// One relation of an entity, seen from that entity.
struct CardRelation {
  Edge edge;
  Vertex other;   // the entity at the other end
  bool outgoing;  // true if the entity is the relation's `from`
};

/// An entity and its relations, dated ones first in date order, then undated by kind.
struct EntityCard {
  Vertex entity;
  std::vector<CardRelation> relations;
};

/// The card of `v` in `view`. O(degree · log degree).
[[nodiscard]] EntityCard entity_card(const GraphView& view, Vertex v);

}  // namespace cartelgraph

#pragma once
// Neighbourhoods: the ego network of an entity.

#include <vector>

#include "cartelgraph/graph/view.hpp"

namespace cartelgraph {

/// An entity at a distance from the centre.
struct NeighborEntity {
  Vertex entity;
  std::size_t distance = 0;
};

/// The entities within `depth` hops of a centre (nearest first, then load order) and every
/// relation of the view among them.
struct Neighborhood {
  Vertex center;
  std::size_t depth = 0;
  std::vector<NeighborEntity> entities;
  std::vector<Edge> relations;
};

/// The ego network of `center` to `depth` hops in `view`, relations taken both ways. The centre
/// itself is at distance 0; an entity outside the view has an empty neighbourhood, and one the
/// centre cannot reach is never in it, whatever the depth. O(what it reaches and their relations).
[[nodiscard]] Neighborhood neighborhood(const GraphView& view, Vertex center, std::size_t depth);

}  // namespace cartelgraph

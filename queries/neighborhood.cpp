#include "cartelgraph/queries/neighborhood.hpp"

#include <algorithm>

#include "cartelgraph/queries/distances.hpp"

namespace cartelgraph {

Neighborhood neighborhood(const GraphView& view, const Projection& projection, Vertex center, std::size_t depth) {
  Neighborhood result{center, depth, {}, {}};
  const auto source = projection.node(center);
  if (!source) return result;
  const NodeValues<std::size_t> distance = hop_distances(projection, *source);
  std::vector<bool> inside(view.knowledge_graph().entity_count(), false);
  for (std::size_t i = 0; i < distance.size(); ++i)
    if (distance.values()[i] != unreachable && distance.values()[i] <= depth) {
      const Vertex entity = distance.entities()[i];
      result.entities.push_back({entity, distance.values()[i]});
      inside[entity] = true;
    }
  std::ranges::stable_sort(result.entities, {}, &NeighborEntity::distance);
  const FilteredGraph g = view.graph();
  for (const Edge e : boost::make_iterator_range(boost::edges(g)))
    if (inside[boost::source(e, g)] && inside[boost::target(e, g)]) result.relations.push_back(e);
  return result;
}

}  // namespace cartelgraph

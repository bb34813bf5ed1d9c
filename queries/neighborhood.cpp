#include "cartelgraph/queries/neighborhood.hpp"

#include <algorithm>

#include "cartelgraph/queries/distances.hpp"

namespace cartelgraph {

Neighborhood neighborhood(const GraphView& view, const Projection& projection, Vertex center, std::size_t depth) {
  Neighborhood result{center, depth, {}, {}};
  const auto source = projection.node(center);
  if (!source) return result;
  const auto distance = hop_distances(projection, Projection::index(*source));
  std::vector<bool> inside(view.knowledge_graph().entity_count(), false);
  for (Projection::Node u = 0; u < projection.node_count(); ++u)
    if (distance[u] <= depth) {
      const Vertex entity = projection.entity(Projection::id(u));
      result.entities.push_back({entity, distance[u]});
      inside[entity] = true;
    }
  std::ranges::stable_sort(result.entities, {}, &NeighborEntity::distance);
  const FilteredGraph g = view.graph();
  for (const Edge e : boost::make_iterator_range(boost::edges(g)))
    if (inside[boost::source(e, g)] && inside[boost::target(e, g)]) result.relations.push_back(e);
  return result;
}

}  // namespace cartelgraph

#include "cartelgraph/queries/neighborhood.hpp"

#include <algorithm>
#include <unordered_map>

namespace cartelgraph {

Neighborhood neighborhood(const GraphView& view, Vertex center, std::size_t depth) {
  Neighborhood result{center, depth, {}, {}};
  if (!view.contains(center)) return result;
  // A breadth-first search from the centre on the view itself, both ways along each relation,
  // that stops at `depth`: it touches only what it reaches, so an ego network of a million-entity
  // graph costs what the ego network holds, not a projection of the whole graph.
  const FilteredGraph g = view.graph();
  std::unordered_map<Vertex, std::size_t> distance{{center, 0}};
  result.entities.push_back({center, 0});
  std::vector<Vertex> frontier{center};
  for (std::size_t d = 1; d <= depth && !frontier.empty(); ++d) {
    std::vector<Vertex> next;
    const auto reach = [&](Vertex w) {
      if (distance.emplace(w, d).second) next.push_back(w);
    };
    for (const Vertex u : frontier) {
      for (const Edge e : boost::make_iterator_range(boost::out_edges(u, g))) reach(boost::target(e, g));
      for (const Edge e : boost::make_iterator_range(boost::in_edges(u, g))) reach(boost::source(e, g));
    }
    std::ranges::sort(next);  // nearest first, then load order
    for (const Vertex w : next) result.entities.push_back({w, d});
    frontier = std::move(next);
  }
  // Every relation of the view among them, in load order: each is an out-edge of its source.
  for (const auto& item : result.entities)
    for (const Edge e : boost::make_iterator_range(boost::out_edges(item.entity, g)))
      if (distance.contains(boost::target(e, g))) result.relations.push_back(e);
  std::ranges::sort(result.relations, {}, &Edge::index);
  return result;
}

}  // namespace cartelgraph

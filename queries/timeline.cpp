#include "cartelgraph/queries/timeline.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace cartelgraph {

std::string_view to_string(TieBoundary boundary) noexcept {
  static constexpr std::array<std::string_view, 4> names = {"began", "ended", "known", "ended_by"};
  return names[static_cast<std::size_t>(boundary)];
}

namespace {

// On one date a start comes first, then what is known by then, then an end, then an end known by then.
int rank(TieBoundary boundary) {
  switch (boundary) {
    case TieBoundary::began: return 0;
    case TieBoundary::known: return 1;
    case TieBoundary::ended: return 2;
    case TieBoundary::ended_by: return 3;
  }
  return 0;
}

// The relations of the view to date: every one, or those of `entity` (its out- and in-edges,
// a self loop once), in load order either way.
std::vector<Edge> dated_relations(const FilteredGraph& g, std::optional<Vertex> entity) {
  std::vector<Edge> edges;
  if (!entity) {
    for (const Edge e : boost::make_iterator_range(boost::edges(g))) edges.push_back(e);
    return edges;
  }
  // One entity's relations are its out- and in-edges: a look at its own lists, not a pass over
  // every relation of the graph.
  for (const Edge e : boost::make_iterator_range(boost::out_edges(*entity, g))) edges.push_back(e);
  for (const Edge e : boost::make_iterator_range(boost::in_edges(*entity, g))) edges.push_back(e);
  std::ranges::sort(edges);
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return edges;
}

}  // namespace

Timeline timeline(const GraphView& view, std::optional<Vertex> entity) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const FilteredGraph g = view.graph();  // filtered iterators point into it: keep it alive
  Timeline result;
  if (entity && !view.contains(*entity)) return result;
  for (const Edge e : dated_relations(g, entity)) {
    const Relation& relation = kg.relation(e);
    if (relation.since) result.events.push_back({*relation.since, e, TieBoundary::began});
    if (relation.known_by) result.events.push_back({*relation.known_by, e, TieBoundary::known});
    if (relation.until) result.events.push_back({*relation.until, e, TieBoundary::ended});
    if (relation.ended_by) result.events.push_back({*relation.ended_by, e, TieBoundary::ended_by});
    if (!is_dated(relation)) ++result.undated;
  }
  std::ranges::stable_sort(result.events, [](const TimelineEvent& a, const TimelineEvent& b) {
    return a.date < b.date || (!(b.date < a.date) && rank(a.boundary) < rank(b.boundary));
  });
  return result;
}

}  // namespace cartelgraph

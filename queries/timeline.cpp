#include "cartelgraph/queries/timeline.hpp"

#include <algorithm>
#include <array>

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

}  // namespace

Timeline timeline(const GraphView& view, std::optional<Vertex> entity) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const FilteredGraph g = view.graph();  // filtered iterators point into it: keep it alive
  Timeline result;
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (entity && boost::source(e, g) != *entity && boost::target(e, g) != *entity) continue;
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

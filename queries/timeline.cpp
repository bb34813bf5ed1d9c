#include "cartelgraph/queries/timeline.hpp"

#include <algorithm>
#include <array>

namespace cartelgraph {

std::string_view to_string(TieBoundary boundary) noexcept {
  static constexpr std::array<std::string_view, 2> names = {"began", "ended"};
  return names[static_cast<std::size_t>(boundary)];
}

Timeline timeline(const GraphView& view, std::optional<Vertex> entity) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const FilteredGraph g = view.graph();  // filtered iterators point into it: keep it alive
  Timeline result;
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (entity && boost::source(e, g) != *entity && boost::target(e, g) != *entity) continue;
    const Relation& relation = kg.relation(e);
    if (relation.since) result.events.push_back({*relation.since, e, TieBoundary::began});
    if (relation.until) result.events.push_back({*relation.until, e, TieBoundary::ended});
    if (!relation.since && !relation.until) ++result.undated;
  }
  std::ranges::stable_sort(result.events, [](const TimelineEvent& a, const TimelineEvent& b) {
    return a.date < b.date || (!(b.date < a.date) && a.boundary < b.boundary);
  });
  return result;
}

}  // namespace cartelgraph

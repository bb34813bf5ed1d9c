#include "cartelgraph/queries/timeline.hpp"

#include <algorithm>

namespace cartelgraph {

std::vector<TimelineEvent> timeline(const GraphView& view, std::optional<Vertex> entity) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const FilteredGraph g = view.graph();
  std::vector<TimelineEvent> events;
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    if (entity && boost::source(e, g) != *entity && boost::target(e, g) != *entity) continue;
    const Relation& relation = kg.relation(e);
    if (const auto& date = relation.since ? relation.since : relation.until) events.push_back({*date, e});
  }
  std::ranges::stable_sort(events, {}, &TimelineEvent::date);
  return events;
}

}  // namespace cartelgraph

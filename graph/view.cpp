#include "cartelgraph/graph/view.hpp"

#include <algorithm>

namespace cartelgraph {

bool ViewEdgePredicate::operator()(Edge e) const { return view->contains(e); }
bool ViewVertexPredicate::operator()(Vertex v) const { return view->contains(v); }

GraphView::GraphView(const KnowledgeGraph& graph, ViewFilter filter) : graph_(&graph), filter_(filter) {
  if (filter_.as_of) as_of_day_ = filter_.as_of->last_day();
}

namespace {

// True if `filter` keeps an entity of every type. Views usually do, and then no entity need be
// read to know it is kept: at a million entities, reading both ends of every relation to check
// their types was a quarter of a centrality's time, two cache misses a relation.
bool keeps_every_entity(const ViewFilter& filter) noexcept {
  return std::ranges::all_of(all_entity_types, [&](EntityType type) {
    return filter.types.test(static_cast<std::size_t>(type)) &&
           filter.layers.test(static_cast<std::size_t>(layer_of(type)));
  });
}

}  // namespace

bool GraphView::contains(Vertex v) const {
  if (keeps_every_entity(filter_)) return true;
  const EntityType type = graph_->entity_type(v);
  return filter_.types.test(static_cast<std::size_t>(type)) &&
         filter_.layers.test(static_cast<std::size_t>(layer_of(type)));
}

bool GraphView::contains(Edge e) const {
  const Relation& relation = graph_->relation(e);
  if (!filter_.kinds.test(static_cast<std::size_t>(relation.kind))) return false;
  if (!filter_.layers.test(static_cast<std::size_t>(kind_info(relation.kind).layer))) return false;
  if (relation.confidence < filter_.min_confidence) return false;
  if (as_of_day_ && !holds_on(relation, *as_of_day_)) return false;
  if (filter_.dated_only && !is_dated(relation)) return false;
  const Graph& g = graph_->graph();
  return contains(boost::source(e, g)) && contains(boost::target(e, g));
}

FilteredGraph GraphView::graph() const {
  return FilteredGraph(graph_->graph(), ViewEdgePredicate{this}, ViewVertexPredicate{this});
}

}  // namespace cartelgraph

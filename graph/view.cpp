#include "cartelgraph/graph/view.hpp"

#include <algorithm>

namespace cartelgraph {

bool ViewEdgePredicate::operator()(Edge e) const { return view->contains(e); }
bool ViewVertexPredicate::operator()(Vertex v) const { return view->contains(v); }

namespace {

bool keeps_type(const ViewFilter& filter, EntityType type) noexcept {
  return filter.types.test(static_cast<std::size_t>(type)) &&
         filter.layers.test(static_cast<std::size_t>(layer_of(type)));
}

}  // namespace

GraphView::GraphView(const KnowledgeGraph& graph, ViewFilter filter) : graph_(&graph), filter_(filter) {
  if (filter_.as_of) as_of_day_ = filter_.as_of->last_day();
  // Views usually keep every type, and then no entity need be read to know it is kept: at a
  // million entities, reading both ends of every relation to check their types was a quarter of
  // a centrality's time.
  every_entity_ = std::ranges::all_of(all_entity_types, [&](EntityType type) { return keeps_type(filter_, type); });
}

bool GraphView::contains(Vertex v) const { return every_entity_ || keeps_type(filter_, graph_->entity_type(v)); }

bool GraphView::contains(Edge e) const {
  // Kind and confidence from the graph's columns: a relation itself is read only for its dates.
  const RelationKind kind = graph_->relation_kind(e);
  if (!filter_.kinds.test(static_cast<std::size_t>(kind))) return false;
  if (!filter_.layers.test(static_cast<std::size_t>(kind_info(kind).layer))) return false;
  if (graph_->relation_confidence(e) < filter_.min_confidence) return false;
  if (as_of_day_ && !holds_on(graph_->relation(e), *as_of_day_)) return false;
  if (filter_.dated_only && !is_dated(graph_->relation(e))) return false;
  const Graph& g = graph_->graph();
  return contains(boost::source(e, g)) && contains(boost::target(e, g));
}

FilteredGraph GraphView::graph() const {
  return FilteredGraph(graph_->graph(), ViewEdgePredicate{this}, ViewVertexPredicate{this});
}

}  // namespace cartelgraph

#include "cartelgraph/queries/tie_strength.hpp"

#include <limits>

namespace cartelgraph {

bool counts_in(TieRelations which, RelationKind kind) noexcept {
  return which == TieRelations::every || kind_info(kind).sign >= 0;
}

double relation_strength(const Relation& relation) noexcept { return relation.weight.value_or(1.0); }

void for_each_arc_relation(const GraphView& view, const Projection& projection,
                           const std::function<void(std::size_t arc, const Relation& relation)>& visit) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const FilteredGraph g = view.graph();
  const auto at = [&](Vertex a, Vertex b, const Relation& relation) {
    const auto u = projection.node(a);
    const auto v = projection.node(b);
    if (!u || !v) return;
    if (const auto arc = projection.arc_index(Projection::index(*u), Projection::index(*v))) visit(*arc, relation);
  };
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Relation& relation = kg.relation(e);
    const Vertex a = boost::source(e, g);
    const Vertex b = boost::target(e, g);
    at(a, b, relation);
    if (!projection.directed() || kind_info(relation.kind).symmetric) at(b, a, relation);
  }
}

std::vector<double> arc_strengths(const GraphView& view, const Projection& projection, TieRelations which) {
  std::vector<double> strengths(boost::num_edges(projection.graph()), 0.0);
  for_each_arc_relation(view, projection, [&](std::size_t arc, const Relation& relation) {
    if (counts_in(which, relation.kind)) strengths[arc] += relation_strength(relation);
  });
  for (double& s : strengths)
    if (!(s > 0)) s = 0;
  return strengths;
}

std::vector<double> arc_lengths(std::span<const double> strengths) {
  std::vector<double> lengths;
  lengths.reserve(strengths.size());
  for (const double s : strengths) lengths.push_back(s > 0 ? 1.0 / s : std::numeric_limits<double>::infinity());
  return lengths;
}

}  // namespace cartelgraph

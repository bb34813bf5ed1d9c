#include "cartelgraph/queries/entity_card.hpp"

#include <algorithm>
#include <tuple>

namespace cartelgraph {

EntityCard entity_card(const GraphView& view, Vertex v) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const FilteredGraph g = view.graph();
  EntityCard card{v, {}};
  if (!view.contains(v)) return card;
  for (const Edge e : boost::make_iterator_range(boost::out_edges(v, g)))
    card.relations.push_back({e, boost::target(e, g), true});
  for (const Edge e : boost::make_iterator_range(boost::in_edges(v, g)))
    card.relations.push_back({e, boost::source(e, g), false});

  const auto key = [&](const CardRelation& r) {
    const Relation& relation = kg.relation(r.edge);
    const std::optional<Date> start = start_bound(relation);
    return std::make_tuple(!start.has_value(), start, relation.kind, kg.entity(r.other).name);
  };
  std::ranges::stable_sort(card.relations, [&](const auto& a, const auto& b) { return key(a) < key(b); });
  return card;
}

}  // namespace cartelgraph

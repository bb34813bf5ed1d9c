#include "cartelgraph/queries/summary.hpp"

#include <boost/graph/graph_traits.hpp>

#include <algorithm>

namespace cartelgraph {

GraphSummary summarize(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const FilteredGraph g = view.graph();
  GraphSummary summary;
  summary.sources = kg.sources().size();
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    ++summary.entities;
    ++summary.by_type[kg.entity(v).type];
  }
  const auto widen = [&](const std::optional<Date>& date) {
    if (!date) return;
    if (!summary.earliest || *date < *summary.earliest) summary.earliest = *date;
    if (!summary.latest || *summary.latest < *date) summary.latest = *date;
  };
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Relation& relation = kg.relation(e);
    ++summary.relations;
    ++summary.by_kind[relation.kind];
    if (!is_dated(relation)) ++summary.undated;
    widen(relation.since);
    widen(relation.known_by);
    widen(relation.ended_by);
    widen(relation.until);
  }
  return summary;
}

std::vector<Vertex> list_entities(const GraphView& view, TypeSet types) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  std::vector<Vertex> entities;
  const FilteredGraph g = view.graph();  // filtered iterators point into it: keep it alive
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
    if (types.test(static_cast<std::size_t>(kg.entity(v).type))) entities.push_back(v);
  std::ranges::sort(entities, {}, [&](Vertex v) -> const std::string& { return kg.entity(v).id; });
  return entities;
}

}  // namespace cartelgraph

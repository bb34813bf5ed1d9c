#include "cartelgraph/cli/text_output.hpp"

namespace cartelgraph::cli {

std::string entity_label(const KnowledgeGraph& graph, Vertex v) {
  const Entity& entity = graph.entity(v);
  return entity.name + " [" + std::string(to_string(entity.type)) + "]";
}

std::string date_span(const Relation& relation) {
  if (!relation.since && !relation.until) return "undated";
  std::string text = relation.since ? relation.since->to_string() : "?";
  if (relation.until) text += " to " + relation.until->to_string();
  return text;
}

std::string relation_sentence(const KnowledgeGraph& graph, Edge e) {
  const Relation& relation = graph.relation(e);
  const Graph& g = graph.graph();
  std::string text = graph.entity(boost::source(e, g)).name + " " + std::string(kind_info(relation.kind).label) +
                     " " + graph.entity(boost::target(e, g)).name;
  if (!relation.place.empty()) {
    const auto place = graph.find(relation.place);
    text += " (in " + (place ? graph.entity(*place).name : relation.place) + ")";
  }
  return text + " [" + std::string(to_string(relation.confidence)) + "]";
}

std::string citation_list(const std::vector<Citation>& citations) {
  std::string text;
  for (const auto& citation : citations)
    text += (text.empty() ? "[" : " [") + citation.source + " §" + citation.section + "]";
  return text;
}

}  // namespace cartelgraph::cli

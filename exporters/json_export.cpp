#include "cartelgraph/exporters/export_support.hpp"
#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/exporters/json_writer.hpp"
#include "cartelgraph/queries/summary.hpp"

namespace cartelgraph {

std::string export_json(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  JsonWriter json;
  json.begin_object();
  json.key("sources");
  json.array([&] {
    for (const auto& source : detail::sorted_sources(kg)) json.source(source);
  });
  json.key("entities");
  json.array([&] {
    for (const Vertex v : list_entities(view, TypeSet().set())) json.entity(kg.entity(v), JsonWriter::Absent::omit);
  });
  json.key("relations");
  json.array([&] {
    for (const Edge e : detail::sorted_relations(view)) json.relation(kg, e, JsonWriter::Absent::omit);
  });
  json.end_object();
  return json.text();
}

}  // namespace cartelgraph

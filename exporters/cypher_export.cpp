#include "cartelgraph/exporters/export_support.hpp"
#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/queries/summary.hpp"

namespace cartelgraph {

namespace {

using namespace detail;

// A Cypher string literal. No library the project uses writes Cypher, so this is done here.
std::string cypher_string(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out + "'";
}

std::string create_entity(const Entity& e) {
  std::string aliases = "[";
  for (std::size_t i = 0; i < e.aliases.size(); ++i) aliases += (i ? ", " : "") + cypher_string(e.aliases[i]);
  aliases += "]";
  return "CREATE (:Entity:" + capitalized(to_string(e.type)) + " {id: " + cypher_string(e.id) +
         ", name: " + cypher_string(e.name) +
         (e.known_as.empty() ? std::string() : ", known_as: " + cypher_string(e.known_as)) +
         ", type: " + cypher_string(to_string(e.type)) + ", aliases: " + aliases +
         ", description: " + cypher_string(e.description) + ", sources: " + cypher_string(citations_json(e.sources)) +
         "});\n";
}

std::string create_relation(const KnowledgeGraph& kg, Edge edge) {
  const Relation& r = kg.relation(edge);
  const Graph& g = kg.graph();
  std::string out = "MATCH (a:Entity {id: " + cypher_string(kg.entity(boost::source(edge, g)).id) +
                    "}), (b:Entity {id: " + cypher_string(kg.entity(boost::target(edge, g)).id) +
                    "}) CREATE (a)-[:" + upper(to_string(r.kind)) +
                    " {confidence: " + cypher_string(to_string(r.confidence));
  for (const std::string_view name : relation_date_fields)
    if (const auto& date = *date_field(r, name))
      out += ", " + std::string(name) + ": " + cypher_string(date->to_string());
  if (!r.place.empty()) out += ", place: " + cypher_string(r.place);
  if (r.weight) out += ", weight: " + number_text(*r.weight);
  return out + ", sources: " + cypher_string(citations_json(r.sources)) + "}]->(b);\n";
}

}  // namespace

std::string export_cypher(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  std::string out =
      "// cartelgraph export: run with cypher-shell -f FILE\n"
      "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n";
  for (const Vertex v : list_entities(view, TypeSet().set())) out += create_entity(kg.entity(v));
  for (const Edge edge : sorted_relations(view)) out += create_relation(kg, edge);
  return out;
}

}  // namespace cartelgraph

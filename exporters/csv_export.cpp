#include "cartelgraph/exporters/export_support.hpp"
#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/queries/summary.hpp"

namespace cartelgraph {

namespace {

using namespace detail;

// A text cell: quoted, quotes doubled (RFC 4180). No library the project uses writes CSV, so
// this is done here. A cell that starts with = + - @, a tab or a carriage return would be read
// as a formula by a spreadsheet (OWASP, "CSV Injection"): it gets a leading ' that makes it
// text. Numbers are written with number_text, never through here.
std::string csv_field(std::string_view text) {
  std::string out = "\"";
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) out += '\'';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string node_row(const Entity& e) {
  std::string aliases;
  for (const auto& alias : e.aliases) aliases += (aliases.empty() ? "" : ";") + alias;
  return csv_field(e.id) + "," + csv_field(e.name) + "," + csv_field(to_string(e.type)) + "," + csv_field(aliases) +
         "," + csv_field(e.known_as) + "," + csv_field(e.description) + "," + csv_field(e.storyline) + "," +
         csv_field("Entity;" + capitalized(to_string(e.type))) + "\n";
}

std::string relationship_row(const KnowledgeGraph& kg, Edge edge) {
  const Relation& r = kg.relation(edge);
  const Graph& g = kg.graph();
  return csv_field(kg.entity(boost::source(edge, g)).id) + "," + csv_field(kg.entity(boost::target(edge, g)).id) + "," +
         csv_field(upper(to_string(r.kind))) + "," + csv_field(date_text(r.since)) + "," +
         csv_field(date_text(r.until)) + "," + csv_field(date_text(r.known_by)) + "," + csv_field(r.place) + "," +
         (r.weight ? number_text(*r.weight) : std::string()) + "," + csv_field(to_string(r.confidence)) + "," +
         csv_field(citations_json(r.sources)) + "\n";
}

}  // namespace

CsvExport export_csv(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  CsvExport csv;
  csv.nodes = "id:ID,name,type,aliases:string[],known_as,description,storyline,:LABEL\n";
  for (const Vertex v : list_entities(view, TypeSet().set())) csv.nodes += node_row(kg.entity(v));
  csv.relationships = ":START_ID,:END_ID,:TYPE,since,until,known_by,place,weight:double,confidence,sources\n";
  for (const Edge edge : sorted_relations(view)) csv.relationships += relationship_row(kg, edge);
  return csv;
}

}  // namespace cartelgraph

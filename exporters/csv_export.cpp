#include "cartelgraph/exporters/export_support.hpp"
#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/loaders/csv_cells.hpp"
#include "cartelgraph/queries/summary.hpp"

namespace cartelgraph {

namespace {

using namespace detail;

// A row of text cells, each quoted (RFC 4180) and formula-guarded (loaders/csv_cells.hpp). No
// library the project uses writes CSV, so this is done here; numbers never come through here.
std::string text_row(std::initializer_list<std::string_view> cells) {
  std::string row;
  for (const std::string_view cell : cells) row += (row.empty() ? "" : ",") + quoted_field(guarded(cell));
  return row + "\n";
}

// An entity's row; its values in `columns` follow, numbers unquoted.
std::string node_row(const Entity& e, Vertex v, std::span<const NodeColumn> columns) {
  std::string row = text_row({e.id, e.name, to_string(e.type), joined_list(e.aliases), e.known_as, e.description,
                              e.storyline, "Entity;" + capitalized(to_string(e.type))});
  row.pop_back();
  for (const NodeColumn& column : columns)
    row += "," + (column.numeric ? column_value(column, v) : quoted_field(guarded(column_value(column, v))));
  return row + "\n";
}

// The nodes.csv header, with a column per analysis result (Neo4j's `:double` for numbers).
std::string nodes_header(std::span<const NodeColumn> columns) {
  std::string header(csv_nodes_header);
  for (const NodeColumn& column : columns)
    header += "," + column.name + (column.numeric ? ":double" : "");  // our names
  return header + "\n";
}

// Relationship `id` ("r1", …) is what citations.csv refers to it by.
std::string relationship_row(const KnowledgeGraph& kg, Edge edge, const std::string& id) {
  const Relation& r = kg.relation(edge);
  const Graph& g = kg.graph();
  std::string row = text_row({kg.entity(boost::source(edge, g)).id, kg.entity(boost::target(edge, g)).id,
                              upper(to_string(r.kind)), id, r.label, date_text(r.since), date_text(r.until),
                              date_text(r.known_by), date_text(r.ended_by), r.place});
  row.pop_back();  // the newline: the weight, a number, is not quoted
  return row + "," + (r.weight ? number_text(*r.weight) : std::string()) + "," +
         text_row({to_string(r.confidence), r.storyline});
}

// One row per citation, in order; `entity` or `relationship` names whose it is.
std::string citation_rows(std::string_view entity, std::string_view relationship,
                          const std::vector<Citation>& citations) {
  std::string rows;
  for (const Citation& c : citations)
    rows += text_row({entity, relationship, c.source, c.section, name_of(c.support), c.note});
  return rows;
}

std::string source_row(const Source& s) {
  return text_row({s.id, s.title, s.author, s.publisher, s.published, s.url, s.document, std::string(name_of(s.kind)),
                   s.confidential ? "true" : "false"});
}

}  // namespace

CsvExport export_csv(const GraphView& view, std::span<const NodeColumn> columns) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  CsvExport csv;
  csv.sources = std::string(csv_sources_header) + "\n";
  for (const Source& source : sorted_sources(kg)) csv.sources += source_row(source);
  csv.nodes = nodes_header(columns);
  csv.citations = std::string(csv_citations_header) + "\n";
  for (const Vertex v : list_entities(view, TypeSet().set())) {
    csv.nodes += node_row(kg.entity(v), v, columns);
    csv.citations += citation_rows(kg.entity(v).id, "", kg.entity(v).sources);
  }
  csv.relationships = std::string(csv_relationships_header) + "\n";
  std::size_t number = 0;
  for (const Edge edge : sorted_relations(view)) {
    const std::string id = "r" + std::to_string(++number);
    csv.relationships += relationship_row(kg, edge, id);
    csv.citations += citation_rows("", id, kg.relation(edge).sources);
  }
  return csv;
}

}  // namespace cartelgraph

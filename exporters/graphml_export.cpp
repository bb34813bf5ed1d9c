#include "cartelgraph/exporters/export_support.hpp"
#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/exporters/json_writer.hpp"
#include "cartelgraph/queries/summary.hpp"
#include "cartelgraph/render/escape.hpp"

namespace cartelgraph {

namespace {

using namespace detail;

// The attributes written, declared as GraphML <key>s.
struct Key {
  const char* id;
  const char* domain;
  const char* name;
  const char* type;
};
constexpr Key keys[] = {
    {"g_sources", "graph", "sources", "string"},  {"n_type", "node", "type", "string"},
    {"n_name", "node", "name", "string"},         {"n_known_as", "node", "known_as", "string"},
    {"n_aliases", "node", "aliases", "string"},   {"n_description", "node", "description", "string"},
    {"n_sources", "node", "sources", "string"},   {"n_storyline", "node", "storyline", "string"},
    {"e_kind", "edge", "kind", "string"},         {"e_since", "edge", "since", "string"},
    {"e_until", "edge", "until", "string"},       {"e_known_by", "edge", "known_by", "string"},
    {"e_ended_by", "edge", "ended_by", "string"}, {"e_place", "edge", "place", "string"},
    {"e_weight", "edge", "weight", "double"},     {"e_confidence", "edge", "confidence", "string"},
    {"e_sources", "edge", "sources", "string"},   {"e_storyline", "edge", "storyline", "string"},
};

constexpr const char* header =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

// A GraphML document being written; empty values are left out.
class GraphmlText {
 public:
  explicit GraphmlText(std::span<const NodeColumn> columns) : out_(header), columns_(columns) {
    for (const Key& key : keys) declare(key.id, key.domain, key.name, key.type);
    for (const NodeColumn& column : columns)
      declare("n_with_" + column.name, "node", column.name, column.numeric ? "double" : "string");
    out_ += "  <graph id=\"cartelgraph\" edgedefault=\"directed\">\n";
  }
  void data(std::string_view key, std::string_view value, const char* indent = "      ") {
    if (value.empty()) return;
    out_ += std::string(indent) + "<data key=\"" + std::string(key) + "\">" + xml_escape(value) + "</data>\n";
  }
  void node(const Entity& e, Vertex v) {
    out_ += "    <node id=\"" + xml_escape(e.id) + "\">\n";
    data("n_type", to_string(e.type));
    data("n_name", e.name);
    data("n_known_as", e.known_as);
    JsonWriter aliases(JsonWriter::Style::compact);
    aliases.strings(e.aliases);
    data("n_aliases", aliases.text(false));
    data("n_description", e.description);
    data("n_sources", citations_json(e.sources));
    data("n_storyline", e.storyline);
    for (const NodeColumn& column : columns_) data("n_with_" + column.name, column_value(column, v));
    out_ += "    </node>\n";
  }
  void edge(const KnowledgeGraph& kg, Edge edge, std::size_t index) {
    const Relation& r = kg.relation(edge);
    const Graph& g = kg.graph();
    out_ += "    <edge id=\"e" + std::to_string(index) + "\" source=\"" +
            xml_escape(kg.entity(boost::source(edge, g)).id) + "\" target=\"" +
            xml_escape(kg.entity(boost::target(edge, g)).id) + "\">\n";
    data("e_kind", to_string(r.kind));
    for (const std::string_view name : relation_date_fields)
      data("e_" + std::string(name), date_text(*date_field(r, name)));
    data("e_place", r.place);
    data("e_weight", r.weight ? number_text(*r.weight) : std::string());
    data("e_confidence", to_string(r.confidence));
    data("e_sources", citations_json(r.sources));
    data("e_storyline", r.storyline);
    out_ += "    </edge>\n";
  }
  std::string finish() { return std::move(out_) + "  </graph>\n</graphml>\n"; }

 private:
  void declare(const std::string& id, std::string_view domain, std::string_view name, std::string_view type) {
    out_ += "  <key id=\"" + xml_escape(id) + "\" for=\"" + std::string(domain) + "\" attr.name=\"" + xml_escape(name) +
            "\" attr.type=\"" + std::string(type) + "\"/>\n";
  }

  std::string out_;
  std::span<const NodeColumn> columns_;
};

}  // namespace

std::string export_graphml(const GraphView& view, std::span<const NodeColumn> columns) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  GraphmlText graphml(columns);
  JsonWriter sources(JsonWriter::Style::compact);
  sources.array([&] {
    for (const auto& source : sorted_sources(kg)) sources.source(source);
  });
  graphml.data("g_sources", sources.text(false), "    ");
  for (const Vertex v : list_entities(view, TypeSet().set())) graphml.node(kg.entity(v), v);
  std::size_t index = 0;
  for (const Edge e : sorted_relations(view)) graphml.edge(kg, e, index++);
  return graphml.finish();
}

}  // namespace cartelgraph

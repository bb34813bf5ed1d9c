#include "cartelgraph/exporters/export_support.hpp"
#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/exporters/json_writer.hpp"
#include "cartelgraph/queries/summary.hpp"
#include "cartelgraph/render/escape.hpp"

namespace cartelgraph {

namespace {

using namespace detail;

// The attributes written, declared in <attributes>; the id is the title, as Gephi does for
// named columns. What GEXF holds natively is not among them: the name (node label), the kind,
// the imported label and the weight (edge attributes), the dates (spells).
constexpr const char* node_attributes[] = {"type", "known_as", "aliases", "description", "sources", "storyline"};
constexpr const char* edge_attributes[] = {"confidence", "place",           "sources",       "storyline",
                                           "known_by",   "start_precision", "end_precision", "end_is"};

constexpr const char* header =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n";

std::string_view precision_name(const Date& date) {
  switch (date.precision()) {
    case Date::Precision::year: return "year";
    case Date::Precision::month: return "month";
    case Date::Precision::day: break;
  }
  return "day";
}

// A GEXF document being written; empty values are left out.
class GexfText {
 public:
  GexfText(const std::string& sources, std::span<const NodeColumn> columns) : out_(header), columns_(columns) {
    out_ += "  <meta>\n    <creator>cartelgraph</creator>\n    <description>" + xml_escape(sources) +
            "</description>\n  </meta>\n";
    out_ +=
        "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" timerepresentation=\"interval\">\n";
    declare("node", node_attributes);
    declare("edge", edge_attributes);
  }
  void nodes(const KnowledgeGraph& kg, const std::vector<Vertex>& vertices) {
    out_ += "    <nodes count=\"" + std::to_string(vertices.size()) + "\">\n";
    for (const Vertex v : vertices) node(kg.entity(v), v);
    out_ += "    </nodes>\n";
  }
  void edges(const KnowledgeGraph& kg, const std::vector<Edge>& edges) {
    out_ += "    <edges count=\"" + std::to_string(edges.size()) + "\">\n";
    for (std::size_t i = 0; i < edges.size(); ++i) edge(kg, edges[i], i);
    out_ += "    </edges>\n";
  }
  std::string finish() { return std::move(out_) + "  </graph>\n</gexf>\n"; }

 private:
  template <std::size_t N>
  void declare(const char* domain, const char* const (&titles)[N]) {
    out_ += std::string("    <attributes class=\"") + domain + "\" mode=\"static\">\n";
    for (const char* title : titles) declare_one(title, "string");
    if (std::string_view(domain) == "node")
      for (const NodeColumn& column : columns_)
        declare_one(xml_escape(column.name), column.numeric ? "double" : "string");
    out_ += "    </attributes>\n";
  }
  void declare_one(const std::string& title, std::string_view type) {
    out_ += "      <attribute id=\"" + title + "\" title=\"" + title + "\" type=\"" + std::string(type) + "\"/>\n";
  }
  void attribute(std::string& values, std::string_view name, std::string_view value) {
    if (!value.empty())
      values += "          <attvalue for=\"" + xml_escape(name) + "\" value=\"" + xml_escape(value) + "\"/>\n";
  }
  void attvalues(const std::string& values) {
    if (!values.empty()) out_ += "        <attvalues>\n" + values + "        </attvalues>\n";
  }
  void node(const Entity& e, Vertex v) {
    out_ += "      <node id=\"" + xml_escape(e.id) + "\" label=\"" + xml_escape(e.name) + "\">\n";
    std::string values;
    attribute(values, "type", to_string(e.type));
    attribute(values, "known_as", e.known_as);
    JsonWriter aliases(JsonWriter::Style::compact);
    aliases.strings(e.aliases);
    attribute(values, "aliases", e.aliases.empty() ? std::string() : aliases.text(false));
    attribute(values, "description", e.description);
    attribute(values, "sources", citations_json(e.sources));
    attribute(values, "storyline", e.storyline);
    for (const NodeColumn& column : columns_) attribute(values, column.name, column_value(column, v));
    attvalues(values);
    out_ += "      </node>\n";
  }
  void edge(const KnowledgeGraph& kg, Edge edge, std::size_t index);
  void spell(const Relation& r);

  std::string out_;
  std::span<const NodeColumn> columns_;
};

// The relation's time as one spell: since from its first day, until (or ended_by) to its last
// day, so the spell covers every day the tie may have held; none when it has neither.
void GexfText::spell(const Relation& r) {
  const std::optional<Date>& end = r.until ? r.until : r.ended_by;
  if (!r.since && !end) return;
  out_ += "        <spells>\n          <spell";
  if (r.since) out_ += " start=\"" + r.since->first_day().to_string() + "\"";
  if (end) out_ += " end=\"" + end->last_day().to_string() + "\"";
  out_ += "/>\n        </spells>\n";
}

void GexfText::edge(const KnowledgeGraph& kg, Edge edge, std::size_t index) {
  const Relation& r = kg.relation(edge);
  const Graph& g = kg.graph();
  out_ += "      <edge id=\"e" + std::to_string(index) + "\" source=\"" +
          xml_escape(kg.entity(boost::source(edge, g)).id) + "\" target=\"" +
          xml_escape(kg.entity(boost::target(edge, g)).id) + "\" type=\"" +
          (kind_info(r.kind).symmetric ? "undirected" : "directed") + "\" kind=\"" + std::string(to_string(r.kind)) +
          "\"";
  if (!r.label.empty()) out_ += " label=\"" + xml_escape(r.label) + "\"";
  if (r.weight) out_ += " weight=\"" + number_text(*r.weight) + "\"";
  out_ += ">\n";
  spell(r);
  std::string values;
  attribute(values, "confidence", to_string(r.confidence));
  attribute(values, "place", r.place);
  attribute(values, "sources", citations_json(r.sources));
  attribute(values, "storyline", r.storyline);
  attribute(values, "known_by", date_text(r.known_by));
  attribute(values, "start_precision", r.since ? precision_name(*r.since) : "");
  const std::optional<Date>& end = r.until ? r.until : r.ended_by;
  attribute(values, "end_precision", end ? precision_name(*end) : "");
  attribute(values, "end_is", r.ended_by && !r.until ? "ended_by" : "");
  attvalues(values);
  out_ += "      </edge>\n";
}

}  // namespace

std::string export_gexf(const GraphView& view, std::span<const NodeColumn> columns) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  JsonWriter sources(JsonWriter::Style::compact);
  sources.array([&] {
    for (const auto& source : sorted_sources(kg)) sources.source(source);
  });
  GexfText gexf(sources.text(false), columns);
  gexf.nodes(kg, list_entities(view, TypeSet().set()));
  gexf.edges(kg, sorted_relations(view));
  return gexf.finish();
}

}  // namespace cartelgraph

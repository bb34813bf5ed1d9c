#include "cartelgraph/exporters/export_support.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <tuple>

#include "cartelgraph/exporters/json_writer.hpp"

namespace cartelgraph::detail {

std::vector<Edge> sorted_relations(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const Graph& g = kg.graph();
  std::vector<Edge> relations;
  const FilteredGraph filtered = view.graph();  // filtered iterators point into it: keep it alive
  for (const Edge e : boost::make_iterator_range(boost::edges(filtered))) relations.push_back(e);
  const auto key = [&](Edge e) {
    const Relation& r = kg.relation(e);
    return std::make_tuple(kg.entity(boost::source(e, g)).id, kg.entity(boost::target(e, g)).id,
                           std::string(to_string(r.kind)), r.since, r.until, r.known_by, r.ended_by, r.place);
  };
  std::ranges::stable_sort(relations, [&](Edge a, Edge b) { return key(a) < key(b); });
  return relations;
}

std::vector<Source> sorted_sources(const KnowledgeGraph& graph) {
  std::vector<Source> sources = graph.sources();
  std::ranges::sort(sources, {}, &Source::id);
  return sources;
}

std::string date_text(const std::optional<Date>& date) { return date ? date->to_string() : std::string(); }

std::string column_value(const NodeColumn& column, Vertex v) {
  if (column.numeric) {
    const auto it = column.numbers.find(v);
    return it == column.numbers.end() ? std::string() : number_text(it->second);
  }
  const auto it = column.labels.find(v);
  return it == column.labels.end() ? std::string() : it->second;
}

std::string number_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

std::string capitalized(std::string_view name) {
  std::string out(name);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string upper(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string citations_json(const std::vector<Citation>& citations) {
  JsonWriter json(JsonWriter::Style::compact);
  json.citations(citations, JsonWriter::Absent::omit);
  return json.text(false);
}

}  // namespace cartelgraph::detail

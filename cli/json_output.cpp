#include "cartelgraph/cli/json_output.hpp"

#include <cstdio>

namespace cartelgraph::cli {

JsonDocument::JsonDocument() : writer_(buffer_) { writer_.SetIndent(' ', 2); }

void JsonDocument::key(std::string_view name) {
  writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

void JsonDocument::string(std::string_view value) {
  writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void JsonDocument::date(const std::optional<Date>& value) {
  if (value) string(value->to_string());
  else writer_.Null();
}

void JsonDocument::citations(const std::vector<Citation>& citations) {
  writer_.StartArray();
  for (const auto& citation : citations) {
    writer_.StartObject();
    key("source");
    string(citation.source);
    key("section");
    string(citation.section);
    key("note");
    string(citation.note);
    writer_.EndObject();
  }
  writer_.EndArray();
}

void JsonDocument::relation(const KnowledgeGraph& graph, Edge e) {
  const Relation& r = graph.relation(e);
  const Graph& g = graph.graph();
  writer_.StartObject();
  key("from");
  string(graph.entity(boost::source(e, g)).id);
  key("to");
  string(graph.entity(boost::target(e, g)).id);
  key("kind");
  string(to_string(r.kind));
  key("since");
  date(r.since);
  key("until");
  date(r.until);
  key("place");
  if (r.place.empty()) writer_.Null();
  else string(r.place);
  key("confidence");
  string(to_string(r.confidence));
  key("sources");
  citations(r.sources);
  writer_.EndObject();
}

void JsonDocument::begin_entity(const KnowledgeGraph& graph, Vertex v) {
  const Entity& entity = graph.entity(v);
  writer_.StartObject();
  key("id");
  string(entity.id);
  key("name");
  string(entity.name);
  key("type");
  string(to_string(entity.type));
}

void JsonDocument::print() const {
  std::fwrite(buffer_.GetString(), 1, buffer_.GetSize(), stdout);
  std::fputc('\n', stdout);
}

}  // namespace cartelgraph::cli

#include "cartelgraph/exporters/json_writer.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>

namespace cartelgraph {

struct JsonWriter::Impl {
  explicit Impl(Style style) {
    if (style == Style::compact) {
      compact.emplace(buffer);
    } else {
      pretty.emplace(buffer);
      pretty->SetIndent(' ', 2);
    }
  }
  // Calls `f` with whichever RapidJSON writer this document uses (they share no base class).
  template <class F>
  void operator()(F&& f) {
    if (pretty) f(*pretty);
    else f(*compact);
  }

  rapidjson::StringBuffer buffer;
  std::optional<rapidjson::Writer<rapidjson::StringBuffer>> compact;
  std::optional<rapidjson::PrettyWriter<rapidjson::StringBuffer>> pretty;
};

JsonWriter::JsonWriter(Style style) : impl_(std::make_unique<Impl>(style)) {}
JsonWriter::~JsonWriter() = default;

void JsonWriter::begin_object() {
  (*impl_)([](auto& w) { w.StartObject(); });
}
void JsonWriter::end_object() {
  (*impl_)([](auto& w) { w.EndObject(); });
}
void JsonWriter::begin_array() {
  (*impl_)([](auto& w) { w.StartArray(); });
}
void JsonWriter::end_array() {
  (*impl_)([](auto& w) { w.EndArray(); });
}
void JsonWriter::key(std::string_view name) {
  (*impl_)([&](auto& w) { w.Key(name.data(), static_cast<rapidjson::SizeType>(name.size())); });
}
void JsonWriter::value(std::string_view text) {
  (*impl_)([&](auto& w) { w.String(text.data(), static_cast<rapidjson::SizeType>(text.size())); });
}
void JsonWriter::value(bool flag) {
  (*impl_)([&](auto& w) { w.Bool(flag); });
}
void JsonWriter::value(double number) {
  (*impl_)([&](auto& w) { w.Double(number); });
}
void JsonWriter::unsigned_value(std::uint64_t number) {
  (*impl_)([&](auto& w) { w.Uint64(number); });
}
void JsonWriter::signed_value(std::int64_t number) {
  (*impl_)([&](auto& w) { w.Int64(number); });
}
void JsonWriter::null() {
  (*impl_)([](auto& w) { w.Null(); });
}

void JsonWriter::value(const std::optional<Date>& date) {
  if (date) value(date->to_string());
  else null();
}

void JsonWriter::strings(std::span<const std::string> texts) {
  begin_array();
  for (const auto& text : texts) value(text);
  end_array();
}

void JsonWriter::citations(const std::vector<Citation>& citations) {
  begin_array();
  for (const auto& citation : citations) {
    begin_object();
    member("source", citation.source);
    member("section", citation.section);
    member("note", citation.note);
    end_object();
  }
  end_array();
}

void JsonWriter::source(const Source& source) {
  const auto optional = [&](std::string_view name, const std::string& text) {
    if (!text.empty()) member(name, text);
  };
  begin_object();
  member("id", source.id);
  member("title", source.title);
  optional("author", source.author);
  optional("publisher", source.publisher);
  member("published", source.published);
  optional("url", source.url);
  member("document", source.document);
  end_object();
}

void JsonWriter::entity(const Entity& entity) {
  begin_object();
  member("id", entity.id);
  member("type", to_string(entity.type));
  member("name", entity.name);
  if (!entity.aliases.empty()) {
    key("aliases");
    strings(entity.aliases);
  }
  member("description", entity.description);
  key("sources");
  citations(entity.sources);
  end_object();
}

void JsonWriter::entity_summary(const KnowledgeGraph& graph, Vertex v) {
  const Entity& entity = graph.entity(v);
  member("id", entity.id);
  member("name", entity.name);
  member("type", to_string(entity.type));
}

void JsonWriter::ids(const KnowledgeGraph& graph, std::span<const Vertex> vertices) {
  begin_array();
  for (const Vertex v : vertices) value(graph.entity(v).id);
  end_array();
}

void JsonWriter::relation(const KnowledgeGraph& graph, Edge e, Absent absent) {
  begin_object();
  relation_members(graph, e, absent);
  end_object();
}

void JsonWriter::relation_members(const KnowledgeGraph& graph, Edge e, Absent absent) {
  const Relation& r = graph.relation(e);
  const Graph& g = graph.graph();
  const bool nulls = absent == Absent::null;
  member("kind", to_string(r.kind));
  member("from", graph.entity(boost::source(e, g)).id);
  member("to", graph.entity(boost::target(e, g)).id);
  if (r.since || nulls) member("since", r.since);
  if (r.until || nulls) member("until", r.until);
  if (!r.place.empty()) {
    member("place", r.place);
  } else if (nulls) {
    key("place");
    null();
  }
  if (r.weight) {
    member("weight", *r.weight);
  } else if (nulls) {
    key("weight");
    null();
  }
  member("confidence", to_string(r.confidence));
  key("sources");
  citations(r.sources);
}

void JsonWriter::problem(const Problem& problem) {
  begin_object();
  member("file", problem.file);
  member("line", problem.line);
  member("column", problem.column);
  member("message", problem.message);
  end_object();
}

std::string JsonWriter::text(bool newline) const {
  std::string out(impl_->buffer.GetString(), impl_->buffer.GetSize());
  if (newline) out += '\n';
  return out;
}

}  // namespace cartelgraph

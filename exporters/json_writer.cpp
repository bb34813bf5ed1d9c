#include "cartelgraph/exporters/json_writer.hpp"

#include "cartelgraph/loaders/fact_fields.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <utility>

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

  std::function<void()> leading;  // open_with's members, until the first object opens
  rapidjson::StringBuffer buffer;
  std::optional<rapidjson::Writer<rapidjson::StringBuffer>> compact;
  std::optional<rapidjson::PrettyWriter<rapidjson::StringBuffer>> pretty;
};

JsonWriter::JsonWriter(Style style) : impl_(std::make_unique<Impl>(style)) {}
JsonWriter::~JsonWriter() = default;

void JsonWriter::open_with(std::function<void()> members) { impl_->leading = std::move(members); }

void JsonWriter::begin_object() {
  (*impl_)([](auto& w) { w.StartObject(); });
  if (impl_->leading) std::exchange(impl_->leading, nullptr)();
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

namespace {

// Calls write(name) for each member of `record` in canonical order: the order of its properties
// in seeds/schema.json, the one definition (loaders/fact_fields.hpp). Each writer below maps a
// member's name to its field and leaves out what is absent.
template <class Write>
void in_member_order(Record record, Write&& write) {
  for (const std::string_view name : member_order(record)) write(name);
}

}  // namespace

void JsonWriter::strings_member(std::string_view name, std::span<const std::string> texts) {
  key(name);
  strings(texts);
}

void JsonWriter::citations_member(std::string_view name, const std::vector<Citation>& citations, Absent absent) {
  key(name);
  this->citations(citations, absent);
}

void JsonWriter::citations(const std::vector<Citation>& citations, Absent absent) {
  begin_array();
  for (const auto& citation : citations) {
    begin_object();
    in_member_order(Record::citation, [&](std::string_view name) {
      if (name == "source") member(name, citation.source);
      else if (name == "section") member(name, citation.section);
      else if (name == "support" && (absent == Absent::null || citation.support != CitationSupport::text))
        member(name, name_of(citation.support));
      else if (name == "note") member(name, citation.note);
    });
    end_object();
  }
  end_array();
}

void JsonWriter::source(const Source& source) {
  const std::pair<std::string_view, const std::string*> fields[] = {{"id", &source.id},
                                                                    {"title", &source.title},
                                                                    {"author", &source.author},
                                                                    {"publisher", &source.publisher},
                                                                    {"published", &source.published},
                                                                    {"url", &source.url},
                                                                    {"document", &source.document}};
  begin_object();
  in_member_order(Record::source, [&](std::string_view name) {
    for (const auto& [field, text] : fields)
      if (field == name && !text->empty()) member(name, *text);  // required ones are never empty
    if (name == "kind" && source.kind != SourceKind::document) member(name, name_of(source.kind));
    if (name == "confidential" && source.confidential) {
      key(name);
      value(true);
    }
  });
  end_object();
}

void JsonWriter::known_as(const std::string& name, Absent absent) {
  if (name.empty() && absent == Absent::omit) return;
  key("known_as");
  if (name.empty()) null();
  else value(name);
}

void JsonWriter::entity(const Entity& entity, Absent absent) {
  begin_object();
  in_member_order(Record::entity, [&](std::string_view name) {
    if (name == "id") member(name, entity.id);
    else if (name == "type") member(name, to_string(entity.type));
    else if (name == "name") member(name, entity.name);
    else if (name == "known_as") known_as(entity.known_as, absent);
    else if (name == "aliases" && !entity.aliases.empty()) strings_member(name, entity.aliases);
    else if (name == "description") member(name, entity.description);
    else if (name == "sources") citations_member(name, entity.sources, absent);
  });
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
  // An optional member: its value when present, else null or nothing.
  const auto optional = [&](std::string_view name, bool present, auto write) {
    if (!present && !nulls) return;
    key(name);
    if (present) write();
    else null();
  };
  in_member_order(Record::relation, [&](std::string_view name) {
    if (name == "kind") member(name, to_string(r.kind));
    else if (name == "label") optional(name, !r.label.empty(), [&] { value(r.label); });
    else if (name == "from") member(name, graph.entity(boost::source(e, g)).id);
    else if (name == "to") member(name, graph.entity(boost::target(e, g)).id);
    else if (const auto* date = date_field(r, name)) optional(name, date->has_value(), [&] { value(*date); });
    else if (name == "place") optional(name, !r.place.empty(), [&] { value(r.place); });
    else if (name == "weight") optional(name, r.weight.has_value(), [&] { value(*r.weight); });
    else if (name == "confidence") member(name, to_string(r.confidence));
    else if (name == "sources") citations_member(name, r.sources, absent);
  });
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

// FollowTheMoney entity JSON lines: each source a Document, each entity a Person, Organization,
// Company, PublicBody, Address or Event, each relation an FtM interval. What FtM cannot say is
// kept as compact JSON in `summary`, after "cartelgraph " (loaders/ftm_vocabulary.hpp).

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <utility>

#include "cartelgraph/exporters/export_support.hpp"
#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/exporters/json_writer.hpp"
#include "cartelgraph/loaders/ftm_vocabulary.hpp"
#include "cartelgraph/queries/summary.hpp"

namespace cartelgraph {

namespace {

using detail::ftm_id;
using detail::FtmIdKind;

// One FtM entity being written: its properties, each a list of values, in the order set.
class FtmEntity {
 public:
  FtmEntity(std::string id, std::string_view schema) : id_(std::move(id)), schema_(schema) {}

  // Adds `value` to `property`, unless it is empty.
  void add(std::string_view property, std::string value) {
    if (value.empty()) return;
    for (auto& [name, values] : properties_)
      if (name == property) return values.push_back(std::move(value));
    properties_.emplace_back(std::string(property), std::vector<std::string>{std::move(value)});
  }
  // The JSON `note` (what FtM cannot say) as the summary, when it has any member.
  void note(const JsonWriter& note) {
    const std::string text = note.text(false);
    if (text != "{}") add("summary", std::string(detail::ftm_note_prefix) + text);
  }

  // The entity as one line of JSON.
  [[nodiscard]] std::string line() const {
    JsonWriter json(JsonWriter::Style::compact);
    json.object([&] {
      json.member("id", id_);
      json.member("schema", schema_);
      json.key("properties");
      json.object([&] {
        for (const auto& [name, values] : properties_) {
          json.key(name);
          json.strings(values);
        }
      });
    });
    return json.text();
  }

 private:
  std::string id_;
  std::string_view schema_;
  std::vector<std::pair<std::string, std::vector<std::string>>> properties_;
};

std::string document_line(const Source& source) {
  FtmEntity document(ftm_id(FtmIdKind::source, source.id), "Document");
  document.add("name", source.title);  // Thing requires a name
  document.add("title", source.title);
  document.add("fileName", source.document.empty() ? source.id : source.document);  // required by FtM
  document.add("author", source.author);
  document.add("publisher", source.publisher);
  const bool dated = Date::parse(source.published).has_value();
  if (dated) document.add("publishedAt", source.published);
  document.add("sourceUrl", source.url);
  JsonWriter note(JsonWriter::Style::compact);
  note.object([&] {
    if (source.document.empty()) note.member("document", "");
    if (!dated && !source.published.empty()) note.member("published", source.published);
    if (source.kind != SourceKind::document) note.member("kind", name_of(source.kind));
    if (source.confidential) note.member("confidential", true);
  });
  document.note(note);
  return document.line();
}

// The source documents a list of citations names, each once, in citation order.
std::vector<std::string> proofs(const std::vector<Citation>& citations) {
  std::vector<std::string> ids;
  for (const Citation& c : citations) {
    std::string id = ftm_id(FtmIdKind::source, c.source);
    if (std::ranges::find(ids, id) == ids.end()) ids.push_back(std::move(id));
  }
  return ids;
}

std::string entity_line(const Entity& entity) {
  FtmEntity thing(ftm_id(FtmIdKind::entity, entity.id), detail::ftm_schema(entity.type));
  thing.add("name", entity.name);
  if (entity.type == EntityType::place) thing.add("full", entity.name);
  for (const std::string& alias : entity.aliases) thing.add("alias", alias);
  thing.add("weakAlias", entity.known_as);
  thing.add("description", entity.description);
  for (std::string& id : proofs(entity.sources)) thing.add("proof", std::move(id));
  JsonWriter note(JsonWriter::Style::compact);
  note.object([&] {
    note.member("type", to_string(entity.type));
    if (!entity.sources.empty()) {
      note.key("sources");
      note.citations(entity.sources, JsonWriter::Absent::omit);
    }
  });
  thing.note(note);
  return thing.line();
}

// What FtM cannot say about a relation: its kind, sign, grade, the other dates, place, weight,
// own label and the citations whole.
// A Sanction names its authority as text: `to` keeps the agency's id.
void relation_note(JsonWriter& note, const Relation& r, const Entity& to) {
  note.object([&] {
    note.member("kind", to_string(r.kind));
    if (r.kind == RelationKind::sanctioned_by) note.member("to", to.id);
    note.member("sign", kind_info(r.kind).sign);
    note.member("confidence", to_string(r.confidence));
    if (r.known_by) note.member("known_by", r.known_by);
    if (r.ended_by) note.member("ended_by", r.ended_by);
    if (!r.place.empty()) note.member("place", r.place);
    if (r.weight) note.member("weight", *r.weight);
    if (!r.label.empty()) note.member("label", r.label);
    if (!r.sources.empty()) {
      note.key("sources");
      note.citations(r.sources, JsonWriter::Absent::omit);
    }
  });
}

// The citations as an interval can hold them: each source's publisher (its title when it names
// none) and URL, and each citation's note as a description.
void add_citations(FtmEntity& interval, const KnowledgeGraph& kg, const std::vector<Citation>& citations) {
  for (const Citation& c : citations) {
    if (const Source* source = kg.find_source(c.source)) {
      interval.add("publisher", source->publisher.empty() ? source->title : source->publisher);
      interval.add("sourceUrl", source->url);
    }
    interval.add("description", c.note);
  }
}

std::string relation_line(const KnowledgeGraph& kg, Edge e, const std::string& id) {
  const Graph& g = kg.graph();
  const Relation& r = kg.relation(e);
  const Entity& from = kg.entity(boost::source(e, g));
  const Entity& to = kg.entity(boost::target(e, g));
  const std::string role = r.label.empty() ? detail::role_text(r.kind) : r.label.str();
  const bool sanction = r.kind == RelationKind::sanctioned_by;
  const detail::FtmLink& link = detail::ftm_link(r.kind, from.type, to.type);
  FtmEntity interval(id, sanction ? "Sanction" : link.schema);
  if (sanction) {
    interval.add("entity", ftm_id(FtmIdKind::entity, from.id));
    interval.add("authority", to.name);
  } else {
    interval.add(link.source, ftm_id(FtmIdKind::entity, from.id));
    interval.add(link.target, ftm_id(FtmIdKind::entity, to.id));
    interval.add(link.role, role);
  }
  interval.add("startDate", detail::date_text(r.since));
  interval.add("endDate", detail::date_text(r.until));
  add_citations(interval, kg, r.sources);
  JsonWriter note(JsonWriter::Style::compact);
  relation_note(note, r, to);
  interval.note(note);
  return interval.line();
}

// A relation's id: a hash of what identifies it in the sorted order, numbered on a collision.
std::string relation_id(const KnowledgeGraph& kg, Edge e, std::map<std::string, int>& taken) {
  const Graph& g = kg.graph();
  const Relation& r = kg.relation(e);
  const std::string key = kg.entity(boost::source(e, g)).id + '\0' + kg.entity(boost::target(e, g)).id + '\0' +
                          std::string(to_string(r.kind)) + '\0' + detail::date_text(r.since) + '\0' +
                          detail::date_text(r.until) + '\0' + detail::date_text(r.known_by) + '\0' + r.place;
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bits
  for (const char c : key) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  const int n = ++taken[hex];
  return n == 1 ? std::string(hex) : std::string(hex) + "-" + std::to_string(n);
}

}  // namespace

std::string export_ftm(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  std::string out;
  for (const Source& source : detail::sorted_sources(kg)) out += document_line(source);
  for (const Vertex v : list_entities(view, TypeSet().set())) out += entity_line(kg.entity(v));
  std::map<std::string, int> taken;
  for (const Edge e : detail::sorted_relations(view))
    out += relation_line(kg, e, ftm_id(FtmIdKind::relation, relation_id(kg, e, taken)));
  return out;
}

}  // namespace cartelgraph

#include "cartelgraph/loaders/ftm_loader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string_view>

#include "cartelgraph/loaders/fact_directory.hpp"
#include "cartelgraph/loaders/fact_records.hpp"
#include "cartelgraph/loaders/ftm_vocabulary.hpp"
#include "cartelgraph/loaders/relation_checks.hpp"

namespace cartelgraph {

namespace {

using detail::FtmIdKind;
using Values = std::vector<std::string>;

// One FtM entity as read: where its (first) line is, and its properties.
struct Record {
  std::size_t line = 0;
  std::string_view text;  // the first line, for locating a property in it
  std::string id;
  std::string schema;
  std::map<std::string, Values, std::less<>> properties;
  rapidjson::Document note;  // the "cartelgraph {…}" summary, or null

  [[nodiscard]] const Values& values(std::string_view name) const {
    static const Values none;
    const auto it = properties.find(name);
    return it == properties.end() ? none : it->second;
  }
  [[nodiscard]] std::string first(std::string_view name) const {
    const Values& v = values(name);
    return v.empty() ? std::string() : v.front();
  }
  // The member `name` of the note, or nullptr.
  [[nodiscard]] const rapidjson::Value* noted(const char* name) const {
    return note.IsObject() && note.HasMember(name) ? &note[name] : nullptr;
  }
  [[nodiscard]] std::string noted_text(const char* name) const {
    const rapidjson::Value* v = noted(name);
    return v && v->IsString() ? std::string(v->GetString(), v->GetStringLength()) : std::string();
  }
};

// How deep the JSON of `line` nests (brackets outside strings). O(|line|).
std::size_t nesting(std::string_view line) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// Reads the lines of a file into records, merging fragments with the same id.
class LineReader {
 public:
  LineReader(const FactFile& file, const LoadLimits& limits, LoadResult& result)
      : file_(file), limits_(limits), result_(result) {}

  std::vector<Record> read() {
    std::size_t number = 0;
    for (std::size_t at = 0; at < file_.text.size();) {
      std::size_t end = file_.text.find('\n', at);
      if (end == std::string::npos) end = file_.text.size();
      std::string_view line(file_.text.data() + at, end - at);
      if (line.ends_with('\r')) line.remove_suffix(1);
      ++number;
      if (line.find_first_not_of(" \t") != std::string_view::npos) read_line(line, number);
      at = end + 1;
    }
    return std::move(records_);
  }

  void problem(std::size_t line, std::size_t column, std::string message) {
    result_.problems.push_back({file_.path, line, column, std::move(message)});
  }

 private:
  void read_line(std::string_view line, std::size_t number) {
    if (nesting(line) > limits_.max_depth)
      return problem(number, 1, "nesting deeper than " + std::to_string(limits_.max_depth) + " levels (--max-depth)");
    rapidjson::Document d;
    d.Parse<rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag>(line.data(), line.size());
    if (d.HasParseError())
      return problem(number, d.GetErrorOffset() + 1,
                     std::string("JSON syntax error: ") + rapidjson::GetParseError_En(d.GetParseError()));
    if (!d.IsObject() || !d.HasMember("id") || !d["id"].IsString() || !d.HasMember("schema") ||
        !d["schema"].IsString() || (d.HasMember("properties") && !d["properties"].IsObject()))
      return problem(number, 1, "not an FtM entity: expected {\"id\": text, \"schema\": text, \"properties\": {…}}");
    Record record{number, line, d["id"].GetString(), d["schema"].GetString(), {}, {}};
    if (record.id.empty()) return problem(number, 1, "an entity with an empty id");
    if (d.HasMember("properties") && !read_properties(d["properties"], record)) return;
    add(std::move(record));
  }

  bool read_properties(const rapidjson::Value& properties, Record& record) {
    for (const auto& [name, values] : properties.GetObject()) {
      const std::string key(name.GetString(), name.GetStringLength());
      if (!values.IsArray() || !std::ranges::all_of(values.GetArray(), [](const auto& v) { return v.IsString(); })) {
        problem(record.line, column(record.text, key), "property '" + key + "' is not a list of texts");
        return false;
      }
      Values& into = record.properties[key];
      for (const auto& v : values.GetArray()) into.emplace_back(v.GetString(), v.GetStringLength());
    }
    return true;
  }

  void add(Record record) {
    const auto [it, added] = index_.try_emplace(record.id, records_.size());
    if (added) return records_.push_back(std::move(record));
    Record& first = records_[it->second];
    if (first.schema != record.schema)
      return problem(record.line, 1,
                     "id '" + record.id + "' is a " + first.schema + " at line " + std::to_string(first.line) +
                         " and a " + record.schema + " here");
    for (auto& [name, values] : record.properties)  // a fragment: its values join the first's
      for (auto& v : values) first.properties[name].push_back(std::move(v));
  }

 public:
  // The column of `"name"` in `line`, or 1.
  static std::size_t column(std::string_view line, std::string_view name) {
    const auto at = line.find('"' + std::string(name) + '"');
    return at == std::string_view::npos ? 1 : at + 1;
  }

 private:
  const FactFile& file_;
  const LoadLimits& limits_;
  LoadResult& result_;
  std::vector<Record> records_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

// Parses the "cartelgraph {…}" summary of a record, if it has one.
void read_note(Record& record, LineReader& lines) {
  for (const std::string& summary : record.values("summary")) {
    if (!summary.starts_with(detail::ftm_note_prefix)) continue;
    record.note.Parse(summary.c_str() + detail::ftm_note_prefix.size());
    if (record.note.HasParseError() || !record.note.IsObject()) {
      lines.problem(record.line, LineReader::column(record.text, "summary"),
                    "the 'summary' written by cartelgraph is not a JSON object");
      record.note.SetNull();
    }
    return;
  }
}

}  // namespace

namespace {

// Turns records into the model: documents into sources, things into entities, links into
// relations that go through the shared relation checks.
class Builder final : public detail::RelationReader {
 public:
  Builder(const FactFile& file, std::vector<Record>& records, const LoadOptions& options, LoadResult& result,
          LineReader& lines)
      : file_(file), records_(records), options_(options), result_(result), lines_(lines) {}

  void build(KnowledgeGraph& graph) {
    for (Record& record : records_) read_note(record, lines_);
    for (const Record& record : records_)
      if (detail::is_document_schema(record.schema)) read_source(record);
    for (const Record& record : records_) classify(record);
    for (const Record& record : records_)
      if (const auto link = link_of(record)) read_link(record, *link);
    detail::check_relation_set(relations_, entities_.size(), detail::Provenance::imported, *this);
    if (!result_.problems.empty()) return;
    graph.add_storyline({storyline_, storyline_});
    for (Source& source : sources_) graph.add_source(std::move(source));
    std::vector<Vertex> vertices;
    vertices.reserve(entities_.size());
    for (auto& entity : entities_) vertices.push_back(graph.add_entity(std::move(entity)));
    for (auto& r : relations_) graph.add_relation(vertices[r.from], vertices[r.to], std::move(r.relation));
  }

  void problem(std::size_t origin, detail::RelationPart, std::string message) override {
    lines_.problem(records_[origin].line, 1, std::move(message));
  }
  void note(std::size_t origin, std::string message) override { note_at(records_[origin], std::move(message)); }
  std::string where(std::size_t origin) override {
    return file_.path + ':' + std::to_string(records_[origin].line) + ":1";
  }
  std::string_view entity_id(std::size_t entity) override { return entities_[entity].id; }

 private:
  void note_at(const Record& record, std::string message) {
    result_.notes.push_back({file_.path, record.line, 1, std::move(message)});
  }
  void problem_at(const Record& record, std::string_view property, std::string message) {
    lines_.problem(record.line, LineReader::column(record.text, property), std::move(message));
  }

  // The link a record is, when it is one: its FtmLink, or a Sanction (an empty link).
  static std::optional<detail::FtmLink> link_of(const Record& record) {
    if (const detail::FtmLink* link = detail::find_ftm_link(record.schema)) return *link;
    if (record.schema == "Sanction") return detail::FtmLink{"Sanction", "entity", "", "", RelationKind::sanctioned_by};
    return std::nullopt;
  }

  // An entity, or a note that the record is not read.
  void classify(const Record& record) {
    if (detail::is_document_schema(record.schema) || link_of(record)) return;
    bool exact = true;
    const auto type = detail::our_type(record.schema, options_.default_type, exact);
    if (!type) return note_at(record, "an FtM " + record.schema + " is not read: cartelgraph has no such record");
    if (!exact && !record.noted("type"))
      note_at(record, "an FtM " + record.schema + " is read as the nearest type, " + std::string(to_string(*type)));
    read_entity(record, *type);
  }

  void read_source(const Record& record) {
    Source s;
    s.id = detail::our_id(FtmIdKind::source, record.id).value_or(record.id);
    s.title = record.first("title");
    if (s.title.empty()) s.title = record.first("name");
    s.author = record.first("author");
    s.publisher = record.first("publisher");
    s.published = record.noted("published") ? record.noted_text("published") : record.first("publishedAt");
    s.url = record.first("sourceUrl");
    s.document = record.noted("document") ? record.noted_text("document") : record.first("fileName");
    const rapidjson::Value* confidential = record.noted("confidential");
    s.confidential = confidential && confidential->IsBool() && confidential->GetBool();
    if (record.noted("kind")) s.kind = parse<SourceKind>(record.noted_text("kind")).value_or(SourceKind::document);
    if (!source_ids_.emplace(record.id, s.id).second || our_sources_.contains(s.id))
      return problem_at(record, "id", "source id '" + s.id + "' is given twice");
    our_sources_.insert({s.id, s.url});
    sources_.push_back(std::move(s));
  }

  void read_entity(const Record& record, EntityType type) {
    if (entities_.size() == options_.limits.max_entities)
      return problem_at(record, "id",
                        "more than " + std::to_string(options_.limits.max_entities) + " entities (--max-entities)");
    Entity e;
    e.id = detail::our_id(FtmIdKind::entity, record.id).value_or(record.id);
    e.type = type;
    if (const std::string noted = record.noted_text("type"); !noted.empty()) {
      if (const auto t = parse_entity_type(noted)) e.type = *t;
      else problem_at(record, "summary", "unknown entity type '" + noted + "'");
    }
    e.name = record.first("name");
    if (e.name.empty()) e.name = record.first("full");
    if (e.name.empty()) e.name = e.id;
    e.aliases = record.values("alias");
    const Values& weak = record.values("weakAlias");
    if (!weak.empty()) e.known_as = weak.front();
    e.aliases.insert(e.aliases.end(), weak.begin() + (weak.empty() ? 0 : 1), weak.end());
    e.description = record.first("description");
    e.sources = entity_citations(record);
    e.storyline = storyline_;
    if (!ftm_numbers_.emplace(record.id, entities_.size()).second || !numbers_.emplace(e.id, entities_.size()).second)
      return problem_at(record, "id", "entity id '" + e.id + "' is given twice");
    entities_.push_back(std::move(e));
  }

  // The citations a note states (their sources checked), else one per `proof` document.
  std::vector<Citation> entity_citations(const Record& record) {
    if (const rapidjson::Value* noted = record.noted("sources")) return checked_citations(record, *noted);
    std::vector<Citation> citations;
    for (const std::string& proof : record.values("proof")) {
      const auto it = source_ids_.find(proof);
      if (it == source_ids_.end()) note_at(record, "proof '" + proof + "' is not a document of this file: left out");
      else citations.push_back({it->second, {}, {}});
    }
    return citations;
  }

  std::vector<Citation> checked_citations(const Record& record, const rapidjson::Value& noted) {
    auto citations = detail::citations_of(noted);
    if (!citations) {
      problem_at(record, "summary", "'sources' in the summary is not a list of {source, section, support, note}");
      return {};
    }
    for (const Citation& c : *citations)
      if (!our_sources_.contains(c.source)) problem_at(record, "summary", "unknown source id '" + c.source + "'");
    return std::move(*citations);
  }

  // The entity number an end refers to: `ftm` an FtM id (or, when `ours`, one of our ids).
  std::optional<std::size_t> end_number(const Record& record, std::string_view property, const std::string& ref,
                                        bool ours) {
    const auto& index = ours ? numbers_ : ftm_numbers_;
    if (ref.empty()) {
      problem_at(record, "schema", "a " + record.schema + " without '" + std::string(property) + "'");
      return std::nullopt;
    }
    if (const auto it = index.find(ref); it != index.end()) return it->second;
    problem_at(record, property, "'" + std::string(property) + "' refers to '" + ref + "', not an entity of this file");
    return std::nullopt;
  }

  // A date property: an ISO prefix ("2021", "2021-03", "2021-03-12"; a time after it is left out).
  std::optional<Date> date_of(const Record& record, std::string_view property, const std::string& text, bool& ok) {
    if (text.empty()) return std::nullopt;
    const auto date = Date::parse(std::string_view(text).substr(0, text.find('T')));
    if (!date) {
      problem_at(record, property, "'" + std::string(property) + "' is \"" + text + "\", not a date");
      ok = false;
    }
    return date;
  }

  // The kind of a link: the note's, else the role's, else the schema's; a role naming no kind
  // of ours is kept as the label, and ends the kind does not allow fall back to the default
  // kind. False if the link is not read (an unknown kind in the note: a problem; ends that
  // neither kind allows: a note).
  bool read_kind(const Record& record, const detail::FtmLink& link, EntityType from, EntityType to, Relation& r) {
    if (const std::string noted = record.noted_text("kind"); !noted.empty()) {
      const auto kind = parse_relation_kind(noted);
      if (!kind) problem_at(record, "summary", detail::unknown_kind_message(noted));
      r.kind = kind.value_or(r.kind);
      r.label = record.noted_text("label");
      return kind.has_value();
    }
    const std::string role = link.role.empty() ? std::string() : record.first(link.role);
    const auto named = detail::kind_of_role(role);
    r.kind = named.value_or(link.schema == "UnknownLink" ? options_.default_kind : link.kind);
    if (!named && !role.empty()) r.label = role;
    const auto fits = [&](RelationKind kind) {
      const KindInfo& info = kind_info(kind);
      return info.from.test(static_cast<std::size_t>(from)) && info.to.test(static_cast<std::size_t>(to));
    };
    if (fits(r.kind)) return true;
    if (r.label.empty()) r.label = role.empty() ? record.schema : role;
    if (!fits(options_.default_kind)) {  // foreign data: a tie we cannot place is left out, not refused
      note_at(record, "a " + record.schema + " '" + r.label + "' from a " + std::string(to_string(from)) + " to a " +
                          std::string(to_string(to)) + " is not read: neither " + std::string(to_string(r.kind)) +
                          " nor the default kind " + std::string(to_string(options_.default_kind)) + " links them");
      return false;
    }
    r.kind = options_.default_kind;
    return true;
  }

  // What the note says of a relation beyond its kind: dates, place, weight, grade.
  void read_noted(const Record& record, Relation& r, detail::CandidateRelation& candidate, bool& ok) {
    r.known_by = date_of(record, "summary", record.noted_text("known_by"), ok);
    r.ended_by = date_of(record, "summary", record.noted_text("ended_by"), ok);
    if (const std::string place = record.noted_text("place"); !place.empty()) {
      r.place = place;
      if (const auto number = end_number(record, "summary", place, true))
        candidate.place = detail::RelationEnd{entities_[*number].id, entities_[*number].type};
      else ok = false;
    }
    if (const rapidjson::Value* weight = record.noted("weight")) {
      if (weight->IsNumber() && std::isfinite(weight->GetDouble())) r.weight = weight->GetDouble();
      else problem_at(record, "summary", "'weight' is not a finite number"), ok = false;
    }
    r.confidence = Confidence::ungraded;  // foreign data states no grade
    if (const std::string grade = record.noted_text("confidence"); !grade.empty()) {
      const auto c = parse_confidence(grade);
      if (!c)
        problem_at(record, "summary",
                   "'confidence' is \"" + grade + "\", expected " + joined_names<Confidence>(" or ")),
            ok = false;
      r.confidence = c.value_or(r.confidence);
    }
  }

  // The citations of a link: its note's, else a source of this file with the same sourceUrl,
  // the description at the same position as its note.
  std::vector<Citation> link_citations(const Record& record) {
    if (const rapidjson::Value* noted = record.noted("sources")) return checked_citations(record, *noted);
    std::vector<Citation> citations;
    const Values& urls = record.values("sourceUrl");
    const Values& notes = record.values("description");
    for (std::size_t i = 0; i < urls.size(); ++i) {
      const auto it = std::ranges::find_if(our_sources_, [&](const auto& s) { return s.second == urls[i]; });
      if (it == our_sources_.end())
        note_at(record, "source URL '" + urls[i] + "' is not a document of this file: left out");
      else citations.push_back({it->first, {}, i < notes.size() ? notes[i] : std::string()});
    }
    return citations;
  }

  void read_link(const Record& record, const detail::FtmLink& link) {
    if (relations_.size() == options_.limits.max_relations)
      return problem_at(record, "id",
                        "more than " + std::to_string(options_.limits.max_relations) + " relations (--max-relations)");
    const bool sanction = link.target.empty();
    if (sanction && !record.noted("to"))
      return note_at(record, "a Sanction by '" + record.first("authority") +
                                 "' is not read: its authority is a name, not an entity");
    const auto from = end_number(record, link.source, record.first(link.source), false);
    const auto to = sanction ? end_number(record, "summary", record.noted_text("to"), true)
                             : end_number(record, link.target, record.first(link.target), false);
    if (!from || !to) return;
    Relation r;
    r.storyline = storyline_;
    if (!read_kind(record, link, entities_[*from].type, entities_[*to].type, r)) return;
    bool ok = true;
    r.since = date_of(record, "startDate", record.first("startDate"), ok);
    r.until = date_of(record, "endDate", record.first("endDate"), ok);
    const auto origin = static_cast<std::size_t>(&record - records_.data());
    detail::CandidateRelation candidate{origin,
                                        r.kind,
                                        {entities_[*from].id, entities_[*from].type},
                                        {entities_[*to].id, entities_[*to].type},
                                        r.since,
                                        r.until,
                                        {},
                                        {},
                                        std::nullopt};
    read_noted(record, r, candidate, ok);
    candidate.known_by = r.known_by;
    candidate.ended_by = r.ended_by;
    r.sources = link_citations(record);
    if (ok && detail::check_relation(candidate, *this)) relations_.push_back({origin, *from, *to, std::move(r)});
  }

  const FactFile& file_;
  std::vector<Record>& records_;
  const LoadOptions& options_;
  LoadResult& result_;
  LineReader& lines_;
  std::string storyline_ = storyline_id(file_.path);
  std::map<std::string, std::string, std::less<>> source_ids_;   // FtM id → our source id
  std::map<std::string, std::string, std::less<>> our_sources_;  // our source id → its URL
  std::vector<Source> sources_;
  std::vector<Entity> entities_;
  std::map<std::string, std::size_t, std::less<>> ftm_numbers_;  // FtM id → entity number
  std::map<std::string, std::size_t, std::less<>> numbers_;      // our id → entity number
  std::vector<detail::AcceptedRelation> relations_;
};

}  // namespace

LoadResult load_ftm(const FactFile& file, const LoadOptions& options) {
  LoadResult result;
  if (file.text.size() > options.limits.max_file_bytes) {
    result.problems.push_back({file.path, 0, 0, detail::too_big(file.text.size(), options.limits)});
    return result;
  }
  LineReader lines(file, options.limits, result);
  std::vector<Record> records = lines.read();
  if (!result.problems.empty()) return result;
  KnowledgeGraph graph;
  Builder(file, records, options, result, lines).build(graph);
  const auto by_line = [](const Problem& a, const Problem& b) {
    return a.line < b.line;
  };
  std::ranges::stable_sort(result.problems, by_line);  // entities are read before links: in file order
  std::ranges::stable_sort(result.notes, by_line);
  if (result.problems.empty()) result.graph = std::move(graph);
  return result;
}

bool is_ftm_file(const std::filesystem::path& path) {
  return path.native().ends_with(".ftm.json") || path.native().ends_with(".ijson");
}

LoadResult load_ftm_file(const std::filesystem::path& path, const LoadOptions& options) {
  return load_ftm(read_fact_file(path, options.limits), options);
}

}  // namespace cartelgraph

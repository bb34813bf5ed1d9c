#include "cartelgraph/loaders/fact_loader.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "cartelgraph/graph/relation_kinds.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/fact_records.hpp"
#include "cartelgraph/loaders/json_positions.hpp"
#include "cartelgraph/loaders/relation_checks.hpp"
#include "cartelgraph/loaders/schema_check.hpp"

namespace cartelgraph {

namespace {

using detail::JsonPositions;
using detail::Section;

// One file, read, with what is known about where its values are and which records are broken.
struct FileState {
  const FactFile* file = nullptr;
  detail::ReadFacts read;
  std::optional<JsonPositions> positions;  // indexed on the first problem in the file only
  std::optional<detail::LineColumns> lines;  // likewise
  bool usable = false;  // parsed and its top level matches the schema
  std::set<std::pair<Section, std::size_t>> broken;  // records that break the schema
};

// A record: its file, top-level array and index there.
struct Location {
  std::size_t file = 0;
  Section section = Section::sources;
  std::size_t index = 0;
};

std::string_view section_name(Section section) {
  switch (section) {
    case Section::sources: return "sources";
    case Section::entities: return "entities";
    case Section::relations: return "relations";
  }
  return {};
}

// The JSON Pointer of a record's member: ("/relations/3", "/to") → "/relations/3/to".
std::string pointer(const Location& at, std::string_view member = {}) {
  std::string text = "/";
  text += section_name(at.section);
  text += '/';
  text += std::to_string(at.index);
  text += member;
  return text;
}

// A relation's Location packed into the origin the relation checks carry: its file in the high
// bits, its index in the file's relations in the low ones.
constexpr unsigned index_bits = 40;

std::size_t origin_of(const Location& at) { return (at.file << index_bits) | at.index; }

Location relation_at(std::size_t origin) {
  return {origin >> index_bits, Section::relations, origin & ((std::size_t{1} << index_bits) - 1)};
}

// The member of a relation a finding of the relation checks points at.
std::string_view member_of(detail::RelationPart part) {
  switch (part) {
    case detail::RelationPart::whole: return "";
    case detail::RelationPart::kind: return "/kind";
    case detail::RelationPart::to: return "/to";
    case detail::RelationPart::until: return "/until";
    case detail::RelationPart::known_by: return "/known_by";
    case detail::RelationPart::ended_by: return "/ended_by";
    case detail::RelationPart::place: return "/place";
  }
  return "";
}

struct EntityEntry {
  Location location;
  std::size_t order = 0;           // its vertex number, if the graph is built
  std::optional<EntityType> type;  // nullopt when the record is broken or its type unknown
  detail::EntityFields* fields = nullptr;  // nullptr when the record is broken
};

class Loader final : public detail::RelationReader {
 public:
  Loader(std::span<const FactFile> files, std::string_view schema, const LoadLimits& limits)
      : schema_(detail::SchemaCheck::compiled(schema)), budget_{limits, 0, 0} {
    files_.resize(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) files_[i].file = &files[i];
  }

  LoadResult run() {
    for (std::size_t i = 0; i < files_.size(); ++i) read(i);
    collect_sources();
    collect_entities();
    check_hidden_characters();
    check_entity_citations();
    collect_relations();
    detail::check_relation_set(relations_, entities_.size(), detail::Provenance::our_model, *this);

    LoadResult result;
    result.problems = in_order(problems_);
    result.notes = in_order(notes_);
    result.warnings = in_order(warnings_);
    if (result.problems.empty()) build(result.graph);
    return result;
  }

  void problem(std::size_t origin, detail::RelationPart part, std::string message) override {
    report(relation_at(origin), member_of(part), std::move(message));
  }
  void note(std::size_t origin, std::string message) override {
    const Location at = relation_at(origin);
    const std::size_t offset = offset_of(at.file, pointer(at));
    notes_.push_back({at.file, offset, located(at.file, offset, std::move(message))});
  }
  std::string where(std::size_t origin) override { return where(relation_at(origin), ""); }
  std::string_view entity_id(std::size_t entity) override {
    if (ids_.empty()) {
      ids_.resize(entities_.size());
      for (const auto& [id, entry] : entities_) ids_[entry.order] = id;
    }
    return ids_[entity];
  }

 private:
  struct Ordered {
    std::size_t file;
    std::size_t offset;
    Problem problem;
  };

  std::size_t offset_of(std::size_t file_index, const std::string& json_pointer) {
    // Positions cost a second pass over the text: index a file only when it has a problem to
    // locate.
    FileState& file = files_[file_index];
    if (!file.positions) file.positions = JsonPositions::index(file.file->text);
    return file.positions->offset(json_pointer);
  }

  // The line and column of `offset` in file `file_index`, from an index made on the first call.
  detail::LineColumn line_column(std::size_t file_index, std::size_t offset) {
    FileState& file = files_[file_index];
    if (!file.lines) file.lines.emplace(file.file->text);
    return file.lines->at(offset);
  }

  std::string where(const Location& at, std::string_view member) {
    const auto position = line_column(at.file, offset_of(at.file, pointer(at, member)));
    return files_[at.file].file->path + ':' + std::to_string(position.line) + ':' +
           std::to_string(position.column);
  }

  Problem located(std::size_t file, std::size_t offset, std::string message) {
    const auto position = line_column(file, offset);
    return {files_[file].file->path, position.line, position.column, std::move(message)};
  }

  void report_at_offset(std::size_t file, std::size_t offset, std::string message) {
    problems_.push_back({file, offset, located(file, offset, std::move(message))});
  }

  // Problems by file, then position.
  static std::vector<Problem> in_order(std::vector<Ordered>& found) {
    std::ranges::sort(found, {}, [](const Ordered& p) { return std::tie(p.file, p.offset); });
    std::vector<Problem> problems;
    problems.reserve(found.size());
    for (auto& p : found) problems.push_back(std::move(p.problem));
    return problems;
  }

  void report_at(std::size_t file, const std::string& json_pointer, std::string message) {
    report_at_offset(file, offset_of(file, json_pointer), std::move(message));
  }

  void report(const Location& at, std::string_view member, std::string message) {
    report_at(at.file, pointer(at, member), std::move(message));
  }

  void read(std::size_t index) {
    FileState& file = files_[index];
    if (file.file->text.size() > budget_.limits.max_file_bytes) {
      problems_.push_back({index, 0, {file.file->path, 0, 0, detail::too_big(file.file->text.size(), budget_.limits)}});
      return;
    }
    file.read = detail::read_fact_records(*file.file, schema_.whole(), budget_);
    for (auto& [offset, message] : file.read.problems) report_at_offset(index, offset, std::move(message));
    if (!file.read.syntax_ok) {
      report_at_offset(index, file.read.error_offset, file.read.error);
      return;
    }
    if (!file.read.schema_ok && !describe_violations(index)) return;
    file.usable = true;
  }

  // The file breaks the schema: say where and how, record by record, with a DOM of this file
  // only (the fast pass validated the whole file at once and stops at the first violation).
  // False when the top level itself is wrong, which makes the file unusable.
  bool describe_violations(std::size_t index) {
    FileState& file = files_[index];
    rapidjson::Document document;
    constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
    document.Parse<flags>(file.file->text.data(), file.file->text.size());
    for (auto& violation : schema_.check(document)) {
      // "/entities/3/name" → the broken record is entities 3; a top-level violation makes the
      // whole file unusable.
      const auto second = violation.pointer.find('/', 1);
      report_at(index, violation.pointer, violation.message);
      if (second == std::string::npos) return false;
      const auto third = violation.pointer.find('/', second + 1);
      const std::string array = violation.pointer.substr(1, second - 1);
      const std::string element = violation.pointer.substr(second + 1, third - second - 1);
      for (const Section section : {Section::sources, Section::entities, Section::relations})
        if (section_name(section) == array)
          file.broken.emplace(section, std::stoul(element));
    }
    return true;
  }

  bool broken(const Location& at) const {
    const auto& set = files_[at.file].broken;
    return !set.empty() && set.contains({at.section, at.index});
  }

  // An interview has no url and no document to read (its kind says what it is).
  void check_source_fields(const Location& at, const Source& source) {
    if (source.kind != SourceKind::interview) return;
    if (!source.url.empty()) report(at, "/url", "an interview has no 'url': give its date and who held it instead");
    if (!source.document.empty())
      report(at, "/document", "an interview has no 'document': a transcript is a document source of its own");
  }

  void collect_sources() {
    for (std::size_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].usable) continue;
      for (auto& [index, source] : files_[f].read.records.sources) {
        const Location at{f, Section::sources, index};
        if (source.id.empty()) continue;
        if (const auto it = sources_.find(source.id); it != sources_.end()) {
          report(at, "/id", "duplicate source id '" + source.id + "' (first defined at " +
                                where(it->second.first, "") + ")");
          continue;
        }
        const bool is_broken = broken(at);
        sources_.emplace(source.id, std::make_pair(at, is_broken ? nullptr : &source));
        if (!is_broken && !source.published.empty() && !Date::parse(source.published))
          report(at, "/published", "'published' is \"" + source.published + "\", not a calendar date");
        if (!is_broken) check_source_fields(at, source);
      }
    }
  }

  void collect_entities() {
    for (std::size_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].usable) continue;
      for (auto& [index, fields] : files_[f].read.records.entities) {
        const Location at{f, Section::entities, index};
        const std::string& id = fields.entity.id;
        if (id.empty()) continue;
        if (const auto it = entities_.find(id); it != entities_.end()) {
          report(at, "/id", "duplicate entity id '" + id + "' (first defined at " +
                                where(it->second.location, "") + ")");
          continue;
        }
        EntityEntry entry{at, entities_.size(), std::nullopt, broken(at) ? nullptr : &fields};
        if (entry.fields) {
          entry.type = parse_entity_type(fields.type);
          if (!entry.type) {
            report(at, "/type", "unknown entity type '" + fields.type + "'");
            entry.fields = nullptr;
          }
        }
        entities_.emplace(id, entry);
      }
    }
  }

  // A hidden character in the text at `member` of the record at `at`: a problem in a name when
  // it is a control character, else a warning.
  void check_text(const Location& at, const std::string& member, const std::string& text, bool is_name) {
    auto finding = detail::hidden_finding(std::string_view(member).substr(1), text, is_name);
    if (!finding) return;
    if (finding->refused) return report(at, member, std::move(finding->message));
    const std::size_t offset = offset_of(at.file, pointer(at, member));
    warnings_.push_back({at.file, offset, located(at.file, offset, std::move(finding->message))});
  }

  void check_citation_notes(const Location& at, const std::vector<Citation>& citations) {
    for (std::size_t i = 0; i < citations.size(); ++i)
      check_text(at, "/sources/" + std::to_string(i) + "/note", citations[i].note, false);
  }

  // Control characters, bidi controls and zero-width characters in the text of every record
  // that meets the schema (ids cannot hold them: the schema makes them kebab-case).
  void check_hidden_characters() {
    for (std::size_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].usable) continue;
      const detail::FactRecords& records = files_[f].read.records;
      for (const auto& [index, source] : records.sources)
        if (!broken({f, Section::sources, index}))
          check_text({f, Section::sources, index}, "/title", source.title, false);
      for (const auto& [index, fields] : records.entities) {
        const Location at{f, Section::entities, index};
        if (broken(at)) continue;
        const Entity& entity = fields.entity;
        check_text(at, "/name", entity.name, true);
        check_text(at, "/known_as", fields.known_as, true);
        for (std::size_t i = 0; i < entity.aliases.size(); ++i)
          check_text(at, "/aliases/" + std::to_string(i), entity.aliases[i], false);
        check_text(at, "/description", fields.description, false);
        check_citation_notes(at, fields.sources);
      }
      for (const auto& [index, fields] : records.relations)
        if (!broken({f, Section::relations, index}))
          check_citation_notes({f, Section::relations, index}, fields.sources);
    }
  }

  void check_citations(const Location& at, const std::vector<Citation>& citations) {
    for (std::size_t i = 0; i < citations.size(); ++i) {
      const std::string& source = citations[i].source;
      if (!sources_.contains(source) && !maybe_in_unreadable_file(source))
        report(at, "/sources/" + std::to_string(i) + "/source", "unknown source id '" + source + "'");
    }
  }

  void check_entity_citations() {
    for (const auto& [id, entry] : entities_)
      if (entry.fields) check_citations(entry.location, entry.fields->sources);
  }

  // The date `text` of member `name`, when present; reports a date that is not on the calendar.
  std::optional<Date> date_member(const Location& at, const std::optional<std::string>& text,
                                  std::string_view name, bool& ok) {
    if (!text) return std::nullopt;
    auto date = Date::parse(*text);
    if (!date) {
      report(at, "/" + std::string(name),
             "'" + std::string(name) + "' is \"" + *text + "\", not a calendar date");
      ok = false;
    }
    return date;
  }

  // True if `id` may be defined in a file that could not be read (it appears there quoted):
  // an unknown id is then not reported, so one syntax error does not bury the real problems
  // under every reference to the ids that file defines.
  bool maybe_in_unreadable_file(const std::string& id) const {
    const std::string quoted = '"' + id + '"';
    return std::ranges::any_of(files_, [&](const FileState& file) {
      return !file.usable && file.file->text.find(quoted) != std::string::npos;
    });
  }

  // The entity `id` names, reporting an unknown id at member `member` of the relation.
  const EntityEntry* endpoint(const Location& at, const std::string& id, std::string_view member,
                              bool& ok) {
    const auto it = entities_.find(id);
    if (it == entities_.end()) {
      if (!maybe_in_unreadable_file(id)) report(at, member, "unknown entity id '" + id + "'");
      ok = false;
      return nullptr;
    }
    return &it->second;
  }

  void collect_relations() {
    for (std::size_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].usable) continue;
      const std::string storyline = storyline_id(files_[f].file->path);
      for (auto& [index, fields] : files_[f].read.records.relations) {
        const Location at{f, Section::relations, index};
        if (broken(at)) continue;
        collect_relation(at, fields, storyline);
      }
    }
  }

  // The place a relation names, reporting an unknown id.
  std::optional<detail::RelationEnd> place_member(const Location& at, const std::optional<std::string>& place,
                                                  bool& ok) {
    if (!place) return std::nullopt;
    const auto it = entities_.find(*place);
    if (it == entities_.end()) {
      if (!maybe_in_unreadable_file(*place)) report(at, "/place", "unknown entity id '" + *place + "' in 'place'");
      ok = false;
      return std::nullopt;
    }
    return detail::RelationEnd{*place, it->second.type};
  }

  // Resolves the relation's kind, ends, dates and place (reporting what is unknown), runs the
  // relation checks on it, and keeps it if all is well.
  void collect_relation(const Location& at, detail::RelationFields& fields, const std::string& storyline) {
    bool ok = true;
    detail::CandidateRelation candidate;
    candidate.origin = origin_of(at);
    candidate.kind = parse_relation_kind(fields.kind);
    if (!candidate.kind) {
      report(at, "/kind", detail::unknown_kind_message(fields.kind));
      ok = false;
    }
    const EntityEntry* from = endpoint(at, fields.from, "/from", ok);
    const EntityEntry* to = endpoint(at, fields.to, "/to", ok);
    candidate.from = {fields.from, from ? from->type : std::nullopt};
    candidate.to = {fields.to, to ? to->type : std::nullopt};
    candidate.since = date_member(at, fields.since, "since", ok);
    candidate.until = date_member(at, fields.until, "until", ok);
    candidate.known_by = date_member(at, fields.known_by, "known_by", ok);
    candidate.ended_by = date_member(at, fields.ended_by, "ended_by", ok);
    candidate.place = place_member(at, fields.place, ok);
    check_citations(at, fields.sources);
    const bool checked = detail::check_relation(candidate, *this);
    if (!ok || !checked) return;

    Relation relation;
    relation.kind = *candidate.kind;
    relation.label = std::move(fields.label);
    relation.since = candidate.since;
    relation.until = candidate.until;
    relation.known_by = candidate.known_by;
    relation.ended_by = candidate.ended_by;
    if (fields.place) relation.place = std::move(*fields.place);
    relation.confidence = *parse_confidence(fields.confidence);
    relation.weight = fields.weight;
    relation.sources = std::move(fields.sources);
    relation.storyline = storyline;
    relations_.push_back({candidate.origin, from->order, to->order, std::move(relation)});
  }

  void build(KnowledgeGraph& graph) {
    // Sources and entities in input order (file, then position), so vertex numbers are stable.
    for (const FileState& file : files_) {
      const std::string id = storyline_id(file.file->path);
      const auto& title = file.read.records.title;
      graph.add_storyline({id, title && !title->empty() ? *title : id});
    }
    for (FileState& file : files_)
      for (auto& [index, source] : file.read.records.sources) graph.add_source(std::move(source));
    for (std::size_t f = 0; f < files_.size(); ++f) {
      const std::string storyline = storyline_id(files_[f].file->path);
      for (auto& [index, fields] : files_[f].read.records.entities) {
        Entity entity = std::move(fields.entity);
        entity.type = *parse_entity_type(fields.type);
        entity.storyline = storyline;
        entity.known_as = std::move(fields.known_as);
        entity.description = std::move(fields.description);
        entity.sources = std::move(fields.sources);
        graph.add_entity(std::move(entity));
      }
    }
    for (auto& accepted : relations_)
      graph.add_relation(accepted.from, accepted.to, std::move(accepted.relation));
  }

  const detail::SchemaCheck& schema_;  // compiled once per process
  detail::ReadBudget budget_;
  std::vector<FileState> files_;
  std::vector<Ordered> problems_;
  // Keys view the ids held in files_' records, which stay put once read.
  std::unordered_map<std::string_view, std::pair<Location, const Source*>> sources_;
  std::unordered_map<std::string_view, EntityEntry> entities_;
  std::vector<detail::AcceptedRelation> relations_;
  std::vector<Ordered> notes_;
  std::vector<Ordered> warnings_;
  std::vector<std::string_view> ids_;  // entity ids by order, made for the first cycle found
};

}  // namespace

std::string storyline_id(std::string_view path) {
  const auto slash = path.find_last_of("/\\");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (const auto dot = name.rfind('.'); dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return std::string(name);
}

LoadResult load_facts(std::span<const FactFile> files, std::string_view schema, const LoadLimits& limits) {
  return Loader(files, schema, limits).run();
}

LoadResult load_facts(std::span<const FactFile> files, const LoadLimits& limits) {
  return load_facts(files, builtin_schema(), limits);
}

KnowledgeGraph load_facts_or_throw(std::span<const FactFile> files, const LoadLimits& limits) {
  LoadResult result = load_facts(files, limits);
  if (!result.problems.empty()) throw LoadError(std::move(result.problems));
  return std::move(result.graph);
}

}  // namespace cartelgraph

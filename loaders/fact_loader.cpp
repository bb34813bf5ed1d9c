#include "cartelgraph/loaders/fact_loader.hpp"

#include <malloc.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <optional>
#include <thread>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "cartelgraph/graph/relation_kinds.hpp"
#include "cartelgraph/graph/visible_text.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/fact_records.hpp"
#include "cartelgraph/loaders/fact_scan.hpp"
#include "cartelgraph/loaders/id_table.hpp"
#include "cartelgraph/loaders/json_positions.hpp"
#include "cartelgraph/queries/parallel_chunks.hpp"
#include "cartelgraph/loaders/relation_checks.hpp"
#include "cartelgraph/loaders/schema_check.hpp"

namespace cartelgraph {

namespace {

using detail::JsonPositions;
using detail::Section;

// A problem, note or warning, with the place it is ordered by.
struct Ordered {
  std::size_t file;
  std::size_t offset;
  Problem problem;
};

// One file, read, with what is known about where its values are and which records are broken.
struct FileState {
  const FactFile* file = nullptr;
  detail::ReadFacts read;
  std::optional<JsonPositions> positions;  // indexed on the first problem in the file only
  std::optional<detail::LineColumns> lines;  // likewise
  // The positions in the last record a problem was located in, when the file was scanned: a
  // record's members are located by reading that record only.
  std::pair<std::size_t, std::size_t> record_indexed{~std::size_t{0}, 0};  // section, index
  std::optional<JsonPositions> record_positions;
  std::optional<detail::ReadFacts> scanned;  // what the fast reader made of it, if it is clean
  bool usable = false;  // parsed and its top level matches the schema
  std::set<std::pair<Section, std::size_t>> broken;  // records that break the schema
  // What was found in this file, in the order it was found: each file's are found by one thread.
  std::vector<Ordered> problems;
  std::vector<Ordered> notes;
  std::vector<Ordered> warnings;
  std::vector<std::uint32_t> accepted;  // positions of its relations that passed check_relation
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

class Loader final : public detail::RelationReader, public detail::TieSet {
 public:
  Loader(std::span<const FactFile> files, std::string_view schema, const LoadLimits& limits)
      : schema_(detail::SchemaCheck::compiled(schema)), budget_{limits, 0, 0},
        // The fast reader knows the built-in schema's rules only, and the shape they allow
        // nests five deep.
        scan_(schema == builtin_schema() && limits.max_depth >= 5) {
    files_.resize(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) files_[i].file = &files[i];
  }

  LoadResult run() {
    if (scan_) scan_all();
    for (std::size_t i = 0; i < files_.size(); ++i) read(i);
    collect_sources();
    collect_entities();
    check_hidden_characters();
    check_entity_citations();
    collect_relations();
    detail::check_relation_set(*this, entities_.size(), *this, budget_.limits.threads);

    LoadResult result;
    result.problems = in_order(&FileState::problems);
    result.notes = in_order(&FileState::notes);
    result.warnings = in_order(&FileState::warnings);
    if (result.problems.empty()) build(result.graph);
    return result;
  }

  void problem(std::size_t origin, detail::RelationPart part, std::string message) override {
    report(relation_at(origin), member_of(part), std::move(message));
  }
  void note(std::size_t origin, std::string message) override {
    const Location at = relation_at(origin);
    const std::size_t offset = offset_of(at.file, pointer(at));
    files_[at.file].notes.push_back({at.file, offset, located(at.file, offset, std::move(message))});
  }
  std::string where(std::size_t origin) override { return where(relation_at(origin), ""); }

  // The accepted relations, as the relation set checks read them (once they are accepted, a
  // relation's ends are entity numbers).
  [[nodiscard]] std::size_t size() const override { return accepted_.size(); }
  [[nodiscard]] detail::Tie tie(std::size_t i) const override {
    const auto [f, position] = accepted_[i];
    const detail::FactRecords& records = files_[f].read.records;
    const detail::RelationFields& r = records.relations[position].second;
    return {r.kind, r.from, r.to, r.date(0), r.date(1), r.date(2), r.date(3), records.text[r.label]};
  }
  [[nodiscard]] std::size_t origin(std::size_t i) const override {
    const auto [f, position] = accepted_[i];
    return origin_of({f, Section::relations, files_[f].read.records.relations[position].first});
  }
  std::string_view entity_id(std::size_t entity) override {
    if (ids_.empty()) {
      ids_.resize(entities_.size());
      for (const auto& [id, entry] : entities_) ids_[entry.order] = id;
    }
    return ids_[entity];
  }

 private:

  std::size_t offset_of(std::size_t file_index, const std::string& json_pointer) {
    FileState& file = files_[file_index];
    if (file.read.scanned)
      if (const auto offset = record_offset(file, json_pointer)) return *offset;
    // Positions cost a second pass over the text: index a file only when it has a problem to
    // locate.
    if (!file.positions) file.positions = JsonPositions::index(file.file->content());
    return file.positions->offset(json_pointer);
  }

  // The offset of `json_pointer` ("/relations/3/to") in a scanned file, from the record's offset
  // and, for a member, an index of that record only; nullopt for a pointer to no record.
  static std::optional<std::size_t> record_offset(FileState& file, std::string_view json_pointer) {
    std::size_t section = 0;
    for (; section < 3; ++section) {
      const std::string_view name = section_name(static_cast<Section>(section));
      if (json_pointer.size() > name.size() + 1 && json_pointer[0] == '/' &&
          json_pointer.substr(1, name.size()) == name && json_pointer[name.size() + 1] == '/')
        break;
    }
    if (section == 3) return std::nullopt;
    json_pointer.remove_prefix(section_name(static_cast<Section>(section)).size() + 2);
    std::size_t index = 0;
    const auto [end, error] = std::from_chars(json_pointer.data(), json_pointer.data() + json_pointer.size(), index);
    const auto& offsets = file.read.record_offsets[section];
    if (error != std::errc() || index >= offsets.size()) return std::nullopt;
    const std::string_view member = json_pointer.substr(static_cast<std::size_t>(end - json_pointer.data()));
    if (member.empty()) return offsets[index];
    if (file.record_indexed != std::pair{section, index} || !file.record_positions) {
      file.record_positions = JsonPositions::index(file.file->content(), offsets[index]);
      file.record_indexed = {section, index};
    }
    return file.record_positions->offset(member);
  }

  // Every file the fast reader finds clean, on up to limits.threads threads (at most one per
  // file), one parser each. What is kept of each file does not depend on the thread that read it.
  void scan_all() {
    const unsigned threads = detail::thread_count(budget_.limits.threads, files_.size());
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
      detail::FactScanner scanner;
      for (std::size_t i = next++; i < files_.size(); i = next++) {
        FileState& file = files_[i];
        if (file.file->size() > budget_.limits.max_file_bytes) continue;
        file.scanned = scanner.scan(*file.file);
        release(file);
      }
    };
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
  }

  // The line and column of `offset` in file `file_index`, from an index made on the first call.
  detail::LineColumn line_column(std::size_t file_index, std::size_t offset) {
    FileState& file = files_[file_index];
    if (!file.lines) file.lines.emplace(file.file->content());
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
    files_[file].problems.push_back({file, offset, located(file, offset, std::move(message))});
  }

  // Problems (or notes, or warnings: `list`) by file, then position; those at one position in
  // the order they were found.
  std::vector<Problem> in_order(std::vector<Ordered> FileState::*list) {
    std::vector<Ordered> found;
    for (FileState& file : files_) std::ranges::move(file.*list, std::back_inserter(found));
    std::ranges::stable_sort(found, {}, [](const Ordered& p) { return std::tie(p.file, p.offset); });
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
    if (file.file->size() > budget_.limits.max_file_bytes) {
      file.problems.push_back({index, 0, {file.file->path, 0, 0, detail::too_big(file.file->size(), budget_.limits)}});
      return;
    }
    if (file.scanned && within_budget(*file.scanned)) {
      file.read = std::move(*file.scanned);
      file.scanned.reset();
      file.usable = true;
      return;
    }
    file.scanned.reset();
    if (file.file->disk) {
      (void)file.file->content();  // read now, if it was not read before
      if (auto error = file.file->disk->error()) {
        file.problems.push_back({index, 0, {file.file->path, 0, 0, std::move(*error)}});
        return;
      }
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

  // A file's relations, once they are in the graph: their memory (160 MB per file at a million
  // entities) goes to the graph's next ones.
  static void release_relation_records(FileState& file) {
    detail::FactRecords& records = file.read.records;
    std::exchange(records.relations, {});
    std::exchange(records.citation_lists, {});
    std::exchange(records.text, {});
    std::exchange(records.unparsed, {});
  }

  // Counts a scanned file's records against the limits, in file order as a sequential read would;
  // false when they would go past one (the exact reader then says where).
  bool within_budget(const detail::ReadFacts& read) {
    const std::size_t entities = budget_.entities + read.records.entities.size();
    const std::size_t relations = budget_.relations + read.records.relations.size();
    if (entities > budget_.limits.max_entities || relations > budget_.limits.max_relations) return false;
    budget_.entities = entities;
    budget_.relations = relations;
    return true;
  }

  // The file breaks the schema: say where and how, record by record, with a DOM of this file
  // only (the fast pass validated the whole file at once and stops at the first violation).
  // False when the top level itself is wrong, which makes the file unusable.
  bool describe_violations(std::size_t index) {
    FileState& file = files_[index];
    rapidjson::Document document;
    constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
    document.Parse<flags>(file.file->content().data(), file.file->content().size());
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

  // The records of `section` in the usable files, to reserve room for them.
  std::size_t usable_records(Section section) const {
    std::size_t count = 0;
    for (const FileState& file : files_) {
      if (!file.usable) continue;
      const detail::FactRecords& records = file.read.records;
      count += section == Section::sources ? records.sources.size()
               : section == Section::entities ? records.entities.size()
                                              : records.relations.size();
    }
    return count;
  }

  void collect_entities() {
    const std::size_t count = usable_records(Section::entities);
    entities_.reserve(count);
    entity_types_.reserve(count);
    entity_ids_.reserve(count);
    for (std::size_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].usable) continue;
      for (auto& [index, fields] : files_[f].read.records.entities) {
        const Location at{f, Section::entities, index};
        const std::string& id = fields.entity.id;
        if (id.empty()) continue;
        if (const auto first = entity_ids_.insert(id, entities_.size())) {
          report(at, "/id", "duplicate entity id '" + id + "' (first defined at " +
                                where(entities_[*first].second.location, "") + ")");
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
        entities_.emplace_back(id, entry);
        entity_types_.push_back(entry.type);
      }
    }
  }

  // A hidden character in the text at `member` of the record at `at`: a problem in a name when
  // it is a control character, else a warning.
  void check_text(const Location& at, const std::string& member, std::string_view text, bool is_name) {
    auto finding = detail::hidden_finding(std::string_view(member).substr(1), text, is_name);
    if (!finding) return;
    if (finding->refused) return report(at, member, std::move(finding->message));
    const std::size_t offset = offset_of(at.file, pointer(at, member));
    files_[at.file].warnings.push_back({at.file, offset, located(at.file, offset, std::move(finding->message))});
  }

  // The notes of `count` citations, citation(i) giving the i-th.
  template <class CitationAt>
  void check_citation_notes(const Location& at, std::size_t count, CitationAt citation) {
    for (std::size_t i = 0; i < count; ++i) {
      const std::string_view note(citation(i).note);
      if (has_hidden(note)) check_text(at, "/sources/" + std::to_string(i) + "/note", note, false);
    }
  }

  static bool has_hidden(std::string_view text) { return find_hidden(text).has_value(); }

  // Control characters, bidi controls and zero-width characters in the text of every record
  // that meets the schema (ids cannot hold them: the schema makes them kebab-case).
  void check_hidden_characters() {
    for (std::size_t f = 0; f < files_.size(); ++f) {
      if (!files_[f].usable || !files_[f].read.may_hide) continue;
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
        check_text(at, "/description", entity.description, false);
        check_citation_notes(at, entity.sources.size(), [&](std::size_t i) -> const Citation& { return entity.sources[i]; });
      }
      for (const auto& [index, fields] : records.relations)
        if (!broken({f, Section::relations, index})) {
          const std::vector<Citation>& list = records.citation_lists[fields.citations];
          check_citation_notes({f, Section::relations, index}, list.size(),
                               [&](std::size_t i) -> const Citation& { return list[i]; });
        }
    }
  }

  // The sources of `count` citations, citation(i) giving the i-th.
  template <class CitationAt>
  void check_citations(const Location& at, std::size_t count, CitationAt citation) {
    for (std::size_t i = 0; i < count; ++i) {
      const std::string_view source(citation(i).source);
      if (!sources_.contains(source) && !maybe_in_unreadable_file(source))
        report(at, "/sources/" + std::to_string(i) + "/source", "unknown source id '" + std::string(source) + "'");
    }
  }

  void check_entity_citations() {
    for (const auto& [id, entry] : entities_)
      if (entry.fields) {
        const std::vector<Citation>& sources = entry.fields->entity.sources;
        check_citations(entry.location, sources.size(), [&](std::size_t i) -> const Citation& { return sources[i]; });
      }
  }

  // Date `i` (since, until, known_by, ended_by) of the relation at `position`, when present;
  // reports a date that is not on the calendar.
  std::optional<Date> date_member(const Location& at, const detail::FactRecords& records, std::size_t position,
                                  std::size_t i, bool& ok) {
    const auto member = static_cast<detail::RelationText>(i + 1);
    if (!records.relations[position].second.is_unparsed(member)) return records.relations[position].second.date(i);
    const std::string name(relation_date_fields[i]);
    report(at, "/" + name,
           "'" + name + "' is \"" + std::string(records.unparsed_text(position, member)) + "\", not a calendar date");
    ok = false;
    return std::nullopt;
  }

  // True if `id` may be defined in a file that could not be read (it appears there quoted):
  // an unknown id is then not reported, so one syntax error does not bury the real problems
  // under every reference to the ids that file defines.
  bool maybe_in_unreadable_file(std::string_view id) const {
    const std::string quoted = '"' + std::string(id) + '"';
    return std::ranges::any_of(files_, [&](const FileState& file) {
      return !file.usable && file.file->content().find(quoted) != std::string_view::npos;
    });
  }

  // The entity `id` names, reporting an unknown id at member `member` of the relation.
  // The end of a relation named `id`, entity `number`, reporting an unknown id at member
  // `member` of the relation.
  detail::RelationEnd endpoint(const Location& at, std::string_view id, std::size_t number, std::string_view member,
                               bool& ok) {
    if (number == unresolved) {
      if (!maybe_in_unreadable_file(id)) report(at, member, "unknown entity id '" + std::string(id) + "'");
      ok = false;
      return {id, std::nullopt};
    }
    return {id, entity_types_[number]};
  }

  static constexpr std::size_t unresolved = ~std::size_t{0};


  // The relations of every usable file, each file read by one of up to limits.threads threads
  // (the entity table is only read, and what a relation's checks find is filed under its own
  // file): ends resolved (cache misses at a million ids), kind, dates, place and sources checked.
  // accepted_ then lists those that passed, in file order.
  void collect_relations() {
    {
      const unsigned threads = detail::thread_count(budget_.limits.threads, files_.size());
      std::atomic<std::size_t> next{0};
      const auto worker = [&] {
        for (std::size_t f = next++; f < files_.size(); f = next++)
          if (files_[f].usable) collect_relations(f);
      };
      std::vector<std::jthread> pool;
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
      worker();
    }
    std::size_t count = 0;
    for (const FileState& file : files_) count += file.accepted.size();
    accepted_.reserve(count);
    for (std::size_t f = 0; f < files_.size(); ++f) {
      for (const std::uint32_t position : files_[f].accepted) accepted_.emplace_back(f, position);
      std::exchange(files_[f].accepted, {});
    }
  }

  void collect_relations(std::size_t f) {
    FileState& file = files_[f];
    detail::FactRecords& records = file.read.records;
    // Whether each citation list of the file names known sources only: checked once per list.
    std::vector<bool> known_sources(records.citation_lists.size());
    for (std::size_t l = 0; l < known_sources.size(); ++l)
      known_sources[l] = std::ranges::all_of(records.citation_lists[l].get(), [&](const Citation& c) {
        return sources_.contains(std::string_view(c.source));
      });
    file.accepted.reserve(records.relations.size());
    // In batches: the ids of a batch are hashed and their table slots fetched together, then
    // the relations are checked.
    constexpr std::size_t batch = 32;
    std::array<std::array<std::size_t, 3>, batch> ends{};
    for (std::size_t first = 0; first < records.relations.size(); first += batch) {
      const std::size_t count = std::min(batch, records.relations.size() - first);
      resolve_ends(records, first, count, ends);
      for (std::size_t k = 0; k < count; ++k) {
        const std::size_t position = first + k;
        const Location at{f, Section::relations, records.relations[position].first};
        if (broken(at)) continue;
        if (collect_relation(at, records, position, ends[k], known_sources))
          file.accepted.push_back(static_cast<std::uint32_t>(position));
      }
    }
    release(file);
  }

  // The entity numbers (or `unresolved`) of the ends and place of relations [first, first +
  // count) of `records`, into ends[0, count).
  template <std::size_t batch>
  void resolve_ends(const detail::FactRecords& records, std::size_t first, std::size_t count,
                    std::array<std::array<std::size_t, 3>, batch>& ends) const {
    std::array<std::array<std::uint64_t, 3>, batch> hashes{};
    const auto ids = [&](std::size_t k) {
      const detail::RelationFields& r = records.relations[first + k].second;
      return std::array{records.text[r.from], records.text[r.to], records.text[r.place]};
    };
    for (std::size_t k = 0; k < count; ++k) {
      const auto texts = ids(k);
      for (std::size_t e = 0; e < 3; ++e) {
        hashes[k][e] = detail::IdTable::hash_of(texts[e]);
        entity_ids_.prefetch(hashes[k][e]);
      }
    }
    for (std::size_t k = 0; k < count; ++k) {
      const auto texts = ids(k);
      for (std::size_t e = 0; e < 3; ++e)
        ends[k][e] = texts[e].empty() ? unresolved : entity_ids_.find(texts[e], hashes[k][e]).value_or(unresolved);
    }
  }

  // The text of a file on disk is read through once more only to word a problem: it is let go
  // (256 MB a file at a million entities) and read again then. Not once a problem has been
  // located in it: its line index views it.
  static void release(const FileState& file) {
    if (file.file->disk && !file.lines) file.file->disk->release();
  }

  // The place a relation names, reporting an unknown id.
  std::optional<detail::RelationEnd> place_member(const Location& at, const std::optional<std::string_view>& place,
                                                  std::size_t number, bool& ok) {
    if (!place) return std::nullopt;
    if (number == unresolved) {
      if (!maybe_in_unreadable_file(*place))
        report(at, "/place", "unknown entity id '" + std::string(*place) + "' in 'place'");
      ok = false;
      return std::nullopt;
    }
    return detail::RelationEnd{*place, entity_types_[number]};
  }

  // Resolves the relation's kind, ends, dates and place (reporting what is unknown) and runs the
  // relation checks on it; true if all is well, its ends (and place) then entity numbers.
  bool collect_relation(const Location& at, detail::FactRecords& records, std::size_t position,
                        const std::array<std::size_t, 3>& ends, const std::vector<bool>& known_sources) {
    detail::RelationFields& fields = records.relations[position].second;
    const std::string_view from_id = records.text[fields.from];
    const std::string_view to_id = records.text[fields.to];
    const auto place_id = fields.place != 0 ? std::optional(records.text[fields.place]) : std::nullopt;
    bool ok = true;
    detail::CandidateRelation candidate;
    candidate.origin = origin_of(at);
    if (fields.is_unparsed(detail::RelationText::kind)) {
      report(at, "/kind", detail::unknown_kind_message(records.unparsed_text(position, detail::RelationText::kind)));
      ok = false;
    } else {
      candidate.kind = fields.kind;
    }
    candidate.from = endpoint(at, from_id, ends[0], "/from", ok);
    candidate.to = endpoint(at, to_id, ends[1], "/to", ok);
    candidate.since = date_member(at, records, position, 0, ok);
    candidate.until = date_member(at, records, position, 1, ok);
    candidate.known_by = date_member(at, records, position, 2, ok);
    candidate.ended_by = date_member(at, records, position, 3, ok);
    candidate.place = place_member(at, place_id, ends[2], ok);
    if (!known_sources[fields.citations]) {
      const std::vector<Citation>& list = records.citation_lists[fields.citations];
      check_citations(at, list.size(), [&](std::size_t i) -> const Citation& { return list[i]; });
    }
    const bool checked = detail::check_relation(candidate, *this);
    if (!ok || !checked) return false;
    fields.from = static_cast<std::uint32_t>(ends[0]);
    fields.to = static_cast<std::uint32_t>(ends[1]);
    fields.place = place_id ? static_cast<std::uint32_t>(ends[2] + 1) : 0;
    return true;
  }

  // The relation an accepted record makes (its ends and place entity numbers), each field
  // assigned whole; `places` holds the ids of the entities that are places of relations.
  static Relation make_relation(const detail::RelationFields& fields, const detail::FactRecords& records,
                                const Relation& prototype, const std::vector<Text>& places) {
    Relation relation = prototype;  // copies interned handles: no lookup
    relation.kind = fields.kind;
    if (fields.label != 0) relation.label = records.text[fields.label];
    relation.since = fields.date(0);
    relation.until = fields.date(1);
    relation.known_by = fields.date(2);
    relation.ended_by = fields.date(3);
    if (fields.place != 0) relation.place = places[fields.place - 1];
    relation.confidence = fields.confidence;
    relation.weight = fields.weight_value();
    relation.sources = records.citation_lists[fields.citations];
    return relation;
  }

  // The ids of the entities that are places of accepted relations, interned once each, by
  // entity number (read before the entities move into the graph).
  std::vector<Text> place_ids() const {
    std::vector<Text> places;
    for (const auto& [f, position] : accepted_) {
      const std::uint32_t place = files_[f].read.records.relations[position].second.place;
      if (place == 0) continue;
      if (places.empty()) places.resize(entities_.size());
      if (places[place - 1].empty()) places[place - 1] = Text(entities_[place - 1].first);
    }
    return places;
  }

  // The accepted relations of each file, in order, then the file's records let go.
  void add_relations(KnowledgeGraph& graph, const std::vector<Text>& places) {
    std::size_t next = 0;
    for (std::size_t f = 0; f < files_.size(); ++f) {
      Relation prototype;
      prototype.storyline = storyline_id(files_[f].file->path);
      const detail::FactRecords& records = files_[f].read.records;
      for (; next < accepted_.size() && accepted_[next].first == f; ++next) {
        const detail::RelationFields& r = records.relations[accepted_[next].second].second;
        graph.add_relation(r.from, r.to, make_relation(r, records, prototype, places));
      }
      release_relation_records(files_[f]);
    }
#ifdef __GLIBC__
    // The records were many blocks: glibc keeps freed ones in its heap. Hand them back.
    malloc_trim(0);
#endif
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
    std::size_t entities = 0;
    for (const FileState& file : files_) entities += file.read.records.entities.size();
    graph.reserve(entities, accepted_.size());
    const std::vector<Text> places = place_ids();
    for (std::size_t f = 0; f < files_.size(); ++f) {
      const Text storyline = storyline_id(files_[f].file->path);
      for (auto& [index, fields] : files_[f].read.records.entities) {
        Entity entity = std::move(fields.entity);
        entity.type = *parse_entity_type(fields.type);
        entity.storyline = storyline;
        graph.add_entity(std::move(entity));
      }
    }
    add_relations(graph, places);
  }

  const detail::SchemaCheck& schema_;  // compiled once per process
  detail::ReadBudget budget_;
  bool scan_;  // read files with the fast reader first
  std::vector<FileState> files_;
  // Keys view the ids held in files_' records, which stay put once read.
  std::unordered_map<std::string_view, std::pair<Location, const Source*>> sources_;
  std::vector<std::pair<std::string_view, EntityEntry>> entities_;  // by order
  detail::IdTable entity_ids_;  // → index in entities_
  // entities_' types alone, 2 bytes each: read for both ends of every relation, they stay in
  // the cache, where entities_ (64 bytes an entity) missed it twice a relation.
  std::vector<std::optional<EntityType>> entity_types_;
  std::vector<std::pair<std::size_t, std::uint32_t>> accepted_;  // file, position in its relations
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

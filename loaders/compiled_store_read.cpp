// Rebuilding a KnowledgeGraph from a compiled store's sections, every value checked.
#include <simdjson.h>
#include <utf8proc.h>

#include <cmath>
#include <optional>
#include <unordered_map>
#include <vector>
#include <string>
#include <utility>

#include "cartelgraph/graph/date.hpp"
#include "cartelgraph/loaders/compiled_store.hpp"

namespace cartelgraph {

namespace {

using store::load;
using store::SectionId;
using Section = CompiledStore::Section;

// The length of the valid UTF-8 prefix of `bytes` (strict: no overlong forms, no surrogates,
// nothing past U+10FFFF). simdjson's validator (SIMD, gigabytes a second) answers whether the
// whole pool is valid; only a damaged one is walked again with utf8proc to say where.
std::size_t utf8_prefix(std::span<const unsigned char> bytes) {
  if (simdjson::validate_utf8(reinterpret_cast<const char*>(bytes.data()), bytes.size())) return bytes.size();
  std::size_t i = 0;
  while (i < bytes.size()) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t step =
        utf8proc_iterate(bytes.data() + i, static_cast<utf8proc_ssize_t>(bytes.size() - i), &code_point);
    if (step <= 0) return i;
    i += static_cast<std::size_t>(step);
  }
  return i;
}

bool continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Hashes strings and string_views alike (lookups without a copy).
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>()(text); }
};

// Reads the sections of `store`, checking every value against what it may be.
class Reader {
 public:
  explicit Reader(const CompiledStore& store)
      : store_(store),
        offsets_(store.section(SectionId::string_offsets, 8)),
        pool_(store.section(SectionId::strings, 1)),
        budget_(64 * store.size() + (std::size_t{64} << 20)) {
    if (offsets_.records == 0) store_.fail(offsets_, 0, "holds no offset (it needs strings + 1)");
    texts_.resize(offsets_.records - 1);
    if (const std::size_t valid = utf8_prefix(pool_.bytes); valid != pool_.bytes.size())
      store_.fail(pool_, valid, "text is not valid UTF-8");
  }

  [[nodiscard]] const CompiledStore& store() const noexcept { return store_; }

  // The string `index` refers to, read at byte `byte` of `where`.
  [[nodiscard]] std::string_view text(const Section& where, std::size_t byte) const {
    const std::size_t index = load<std::uint32_t>(where.bytes.data() + byte);
    if (index + 1 >= offsets_.records)
      store_.fail(where, byte, "string " + std::to_string(index) + " does not exist (there are " +
                                   std::to_string(offsets_.records - 1) + ")");
    const auto begin = load<std::uint64_t>(offsets_.bytes.data() + index * 8);
    const auto end = load<std::uint64_t>(offsets_.bytes.data() + index * 8 + 8);
    const auto size = pool_.bytes.size();
    if (begin > end || end > size || (begin < size && continuation(pool_.bytes[begin])) ||
        (end < size && continuation(pool_.bytes[end])))
      store_.fail(offsets_, index * 8, "string " + std::to_string(index) + " does not lie on the pool's characters");
    return {reinterpret_cast<const char*>(pool_.bytes.data()) + begin, end - begin};
  }
  // A copy of that string. Texts are stored once and may be referred to many times: the copies
  // may take at most 64 times the file's size (and 64 MiB), so that a small hostile file cannot
  // ask for terabytes.
  [[nodiscard]] std::string string(const Section& where, std::size_t byte) const {
    const std::string_view found = text(where, byte);
    if (found.size() > budget_)
      store_.fail(where, byte, "its texts would take more than 64 times the file's size (a damaged or hostile store)");
    budget_ -= found.size();
    return std::string(found);
  }

  // That string interned (graph/text.hpp), made once per string of the store however many
  // records refer to it.
  [[nodiscard]] const Text& interned(const Section& where, std::size_t byte) const {
    const std::size_t index = load<std::uint32_t>(where.bytes.data() + byte);
    if (index < texts_.size() && texts_[index]) return *texts_[index];
    const std::string_view found = text(where, byte);
    texts_[index] = Text(found);
    return *texts_[index];
  }

  // An enum stored as a byte, one of `count` values.
  template <class Enum>
  [[nodiscard]] Enum enumerator(const Section& where, std::size_t byte, std::size_t count, const char* what) const {
    const unsigned char value = where.bytes[byte];
    if (value >= count) store_.fail(where, byte, std::string(what) + " " + std::to_string(value) + " is not one we know");
    return static_cast<Enum>(value);
  }

  [[nodiscard]] std::optional<Date> date(const Section& where, std::size_t byte) const {
    const auto value = load<std::uint32_t>(where.bytes.data() + byte);
    if (value == 0) return std::nullopt;
    const auto year = static_cast<int>((value >> 9) & 0x3FFFFF);
    const auto month = static_cast<int>((value >> 5) & 0xF);
    const auto day = static_cast<int>(value & 0x1F);
    if ((value & store::date_present) == 0 || year > 9999 || month > 12 || (month == 0 && day != 0) ||
        (month != 0 && day > days_in_month(year, month)))
      store_.fail(where, byte, "not a date");
    return Date::from_ymd(year, month, day);
  }

  // The last entry of a CSR offset array that must have `count` + 1 entries.
  [[nodiscard]] std::uint64_t last_offset(const Section& offsets, std::size_t count) const {
    if (offsets.records != count + 1)
      store_.fail(offsets, 0, std::to_string(offsets.records) + " offsets for " + std::to_string(count) +
                                  " records (expected one more)");
    return load<std::uint64_t>(offsets.bytes.data() + count * 8);
  }
  // Checks a CSR offset array of `count` + 1 entries running from `first` to `last`, so that the
  // ranges it gives (each checked not to go backwards) are consecutive and cover [first, last) once.
  void check_offsets(const Section& offsets, std::size_t count, std::uint64_t first, std::uint64_t last) const {
    const std::uint64_t end = last_offset(offsets, count);  // checks the count first
    if (load<std::uint64_t>(offsets.bytes.data()) != first || end != last)
      store_.fail(offsets, 0, "offsets do not run from " + std::to_string(first) + " to " + std::to_string(last));
  }
  // The range record `i` of a checked offset array gives, within the `records` of its target.
  [[nodiscard]] std::pair<std::size_t, std::size_t> range(const Section& offsets, std::size_t i,
                                                          std::size_t records) const {
    const auto begin = load<std::uint64_t>(offsets.bytes.data() + i * 8);
    const auto end = load<std::uint64_t>(offsets.bytes.data() + i * 8 + 8);
    if (begin > end || end > records) store_.fail(offsets, i * 8 + 8, "offsets go backwards or past their records");
    return {begin, end};
  }

 private:
  const CompiledStore& store_;
  Section offsets_;
  Section pool_;
  mutable std::size_t budget_;
  mutable std::vector<std::optional<Text>> texts_;  // by string index, once interned
};

void read_sources(const Reader& in, KnowledgeGraph& graph) {
  const Section sources = in.store().section(SectionId::sources, store::source_record);
  for (std::size_t i = 0; i < sources.records; ++i) {
    const std::size_t at = i * store::source_record;
    Source source;
    source.id = in.string(sources, at);
    source.title = in.string(sources, at + 4);
    source.author = in.string(sources, at + 8);
    source.publisher = in.string(sources, at + 12);
    source.published = in.string(sources, at + 16);
    source.url = in.string(sources, at + 20);
    source.document = in.string(sources, at + 24);
    source.kind = in.enumerator<SourceKind>(sources, at + 28, names<SourceKind>().size(), "source kind");
    if (sources.bytes[at + 29] > 1) in.store().fail(sources, at + 29, "confidential is neither 0 nor 1");
    source.confidential = sources.bytes[at + 29] == 1;
    try {
      graph.add_source(std::move(source));
    } catch (const Error& error) {
      in.store().fail(sources, at, error.what());
    }
  }
  const Section storylines = in.store().section(SectionId::storylines, store::storyline_record);
  for (std::size_t i = 0; i < storylines.records; ++i) {
    const std::size_t at = i * store::storyline_record;
    graph.add_storyline({in.string(storylines, at), in.string(storylines, at + 4), in.string(storylines, at + 8)});
  }
}

// The citations [range) of the citations section.
std::vector<Citation> read_citations(const Reader& in, const Section& citations, std::pair<std::size_t, std::size_t> range) {
  std::vector<Citation> list;
  list.reserve(range.second - range.first);
  for (std::size_t i = range.first; i < range.second; ++i) {
    const std::size_t at = i * store::citation_record;
    list.push_back({in.interned(citations, at), in.interned(citations, at + 4), in.interned(citations, at + 8),
                    in.enumerator<CitationSupport>(citations, at + 12, names<CitationSupport>().size(),
                                                   "citation support")});
  }
  return list;
}

// Citation lists read so far, by their records' bytes: relations that cite the same passages
// share one list, read once.
class CitationLists {
 public:
  const CitationList& read(const Reader& in, const Section& citations, std::pair<std::size_t, std::size_t> range) {
    const auto* bytes = reinterpret_cast<const char*>(citations.bytes.data());
    const std::string_view key(bytes + range.first * store::citation_record,
                               (range.second - range.first) * store::citation_record);
    if (const auto it = lists_.find(key); it != lists_.end()) return it->second;
    return lists_.emplace(std::string(key), read_citations(in, citations, range)).first->second;
  }

 private:
  std::unordered_map<std::string, CitationList, TextHash, std::equal_to<>> lists_;
};

struct Lists {
  Section alias_offsets;
  Section aliases;
  Section citation_offsets;
  Section citations;
};

Entity read_entity(const Reader& in, const Section& entities, std::size_t i, const Lists& lists) {
  const std::size_t at = i * store::entity_record;
  Entity entity;
  entity.id = in.string(entities, at);
  entity.name = in.string(entities, at + 4);
  entity.description = in.interned(entities, at + 8);
  entity.storyline = in.interned(entities, at + 12);
  entity.known_as = in.interned(entities, at + 16);
  entity.type = in.enumerator<EntityType>(entities, at + 20, all_entity_types.size(), "entity type");
  const auto [first, last] = in.range(lists.alias_offsets, i, lists.aliases.records);
  std::vector<std::string> aliases;
  aliases.reserve(last - first);
  for (std::size_t k = first; k < last; ++k) aliases.push_back(in.string(lists.aliases, k * 4));
  entity.aliases = std::move(aliases);
  entity.sources = read_citations(in, lists.citations, in.range(lists.citation_offsets, i, lists.citations.records));
  return entity;
}

void read_entities(const Reader& in, KnowledgeGraph& graph, const LoadLimits& limits) {
  const CompiledStore& store = in.store();
  const Section entities = store.section(SectionId::entities, store::entity_record);
  if (entities.records > limits.max_entities)
    store.fail(entities, 0, std::to_string(entities.records) + " entities, more than the " +
                                std::to_string(limits.max_entities) + " allowed (--max-entities)");
  graph.reserve(entities.records, 0);  // within the limit: checked above
  const Lists lists{store.section(SectionId::entity_alias_offsets, 8), store.section(SectionId::entity_aliases, 4),
                    store.section(SectionId::entity_citation_offsets, 8),
                    store.section(SectionId::citations, store::citation_record)};
  in.check_offsets(lists.alias_offsets, entities.records, 0, lists.aliases.records);
  const auto entity_citations = in.last_offset(lists.citation_offsets, entities.records);
  if (entity_citations > lists.citations.records)
    store.fail(lists.citation_offsets, 0, "offsets run past the citations");
  in.check_offsets(lists.citation_offsets, entities.records, 0, entity_citations);
  for (std::size_t i = 0; i < entities.records; ++i) {
    try {
      graph.add_entity(read_entity(in, entities, i, lists));
    } catch (const LoadError&) {
      throw;
    } catch (const Error& error) {
      store.fail(entities, i * store::entity_record, error.what());
    }
  }
}

Relation read_relation(const Reader& in, const Section& relations, std::size_t at) {
  Relation relation;
  relation.label = in.interned(relations, at + 8);
  relation.place = in.interned(relations, at + 12);
  relation.storyline = in.interned(relations, at + 16);
  relation.kind = in.enumerator<RelationKind>(relations, at + 20, relation_kind_count, "relation kind");
  relation.confidence = in.enumerator<Confidence>(relations, at + 21, names<Confidence>().size(), "confidence");
  if (relations.bytes[at + 22] > 1) in.store().fail(relations, at + 22, "has_weight is neither 0 nor 1");
  relation.since = in.date(relations, at + 24);
  relation.until = in.date(relations, at + 28);
  relation.known_by = in.date(relations, at + 32);
  relation.ended_by = in.date(relations, at + 36);
  if (relations.bytes[at + 22] == 1) {
    const auto weight = load<double>(relations.bytes.data() + at + 40);
    if (!std::isfinite(weight)) in.store().fail(relations, at + 40, "weight is not a finite number");
    relation.weight = weight;
  }
  return relation;
}

void read_relations(const Reader& in, KnowledgeGraph& graph, const LoadLimits& limits) {
  const CompiledStore& store = in.store();
  const Section relations = store.section(SectionId::relations, store::relation_record);
  if (relations.records > limits.max_relations)
    store.fail(relations, 0, std::to_string(relations.records) + " relations, more than the " +
                                 std::to_string(limits.max_relations) + " allowed (--max-relations)");
  graph.reserve(graph.entity_count(), relations.records);  // within the limit: checked above
  const Section offsets = store.section(SectionId::relation_citation_offsets, 8);
  const Section citations = store.section(SectionId::citations, store::citation_record);
  const Section entity_offsets = store.section(SectionId::entity_citation_offsets, 8);
  const auto first = in.last_offset(entity_offsets, graph.entity_count());
  in.check_offsets(offsets, relations.records, first, citations.records);
  const std::size_t entities = graph.entity_count();
  CitationLists lists;
  for (std::size_t i = 0; i < relations.records; ++i) {
    const std::size_t at = i * store::relation_record;
    const auto from = load<std::uint32_t>(relations.bytes.data() + at);
    const auto to = load<std::uint32_t>(relations.bytes.data() + at + 4);
    if (from >= entities || to >= entities)
      store.fail(relations, at, "endpoint is not one of the " + std::to_string(entities) + " entities");
    Relation relation = read_relation(in, relations, at);
    relation.sources = lists.read(in, citations, in.range(offsets, i, citations.records));
    graph.add_relation(from, to, std::move(relation));
  }
}

void read_problems(const Reader& in, LoadResult& result) {
  const CompiledStore& store = in.store();
  const Section problems = store.section(SectionId::problems, store::problem_record);
  for (std::size_t i = 0; i < problems.records; ++i) {
    const std::size_t at = i * store::problem_record;
    const auto kind = load<std::uint32_t>(problems.bytes.data() + at + 8);
    if (kind > 1) store.fail(problems, at + 8, "neither a note nor a warning");
    Problem problem{in.string(problems, at), static_cast<std::size_t>(load<std::uint64_t>(problems.bytes.data() + at + 16)),
                    static_cast<std::size_t>(load<std::uint64_t>(problems.bytes.data() + at + 24)),
                    in.string(problems, at + 4)};
    (kind == 0 ? result.notes : result.warnings).push_back(std::move(problem));
  }
  const Section untyped = store.section(SectionId::untyped, 4);
  for (std::size_t i = 0; i < untyped.records; ++i) result.untyped.push_back(in.string(untyped, i * 4));
}

}  // namespace

LoadResult read_compiled_store(const CompiledStore& store, const LoadLimits& limits) {
  LoadResult result;
  try {
    const Reader in(store);
    KnowledgeGraph graph;
    read_sources(in, graph);
    read_entities(in, graph, limits);
    read_relations(in, graph, limits);
    read_problems(in, result);
    result.graph = std::move(graph);
  } catch (const LoadError& error) {
    result = LoadResult{};
    result.problems = error.problems();
  }
  return result;
}

}  // namespace cartelgraph

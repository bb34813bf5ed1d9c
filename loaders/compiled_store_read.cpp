// Rebuilding a KnowledgeGraph from a compiled store's sections, every value checked.
#include <simdjson.h>
#include <utf8proc.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
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
    if (const std::size_t valid = utf8_prefix(pool_.bytes); valid != pool_.bytes.size())
      store_.fail(pool_, valid, "text is not valid UTF-8");
  }

  [[nodiscard]] const CompiledStore& store() const noexcept { return store_; }
  [[nodiscard]] std::size_t string_count() const noexcept { return offsets_.records - 1; }

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
    const std::uint32_t index = load<std::uint32_t>(where.bytes.data() + byte);
    if (const auto it = texts_.find(index); it != texts_.end()) return it->second;
    return texts_.emplace(index, Text(text(where, byte))).first->second;
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
  mutable std::unordered_map<std::uint32_t, Text> texts_;  // by string index, once interned
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


// A section of fixed-size numbers as a span of T, read in place when the host is little-endian
// and the section aligned for T; else converted into `copy`, which then backs the span.
template <class T, class Stored>
std::span<const T> column(const Section& section, std::vector<T>& copy) {
  static_assert(sizeof(T) == sizeof(Stored));
  if (std::endian::native == std::endian::little &&
      reinterpret_cast<std::uintptr_t>(section.bytes.data()) % alignof(T) == 0)
    return {reinterpret_cast<const T*>(section.bytes.data()), section.records};
  copy.resize(section.records);
  for (std::size_t i = 0; i < section.records; ++i)
    copy[i] = static_cast<T>(load<Stored>(section.bytes.data() + i * sizeof(Stored)));
  return copy;
}

// The records of a store, read on first use (StoredRecords): what KnowledgeGraph::in_place reads.
// Opening checks what every view and algorithm reads without reading a record (the columns of
// types, kinds, confidences and ends, and the indexes), each a linear pass over a small array;
// a record's own values are checked when it is read.
class StoreRecords final : public StoredRecords {
 public:
  explicit StoreRecords(CompiledStore&& owned) : owned_(std::move(owned)), store_(&*owned_) {}
  explicit StoreRecords(const CompiledStore& borrowed) : store_(&borrowed) {}
  StoreRecords(const StoreRecords&) = delete;
  StoreRecords& operator=(const StoreRecords&) = delete;
  StoreRecords(StoreRecords&&) = delete;
  StoreRecords& operator=(StoreRecords&&) = delete;
  ~StoreRecords() override = default;

  // Checks the sections and columns; `self` is this object's owner, shared with the graph.
  LoadResult open(const LoadLimits& limits, const std::shared_ptr<const StoreRecords>& self);

  void read_entities(std::size_t first, std::span<Entity> out) const override;
  void read_relations(std::size_t first, std::span<Relation> out) const override;
  [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const override;
  [[nodiscard]] std::span<const std::uint32_t> named(std::string_view key) const override;
  void for_each_name(const NameVisitor& visit) const override;

 private:
  void open_entities(const LoadLimits& limits);
  void open_relations(const LoadLimits& limits);
  void open_indexes();
  // Fails if `section` holds more than `limit` records: `what` ("entities") names them and the
  // option (--max-entities) that sets the limit.
  void check_limit(const Section& section, std::size_t limit, const std::string& what) const {
    if (section.records > limit)
      store_->fail(section, 0, std::to_string(section.records) + " " + what + ", more than the " +
                                   std::to_string(limit) + " allowed (--max-" + what + ")");
  }
  // Fails unless every value of `values` (read from `section`) is below `count`.
  template <class T>
  void check_below(const Section& section, std::span<const T> values, std::size_t count, const char* what) const {
    for (std::size_t i = 0; i < values.size(); ++i)
      if (static_cast<std::size_t>(values[i]) >= count)
        store_->fail(section, i * sizeof(T), std::string(what) + " " + std::to_string(static_cast<std::size_t>(values[i])) +
                                                 " is not one we know (there are " + std::to_string(count) + ")");
  }

  std::optional<CompiledStore> owned_;
  const CompiledStore* store_;
  std::optional<Reader> in_;
  Section entities_, relations_, relation_citation_offsets_, citations_, id_order_section_, name_keys_,
      name_offsets_;
  Lists lists_;
  std::span<const EntityType> types_;
  std::span<const RelationKind> kinds_;
  std::span<const Confidence> confidences_;
  std::span<const std::uint32_t> from_, to_, id_order_, name_entities_;
  std::vector<EntityType> types_copy_;  // the columns converted, on a big-endian host or when misaligned
  std::vector<RelationKind> kinds_copy_;
  std::vector<Confidence> confidences_copy_;
  std::vector<std::uint32_t> from_copy_, to_copy_, id_order_copy_, name_entities_copy_;
  // Reading records: the reader's texts and budget, the citation lists, and the checksums of the
  // record sections, verified when a record of theirs is first read.
  mutable std::mutex mutex_;
  mutable CitationLists citation_lists_;
};

void StoreRecords::open_entities(const LoadLimits& limits) {
  const CompiledStore& store = *store_;
  entities_ = store.locate(SectionId::entities, store::entity_record);
  check_limit(entities_, limits.max_entities, "entities");
  lists_ = Lists{store.locate(SectionId::entity_alias_offsets, 8), store.locate(SectionId::entity_aliases, 4),
                 store.locate(SectionId::entity_citation_offsets, 8),
                 store.locate(SectionId::citations, store::citation_record)};
  in_->check_offsets(lists_.alias_offsets, entities_.records, 0, lists_.aliases.records);
  const auto entity_citations = in_->last_offset(lists_.citation_offsets, entities_.records);
  if (entity_citations > lists_.citations.records)
    store.fail(lists_.citation_offsets, 0, "offsets run past the citations");
  in_->check_offsets(lists_.citation_offsets, entities_.records, 0, entity_citations);
  const Section types = store.section(SectionId::entity_types, 1);
  if (types.records != entities_.records)
    store.fail(types, 0, std::to_string(types.records) + " types for " + std::to_string(entities_.records) + " entities");
  types_ = column<EntityType, std::uint8_t>(types, types_copy_);
  check_below(types, types_, all_entity_types.size(), "entity type");
}

void StoreRecords::open_relations(const LoadLimits& limits) {
  const CompiledStore& store = *store_;
  relations_ = store.locate(SectionId::relations, store::relation_record);
  check_limit(relations_, limits.max_relations, "relations");
  relation_citation_offsets_ = store.locate(SectionId::relation_citation_offsets, 8);
  citations_ = lists_.citations;
  const auto first = in_->last_offset(lists_.citation_offsets, entities_.records);
  in_->check_offsets(relation_citation_offsets_, relations_.records, first, citations_.records);
  const auto read = [&](SectionId id, std::size_t size) {
    const Section section = store.section(id, size);
    if (section.records != relations_.records)
      store.fail(section, 0, std::to_string(section.records) + " values for " + std::to_string(relations_.records) +
                                 " relations");
    return section;
  };
  const Section from = read(SectionId::relation_from, 4), to = read(SectionId::relation_to, 4);
  const Section kinds = read(SectionId::relation_kinds, 1), confidences = read(SectionId::relation_confidences, 1);
  from_ = column<std::uint32_t, std::uint32_t>(from, from_copy_);
  to_ = column<std::uint32_t, std::uint32_t>(to, to_copy_);
  kinds_ = column<RelationKind, std::uint8_t>(kinds, kinds_copy_);
  confidences_ = column<Confidence, std::uint8_t>(confidences, confidences_copy_);
  check_below(from, from_, entities_.records, "entity");
  check_below(to, to_, entities_.records, "entity");
  check_below(kinds, kinds_, relation_kind_count, "relation kind");
  check_below(confidences, confidences_, names<Confidence>().size(), "confidence");
}

void StoreRecords::open_indexes() {
  const CompiledStore& store = *store_;
  id_order_section_ = store.section(SectionId::id_order, 4);
  if (id_order_section_.records != entities_.records)
    store.fail(id_order_section_, 0, "orders " + std::to_string(id_order_section_.records) + " ids of " +
                                         std::to_string(entities_.records) + " entities");
  id_order_ = column<std::uint32_t, std::uint32_t>(id_order_section_, id_order_copy_);
  check_below(id_order_section_, id_order_, entities_.records, "entity");
  name_keys_ = store.section(SectionId::name_keys, 4);
  name_offsets_ = store.section(SectionId::name_entity_offsets, 8);
  const Section named = store.section(SectionId::name_entities, 4);
  in_->check_offsets(name_offsets_, name_keys_.records, 0, named.records);
  name_entities_ = column<std::uint32_t, std::uint32_t>(named, name_entities_copy_);
  check_below(named, name_entities_, entities_.records, "entity");
}

LoadResult StoreRecords::open(const LoadLimits& limits, const std::shared_ptr<const StoreRecords>& self) {
  in_.emplace(*store_);
  open_entities(limits);
  open_relations(limits);
  open_indexes();
  LoadResult result;
  KnowledgeGraph graph = KnowledgeGraph::in_place({self, types_, kinds_, confidences_, from_, to_});
  read_sources(*in_, graph);
  read_problems(*in_, result);
  result.graph = std::move(graph);
  return result;
}

void StoreRecords::read_entities(std::size_t first, std::span<Entity> out) const {
  const std::lock_guard lock(mutex_);
  for (const Section* section : {&entities_, &lists_.alias_offsets, &lists_.aliases, &lists_.citation_offsets,
                                 &lists_.citations})
    store_->verify(*section);
  for (std::size_t k = 0; k < out.size(); ++k) {
    const std::size_t i = first + k;
    out[k] = read_entity(*in_, entities_, i, lists_);
    if (out[k].type != types_[i])
      store_->fail(entities_, i * store::entity_record + 20, "entity type differs from section 'entity_types'");
  }
}

void StoreRecords::read_relations(std::size_t first, std::span<Relation> out) const {
  const std::lock_guard lock(mutex_);
  for (const Section* section : {&relations_, &relation_citation_offsets_, &citations_}) store_->verify(*section);
  for (std::size_t k = 0; k < out.size(); ++k) {
    const std::size_t i = first + k;
    const std::size_t at = i * store::relation_record;
    if (load<std::uint32_t>(relations_.bytes.data() + at) != from_[i] ||
        load<std::uint32_t>(relations_.bytes.data() + at + 4) != to_[i])
      store_->fail(relations_, at, "ends differ from sections 'relation_from' and 'relation_to'");
    out[k] = read_relation(*in_, relations_, at);
    if (out[k].kind != kinds_[i] || out[k].confidence != confidences_[i])
      store_->fail(relations_, at + 20, "kind or confidence differs from its section");
    out[k].sources = citation_lists_.read(*in_, citations_, in_->range(relation_citation_offsets_, i, citations_.records));
  }
}

std::optional<std::size_t> StoreRecords::find(std::string_view id) const {
  // Binary search of the ids in byte order: O(log n) texts read, nothing built at open.
  std::size_t low = 0, high = id_order_.size();
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    const std::uint32_t v = id_order_[middle];
    const std::string_view here = in_->text(entities_, std::size_t{v} * store::entity_record);
    if (here == id) return v;
    (here < id ? low = middle + 1 : high = middle);
  }
  return std::nullopt;
}

std::span<const std::uint32_t> StoreRecords::named(std::string_view key) const {
  std::size_t low = 0, high = name_keys_.records;
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    const std::string_view here = in_->text(name_keys_, middle * 4);
    if (here == key) {
      const auto [begin, end] = in_->range(name_offsets_, middle, name_entities_.size());
      return name_entities_.subspan(begin, end - begin);
    }
    (here < key ? low = middle + 1 : high = middle);
  }
  return {};
}

void StoreRecords::for_each_name(const NameVisitor& visit) const {
  for (std::size_t k = 0; k < name_keys_.records; ++k) {
    const auto [begin, end] = in_->range(name_offsets_, k, name_entities_.size());
    visit(in_->text(name_keys_, k * 4), name_entities_.subspan(begin, end - begin));
  }
}

// Opens `records` and, when `all`, reads every record (checking each) into a graph of its own.
LoadResult open_records(const std::shared_ptr<StoreRecords>& records, const LoadLimits& limits, bool all) {
  LoadResult result;
  try {
    result = records->open(limits, records);
    if (all) result.graph.read_all();
  } catch (const LoadError& error) {
    result = LoadResult{};
    result.problems = error.problems();
  }
  return result;
}

}  // namespace

LoadResult read_compiled_store(const CompiledStore& store, const LoadLimits& limits) {
  return open_records(std::make_shared<StoreRecords>(store), limits, true);
}

LoadResult open_compiled_store(CompiledStore store, const LoadLimits& limits) {
  return open_records(std::make_shared<StoreRecords>(std::move(store)), limits, false);
}

}  // namespace cartelgraph

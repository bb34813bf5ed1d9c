// Rebuilding a KnowledgeGraph from a compiled store's sections, every value checked.
#include <simdjson.h>
#include <utf8proc.h>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cartelgraph/graph/date.hpp"
#include "cartelgraph/loaders/compiled_store.hpp"

namespace cartelgraph {

namespace {

using store::load;
using store::SectionId;
using Section = CompiledStore::Section;

// The length of the valid UTF-8 prefix of `bytes` (strict: no overlong forms, no surrogates,
// nothing past U+10FFFF). simdjson's validator (SIMD, gigabytes a second) answers whether the
// whole piece is valid; only a damaged one is walked again with utf8proc to say where.
std::size_t utf8_prefix(std::span<const unsigned char> bytes) {
  if (simdjson::validate_utf8(reinterpret_cast<const char*>(bytes.data()), bytes.size())) return bytes.size();
  std::size_t i = 0;
  while (i < bytes.size()) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t step = utf8proc_iterate(bytes.data() + i, static_cast<utf8proc_ssize_t>(bytes.size() - i),
                                                   &code_point);
    if (step <= 0) return i;
    i += static_cast<std::size_t>(step);
  }
  return i;
}

bool continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Checks the string pool a 64 KiB chunk at a time: its checksum, and that it is valid UTF-8.
// Chunk c is validated from its first character start s(c) (past at most three continuation
// bytes) to s(c + 1): these pieces partition the pool at character starts, so the pool is valid
// exactly when each piece is, and a piece is validated without its neighbours.
class PoolCheck final : public ChunkCheck {
 public:
  PoolCheck(const CompiledStore& store, const Section& pool)
      : ChunkCheck(pool.bytes.size(), std::countr_zero(store::chunk_size)), store_(store), pool_(pool) {}

 private:
  [[nodiscard]] std::size_t piece_start(std::size_t at) const noexcept {
    for (int k = 0; k < 3 && at < pool_.bytes.size() && continuation(pool_.bytes[at]); ++k) ++at;
    return std::min(at, pool_.bytes.size());
  }
  void verify(std::size_t first, std::size_t last) const override {
    const std::size_t begin = piece_start(first);
    const std::size_t end = piece_start(last);
    store_.verify(pool_, first, end);
    if (const std::size_t valid = utf8_prefix(pool_.bytes.subspan(begin, end - begin)); valid != end - begin)
      store_.fail(pool_, begin + valid, "text is not valid UTF-8");
  }

  const CompiledStore& store_;
  Section pool_;
};

// Checks a column borrowed from `section` a 64 KiB chunk at a time: its checksum, and that every
// value is below `bound` (an entity, a relation kind…, named `what` in messages).
template <class T>
class ColumnValues final : public ChunkCheck {
 public:
  ColumnValues(const CompiledStore& store, const Section& section, std::span<const T> values, std::size_t bound,
               const char* what)
      : ChunkCheck(values.size(), std::countr_zero(store::chunk_size / sizeof(T))),
        store_(store),
        section_(section),
        values_(values),
        bound_(bound),
        what_(what) {}

 private:
  void verify(std::size_t first, std::size_t last) const override {
    store_.verify(section_, first * sizeof(T), last * sizeof(T));
    for (std::size_t i = first; i < last; ++i)
      if (static_cast<std::size_t>(values_[i]) >= bound_)
        store_.fail(section_, i * sizeof(T),
                    std::string(what_) + " " + std::to_string(static_cast<std::size_t>(values_[i])) +
                        " is not one we know (there are " + std::to_string(bound_) + ")");
  }

  const CompiledStore& store_;
  Section section_;
  std::span<const T> values_;
  std::size_t bound_;
  const char* what_;
};

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
        offsets_(store.locate(SectionId::string_offsets, 8)),
        pool_(store.locate(SectionId::strings, 1)),
        pool_check_(store, pool_),
        budget_(64 * store.size() + (std::size_t{64} << 20)) {
    if (offsets_.records == 0) store_.fail(offsets_, 0, "holds no offset (it needs strings + 1)");
  }

  [[nodiscard]] const CompiledStore& store() const noexcept { return store_; }
  [[nodiscard]] std::size_t string_count() const noexcept { return offsets_.records - 1; }
  // Checks the whole pool's UTF-8 (each chunk's otherwise checked when a text in it is read).
  void check_pool() const { pool_check_.require_all(); }
  // Counts `bytes` about to be allocated for what `where` (at `byte`) lists against the budget
  // below: records read out of order may claim overlapping ranges of a list.
  void charge(const Section& where, std::size_t byte, std::size_t bytes) const {
    if (bytes > budget_)
      store_.fail(where, byte, "its lists would take more than 64 times the file's size (a damaged or hostile store)");
    budget_ -= bytes;
  }

  // The string `index` refers to, read at byte `byte` of `where`.
  [[nodiscard]] std::string_view text(const Section& where, std::size_t byte) const {
    store_.verify(where, byte, byte + 4);
    const std::size_t index = load<std::uint32_t>(where.bytes.data() + byte);
    if (index + 1 >= offsets_.records)
      store_.fail(where, byte,
                  "string " + std::to_string(index) + " does not exist (there are " +
                      std::to_string(offsets_.records - 1) + ")");
    store_.verify(offsets_, index * 8, index * 8 + 16);
    const auto begin = load<std::uint64_t>(offsets_.bytes.data() + index * 8);
    const auto end = load<std::uint64_t>(offsets_.bytes.data() + index * 8 + 8);
    const auto size = pool_.bytes.size();
    if (begin > end || end > size)
      store_.fail(offsets_, index * 8, "string " + std::to_string(index) + " does not lie on the pool's characters");
    pool_check_.require(begin, std::min<std::size_t>(end + 1, size));  // its chunks valid UTF-8
    if ((begin < size && continuation(pool_.bytes[begin])) || (end < size && continuation(pool_.bytes[end])))
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
    store_.verify(where, byte, byte + 4);
    const std::uint32_t index = load<std::uint32_t>(where.bytes.data() + byte);
    if (const auto it = texts_.find(index); it != texts_.end()) return it->second;
    return texts_.emplace(index, Text(text(where, byte))).first->second;
  }

  // An enum stored as a byte, one of `count` values.
  template <class Enum>
  [[nodiscard]] Enum enumerator(const Section& where, std::size_t byte, std::size_t count, const char* what) const {
    const unsigned char value = where.bytes[byte];
    if (value >= count)
      store_.fail(where, byte, std::string(what) + " " + std::to_string(value) + " is not one we know");
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
      store_.fail(
          offsets, 0,
          std::to_string(offsets.records) + " offsets for " + std::to_string(count) + " records (expected one more)");
    store_.verify(offsets, count * 8, count * 8 + 8);
    return load<std::uint64_t>(offsets.bytes.data() + count * 8);
  }
  // Checks a CSR offset array of `count` + 1 entries running from `first` to `last`, so that the
  // ranges it gives (each checked not to go backwards) are consecutive and cover [first, last) once.
  void check_offsets(const Section& offsets, std::size_t count, std::uint64_t first, std::uint64_t last) const {
    const std::uint64_t end = last_offset(offsets, count);  // checks the count first
    store_.verify(offsets, 0, 8);
    if (load<std::uint64_t>(offsets.bytes.data()) != first || end != last)
      store_.fail(offsets, 0, "offsets do not run from " + std::to_string(first) + " to " + std::to_string(last));
  }
  // The range record `i` of a checked offset array gives, within the `records` of its target.
  [[nodiscard]] std::pair<std::size_t, std::size_t> range(const Section& offsets, std::size_t i,
                                                          std::size_t records) const {
    store_.verify(offsets, i * 8, i * 8 + 16);
    const auto begin = load<std::uint64_t>(offsets.bytes.data() + i * 8);
    const auto end = load<std::uint64_t>(offsets.bytes.data() + i * 8 + 8);
    if (begin > end || end > records) store_.fail(offsets, i * 8 + 8, "offsets go backwards or past their records");
    return {begin, end};
  }

 private:
  const CompiledStore& store_;
  Section offsets_;
  Section pool_;
  PoolCheck pool_check_;
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
std::vector<Citation> read_citations(const Reader& in, const Section& citations,
                                     std::pair<std::size_t, std::size_t> range) {
  in.store().verify(citations, range.first * store::citation_record, range.second * store::citation_record);
  in.charge(citations, range.first * store::citation_record, (range.second - range.first) * sizeof(Citation));
  std::vector<Citation> list;
  list.reserve(range.second - range.first);
  for (std::size_t i = range.first; i < range.second; ++i) {
    const std::size_t at = i * store::citation_record;
    list.push_back(
        {in.interned(citations, at), in.interned(citations, at + 4), in.interned(citations, at + 8),
         in.enumerator<CitationSupport>(citations, at + 12, names<CitationSupport>().size(), "citation support")});
  }
  return list;
}

// Citation lists read so far, by their records' bytes: relations that cite the same passages
// share one list, read once.
class CitationLists {
 public:
  const CitationList& read(const Reader& in, const Section& citations, std::pair<std::size_t, std::size_t> range) {
    in.store().verify(citations, range.first * store::citation_record, range.second * store::citation_record);
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
  in.store().verify(lists.aliases, first * 4, last * 4);
  in.charge(lists.aliases, first * 4, (last - first) * sizeof(std::string));
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
    Problem problem{
        in.string(problems, at), static_cast<std::size_t>(load<std::uint64_t>(problems.bytes.data() + at + 16)),
        static_cast<std::size_t>(load<std::uint64_t>(problems.bytes.data() + at + 24)), in.string(problems, at + 4)};
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

// A column of u32 values read from a store, and what checks it.
struct Checked {
  Section section;
  std::span<const std::uint32_t> values;
  std::unique_ptr<ColumnValues<std::uint32_t>> check;
  std::vector<std::uint32_t> copy;  // on a big-endian host or when misaligned
};

// One side of each entity's relation lists as a store holds them: out (by source) or in (by
// target), whose relations must run from (out) or to (in) the entity that lists them.
struct StoredLists {
  Checked starts;                 // entities + 1 offsets into relations
  Checked relations;              // relation indices
  const Checked* near = nullptr;  // the relations' ends on this side: from (out) or to (in)
  const Checked* far = nullptr;
  const char* runs = "";  // "from" or "to"
};

// Checks each entity's relation lists the first time they are read (an entity at a time, so that
// a query reading a few entities verifies little): the offsets run forwards within the lists,
// each list names existing relations in insertion order, each of which runs from (out) or to
// (in) that entity, and the far ends are entities.
class ListsCheck final : public ChunkCheck {
 public:
  ListsCheck(const CompiledStore& store, std::size_t entities, std::array<const StoredLists*, 2> sides)
      : ChunkCheck(entities, 0), store_(store), sides_(sides) {}

 private:
  void verify(std::size_t first, std::size_t last) const override {
    for (const StoredLists* side : sides_)
      for (std::size_t v = first; v < last; ++v) verify(*side, v);
  }
  void verify(const StoredLists& side, std::size_t v) const {
    const std::size_t m = side.near->values.size();
    store_.verify(side.starts.section, v * 4, v * 4 + 8);
    const std::size_t begin = side.starts.values[v], end = side.starts.values[v + 1];
    if (begin > end || end > side.relations.values.size())
      store_.fail(side.starts.section, v * 4 + 4, "offsets go backwards or past the relations");
    store_.verify(side.relations.section, begin * 4, end * 4);
    for (std::size_t k = begin; k < end; ++k) {
      const std::uint32_t r = side.relations.values[k];
      const auto fail = [&](const std::string& message) {
        store_.fail(side.relations.section, k * 4, "relation " + std::to_string(r) + " " + message);
      };
      if (r >= m) fail("does not exist (there are " + std::to_string(m) + ")");
      if (k > begin && r <= side.relations.values[k - 1]) fail("is out of insertion order");
      side.near->check->require(r);
      side.far->check->require(r);
      if (side.near->values[r] != v)
        fail("is listed for entity " + std::to_string(v) + " but runs " + side.runs + " entity " +
             std::to_string(side.near->values[r]));
    }
  }

  const CompiledStore& store_;
  std::array<const StoredLists*, 2> sides_;
};

// The records of a store, read on first use (StoredRecords): what KnowledgeGraph::in_place reads.
// Opening checks counts and the ends of offset arrays only (work independent of the store's
// size); a column's values, an entity's relation lists and a record are checked, against their
// chunks' checksums and what they may hold, when they are first read.
class StoreRecords final : public StoredRecords {
 public:
  explicit StoreRecords(CompiledStore&& owned) : owned_(std::move(owned)), store_(&*owned_) {}
  explicit StoreRecords(const CompiledStore& borrowed) : store_(&borrowed) {}
  StoreRecords(const StoreRecords&) = delete;
  StoreRecords& operator=(const StoreRecords&) = delete;
  StoreRecords(StoreRecords&&) = delete;
  StoreRecords& operator=(StoreRecords&&) = delete;
  ~StoreRecords() override = default;

  // Opens the sections; `self` is this object's owner, shared with the graph.
  LoadResult open(const LoadLimits& limits, const std::shared_ptr<const StoreRecords>& self);

  void read_entities(std::size_t first, std::span<Entity> out) const override;
  void read_relations(std::size_t first, std::span<Relation> out) const override;
  [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const override;
  [[nodiscard]] std::span<const std::uint32_t> named(std::string_view key) const override;
  void for_each_name(const NameVisitor& visit) const override;
  // Verifies every section and checks every value of the columns, lists and indexes (what
  // reading every record does not reach).
  void check_all() const {
    store_->verify_all();
    const std::array<const ChunkCheck*, 10> checks = {lists_check_.get(),
                                                      id_order_.check.get(),
                                                      name_entities_.check.get(),
                                                      out_.starts.check.get(),
                                                      in_lists_.starts.check.get(),
                                                      out_.relations.check.get(),
                                                      in_lists_.relations.check.get(),
                                                      types_check_.get(),
                                                      kinds_check_.get(),
                                                      confidences_check_.get()};
    for (const ChunkCheck* check : checks) check->require_all();
    in_->check_pool();
  }

 private:
  void open_entities(const LoadLimits& limits);
  void open_relations(const LoadLimits& limits);
  void open_indexes();
  void open_lists();
  // Fails if `section` holds more than `limit` records: `what` ("entities") names them and the
  // option (--max-entities) that sets the limit.
  void check_limit(const Section& section, std::size_t limit, const std::string& what) const {
    if (section.records > limit)
      store_->fail(section, 0,
                   std::to_string(section.records) + " " + what + ", more than the " + std::to_string(limit) +
                       " allowed (--max-" + what + ")");
  }
  // Section `id` of `count` u32 values, each below `bound` (`what` names them), checked on use.
  Checked u32_column(SectionId id, std::size_t count, std::size_t bound, const char* what) const;
  // Section `id` of `count` bytes, an enum of `bound` values, checked on use.
  template <class Enum>
  std::span<const Enum> byte_column(SectionId id, std::size_t count, std::size_t bound, const char* what,
                                    std::vector<Enum>& copy, std::unique_ptr<ColumnValues<Enum>>& check) const;

  std::optional<CompiledStore> owned_;
  const CompiledStore* store_;
  std::optional<Reader> in_;
  Section entities_, relations_, relation_citation_offsets_, citations_, name_keys_, name_offsets_;
  Lists lists_;
  std::span<const EntityType> types_;
  std::span<const RelationKind> kinds_;
  std::span<const Confidence> confidences_;
  std::vector<EntityType> types_copy_;  // the columns converted, on a big-endian host or when misaligned
  std::vector<RelationKind> kinds_copy_;
  std::vector<Confidence> confidences_copy_;
  std::unique_ptr<ColumnValues<EntityType>> types_check_;
  std::unique_ptr<ColumnValues<RelationKind>> kinds_check_;
  std::unique_ptr<ColumnValues<Confidence>> confidences_check_;
  Checked from_, to_, id_order_, name_entities_;
  StoredLists out_, in_lists_;
  std::unique_ptr<ListsCheck> lists_check_;
  // Reading records: the reader's texts and budget, and the citation lists.
  mutable std::mutex mutex_;
  mutable CitationLists citation_lists_;
};

Checked StoreRecords::u32_column(SectionId id, std::size_t count, std::size_t bound, const char* what) const {
  Checked column;
  column.section = store_->locate(id, 4);
  if (column.section.records != count)
    store_->fail(column.section, 0,
                 std::to_string(column.section.records) + " values where " + std::to_string(count) + " were expected");
  column.values = cartelgraph::column<std::uint32_t, std::uint32_t>(column.section, column.copy);
  column.check = std::make_unique<ColumnValues<std::uint32_t>>(*store_, column.section, column.values, bound, what);
  return column;
}

template <class Enum>
std::span<const Enum> StoreRecords::byte_column(SectionId id, std::size_t count, std::size_t bound, const char* what,
                                                std::vector<Enum>& copy,
                                                std::unique_ptr<ColumnValues<Enum>>& check) const {
  const Section section = store_->locate(id, 1);
  if (section.records != count)
    store_->fail(section, 0,
                 std::to_string(section.records) + " values where " + std::to_string(count) + " were expected");
  const std::span<const Enum> values = column<Enum, std::uint8_t>(section, copy);
  check = std::make_unique<ColumnValues<Enum>>(*store_, section, values, bound, what);
  return values;
}

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
  types_ = byte_column(SectionId::entity_types, entities_.records, all_entity_types.size(), "entity type", types_copy_,
                       types_check_);
}

void StoreRecords::open_relations(const LoadLimits& limits) {
  const CompiledStore& store = *store_;
  relations_ = store.locate(SectionId::relations, store::relation_record);
  check_limit(relations_, limits.max_relations, "relations");
  relation_citation_offsets_ = store.locate(SectionId::relation_citation_offsets, 8);
  citations_ = lists_.citations;
  const auto first = in_->last_offset(lists_.citation_offsets, entities_.records);
  in_->check_offsets(relation_citation_offsets_, relations_.records, first, citations_.records);
  const std::size_t m = relations_.records, n = entities_.records;
  from_ = u32_column(SectionId::relation_from, m, n, "entity");
  to_ = u32_column(SectionId::relation_to, m, n, "entity");
  kinds_ = byte_column(SectionId::relation_kinds, m, relation_kind_count, "relation kind", kinds_copy_, kinds_check_);
  confidences_ = byte_column(SectionId::relation_confidences, m, names<Confidence>().size(), "confidence",
                             confidences_copy_, confidences_check_);
}

void StoreRecords::open_indexes() {
  const std::size_t n = entities_.records;
  id_order_ = u32_column(SectionId::id_order, n, n, "entity");
  name_keys_ = store_->locate(SectionId::name_keys, 4);
  name_offsets_ = store_->locate(SectionId::name_entity_offsets, 8);
  const Section named = store_->locate(SectionId::name_entities, 4);
  in_->check_offsets(name_offsets_, name_keys_.records, 0, named.records);
  name_entities_ = u32_column(SectionId::name_entities, named.records, n, "entity");
}

void StoreRecords::open_lists() {
  const std::size_t n = entities_.records, m = relations_.records;
  for (auto [lists, starts, relations, near, far, runs] :
       {std::tuple{&out_, SectionId::out_starts, SectionId::out_relations, &from_, &to_, "from"},
        std::tuple{&in_lists_, SectionId::in_starts, SectionId::in_relations, &to_, &from_, "to"}}) {
    // Any offset is a value to check against its neighbour; the first and the last are checked
    // now against the list's ends, so that an entity's check needs only its own two.
    lists->starts = u32_column(starts, n + 1, m + 1, "offset");
    lists->relations = u32_column(relations, m, m, "relation");
    lists->near = near;
    lists->far = far;
    lists->runs = runs;
    const Section& section = lists->starts.section;
    store_->verify(section, 0, 4);
    store_->verify(section, n * 4, n * 4 + 4);
    if (lists->starts.values[0] != 0 || lists->starts.values[n] != m)
      store_->fail(section, 0, "offsets do not run from 0 to " + std::to_string(m));
  }
  lists_check_ = std::make_unique<ListsCheck>(*store_, n, std::array<const StoredLists*, 2>{&out_, &in_lists_});
}

LoadResult StoreRecords::open(const LoadLimits& limits, const std::shared_ptr<const StoreRecords>& self) {
  in_.emplace(*store_);
  open_entities(limits);
  open_relations(limits);
  open_indexes();
  open_lists();
  LoadResult result;
  StoredGraph stored{self,
                     Column<EntityType>(types_, types_check_.get()),
                     Column<RelationKind>(kinds_, kinds_check_.get()),
                     Column<Confidence>(confidences_, confidences_check_.get()),
                     Column<std::uint32_t>(from_.values, from_.check.get()),
                     Column<std::uint32_t>(to_.values, to_.check.get()),
                     BorrowedShape{{out_.starts.values, out_.relations.values},
                                   {in_lists_.starts.values, in_lists_.relations.values},
                                   lists_check_.get(),
                                   from_.check.get(),
                                   to_.check.get()}};
  KnowledgeGraph graph = KnowledgeGraph::in_place(std::move(stored));
  read_sources(*in_, graph);
  read_problems(*in_, result);
  result.graph = std::move(graph);
  return result;
}

void StoreRecords::read_entities(std::size_t first, std::span<Entity> out) const {
  const std::lock_guard lock(mutex_);
  store_->verify(entities_, first * store::entity_record, (first + out.size()) * store::entity_record);
  for (std::size_t k = 0; k < out.size(); ++k) {
    const std::size_t i = first + k;
    out[k] = read_entity(*in_, entities_, i, lists_);
    types_check_->require(i);
    if (out[k].type != types_[i])
      store_->fail(entities_, i * store::entity_record + 20, "entity type differs from section 'entity_types'");
  }
}

void StoreRecords::read_relations(std::size_t first, std::span<Relation> out) const {
  const std::lock_guard lock(mutex_);
  store_->verify(relations_, first * store::relation_record, (first + out.size()) * store::relation_record);
  for (std::size_t k = 0; k < out.size(); ++k) {
    const std::size_t i = first + k;
    const std::size_t at = i * store::relation_record;
    from_.check->require(i);
    to_.check->require(i);
    if (load<std::uint32_t>(relations_.bytes.data() + at) != from_.values[i] ||
        load<std::uint32_t>(relations_.bytes.data() + at + 4) != to_.values[i])
      store_->fail(relations_, at, "ends differ from sections 'relation_from' and 'relation_to'");
    out[k] = read_relation(*in_, relations_, at);
    kinds_check_->require(i);
    confidences_check_->require(i);
    if (out[k].kind != kinds_[i] || out[k].confidence != confidences_[i])
      store_->fail(relations_, at + 20, "kind or confidence differs from its section");
    out[k].sources = citation_lists_.read(*in_, citations_,
                                          in_->range(relation_citation_offsets_, i, citations_.records));
  }
}

std::optional<std::size_t> StoreRecords::find(std::string_view id) const {
  // Binary search of the ids in byte order: O(log n) texts read, nothing built at open.
  std::size_t low = 0, high = id_order_.values.size();
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    id_order_.check->require(middle);
    const std::uint32_t v = id_order_.values[middle];
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
      const auto [begin, end] = in_->range(name_offsets_, middle, name_entities_.values.size());
      name_entities_.check->require(begin, end);
      return name_entities_.values.subspan(begin, end - begin);
    }
    (here < key ? low = middle + 1 : high = middle);
  }
  return {};
}

void StoreRecords::for_each_name(const NameVisitor& visit) const {
  name_entities_.check->require_all();
  for (std::size_t k = 0; k < name_keys_.records; ++k) {
    const auto [begin, end] = in_->range(name_offsets_, k, name_entities_.values.size());
    visit(in_->text(name_keys_, k * 4), name_entities_.values.subspan(begin, end - begin));
  }
}

// How much of a store is checked before it is handed over.
enum class Upfront { nothing, everything, everything_read };

// Opens `records`, checks what `checked` asks for, and for everything_read reads every record
// (checking each) into a graph of its own.
LoadResult open_records(const std::shared_ptr<StoreRecords>& records, const LoadLimits& limits, Upfront checked) {
  LoadResult result;
  try {
    result = records->open(limits, records);
    if (checked != Upfront::nothing) records->check_all();
    if (checked == Upfront::everything_read) result.graph.read_all();
  } catch (const LoadError& error) {
    result = LoadResult{};
    result.problems = error.problems();
  }
  return result;
}

}  // namespace

LoadResult read_compiled_store(const CompiledStore& store, const LoadLimits& limits) {
  return open_records(std::make_shared<StoreRecords>(store), limits, Upfront::everything_read);
}

LoadResult open_compiled_store(CompiledStore store, const LoadLimits& limits) {
  return open_records(std::make_shared<StoreRecords>(std::move(store)), limits, Upfront::nothing);
}

LoadResult open_verified_store(CompiledStore store, const LoadLimits& limits) {
  return open_records(std::make_shared<StoreRecords>(std::move(store)), limits, Upfront::everything);
}

}  // namespace cartelgraph

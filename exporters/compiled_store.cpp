#include "cartelgraph/exporters/compiled_store.hpp"

#include <xxhash.h>

#include <boost/range/iterator_range.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "cartelgraph/loaders/store_format.hpp"
#include "cartelgraph/render/output_file.hpp"

namespace cartelgraph {

namespace {

using store::SectionId;

// Every distinct text once, by index; index 0 is the empty string.
class StringPool {
 public:
  StringPool() { (void)intern(""); }
  std::uint32_t intern(std::string_view text) {
    const auto [it, added] = index_.try_emplace(text, static_cast<std::uint32_t>(offsets_.size()));
    if (added) {
      offsets_.push_back(bytes_.size());
      bytes_.append(text);
    }
    return it->second;
  }
  // The pool's bytes, moved out; the pool is then done with (its index, two million entries at a
  // million entities, is let go before the file is put together).
  [[nodiscard]] std::string take_bytes() {
    index_ = {};
    return std::move(bytes_);
  }
  [[nodiscard]] std::vector<std::uint64_t> offsets() const {
    std::vector<std::uint64_t> all = offsets_;
    all.push_back(bytes_.size());
    return all;
  }

 private:
  std::unordered_map<std::string_view, std::uint32_t> index_;  // views into the caller's texts
  std::vector<std::uint64_t> offsets_;
  std::string bytes_;
};

// One section being written: fixed-size records appended field by field.
struct Section {
  SectionId id;
  std::uint32_t record_size = 1;
  std::string bytes{};

  template <class T>
  void put(T value) {
    unsigned char buffer[sizeof(T)];
    store::store_le(buffer, value);
    bytes.append(reinterpret_cast<const char*>(buffer), sizeof buffer);
  }
  void pad_to(std::size_t record_start) { bytes.resize(record_start + record_size, '\0'); }
};

std::uint32_t encode(const std::optional<Date>& date) {
  if (!date) return 0;
  return store::date_present | static_cast<std::uint32_t>(date->year()) << 9 |
         static_cast<std::uint32_t>(date->month()) << 5 | static_cast<std::uint32_t>(date->day());
}

std::uint8_t byte(auto value) { return static_cast<std::uint8_t>(value); }

// The graph's records, with their texts interned in `pool`.
struct Writer {
  StringPool pool;
  Section sources{SectionId::sources, store::source_record};
  Section storylines{SectionId::storylines, store::storyline_record};
  Section entities{SectionId::entities, store::entity_record};
  Section alias_offsets{SectionId::entity_alias_offsets, 8};
  Section aliases{SectionId::entity_aliases, 4};
  Section entity_citation_offsets{SectionId::entity_citation_offsets, 8};
  Section relations{SectionId::relations, store::relation_record};
  Section relation_citation_offsets{SectionId::relation_citation_offsets, 8};
  Section citations{SectionId::citations, store::citation_record};
  Section problems{SectionId::problems, store::problem_record};
  Section untyped{SectionId::untyped, 4};
  Section types{SectionId::entity_types, 1};
  Section from{SectionId::relation_from, 4};
  Section to{SectionId::relation_to, 4};
  Section kinds{SectionId::relation_kinds, 1};
  Section confidences{SectionId::relation_confidences, 1};
  Section id_order{SectionId::id_order, 4};
  Section name_keys{SectionId::name_keys, 4};
  Section name_offsets{SectionId::name_entity_offsets, 8};
  Section name_entities{SectionId::name_entities, 4};
  Section out_starts{SectionId::out_starts, 4};
  Section out_relations{SectionId::out_relations, 4};
  Section in_starts{SectionId::in_starts, 4};
  Section in_relations{SectionId::in_relations, 4};
  std::uint64_t citation_count = 0;

  void add_citations(Section& offsets, const auto& list) {
    for (const Citation& citation : list) {
      const std::size_t start = citations.bytes.size();
      citations.put(pool.intern(citation.source));
      citations.put(pool.intern(citation.section));
      citations.put(pool.intern(citation.note));
      citations.put(byte(citation.support));
      citations.pad_to(start);
      ++citation_count;
    }
    offsets.put(citation_count);
  }

  void add(const Source& source) {
    const std::size_t start = sources.bytes.size();
    for (std::string_view text :
         {std::string_view(source.id), std::string_view(source.title), std::string_view(source.author),
          std::string_view(source.publisher), std::string_view(source.published), std::string_view(source.url),
          std::string_view(source.document)})
      sources.put(pool.intern(text));
    sources.put(byte(source.kind));
    sources.put(byte(source.confidential ? 1 : 0));
    sources.pad_to(start);
  }

  void add(const Storyline& storyline) {
    storylines.put(pool.intern(storyline.id));
    storylines.put(pool.intern(storyline.title));
    storylines.put(pool.intern(storyline.dataset));
    storylines.put(std::uint32_t{0});
  }

  void add(const Entity& entity) {
    const std::size_t start = entities.bytes.size();
    entities.put(pool.intern(entity.id));
    entities.put(pool.intern(entity.name));
    entities.put(pool.intern(std::string_view(entity.description)));
    entities.put(pool.intern(std::string_view(entity.storyline)));
    entities.put(pool.intern(std::string_view(entity.known_as)));
    entities.put(byte(entity.type));
    entities.pad_to(start);
    types.put(byte(entity.type));
    for (const auto& alias : entity.aliases) aliases.put(pool.intern(std::string_view(alias)));
    alias_offsets.put(static_cast<std::uint64_t>(aliases.bytes.size() / 4));
    add_citations(entity_citation_offsets, entity.sources);
  }

  void add(std::size_t from, std::size_t to, const Relation& relation) {
    relations.put(static_cast<std::uint32_t>(from));
    relations.put(static_cast<std::uint32_t>(to));
    relations.put(pool.intern(std::string_view(relation.label)));
    relations.put(pool.intern(std::string_view(relation.place)));
    relations.put(pool.intern(std::string_view(relation.storyline)));
    relations.put(byte(relation.kind));
    relations.put(byte(relation.confidence));
    relations.put(byte(relation.weight ? 1 : 0));
    relations.put(std::uint8_t{0});
    for (const auto* date : {&relation.since, &relation.until, &relation.known_by, &relation.ended_by})
      relations.put(encode(*date));
    relations.put(relation.weight.value_or(0.0));
    add_citations(relation_citation_offsets, relation.sources);
    this->from.put(static_cast<std::uint32_t>(from));
    this->to.put(static_cast<std::uint32_t>(to));
    kinds.put(byte(relation.kind));
    confidences.put(byte(relation.confidence));
  }

  // The indexes a graph opened in place searches: ids in byte order, and the name/alias index.
  void add_indexes(const KnowledgeGraph& graph) {
    std::vector<std::uint32_t> order(graph.entity_count());
    for (std::size_t v = 0; v < order.size(); ++v) order[v] = static_cast<std::uint32_t>(v);
    std::ranges::sort(order, [&](std::uint32_t a, std::uint32_t b) { return graph.entity(a).id < graph.entity(b).id; });
    for (const std::uint32_t v : order) id_order.put(v);
    name_offsets.put(std::uint64_t{0});
    std::uint64_t named = 0;
    graph.for_each_name([&](std::string_view key, std::span<const std::uint32_t> vertices) {
      name_keys.put(pool.intern(key));
      for (const std::uint32_t v : vertices) name_entities.put(v);
      named += vertices.size();
      name_offsets.put(named);
    });
  }

  // Each entity's relations, as the graph lists them, so that a store opened in place has them.
  void add_shape(const Graph& g) {
    for (auto [lists, starts, relations] : {std::tuple{g.out_lists(), &out_starts, &out_relations},
                                            std::tuple{g.in_lists(), &in_starts, &in_relations}}) {
      starts->bytes.reserve(lists.starts.size() * 4);
      for (const std::uint32_t start : lists.starts) starts->put(start);
      relations->bytes.reserve(lists.relations.size() * 4);
      for (const std::uint32_t relation : lists.relations) relations->put(relation);
    }
  }

  void add(const Problem& problem, std::uint32_t kind) {
    problems.put(pool.intern(problem.file));
    problems.put(pool.intern(problem.message));
    problems.put(kind);
    problems.put(std::uint32_t{0});
    problems.put(static_cast<std::uint64_t>(problem.line));
    problems.put(static_cast<std::uint64_t>(problem.column));
  }

  void add_graph(const KnowledgeGraph& graph) {
    // The sections whose sizes the counts give, made at that size: grown by doubling, the relations
    // alone (254 MB at a million entities) would have been held twice while copied.
    const std::size_t n = graph.entity_count();
    const std::size_t m = graph.relation_count();
    for (auto [section, records] : {std::pair{&entities, n},
                                    {&alias_offsets, n + 1},
                                    {&entity_citation_offsets, n + 1},
                                    {&types, n},
                                    {&id_order, n},
                                    {&relations, m},
                                    {&relation_citation_offsets, m + 1},
                                    {&from, m},
                                    {&to, m},
                                    {&kinds, m},
                                    {&confidences, m}})
      section->bytes.reserve(records * section->record_size);
    for (const Source& source : graph.sources()) add(source);
    for (const Storyline& storyline : graph.storylines()) add(storyline);
    alias_offsets.put(std::uint64_t{0});
    entity_citation_offsets.put(std::uint64_t{0});
    for (std::size_t v = 0; v < graph.entity_count(); ++v) add(graph.entity(v));
    relation_citation_offsets.put(citation_count);
    const Graph& g = graph.graph();
    for (const Edge e : boost::make_iterator_range(boost::edges(g)))
      add(boost::source(e, g), boost::target(e, g), graph.relation(e));
    add_shape(g);
    add_indexes(graph);
  }
};

std::size_t aligned(std::size_t size) { return (size + store::alignment - 1) / store::alignment * store::alignment; }

constexpr std::array<char, store::alignment> zeros{};

// The zeros that pad `size` bytes to an 8-byte boundary.
std::string_view padding(std::size_t size) { return {zeros.data(), aligned(size) - size}; }

// The checksums of every 64 KiB chunk of `sections`, in order.
Section chunk_checksums(const std::vector<const Section*>& sections) {
  Section checksums{SectionId::chunk_checksums, 8};
  for (const Section* section : sections)
    for (std::size_t at = 0; at < section->bytes.size(); at += store::chunk_size)
      checksums.put(static_cast<std::uint64_t>(
          XXH3_64bits(section->bytes.data() + at, std::min(store::chunk_size, section->bytes.size() - at))));
  return checksums;
}

// The header and the section table of a store of `sections` followed by `checksums`, their
// chunks' checksums, padded to where the first section starts.
std::string head_of(const std::vector<const Section*>& sections, const Section& checksums) {
  std::size_t offset = aligned(store::header_size + (sections.size() + 1) * store::entry_size);
  std::string table;
  std::size_t chunk = 0;
  const auto add_entry = [&](const Section& section, std::uint64_t checksum) {
    Section entry{SectionId{}, 0};
    entry.put(static_cast<std::uint32_t>(section.id));
    entry.put(section.record_size);
    entry.put(static_cast<std::uint64_t>(offset));
    entry.put(static_cast<std::uint64_t>(section.bytes.size()));
    entry.put(checksum);
    table += entry.bytes;
    offset = aligned(offset + section.bytes.size());
  };
  for (const Section* section : sections) {
    const std::size_t chunks = store::chunk_count(section->bytes.size());
    add_entry(*section, XXH3_64bits(checksums.bytes.data() + chunk * 8, chunks * 8));
    chunk += chunks;
  }
  add_entry(checksums, 0);
  Section header{SectionId{}, 0};
  header.bytes.assign(store::magic.data(), store::magic.size());
  for (const std::uint32_t field :
       {store::format_version, store::byte_order_mark, static_cast<std::uint32_t>(store::header_size),
        static_cast<std::uint32_t>(store::entry_size), static_cast<std::uint32_t>(sections.size() + 1), 0U})
    header.put(field);
  header.put(static_cast<std::uint64_t>(offset));
  header.put(static_cast<std::uint64_t>(XXH3_64bits(table.data(), table.size())));
  header.put(std::uint64_t{0});
  header.put(static_cast<std::uint64_t>(XXH3_64bits(header.bytes.data(), header.bytes.size())));

  std::string head = header.bytes + table;
  head.append(padding(head.size()));
  return head;
}

// Builds the store of `loaded` and hands it to use(std::span<const std::string_view>) as parts, in
// order: header and section table, then each section and its padding to an 8-byte boundary.
// Written part by part, the store is never put together in memory (at a million entities, 552 MB
// less at the peak of `compile` and of a first load that writes the cache).
template <class Use>
void with_store_parts(const LoadResult& loaded, std::string_view origin, Use use) {
  Writer writer;
  writer.add_graph(loaded.graph);
  for (const Problem& note : loaded.notes) writer.add(note, 0);
  for (const Problem& warning : loaded.warnings) writer.add(warning, 1);
  for (const std::string& id : loaded.untyped) writer.untyped.put(writer.pool.intern(id));

  Section string_offsets{SectionId::string_offsets, 8};
  for (const std::uint64_t offset : writer.pool.offsets()) string_offsets.put(offset);
  const Section strings{SectionId::strings, 1, writer.pool.take_bytes()};
  const Section origin_section{SectionId::origin, 1, std::string(origin)};
  const std::vector<const Section*> sections = {&string_offsets,
                                                &strings,
                                                &writer.sources,
                                                &writer.storylines,
                                                &writer.entities,
                                                &writer.alias_offsets,
                                                &writer.aliases,
                                                &writer.entity_citation_offsets,
                                                &writer.relations,
                                                &writer.relation_citation_offsets,
                                                &writer.citations,
                                                &writer.problems,
                                                &writer.untyped,
                                                &origin_section,
                                                &writer.types,
                                                &writer.from,
                                                &writer.to,
                                                &writer.kinds,
                                                &writer.confidences,
                                                &writer.id_order,
                                                &writer.name_keys,
                                                &writer.name_offsets,
                                                &writer.name_entities,
                                                &writer.out_starts,
                                                &writer.out_relations,
                                                &writer.in_starts,
                                                &writer.in_relations};
  const Section checksums = chunk_checksums(sections);
  const std::string head = head_of(sections, checksums);
  std::vector<std::string_view> parts{head};
  for (const Section* section : sections) {
    parts.emplace_back(section->bytes);
    parts.push_back(padding(section->bytes.size()));
  }
  parts.emplace_back(checksums.bytes);
  parts.push_back(padding(checksums.bytes.size()));
  use(std::span<const std::string_view>(parts));
}

}  // namespace

std::string compile_store(const LoadResult& loaded, std::string_view origin) {
  std::string file;
  with_store_parts(loaded, origin, [&](std::span<const std::string_view> parts) {
    for (const std::string_view part : parts) file += part;
  });
  return file;
}

void write_store(const std::filesystem::path& path, const LoadResult& loaded, std::string_view origin) {
  with_store_parts(loaded, origin,
                   [&](std::span<const std::string_view> parts) { write_file_atomically(path, parts); });
}

}  // namespace cartelgraph

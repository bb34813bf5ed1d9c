#pragma once
// The compiled store's file format (`.cgdb`), shared by its writer (exporters/compiled_store.cpp)
// and its reader (loaders/compiled_store.cpp).
//
// Layout, every integer little-endian, every section 8-byte aligned so that it can be read in
// place from a memory mapping:
//   header (64 bytes)    magic, format version, byte-order mark, header and entry sizes, section
//                        count, file size, XXH3-64 of the section table, XXH3-64 of the header
//   section table        section_count entries of 32 bytes: id, record size, offset, length,
//                        and the section's checksum: the XXH3-64 of its chunks' checksums
//   chunk checksums      one section (chunk_checksums): the XXH3-64 of every 64 KiB chunk of
//                        every other section, in table order, so that a reader verifies only the
//                        chunks it reads (its own entry's checksum is 0: each slice of it is
//                        verified by the checksum of the section it covers)
//   sections             flat arrays of fixed-size records; variable-length lists as CSR
//                        offset arrays (u64, count + 1) into a flat array; text as u32 indices
//                        into one string pool (string_offsets: u64, count + 1, into strings)

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

namespace cartelgraph::store {

inline constexpr std::array<char, 8> magic = {'C', 'G', 'D', 'B', '\r', '\n', '\x1a', '\n'};
/// Bumped whenever the layout of any section changes; a reader refuses another version.
inline constexpr std::uint32_t format_version = 3;
/// Written as a little-endian u32: a reader on a big-endian host sees it reversed.
inline constexpr std::uint32_t byte_order_mark = 0x01020304;
inline constexpr std::size_t header_size = 64;
inline constexpr std::size_t entry_size = 32;
inline constexpr std::size_t alignment = 8;
/// A string index meaning "no string" is never written: the empty string is an ordinary entry.
inline constexpr std::uint32_t max_sections = 64;
/// Sections are checksummed in chunks of this many bytes (the last one of a section shorter):
/// a record read from a store verifies the chunks it lies in, not the whole section.
inline constexpr std::size_t chunk_size = std::size_t{1} << 16;
/// How many chunks a section of `length` bytes has.
[[nodiscard]] constexpr std::size_t chunk_count(std::size_t length) noexcept {
  return (length + chunk_size - 1) / chunk_size;
}

/// Section ids. An unknown id in a file is skipped (a later minor addition); a missing one that
/// the reader needs is an error.
enum class SectionId : std::uint32_t {
  string_offsets = 1,              ///< u64 × (strings + 1): where each string starts in `strings`
  strings = 2,                     ///< u8: the string pool, every distinct text once
  sources = 3,                     ///< SourceRecord
  storylines = 4,                  ///< StorylineRecord
  entities = 5,                    ///< EntityRecord, in vertex order
  entity_alias_offsets = 6,        ///< u64 × (entities + 1) into entity_aliases
  entity_aliases = 7,              ///< u32 string indices
  entity_citation_offsets = 8,     ///< u64 × (entities + 1) into citations
  relations = 9,                   ///< RelationRecord, in edge insertion order
  relation_citation_offsets = 10,  ///< u64 × (relations + 1) into citations
  citations = 11,                  ///< CitationRecord
  problems = 12,                   ///< ProblemRecord: the notes and warnings of the load
  untyped = 13,                    ///< u32 string indices: ids of entities that took the default type
  origin = 14,                     ///< u8: what the store was compiled from (a cache's key)
  // Since version 2: what a graph opened in place reads without reading its records.
  entity_types = 15,          ///< u8 × entities: EntityType
  relation_from = 16,         ///< u32 × relations: the source entity
  relation_to = 17,           ///< u32 × relations: the target entity
  relation_kinds = 18,        ///< u8 × relations: RelationKind
  relation_confidences = 19,  ///< u8 × relations: Confidence
  id_order = 20,              ///< u32 × entities: entity indices sorted by id (bytes)
  name_keys = 21,             ///< u32 string indices: normalize_name() keys, sorted (bytes)
  name_entity_offsets = 22,   ///< u64 × (keys + 1) into name_entities
  name_entities = 23,         ///< u32 entity indices, each key's in vertex order
  // Since version 3: the chunks' checksums, and each entity's relations (the graph's shape).
  chunk_checksums = 24,  ///< u64 × chunks of every other section, in table order
  out_starts = 25,       ///< u32 × (entities + 1) into out_relations
  out_relations = 26,    ///< u32 relation indices by source, each entity's in insertion order
  in_starts = 27,        ///< u32 × (entities + 1) into in_relations
  in_relations = 28,     ///< u32 relation indices by target, each entity's in insertion order
};

/// The section's name in messages (`section 'relations'`).
[[nodiscard]] constexpr std::string_view section_name(SectionId id) noexcept {
  switch (id) {
    case SectionId::string_offsets: return "string_offsets";
    case SectionId::strings: return "strings";
    case SectionId::sources: return "sources";
    case SectionId::storylines: return "storylines";
    case SectionId::entities: return "entities";
    case SectionId::entity_alias_offsets: return "entity_alias_offsets";
    case SectionId::entity_aliases: return "entity_aliases";
    case SectionId::entity_citation_offsets: return "entity_citation_offsets";
    case SectionId::relations: return "relations";
    case SectionId::relation_citation_offsets: return "relation_citation_offsets";
    case SectionId::citations: return "citations";
    case SectionId::problems: return "problems";
    case SectionId::untyped: return "untyped";
    case SectionId::origin: return "origin";
    case SectionId::entity_types: return "entity_types";
    case SectionId::relation_from: return "relation_from";
    case SectionId::relation_to: return "relation_to";
    case SectionId::relation_kinds: return "relation_kinds";
    case SectionId::relation_confidences: return "relation_confidences";
    case SectionId::id_order: return "id_order";
    case SectionId::name_keys: return "name_keys";
    case SectionId::name_entity_offsets: return "name_entity_offsets";
    case SectionId::name_entities: return "name_entities";
    case SectionId::chunk_checksums: return "chunk_checksums";
    case SectionId::out_starts: return "out_starts";
    case SectionId::out_relations: return "out_relations";
    case SectionId::in_starts: return "in_starts";
    case SectionId::in_relations: return "in_relations";
  }
  return "unknown";
}

// Record sizes in bytes (fields in order, each little-endian; padding is written as zero).
/// id, title, author, publisher, published, url, document (u32 strings), kind u8, confidential u8.
inline constexpr std::size_t source_record = 32;
/// id, title, dataset (u32 strings), padding u32.
inline constexpr std::size_t storyline_record = 16;
/// id, name, description, storyline, known_as (u32 strings), type u8.
inline constexpr std::size_t entity_record = 24;
/// from, to (u32 entity indices), label, place, storyline (u32 strings), kind u8, confidence u8,
/// has_weight u8, padding u8, since, until, known_by, ended_by (u32 dates), weight f64.
inline constexpr std::size_t relation_record = 48;
/// source, section, note (u32 strings), support u8.
inline constexpr std::size_t citation_record = 16;
/// file, message (u32 strings), kind u32 (0 note, 1 warning), padding u32, line u64, column u64.
inline constexpr std::size_t problem_record = 32;

/// A date as a u32: 0 for none, else 1 << 31 | year << 9 | month << 5 | day (month and day 0
/// when the date is less precise).
inline constexpr std::uint32_t date_present = 1U << 31;

// Little-endian access to unaligned bytes, independent of the host's byte order.
template <class T>
[[nodiscard]] inline T load(const unsigned char* bytes) noexcept {
  T value;
  std::memcpy(&value, bytes, sizeof value);
  if constexpr (std::endian::native == std::endian::big) {
    unsigned char reversed[sizeof value];
    std::memcpy(reversed, &value, sizeof value);
    for (std::size_t i = 0; i < sizeof value / 2; ++i) std::swap(reversed[i], reversed[sizeof value - 1 - i]);
    std::memcpy(&value, reversed, sizeof value);
  }
  return value;
}

template <class T>
inline void store_le(unsigned char* bytes, T value) noexcept {
  std::memcpy(bytes, &value, sizeof value);
  if constexpr (std::endian::native == std::endian::big)
    for (std::size_t i = 0; i < sizeof value / 2; ++i) std::swap(bytes[i], bytes[sizeof value - 1 - i]);
}

}  // namespace cartelgraph::store

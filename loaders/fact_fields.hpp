#pragma once
// The members of each object of a fact file, in canonical order. seeds/schema.json is the one
// definition: the order of an object's "properties" there is the order its members are written
// in (by scripts/format-seeds, the JSON exporter) and checked in (tests/seeds_test.cpp).

#include <span>
#include <string_view>

#include "cartelgraph/graph/enum_names.hpp"

namespace cartelgraph {

/// The objects of a fact file: the file itself, a source, an entity, a relation, a citation.
enum class Record : unsigned char { file, source, entity, relation, citation };

/// `file`, `source`, `entity`, `relation`, `citation`: also the names of their definitions in
/// seeds/schema.json (the file's members are the schema's top-level "properties").
template <>
[[nodiscard]] std::span<const std::string_view> names<Record>() noexcept;

/// The member names of `record` in canonical order, e.g. for a relation "kind", "from", "to",
/// "since", "until", "place", "weight", "confidence", "sources". Read from the built-in schema
/// at the first call (thread-safe), O(1) after; empty only if the built-in schema lacks the
/// record (a build defect).
[[nodiscard]] std::span<const std::string_view> member_order(Record record);

}  // namespace cartelgraph

#pragma once
// The front door: one call loads any input cartelgraph reads, by name, and returns what it found.

#include <string_view>

#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/relation_kinds.hpp"
#include "cartelgraph/loaders/csv_columns.hpp"
#include "cartelgraph/loaders/fact_loader.hpp"

namespace cartelgraph {

/// How to load: the limits every format honours, and what formats without cartelgraph's
/// attributes (GraphML from NetworkX, igraph, Gephi or yEd) assume.
struct LoadOptions {
  /// File size, entities, relations and nesting allowed (the built-in facts are trusted and
  /// loaded with the defaults).
  LoadLimits limits;
  EntityType default_type = EntityType::person;               ///< of a node without `type`
  RelationKind default_kind = RelationKind::associate_of;     ///< of an edge without `kind`
  CsvColumns csv{};  ///< which columns of a CSV edge list or node table hold what (loaders/csv_loader.hpp)
};

/// The name of the built-in facts (an empty name means them too).
inline constexpr std::string_view builtin_data_name = "+builtin";

/// Loads `data`: the built-in facts ("+builtin" or ""), a compiled store (`.cgdb`,
/// loaders/compiled_store.hpp), a `.graphml` file, a `.gexf` file, a
/// `.csv` edge list, a directory of CSV tables (one with a relationships.csv:
/// loaders/csv_loader.hpp), or a fact directory (every `*.json` in it but schema.json). Never
/// throws for bad input: every problem found
/// (a missing path, an unreadable file or one that is not a regular file, a link loop, syntax,
/// schema, meaning, limits) is in `problems`, with
/// `not_found` set for a path that does not exist; the graph is built only if there is none.
/// Parallel ties of imported data are merged, with `notes` saying so (loaders/relation_checks.hpp).
/// May throw std::bad_alloc.
[[nodiscard]] LoadResult load(std::string_view data, const LoadOptions& options = {});

}  // namespace cartelgraph

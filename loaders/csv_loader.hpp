#pragma once
// CSV in: cartelgraph's own lossless export, Neo4j import files, and edge lists from a
// spreadsheet (README, "CSV in").

#include <filesystem>
#include <optional>

#include "cartelgraph/loaders/csv_columns.hpp"
#include "cartelgraph/loaders/fact_loader.hpp"
#include "cartelgraph/loaders/load.hpp"

namespace cartelgraph {

/// The four tables `export --to csv` writes.
struct CsvExportFiles {
  FactFile sources;
  FactFile nodes;
  FactFile relationships;
  FactFile citations;
};

/// Reads an export back: every field of every source, entity, relation and citation, the
/// formula guard and list escapes undone (exporters/exports.hpp). Held to the fact-file rules
/// (unknown ids, types, kinds, dates; the same tie twice refused). Every problem is located
/// `file:line:column`; the graph is built only if there is none. O(size log size).
[[nodiscard]] LoadResult load_csv_export(const CsvExportFiles& files, const LoadLimits& limits = {});

/// Reads an edge list (one relation per record) and, if given, its node table (one entity per
/// record), the columns found by `columns`, else by their usual headers (README, "CSV in").
/// Imported data: endpoints name entities by id or name (without a node table, each new text
/// becomes an entity of that name, `options.default_type` and an id derived from it); a kind
/// outside the vocabulary is kept as the relation's label and analysed as
/// `options.default_kind`; no confidence column means `ungraded`; repeated ties are merged,
/// weights summed, with a note. Honours `options.limits` (records per table). O(size log size).
[[nodiscard]] LoadResult load_csv_edges(const FactFile& edges, const std::optional<FactFile>& nodes,
                                        const CsvColumns& columns, const LoadOptions& options);

/// Loads the CSV file at `path` as load_csv_edges does, with the mapping file beside it
/// (`NAME.mapping` for `NAME.csv`) when there is one: its settings win over `options.csv`
/// for this file, and it may name a node table. Throws LoadError if a file cannot be read.
[[nodiscard]] LoadResult load_csv_file(const std::filesystem::path& path, const LoadOptions& options);

/// True if `directory` holds a `relationships.csv` (an export, or Neo4j import files).
[[nodiscard]] bool is_csv_directory(const std::filesystem::path& directory);

/// Loads a directory of CSV tables: an export of cartelgraph, recognised by the headers of its
/// nodes.csv and relationships.csv (then sources.csv and citations.csv are read too), else
/// relationships.csv as an edge list with nodes.csv, if any, as its node table. Throws LoadError
/// if a file cannot be read.
[[nodiscard]] LoadResult load_csv_directory(const std::filesystem::path& directory, const LoadOptions& options);

}  // namespace cartelgraph

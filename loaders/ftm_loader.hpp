#pragma once
// FollowTheMoney entity JSON lines in: ours (`export --to ftm`) or any FtM data (Aleph,
// OpenSanctions), one entity per line.

#include <filesystem>

#include "cartelgraph/loaders/fact_loader.hpp"
#include "cartelgraph/loaders/load.hpp"

namespace cartelgraph {

/// Loads FtM entity JSON lines ({"id", "schema", "properties": {name: [values]}}), as the
/// README's FtM table maps them: Documents become sources, Person, Organization, Company,
/// PublicBody, Address and Event entities (other schemata the nearest type, with a note), link
/// intervals relations. What our own export keeps in `summary` ("cartelgraph {…}") is read back
/// whole; foreign relations without it are `ungraded`, a role naming no kind of ours is kept as
/// the relation's label (analysed as the schema's kind, else `options.default_kind`). Lines with
/// the same id are fragments of one entity, merged. Every problem is located file:line:column;
/// the graph is built only if there is none. O(n log n) in the size of the file.
[[nodiscard]] LoadResult load_ftm(const FactFile& file, const LoadOptions& options = {});

/// True for a path the front door reads as FtM: `*.ftm.json` or `*.ijson`.
[[nodiscard]] bool is_ftm_file(const std::filesystem::path& path);
/// Reads the file at `path` (loaders/fact_directory.hpp's read_fact_file: regular files within
/// `options.limits` only; throws LoadError otherwise) and loads it with load_ftm.
[[nodiscard]] LoadResult load_ftm_file(const std::filesystem::path& path, const LoadOptions& options);

}  // namespace cartelgraph

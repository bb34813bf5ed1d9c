#pragma once
// The compiled store's writer: a loaded graph as one `.cgdb` file (format: loaders/store_format.hpp)
// that `--data` opens without parsing or validating again (loaders/compiled_store.hpp).

#include <filesystem>
#include <string>
#include <string_view>

#include "cartelgraph/loaders/fact_loader.hpp"

namespace cartelgraph {

/// The bytes of a store holding `loaded`: its graph (sources, storylines, entities in vertex
/// order, relations in insertion order, every field), its notes and warnings, the ids of its
/// untyped entities, and `origin` (what it was compiled from; the cache's key). Every distinct
/// text is stored once. O(V + E + total text).
[[nodiscard]] std::string compile_store(const LoadResult& loaded, std::string_view origin = {});

/// Writes compile_store(loaded, origin) to `path` whole or not at all (a temporary file beside
/// it, renamed over it). Throws OutputError.
void write_store(const std::filesystem::path& path, const LoadResult& loaded, std::string_view origin = {});

}  // namespace cartelgraph

#pragma once
// Fact files and directories on disk.

#include <filesystem>
#include <vector>

#include "cartelgraph/loaders/fact_loader.hpp"

namespace cartelgraph {

/// Reads the file at `path` whole. Throws LoadError if it cannot be read.
[[nodiscard]] FactFile read_fact_file(const std::filesystem::path& path);

/// Reads every `*.json` file of `directory` but `schema.json`, sorted by name.
/// Throws LoadError if the directory or a file cannot be read, or holds no fact file.
[[nodiscard]] std::vector<FactFile> read_fact_directory(const std::filesystem::path& directory);

}  // namespace cartelgraph

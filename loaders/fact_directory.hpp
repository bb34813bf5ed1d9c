#pragma once
// Fact files and directories on disk.

#include <filesystem>
#include <vector>

#include "cartelgraph/loaders/fact_loader.hpp"

namespace cartelgraph {

/// Reads the file at `path` whole. Throws LoadError if it cannot be read, is not a regular file
/// (a FIFO or a device is neither opened for long nor read: no wait, no effect) or is larger
/// than `limits.max_file_bytes` (then without reading it).
[[nodiscard]] FactFile read_fact_file(const std::filesystem::path& path, const LoadLimits& limits = {});

/// Every `*.json` file of `directory` but `schema.json`, sorted by name, each checked (opened,
/// as read_fact_file does) but not read: its text is read when the loader asks for it and let
/// go once read (FactFile::disk). Throws LoadError if the directory or a file cannot be read (as
/// read_fact_file), or holds no fact file.
/// A file larger than `limits.max_file_bytes` is refused without being read.
[[nodiscard]] std::vector<FactFile> read_fact_directory(const std::filesystem::path& directory,
                                                       const LoadLimits& limits = {});

}  // namespace cartelgraph

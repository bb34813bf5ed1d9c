#pragma once
// Output files that are written whole or not at all.

#include <filesystem>
#include <string_view>

namespace cartelgraph {

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a reader sees
/// the old file or the new one, never half of one. Throws std::runtime_error naming the path and
/// the reason; the temporary file is removed on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace cartelgraph

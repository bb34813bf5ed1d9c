#pragma once
// Output files that are written whole or not at all.

#include <filesystem>
#include <span>
#include <string_view>

#include "cartelgraph/graph/error.hpp"

namespace cartelgraph {

/// Thrown when an output file cannot be written (category output); what() names the path and
/// the reason.
class OutputError : public Error {
 public:
  explicit OutputError(const std::string& message) : Error(ErrorCategory::output, message) {}
};

/// One file of a set written together.
struct OutputFile {
  std::filesystem::path path;
  std::string_view bytes;
};

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a reader sees
/// the old file or the new one, never half of one. A symbolic link at `path`, dangling or not, is
/// itself replaced by the new file, as rename(2) and mv do: the file it names is never written.
/// A replaced regular file keeps its permissions; a new one (or one replacing a link) gets 0666
/// less the umask.
/// A device, FIFO or socket (/dev/full, a named pipe) cannot be replaced, and /dev/stdout,
/// /dev/stderr and /dev/fd/N name a file already open: these are written in place (appended to).
/// Throws OutputError; on failure the temporary file is removed and `path` is left as it was.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);
/// The same, for a file given as parts written one after the other (a big file need not be put
/// together in memory first).
void write_file_atomically(const std::filesystem::path& path, std::span<const std::string_view> parts);

/// Writes several files as one (the two CSV files of an export): each goes to a temporary file
/// beside it, and only when every one is complete are they renamed into place, in order. If a
/// rename fails, the files already renamed are put back: their previous versions are kept as
/// hard links until the last rename (on a file system without hard links, such as FAT, a file
/// already renamed stays new). Throws OutputError; the temporary files are removed on failure.
void write_files_atomically(std::span<const OutputFile> files);

/// Removes the temporary files of writes still in progress. Async-signal-safe: it is for a
/// SIGINT, SIGTERM or SIGHUP handler, so that an interrupted run leaves no temporary file behind.
void remove_unfinished_outputs() noexcept;

}  // namespace cartelgraph

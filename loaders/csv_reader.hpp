#pragma once
// RFC 4180 CSV read cell by cell, each cell with the line and column it starts at.
// Internal to the library: not installed.
//
// Debian's libcsv was considered and not used: it reports a malformed file only as
// CSV_EPARSE, with neither the position nor what is wrong, and its callbacks do not say where a
// field started; feeding it byte by byte to count lines would cost more code than the grammar
// itself (quoted fields, doubled quotes, CRLF), which is all this file is. Positions are what a
// user needs to fix a spreadsheet, and no new dependency reaches the installed package.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "cartelgraph/loaders/fact_loader.hpp"

namespace cartelgraph::detail {

/// One field as read: quotes removed, doubled quotes undone.
struct CsvCell {
  std::string text;
  std::size_t line = 0;    ///< 1-based line of its first character
  std::size_t column = 0;  ///< 1-based column, in characters (code points), of its first character
};

/// One record.
using CsvRow = std::vector<CsvCell>;

/// Reads `file` as comma-separated values (RFC 4180: fields in double quotes may hold commas,
/// line breaks and doubled quotes; records end with CRLF, LF or CR), calling `row` for each
/// record but blank lines, in order; `row` returns false to stop. A UTF-8 byte order mark is
/// skipped. Returns false, with a located problem in `problems`, for text that is not UTF-8, a
/// quote inside an unquoted field, text after a closing quote or a quote never closed. O(size).
bool read_csv(const FactFile& file, const std::function<bool(CsvRow&)>& row, std::vector<Problem>& problems);

}  // namespace cartelgraph::detail

#pragma once
// Whitespace-separated edge lists, as criminal-network research publishes them (the Montagna
// and other datasets on Zenodo: `src dst weight` a line) and as NetworkX's write_edgelist and
// write_weighted_edgelist write them. Read into the same table as a CSV file, so that one edge
// list reader (loaders/csv_edge_list.cpp) serves both. Internal to the library: not installed.

#include <cstddef>
#include <string_view>
#include <vector>

#include "cartelgraph/loaders/csv_table.hpp"

namespace cartelgraph::detail {

/// True if `file` is a whitespace-separated edge list rather than CSV: it is named `.edgelist`,
/// `.txt` or `.ssv`, or its first line that is neither blank nor a `#` comment holds no comma and
/// no double quote but two or more fields separated by spaces or tabs. O(first line).
[[nodiscard]] bool is_whitespace_edge_list(const FactFile& file);

/// Reads a whitespace-separated edge list into `table`: fields are runs of characters other
/// than spaces and tabs; blank lines and lines starting with `#` are skipped. The first line is
/// a header if one of its fields names a column (`from`, `src`, `source`, `to`, `dst`, `target`,
/// `weight`, …, case ignored); otherwise the header is `from,to` followed by `weight` and then
/// `column4`, … for further fields. A line with another number of fields than the header (given
/// or implied), text
/// that is not UTF-8 and more than `max_rows` records are located problems. False if any problem
/// was found. O(size).
bool read_whitespace_table(const FactFile& file, std::size_t max_rows, std::string_view limit, CsvTable& table,
                           std::vector<Problem>& problems);

}  // namespace cartelgraph::detail

#include "cartelgraph/loaders/edge_list_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include <utf8proc.h>

namespace cartelgraph::detail {

namespace {

bool blank_or_comment(std::string_view line) {
  const auto first = line.find_first_not_of(" \t\r");
  return first == std::string_view::npos || line[first] == '#';
}

bool ends_with(std::string_view path, std::string_view suffix) {
  if (path.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), path.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

// The fields of one line, each with its column (in code points, 1-based).
CsvRow split_fields(std::string_view line, std::size_t line_number) {
  CsvRow row;
  std::size_t column = 1;
  std::size_t i = 0;
  while (i < line.size()) {
    const bool space = line[i] == ' ' || line[i] == '\t' || line[i] == '\r';
    if (space) {
      ++column;
      ++i;
      continue;
    }
    CsvCell cell{{}, line_number, column};
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
      cell.text += line[i];
      column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
      ++i;
    }
    row.push_back(std::move(cell));
  }
  return row;
}

// True if some field of `row` names a column an edge list reader looks for.
bool names_columns(const CsvRow& row) {
  static constexpr std::array<std::string_view, 12> names = {"from",   "to",    "src",  "dst",  "source", "target",
                                                             "weight", "count", "kind", "type", "since",  "until"};
  return std::ranges::any_of(
      row, [](const CsvCell& cell) { return std::ranges::find(names, lower_ascii(cell.text)) != names.end(); });
}

// The header an edge list without one is given: from, to, weight, column4, …
CsvRow implied_header(std::size_t fields) {
  CsvRow header;
  for (std::size_t i = 0; i < fields; ++i)
    header.push_back({i == 0 ? "from" : i == 1 ? "to" : i == 2 ? "weight" : "column" + std::to_string(i + 1), 1, 1});
  return header;
}

// The first byte of `text` that does not start a valid UTF-8 character (utf8proc: no overlong
// forms, surrogates or code points past U+10FFFF), or npos. Checked here because the CSV reader,
// which checks it for CSV, does not see this text.
std::size_t invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    utf8proc_int32_t code = 0;
    const auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                         static_cast<utf8proc_ssize_t>(text.size() - i), &code);
    if (length <= 0 || code < 0) return i;
    i += static_cast<std::size_t>(length);
  }
  return std::string_view::npos;
}

}  // namespace

bool is_whitespace_edge_list(const FactFile& file) {
  if (ends_with(file.path, ".edgelist") || ends_with(file.path, ".txt") || ends_with(file.path, ".ssv")) return true;
  std::string_view text = file.text;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    if (!blank_or_comment(line))
      return line.find(',') == std::string_view::npos && line.find('"') == std::string_view::npos &&
             split_fields(line, 1).size() >= 2;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return false;
}

bool read_whitespace_table(const FactFile& file, std::size_t max_rows, std::string_view limit, CsvTable& table,
                           std::vector<Problem>& problems) {
  table.path = file.path;
  const std::size_t before = problems.size();
  std::string_view text = file.text;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  bool first = true;
  for (std::size_t number = 1; !text.empty(); ++number) {
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (const auto bad = invalid_utf8(line); bad != std::string_view::npos) {
      problems.push_back({file.path, number, bad + 1, "not UTF-8 text"});
      return false;
    }
    if (blank_or_comment(line)) continue;
    CsvRow row = split_fields(line, number);
    if (first) {
      first = false;
      table.header = names_columns(row) ? row : implied_header(row.size());
      if (names_columns(row)) continue;
    }
    if (!append_row(table, std::move(row), max_rows, limit, problems)) return false;
  }
  if (first) problems.push_back({file.path, 1, 1, "no edges: the file is empty"});
  return problems.size() == before;
}

}  // namespace cartelgraph::detail

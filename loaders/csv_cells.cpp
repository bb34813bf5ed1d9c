#include "cartelgraph/loaders/csv_cells.hpp"

namespace cartelgraph::detail {

std::string guarded(std::string_view text) {
  constexpr std::string_view formula_starts = "=+-@\t\r'";
  if (!text.empty() && formula_starts.find(text.front()) != std::string_view::npos) return "'" + std::string(text);
  return std::string(text);
}

std::string_view unguarded(std::string_view cell) { return cell.starts_with('\'') ? cell.substr(1) : cell; }

std::string joined_list(const std::vector<std::string>& items) {
  std::string cell;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) cell += ';';
    for (const char c : items[i]) {
      if (c == ';' || c == '\\') cell += '\\';
      cell += c;
    }
  }
  return cell;
}

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> items;
  if (cell.empty()) return items;
  items.emplace_back();
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size()) items.back() += cell[++i];
    else if (cell[i] == ';') items.emplace_back();
    else items.back() += cell[i];
  }
  return items;
}

std::string quoted_field(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace cartelgraph::detail

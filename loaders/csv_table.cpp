#include "cartelgraph/loaders/csv_table.hpp"

#include "cartelgraph/loaders/edge_list_text.hpp"
#include "cartelgraph/loaders/fact_records.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace cartelgraph::detail {

bool read_table(const FactFile& file, std::size_t max_rows, std::string_view limit, CsvTable& table,
                std::vector<Problem>& problems) {
  if (is_whitespace_edge_list(file)) return read_whitespace_table(file, max_rows, limit, table, problems);
  table.path = file.path;
  const std::size_t before = problems.size();
  bool first = true;
  const bool read = read_csv(
      file,
      [&](CsvRow& row) {
        if (first) {
          table.header = std::move(row);
          first = false;
          return true;
        }
        return append_row(table, std::move(row), max_rows, limit, problems);
      },
      problems);
  if (read && first) problems.push_back({file.path, 1, 1, "no header: the file is empty"});
  return problems.size() == before;
}

bool append_row(CsvTable& table, CsvRow row, std::size_t max_rows, std::string_view limit,
                std::vector<Problem>& problems) {
  if (table.rows.size() == max_rows) {
    problems.push_back(problem_at(table.path, row.front(),
                                  "more than " + std::to_string(max_rows) + " records (" + std::string(limit) + ")"));
    return false;
  }
  if (row.size() != table.header.size())
    problems.push_back(problem_at(table.path, row.front(),
                                  "a record of " + std::to_string(row.size()) + " fields; the header has " +
                                      std::to_string(table.header.size())));
  table.rows.push_back(std::move(row));
  return true;
}

bool within_size(const FactFile& file, const LoadLimits& limits, std::vector<Problem>& problems) {
  if (file.text.size() <= limits.max_file_bytes) return true;
  problems.push_back({file.path, 1, 1, too_big(file.text.size(), limits)});
  return false;
}

std::string header_line(const CsvTable& table) {
  std::string line;
  for (const CsvCell& cell : table.header) line += (line.empty() ? "" : ",") + cell.text;
  return line;
}

namespace {

std::string_view trimmed(std::string_view cell) {
  while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
  while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
  return cell;
}

}  // namespace

std::string column_name(std::string_view cell) {
  cell = trimmed(cell);
  return lower_ascii(cell.substr(0, cell.find(':')));
}

std::string column_tag(std::string_view cell) {
  cell = trimmed(cell);
  const auto colon = cell.find(':');
  if (colon == std::string_view::npos) return {};
  std::string tag(cell.substr(colon, cell.find('(', colon) - colon));
  for (char& c : tag) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return tag;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<double> finite_number(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() && *end == '\0' && std::isfinite(value)) return value;
  return std::nullopt;
}

Problem problem_at(const std::string& path, const CsvCell& cell, std::string message) {
  return {path, cell.line, cell.column, std::move(message)};
}

void CsvRelations::submit(const std::string& path, const CsvCell& cell, std::size_t from, std::size_t to,
                          std::optional<std::size_t> place, const std::vector<EntityType>& types, Relation relation) {
  const std::size_t origin = origins_.size();
  origins_.push_back(problem_at(path, cell, {}));
  CandidateRelation candidate{origin,         relation.kind,  {ids_[from], types[from]}, {ids_[to], types[to]},
                              relation.since, relation.until, relation.known_by,         relation.ended_by,
                              std::nullopt};
  if (place) candidate.place = RelationEnd{ids_[*place], types[*place]};
  if (check_relation(candidate, *this)) accepted_.push_back({origin, from, to, std::move(relation)});
}

void CsvRelations::finish(std::vector<Entity> entities, Provenance provenance, KnowledgeGraph& graph) {
  check_relation_set(accepted_, entities.size(), provenance, *this);
  if (!problems_.empty()) return;
  std::vector<Vertex> vertices;
  vertices.reserve(entities.size());
  for (Entity& entity : entities) vertices.push_back(graph.add_entity(std::move(entity)));
  for (AcceptedRelation& r : accepted_) graph.add_relation(vertices[r.from], vertices[r.to], std::move(r.relation));
}

void CsvRelations::problem(std::size_t origin, RelationPart, std::string message) {
  Problem found = origins_[origin];
  found.message = std::move(message);
  problems_.push_back(std::move(found));
}

void CsvRelations::note(std::size_t origin, std::string message) {
  Problem found = origins_[origin];
  found.message = std::move(message);
  notes_.push_back(std::move(found));
}

std::string CsvRelations::where(std::size_t origin) {
  const Problem& at = origins_[origin];
  return at.file + ':' + std::to_string(at.line) + ':' + std::to_string(at.column);
}

}  // namespace cartelgraph::detail

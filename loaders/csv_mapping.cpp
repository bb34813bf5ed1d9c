#include "cartelgraph/loaders/csv_mapping.hpp"

#include <string_view>
#include <utility>

namespace cartelgraph::detail {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

constexpr std::pair<std::string_view, std::string CsvColumns::*> column_keys[] = {
    {"from", &CsvColumns::from},
    {"to", &CsvColumns::to},
    {"kind", &CsvColumns::kind},
    {"weight", &CsvColumns::weight},
    {"since", &CsvColumns::since},
    {"until", &CsvColumns::until},
    {"confidence", &CsvColumns::confidence},
    {"id", &CsvColumns::id},
    {"name", &CsvColumns::name},
    {"type", &CsvColumns::type}};

// Applies `key = value` to `mapping`; the problem in words, or "" if none.
std::string apply(std::string_view key, const std::string& value, CsvMapping& mapping) {
  for (const auto& [name, member] : column_keys)
    if (key == name) return mapping.columns.*member = value, "";
  if (key == "nodes") return mapping.nodes = value, "";
  if (key == "default-kind") {
    const auto kind = parse_relation_kind(value);
    if (!kind) return "unknown relation kind '" + value + "' (known: " + joined_names<RelationKind>(", ") + ")";
    return mapping.options.default_kind = *kind, "";
  }
  if (key == "default-type") {
    const auto type = parse_entity_type(value);
    if (!type) return "unknown entity type '" + value + "' (known: " + joined_names<EntityType>(", ") + ")";
    return mapping.options.default_type = *type, "";
  }
  return "unknown key '" + std::string(key) +
         "' (known: nodes, from, to, kind, weight, since, until, confidence, id, name, type, default-kind, "
         "default-type)";
}

}  // namespace

CsvMapping read_csv_mapping(const FactFile& file, const LoadOptions& given, std::vector<Problem>& problems) {
  CsvMapping mapping{given.csv, {}, given};
  std::size_t number = 0;
  for (std::size_t at = 0; at < file.text.size();) {
    std::size_t end = file.text.find('\n', at);
    if (end == std::string::npos) end = file.text.size();
    const std::string_view line = trimmed(std::string_view(file.text).substr(at, end - at));
    at = end + 1;
    ++number;
    if (line.empty() || line.front() == '#') continue;
    const auto equals = line.find('=');
    const std::string message = equals == std::string_view::npos
                                    ? "not a 'key = value' line"
                                    : apply(trimmed(line.substr(0, equals)),
                                            std::string(trimmed(line.substr(equals + 1))), mapping);
    if (!message.empty()) problems.push_back({file.path, number, 1, message});
  }
  return mapping;
}

}  // namespace cartelgraph::detail

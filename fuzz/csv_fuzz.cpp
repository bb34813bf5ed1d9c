// libFuzzer target: the CSV loaders on arbitrary bytes. The input is cut at form feeds: one part
// is an edge list, two an edge list and its node table, four the tables of an export (sources,
// nodes, relationships, citations). Each must end in a graph or in located problems, never in a
// crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cartelgraph/loaders/csv_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<cartelgraph::FactFile> parts;
  for (std::size_t at = 0;;) {
    const std::size_t end = input.find('\f', at);
    parts.push_back({"fuzz" + std::to_string(parts.size()) + ".csv", input.substr(at, end - at)});
    if (end == std::string::npos) break;
    at = end + 1;
  }
  cartelgraph::LoadOptions options;
  options.limits.max_entities = 1000;
  options.limits.max_relations = 1000;
  cartelgraph::LoadResult result;
  if (parts.size() == 4)
    result = cartelgraph::load_csv_export({parts[0], parts[1], parts[2], parts[3]}, options.limits);
  else if (parts.size() == 2) result = cartelgraph::load_csv_edges(parts[0], parts[1], {}, options);
  else result = cartelgraph::load_csv_edges(parts[0], std::nullopt, {}, options);
  if (!result.problems.empty() && result.graph.entity_count() != 0) __builtin_trap();
  for (const auto& problem : result.problems)
    if (problem.line == 0) __builtin_trap();  // every CSV problem is located
  return 0;
}

// libFuzzer target: the JSON fact loader on arbitrary bytes. Any input must end in a graph or in
// located problems, never in a crash, a hang or a sanitizer report; a graph comes only without
// problems. The depth limit is raised to what 64 KiB can nest: deep values are where memory and
// recursion go wrong (issue 19), and the limit's own refusal is a corpus case.
// The load through the fast reader (loaders/fact_scan.hpp) must report exactly what the load
// through the exact reader alone reports (RapidJSON's reader and schema validator, which the
// loader uses for any schema text but the built-in one): same problems, same graph.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/fact_loader.hpp"

namespace {

std::string describe(const cartelgraph::LoadResult& result) {
  std::string text;
  for (const auto* list : {&result.problems, &result.warnings, &result.notes})
    for (const auto& problem : *list) text += cartelgraph::to_string(problem) + '\n';
  return text + std::to_string(result.graph.entity_count()) + ' ' + std::to_string(result.graph.relation_count());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<cartelgraph::FactFile> files = {
      {"fuzz.json", std::string(reinterpret_cast<const char*>(data), size)}};
  cartelgraph::LoadLimits limits;
  limits.max_depth = std::size_t{1} << 17;
  const cartelgraph::LoadResult result = cartelgraph::load_facts(files, limits);
  if (!result.problems.empty() && result.graph.entity_count() != 0) __builtin_trap();
  for (const auto& problem : result.problems)
    if (problem.file != "fuzz.json" || (problem.line == 0) != (problem.column == 0)) __builtin_trap();
  static const std::string exact_schema = std::string(cartelgraph::builtin_schema()) + ' ';
  if (describe(result) != describe(cartelgraph::load_facts(files, exact_schema, limits))) __builtin_trap();
  return 0;
}

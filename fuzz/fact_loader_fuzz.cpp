// libFuzzer target: the JSON fact loader on arbitrary bytes. Any input must end in a graph or in
// located problems, never in a crash, a hang or a sanitizer report; a graph comes only without
// problems. The depth limit is raised to what 64 KiB can nest: deep values are where memory and
// recursion go wrong (issue 19), and the limit's own refusal is a corpus case.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cartelgraph/loaders/fact_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<cartelgraph::FactFile> files = {
      {"fuzz.json", std::string(reinterpret_cast<const char*>(data), size)}};
  cartelgraph::LoadLimits limits;
  limits.max_depth = std::size_t{1} << 17;
  const cartelgraph::LoadResult result = cartelgraph::load_facts(files, limits);
  if (!result.problems.empty() && result.graph.entity_count() != 0) __builtin_trap();
  for (const auto& problem : result.problems)
    if (problem.file != "fuzz.json" || (problem.line == 0) != (problem.column == 0)) __builtin_trap();
  return 0;
}

// libFuzzer target: the JSON fact loader on arbitrary bytes. Any input must end in a graph or in
// located problems, never in a crash, a hang or a sanitizer report; a graph comes only without
// problems.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cartelgraph/loaders/fact_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<cartelgraph::FactFile> files = {
      {"fuzz.json", std::string(reinterpret_cast<const char*>(data), size)}};
  const cartelgraph::LoadResult result = cartelgraph::load_facts(files);
  if (!result.problems.empty() && result.graph.entity_count() != 0) __builtin_trap();
  for (const auto& problem : result.problems)
    if (problem.file != "fuzz.json" || (problem.line == 0) != (problem.column == 0)) __builtin_trap();
  return 0;
}

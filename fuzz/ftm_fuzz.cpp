// libFuzzer target: the FollowTheMoney reader on arbitrary bytes. It must end in a graph or in
// located problems, never in a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cartelgraph/loaders/ftm_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const cartelgraph::FactFile file{"fuzz.ftm.json", std::string(reinterpret_cast<const char*>(data), size)};
  const cartelgraph::LoadResult result = cartelgraph::load_ftm(file);
  if (!result.problems.empty() && result.graph.entity_count() != 0) __builtin_trap();
  return 0;
}

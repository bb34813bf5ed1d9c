// libFuzzer target: entity resolution and search over the built-in data with arbitrary text.
// Text that is not UTF-8 is refused with cartelgraph::Error (usage); anything else resolves to a
// found, ambiguous or unknown answer whose entities exist.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/queries/resolve.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cartelgraph::KnowledgeGraph graph = cartelgraph::load_builtin_graph();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto resolution = cartelgraph::resolve_entity(graph, text);
    for (const auto v : resolution.entities)
      if (v >= graph.entity_count()) __builtin_trap();
    if (resolution.status == cartelgraph::Resolution::Status::found && resolution.entities.size() != 1)
      __builtin_trap();
    for (const auto& match : cartelgraph::search_entities(graph, text))
      if (match.score < 0 || match.score > 1) __builtin_trap();
  } catch (const cartelgraph::Error&) {
    // not UTF-8: refused, as documented
  }
  return 0;
}

#include "cartelgraph/loaders/type_list.hpp"

namespace cartelgraph {

std::string describe(TypeSet types) {
  if (types.all()) return "any type";
  std::string text;
  std::size_t remaining = types.count();
  for (const auto type : all_entity_types) {
    if (!types.test(static_cast<std::size_t>(type))) continue;
    if (!text.empty()) text += remaining == 1 ? " or " : ", ";
    text += to_string(type);
    --remaining;
  }
  return text;
}

}  // namespace cartelgraph

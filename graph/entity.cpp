#include "cartelgraph/graph/entity.hpp"

namespace cartelgraph {

namespace {
constexpr std::array<std::string_view, 7> type_names = {
    "organization", "faction", "person", "place", "agency", "business", "event"};
constexpr std::array<std::string_view, 3> confidence_names = {"alleged", "reported", "confirmed"};
}  // namespace

std::string_view to_string(EntityType type) noexcept {
  return type_names[static_cast<std::size_t>(type)];
}

std::optional<EntityType> parse_entity_type(std::string_view name) noexcept {
  for (std::size_t i = 0; i < type_names.size(); ++i)
    if (type_names[i] == name) return static_cast<EntityType>(i);
  return std::nullopt;
}

std::string_view to_string(Confidence confidence) noexcept {
  return confidence_names[static_cast<std::size_t>(confidence)];
}

std::optional<Confidence> parse_confidence(std::string_view name) noexcept {
  for (std::size_t i = 0; i < confidence_names.size(); ++i)
    if (confidence_names[i] == name) return static_cast<Confidence>(i);
  return std::nullopt;
}

}  // namespace cartelgraph

#include "cartelgraph/graph/entity.hpp"

namespace cartelgraph {

namespace {
constexpr std::array<std::string_view, all_entity_types.size()> type_names = {
    "organization", "faction", "person", "place", "agency", "business", "event"};
constexpr std::array<std::string_view, 4> confidence_names = {"ungraded", "alleged", "reported", "confirmed"};
constexpr std::array<std::string_view, 3> support_names = {"text", "statement", "title"};
constexpr std::array<std::string_view, 3> source_kind_names = {"document", "interview", "filing"};
}  // namespace

template <>
std::span<const std::string_view> names<EntityType>() noexcept { return type_names; }
template <>
std::span<const std::string_view> names<Confidence>() noexcept { return confidence_names; }
template <>
std::span<const std::string_view> names<CitationSupport>() noexcept { return support_names; }
template <>
std::span<const std::string_view> names<SourceKind>() noexcept { return source_kind_names; }

std::string_view to_string(EntityType type) noexcept { return name_of(type); }
std::optional<EntityType> parse_entity_type(std::string_view name) noexcept { return parse<EntityType>(name); }

std::string_view to_string(Confidence confidence) noexcept { return name_of(confidence); }
std::optional<Confidence> parse_confidence(std::string_view name) noexcept { return parse<Confidence>(name); }

}  // namespace cartelgraph

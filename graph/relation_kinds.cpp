#include "cartelgraph/graph/relation_kinds.hpp"

#include <array>

namespace cartelgraph {

namespace {

using enum RelationKind;
using enum KindCategory;

constexpr unsigned long bit(EntityType type) { return 1UL << static_cast<unsigned>(type); }

constexpr unsigned long organization = bit(EntityType::organization);
constexpr unsigned long faction = bit(EntityType::faction);
constexpr unsigned long person = bit(EntityType::person);
constexpr unsigned long place = bit(EntityType::place);
constexpr unsigned long agency = bit(EntityType::agency);
constexpr unsigned long business_ = bit(EntityType::business);
constexpr unsigned long event = bit(EntityType::event);
constexpr unsigned long group = organization | faction;
constexpr unsigned long any = group | person | place | agency | business_ | event;

// Hierarchy: the ties that place a group inside or under another (faction_of, armed_wing_of,
// support_network_of, offshoot_of). part_of (an agency inside a ministry) is the state's own
// organization chart, and located_in is geography, not belonging: neither is hierarchy, so
// analyses of how groups belong together do not pick up agencies or places.
// Events: a participant's tie to an event is its role, read "FROM role EVENT" (perpetrated,
// target_of, victim_of, organized, attended, investigated, conducted): there is no bare
// participation, which reads wrong for a target or a victim.
// clang-format off
constexpr std::array<KindInfo, relation_kind_count> table = {{
  // kind               name                  category      layer             sym    sign hier   from                        to
  {member_of,           "member_of",          structure,    Layer::criminal,  false,  0, false, person,                     group},
  {leads,               "leads",              structure,    Layer::criminal,  false,  0, false, person,                     group},
  {faction_of,          "faction_of",         structure,    Layer::criminal,  false,  0, true,  faction,                    group},
  {armed_wing_of,       "armed_wing_of",      structure,    Layer::criminal,  false,  0, true,  group,                      group},
  {support_network_of,  "support_network_of", structure,    Layer::criminal,  false,  0, true,  group,                      group},
  {offshoot_of,         "offshoot_of",        structure,    Layer::criminal,  false,  0, true,  group,                      group},
  {part_of,             "part_of",            structure,    Layer::state,     false,  0, false, agency,                     agency},
  {allied_with,         "allied_with",        alignment,    Layer::criminal,  true,  +1, false, group | person,             group | person},
  {rival_of,            "rival_of",           alignment,    Layer::criminal,  true,  -1, false, group | person,             group | person},
  {aligned_with,        "aligned_with",       alignment,    Layer::criminal,  false, +1, false, group | person,             group | person},
  {parent_of,           "parent_of",          family,       Layer::criminal,  false,  0, false, person,                     person | faction},
  {spouse_of,           "spouse_of",          family,       Layer::criminal,  true,   0, false, person,                     person},
  {sibling_of,          "sibling_of",         family,       Layer::criminal,  true,   0, false, person,                     person},
  {relative_of,         "relative_of",        family,       Layer::criminal,  true,   0, false, person,                     person},
  {associate_of,        "associate_of",       association,  Layer::criminal,  true,   0, false, group | person,             group | person},
  {works_for,           "works_for",          association,  Layer::criminal,  false,  0, false, person,                     group | person},
  {official_of,         "official_of",        association,  Layer::state,     false,  0, false, person,                     agency},
  {cooperates_with,     "cooperates_with",    association,  Layer::state,     true,   0, false, agency,                     agency},
  {operates_in,         "operates_in",        territory,    Layer::territory, false,  0, false, group | person,             place},
  {contests,            "contests",           territory,    Layer::territory, false,  0, false, group | person,             place},
  {located_in,          "located_in",         territory,    Layer::territory, false,  0, false, place | agency | business_, place},
  {arrested_by,         "arrested_by",        state_action, Layer::state,     false,  0, false, person | group | business_, agency},
  {charged_by,          "charged_by",         state_action, Layer::state,     false,  0, false, person | group | business_, agency},
  {sanctioned_by,       "sanctioned_by",      state_action, Layer::state,     false,  0, false, person | group | business_, agency},
  {pleaded_guilty_in,   "pleaded_guilty_in",  state_action, Layer::state,     false,  0, false, person,                     agency},
  {convicted_by,        "convicted_by",       state_action, Layer::state,     false,  0, false, person,                     agency},
  {released_by,         "released_by",        state_action, Layer::state,     false,  0, false, person,                     agency},
  {sought_by,           "sought_by",          state_action, Layer::state,     false,  0, false, person | group,             agency},
  {extradited_to,       "extradited_to",      state_action, Layer::state,     false,  0, false, person,                     place | agency},
  {imprisoned_in,       "imprisoned_in",      state_action, Layer::state,     false,  0, false, person,                     place | agency},
  {owns,                "owns",               business,     Layer::criminal,  false,  0, false, person | group,             business_},
  {officer_of,          "officer_of",         business,     Layer::criminal,  false,  0, false, person,                     business_},
  {launders_for,        "launders_for",       business,     Layer::criminal,  false,  0, false, business_ | person,         group | person},
  {attacked,            "attacked",           violence,     Layer::criminal,  false, -1, false, group | person,             any},
  {perpetrated,         "perpetrated",        events,       Layer::events,    false,  0, false, any,                        event},
  {target_of,           "target_of",          events,       Layer::events,    false,  0, false, any,                        event},
  {victim_of,           "victim_of",          events,       Layer::events,    false,  0, false, any,                        event},
  {organized,           "organized",          events,       Layer::events,    false,  0, false, any,                        event},
  {attended,            "attended",           events,       Layer::events,    false,  0, false, any,                        event},
  {investigated,        "investigated",       events,       Layer::events,    false,  0, false, any,                        event},
  {conducted,           "conducted",          events,       Layer::events,    false,  0, false, any,                        event},
  {occurred_in,         "occurred_in",        events,       Layer::events,    false,  0, false, event,                      place},
}};
// clang-format on

// Row i describes kind i, so the table can be indexed by RelationKind.
constexpr bool rows_in_kind_order() {
  for (std::size_t i = 0; i < table.size(); ++i)
    if (static_cast<std::size_t>(table[i].kind) != i) return false;
  return true;
}
static_assert(rows_in_kind_order(), "the kind table must list every kind in declaration order");

constexpr std::array<std::string_view, relation_kind_count> kind_names = [] {
  std::array<std::string_view, relation_kind_count> out{};
  for (std::size_t i = 0; i < table.size(); ++i) out[i] = table[i].name;
  return out;
}();

constexpr std::array<std::string_view, 9> category_names = {
    "structure", "alignment", "family", "association", "territory",
    "state_action", "business", "violence", "events"};
constexpr std::array<std::string_view, 4> layer_names = {"criminal", "state", "territory", "events"};

}  // namespace

TypeSet type_set(EntityType type) noexcept { return TypeSet(bit(type)); }

std::span<const KindInfo> relation_kinds() noexcept { return table; }

const KindInfo& kind_info(RelationKind kind) noexcept {
  return table[static_cast<std::size_t>(kind)];
}

template <>
std::span<const std::string_view> names<RelationKind>() noexcept { return kind_names; }
template <>
std::span<const std::string_view> names<KindCategory>() noexcept { return category_names; }
template <>
std::span<const std::string_view> names<Layer>() noexcept { return layer_names; }

std::optional<RelationKind> parse_relation_kind(std::string_view name) noexcept {
  return parse<RelationKind>(name);
}

std::string_view to_string(RelationKind kind) noexcept { return name_of(kind); }
std::string_view to_string(KindCategory category) noexcept { return name_of(category); }
std::string_view to_string(Layer layer) noexcept { return name_of(layer); }

Layer layer_of(EntityType type) noexcept {
  switch (type) {
    case EntityType::organization:
    case EntityType::faction:
    case EntityType::person:
    case EntityType::business: return Layer::criminal;
    case EntityType::agency: return Layer::state;
    case EntityType::place: return Layer::territory;
    case EntityType::event: return Layer::events;
  }
  return Layer::criminal;
}

bool allows(RelationKind kind, EntityType from, EntityType to) noexcept {
  const auto& row = kind_info(kind);
  return row.from.test(static_cast<std::size_t>(from)) && row.to.test(static_cast<std::size_t>(to));
}

bool is_membership(RelationKind kind) noexcept {
  const KindInfo& row = kind_info(kind);
  return row.category == KindCategory::structure && row.layer == Layer::criminal && !row.hierarchy;
}

bool stays_inside(RelationKind kind) noexcept { return kind_info(kind).hierarchy && kind != offshoot_of; }

}  // namespace cartelgraph

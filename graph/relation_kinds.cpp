#include "cartelgraph/graph/relation_kinds.hpp"

#include <array>
#include <string>

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

// clang-format off
const std::array<KindInfo, relation_kind_count> table = {{
  // kind                name                  category      sym    sign from                     to                       label                    color            style
  {member_of,          "member_of",          structure,    false,  0, person,                  group,                   "member of",             "gray30",        "solid"},
  {leads,              "leads",              structure,    false,  0, person,                  group,                   "leads",                 "black",         "bold"},
  {faction_of,         "faction_of",         structure,    false,  0, faction,                 group,                   "faction of",            "gray30",        "solid"},
  {armed_wing_of,      "armed_wing_of",      structure,    false,  0, group,                   group,                   "armed wing of",         "gray30",        "solid"},
  {support_network_of, "support_network_of", structure,    false,  0, group,                   group,                   "support network of",    "gray30",        "solid"},
  {offshoot_of,        "offshoot_of",        structure,    false,  0, group,                   group,                   "offshoot of",           "gray30",        "dashed"},
  {part_of,            "part_of",            structure,    false,  0, agency,                  agency,                  "part of",               "gray50",        "solid"},
  {allied_with,        "allied_with",        alignment,    true,  +1, group | person,          group | person,          "allied with",           "forestgreen",   "bold"},
  {rival_of,           "rival_of",           alignment,    true,  -1, group | person,          group | person,          "rival of",              "red3",          "bold"},
  {aligned_with,       "aligned_with",       alignment,    false, +1, group | person,          group | person,          "aligned with",          "forestgreen",   "dashed"},
  {parent_of,          "parent_of",          family,       false,  0, person,                  person,                  "parent of",             "purple",        "solid"},
  {spouse_of,          "spouse_of",          family,       true,   0, person,                  person,                  "spouse of",             "purple",        "solid"},
  {sibling_of,         "sibling_of",         family,       true,   0, person,                  person,                  "sibling of",            "purple",        "solid"},
  {relative_of,        "relative_of",        family,       true,   0, person,                  person,                  "relative of",           "purple",        "dashed"},
  {associate_of,       "associate_of",       association,  true,   0, group | person,          group | person,          "associate of",          "steelblue",     "dashed"},
  {works_for,          "works_for",          association,  false,  0, person,                  group | person,          "works for",             "steelblue",     "solid"},
  {official_of,        "official_of",        association,  false,  0, person,                  agency,                  "official of",           "navy",          "solid"},
  {cooperates_with,    "cooperates_with",    association,  true,   0, agency,                  agency,                  "cooperates with",       "navy",          "dashed"},
  {operates_in,        "operates_in",        territory,    false,  0, group | person,          place,                   "operates in",           "darkgoldenrod", "dotted"},
  {contests,           "contests",           territory,    false,  0, group | person,          place,                   "contests",              "orangered",     "dotted"},
  {located_in,         "located_in",         territory,    false,  0, place | agency | business_, place,                "located in",            "gray60",        "dotted"},
  {arrested_by,        "arrested_by",        state_action, false,  0, person | group | business_, agency,             "arrested by",           "navy",          "solid"},
  {charged_by,         "charged_by",         state_action, false,  0, person | group | business_, agency,             "charged by",            "navy",          "dashed"},
  {sanctioned_by,      "sanctioned_by",      state_action, false,  0, person | group | business_, agency,             "sanctioned by",         "navy",          "dashed"},
  {pleaded_guilty_in,  "pleaded_guilty_in",  state_action, false,  0, person,                  agency,                  "pleaded guilty in",     "navy",          "solid"},
  {convicted_by,       "convicted_by",       state_action, false,  0, person,                  agency,                  "convicted by",          "navy",          "solid"},
  {released_by,        "released_by",        state_action, false,  0, person,                  agency,                  "released by",           "navy",          "dotted"},
  {sought_by,          "sought_by",          state_action, false,  0, person | group,          agency,                  "sought by",             "navy",          "dotted"},
  {extradited_to,      "extradited_to",      state_action, false,  0, person,                  place | agency,          "extradited to",         "navy",          "bold"},
  {imprisoned_in,      "imprisoned_in",      state_action, false,  0, person,                  place | agency,          "imprisoned in",         "navy",          "solid"},
  {owns,               "owns",               business,     false,  0, person | group,          business_,               "owns",                  "darkgreen",     "solid"},
  {officer_of,         "officer_of",         business,     false,  0, person,                  business_,               "officer of",            "darkgreen",     "dashed"},
  {launders_for,       "launders_for",       business,     false,  0, business_ | person,      group | person,          "launders money for",    "darkgreen",     "dashed"},
  {attacked,           "attacked",           violence,     false, -1, group | person,          any,                     "attacked",              "red3",          "solid"},
  {participated_in,    "participated_in",    events,       false,  0, any,                     event,                   "participated in",       "gray40",        "dashed"},
  {occurred_in,        "occurred_in",        events,       false,  0, event,                   place,                   "occurred in",           "gray60",        "dotted"},
}};
// clang-format on

constexpr std::array<std::string_view, 9> category_names = {
    "structure", "alignment", "family", "association", "territory",
    "state_action", "business", "violence", "events"};

}  // namespace

TypeSet type_set(EntityType type) noexcept { return TypeSet(bit(type)); }

std::span<const KindInfo> relation_kinds() noexcept { return table; }

const KindInfo& kind_info(RelationKind kind) noexcept {
  return table[static_cast<std::size_t>(kind)];
}

std::optional<RelationKind> parse_relation_kind(std::string_view name) noexcept {
  for (const auto& row : table)
    if (row.name == name) return row.kind;
  return std::nullopt;
}

std::string_view to_string(RelationKind kind) noexcept { return kind_info(kind).name; }

std::string_view to_string(KindCategory category) noexcept {
  return category_names[static_cast<std::size_t>(category)];
}

bool allows(RelationKind kind, EntityType from, EntityType to) noexcept {
  const auto& row = kind_info(kind);
  return row.from.test(static_cast<std::size_t>(from)) && row.to.test(static_cast<std::size_t>(to));
}

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

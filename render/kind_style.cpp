#include "cartelgraph/render/kind_style.hpp"

#include <array>

namespace cartelgraph {

namespace {

using enum RelationKind;

// clang-format off
constexpr std::array<KindStyle, relation_kind_count> table = {{
  // kind              label                  color            style
  {member_of,           "member of",           "gray30",        "solid"},
  {leads,               "leads",               "black",         "bold"},
  {faction_of,          "faction of",          "gray30",        "solid"},
  {armed_wing_of,       "armed wing of",       "gray30",        "solid"},
  {support_network_of,  "support network of",  "gray30",        "solid"},
  {offshoot_of,         "offshoot of",         "gray30",        "dashed"},
  {part_of,             "part of",             "gray50",        "solid"},
  {allied_with,         "allied with",         "forestgreen",   "bold"},
  {rival_of,            "rival of",            "red3",          "bold"},
  {aligned_with,        "aligned with",        "forestgreen",   "dashed"},
  {parent_of,           "parent of",           "purple",        "solid"},
  {spouse_of,           "spouse of",           "purple",        "solid"},
  {sibling_of,          "sibling of",          "purple",        "solid"},
  {relative_of,         "relative of",         "purple",        "dashed"},
  {associate_of,        "associate of",        "steelblue",     "dashed"},
  {works_for,           "works for",           "steelblue",     "solid"},
  {official_of,         "official of",         "navy",          "solid"},
  {cooperates_with,     "cooperates with",     "navy",          "dashed"},
  {operates_in,         "operates in",         "darkgoldenrod", "dotted"},
  {contests,            "contests",            "orangered",     "dotted"},
  {located_in,          "located in",          "gray60",        "dotted"},
  {arrested_by,         "arrested by",         "navy",          "solid"},
  {charged_by,          "charged by",          "navy",          "dashed"},
  {sanctioned_by,       "sanctioned by",       "navy",          "dashed"},
  {pleaded_guilty_in,   "pleaded guilty in",   "navy",          "solid"},
  {convicted_by,        "convicted by",        "navy",          "solid"},
  {released_by,         "released by",         "navy",          "dotted"},
  {sought_by,           "sought by",           "navy",          "dotted"},
  {extradited_to,       "extradited to",       "navy",          "bold"},
  {imprisoned_in,       "imprisoned in",       "navy",          "solid"},
  {owns,                "owns",                "darkgreen",     "solid"},
  {officer_of,          "officer of",          "darkgreen",     "dashed"},
  {launders_for,        "launders money for",  "darkgreen",     "dashed"},
  {attacked,            "attacked",            "red3",          "solid"},
  {perpetrated,         "perpetrated",         "red3",          "dashed"},
  {target_of,           "was the target of",   "gray50",        "dashed"},
  {victim_of,           "was a victim of",     "gray50",        "dotted"},
  {organized,           "organized",           "gray30",        "dashed"},
  {attended,            "attended",            "gray40",        "dashed"},
  {investigated,        "investigated",        "navy",          "dashed"},
  {conducted,           "conducted",           "navy",          "dashed"},
  {occurred_in,         "occurred in",         "gray60",        "dotted"},
}};
// clang-format on

// Row i styles kind i: a missing or misplaced row stops the build.
constexpr bool covers_every_kind() {
  for (std::size_t i = 0; i < table.size(); ++i)
    if (static_cast<std::size_t>(table[i].kind) != i || table[i].label.empty()) return false;
  return true;
}
static_assert(covers_every_kind(), "kind_style.cpp must style every kind, in declaration order");

}  // namespace

std::span<const KindStyle> kind_styles() noexcept { return table; }

const KindStyle& kind_style(RelationKind kind) noexcept { return table[static_cast<std::size_t>(kind)]; }

std::string_view kind_label(RelationKind kind) noexcept { return kind_style(kind).label; }

}  // namespace cartelgraph

#include "cartelgraph/render/kind_style.hpp"

#include <array>

namespace cartelgraph {

namespace {

using enum RelationKind;

// Arrowheads: "normal" for a directed tie, "none" for a symmetric one; within a family, another
// head tells kinds apart (a parent's "dot", a sibling's "odot" at both ends, a leader's "diamond").
// clang-format off
constexpr std::array<KindStyle, relation_kind_count> table = {{
  // kind              label                  arrowhead
  {member_of,           "member of",           "normal"},
  {leads,               "leads",               "diamond"},
  {faction_of,          "faction of",          "empty"},
  {armed_wing_of,       "armed wing of",       "empty"},
  {support_network_of,  "support network of",  "empty"},
  {offshoot_of,         "offshoot of",         "onormal"},
  {part_of,             "part of",             "empty"},
  {allied_with,         "allied with",         "none"},
  {rival_of,            "rival of",            "none"},
  {aligned_with,        "aligned with",        "normal"},
  {parent_of,           "parent of",           "dot"},
  {spouse_of,           "spouse of",           "none", true},
  {sibling_of,          "sibling of",          "odot"},
  {relative_of,         "relative of",         "none"},
  {associate_of,        "associate of",        "none"},
  {works_for,           "works for",           "normal"},
  {official_of,         "official of",         "normal"},
  {cooperates_with,     "cooperates with",     "none"},
  {operates_in,         "operates in",         "normal"},
  {contests,            "contests",            "tee"},
  {located_in,          "located in",          "empty"},
  {arrested_by,         "arrested by",         "normal"},
  {charged_by,          "charged by",          "normal"},
  {sanctioned_by,       "sanctioned by",       "normal"},
  {pleaded_guilty_in,   "pleaded guilty in",   "normal"},
  {convicted_by,        "convicted by",        "normal"},
  {released_by,         "released by",         "onormal"},
  {sought_by,           "sought by",           "onormal"},
  {extradited_to,       "extradited to",       "normal"},
  {imprisoned_in,       "imprisoned in",       "normal"},
  {owns,                "owns",                "normal"},
  {officer_of,          "officer of",          "normal"},
  {launders_for,        "launders money for",  "normal"},
  {attacked,            "attacked",            "normal"},
  {perpetrated,         "perpetrated",         "normal"},
  {target_of,           "was the target of",   "normal"},
  {victim_of,           "was a victim of",     "normal"},
  {organized,           "organized",           "normal"},
  {attended,            "attended",            "normal"},
  {investigated,        "investigated",        "normal"},
  {conducted,           "conducted",           "normal"},
  {occurred_in,         "occurred in",         "empty"},
}};

// Okabe & Ito (2008), "Color Universal Design": black, bluish green, vermillion, reddish purple,
// sky blue, orange, blue; the context families (territory, events) in greys.
constexpr std::array<std::string_view, 9> family_colors = {
  "#000000", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#E69F00", "#0072B2", "#999999", "#666666"};
constexpr std::array<std::string_view, 9> family_labels = {
  "structure", "alliance", "hostility", "family", "association", "business", "state action",
  "territory", "events"};
// clang-format on

// Row i styles kind i: a missing or misplaced row stops the build.
constexpr bool covers_every_kind() {
  for (std::size_t i = 0; i < table.size(); ++i)
    if (static_cast<std::size_t>(table[i].kind) != i || table[i].label.empty() || table[i].arrowhead.empty())
      return false;
  return true;
}
static_assert(covers_every_kind(), "kind_style.cpp must style every kind, in declaration order");

}  // namespace

std::span<const KindStyle> kind_styles() noexcept { return table; }

const KindStyle& kind_style(RelationKind kind) noexcept { return table[static_cast<std::size_t>(kind)]; }

std::string_view kind_label(RelationKind kind) noexcept { return kind_style(kind).label; }

KindFamily kind_family(RelationKind kind) noexcept {
  const KindInfo& info = kind_info(kind);
  if (info.sign < 0) return KindFamily::hostility;
  switch (info.category) {
    case KindCategory::structure: return KindFamily::structure;
    case KindCategory::alignment: return KindFamily::alliance;
    case KindCategory::family: return KindFamily::family;
    case KindCategory::association: return KindFamily::association;
    case KindCategory::territory: return KindFamily::territory;
    case KindCategory::state_action: return KindFamily::state_action;
    case KindCategory::business: return KindFamily::business;
    case KindCategory::violence: return KindFamily::hostility;
    case KindCategory::events: return KindFamily::events;
  }
  return KindFamily::association;
}

std::string_view family_color(KindFamily family) noexcept { return family_colors[static_cast<std::size_t>(family)]; }

std::string_view family_label(KindFamily family) noexcept { return family_labels[static_cast<std::size_t>(family)]; }

std::string_view kind_color(RelationKind kind) noexcept { return family_color(kind_family(kind)); }

std::string_view confidence_dash(Confidence confidence) noexcept {
  switch (confidence) {
    case Confidence::confirmed: return "solid";
    case Confidence::reported: return "dashed";
    case Confidence::alleged: return "dotted";
    case Confidence::ungraded: return "dotted";  // and thin: confidence_width
  }
  return "dotted";
}

std::string_view confidence_width(Confidence confidence) noexcept {
  return confidence == Confidence::ungraded ? "0.5" : "1";
}

}  // namespace cartelgraph

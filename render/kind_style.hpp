#pragma once
// How each relation kind is shown: its English label, its diagram colour (one colour per kind
// family, from the Okabe–Ito palette) and its arrowhead. Confidence is shown by the dash pattern
// (confidence_dash), the same for every kind. What a kind means (direction, endpoint types,
// layer, sign) is graph/relation_kinds.hpp's.

#include <span>
#include <string_view>

#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/relation_kinds.hpp"

namespace cartelgraph {

/// One row of the presentation table.
struct KindStyle {
  RelationKind kind;
  std::string_view label;      // reads "from <label> to": "member of", "launders money for"
  std::string_view arrowhead;  // Graphviz arrowhead at the `to` end: tells kinds of one family apart
  bool double_line = false;    // drawn as two parallel lines (a marriage, as in genealogies)
};

/// The families edges are coloured by. The kind categories, except that rivalry joins violence
/// as hostility: friend and foe never share a colour.
enum class KindFamily : unsigned char {
  structure,
  alliance,
  hostility,
  family,
  association,
  business,
  state_action,
  territory,
  events
};

/// The whole table, indexed by RelationKind (one row for every kind, checked at compile time).
[[nodiscard]] std::span<const KindStyle> kind_styles() noexcept;
/// The row of `kind`. O(1).
[[nodiscard]] const KindStyle& kind_style(RelationKind kind) noexcept;
/// The English label of `kind` ("member of"). O(1).
[[nodiscard]] std::string_view kind_label(RelationKind kind) noexcept;
/// The family `kind` is coloured by. O(1).
[[nodiscard]] KindFamily kind_family(RelationKind kind) noexcept;
/// The family's colour, from the Okabe–Ito palette (distinct for colour-blind readers and in
/// print; the two context families are greys): "#0072B2". O(1).
[[nodiscard]] std::string_view family_color(KindFamily family) noexcept;
/// The family's name in a legend: "structure", "hostility", "state action". O(1).
[[nodiscard]] std::string_view family_label(KindFamily family) noexcept;
/// The colour of `kind`'s family. O(1).
[[nodiscard]] std::string_view kind_color(RelationKind kind) noexcept;
/// The Graphviz line style of a confidence, the same in every picture: confirmed "solid",
/// reported "dashed", alleged and ungraded "dotted" (ungraded thinner: confidence_width). O(1).
[[nodiscard]] std::string_view confidence_dash(Confidence confidence) noexcept;
/// The Graphviz pen width of a confidence: "1", ungraded "0.5" (faint dots, below alleged's;
/// Graphviz has no fourth dash pattern that SVG, PNG and PDF all draw). O(1).
[[nodiscard]] std::string_view confidence_width(Confidence confidence) noexcept;

}  // namespace cartelgraph

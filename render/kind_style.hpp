#pragma once
// How each relation kind is shown: its English label and its diagram colour and line style.
// What a kind means (direction, endpoint types, layer, sign) is graph/relation_kinds.hpp's.

#include <span>
#include <string_view>

#include "cartelgraph/graph/relation_kinds.hpp"

namespace cartelgraph {

/// One row of the presentation table.
struct KindStyle {
  RelationKind kind;
  std::string_view label;  // reads "from <label> to": "member of", "launders money for"
  std::string_view color;  // diagram edge colour (Graphviz colour name)
  std::string_view style;  // diagram edge style: solid, dashed, dotted, bold
};

/// The whole table, indexed by RelationKind (one row for every kind, checked at compile time).
[[nodiscard]] std::span<const KindStyle> kind_styles() noexcept;
/// The row of `kind`. O(1).
[[nodiscard]] const KindStyle& kind_style(RelationKind kind) noexcept;
/// The English label of `kind` ("member of"). O(1).
[[nodiscard]] std::string_view kind_label(RelationKind kind) noexcept;

}  // namespace cartelgraph

#pragma once
// What the exporters share: the order they write things in (entities: queries/summary.hpp's
// list_entities, by id), and small text conversions.
// Internal to the library: not installed.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/view.hpp"
#include "cartelgraph/queries/node_results.hpp"

namespace cartelgraph::detail {

/// The relations of `view`, sorted by (from, to, kind, since, until, known_by, ended_by, place), stable.
[[nodiscard]] std::vector<Edge> sorted_relations(const GraphView& view);
/// The graph's source records, sorted by id.
[[nodiscard]] std::vector<Source> sorted_sources(const KnowledgeGraph& graph);

/// The date's ISO text, or "" for none.
[[nodiscard]] std::string date_text(const std::optional<Date>& date);
/// A number as text that reads back to the same double (%.17g).
[[nodiscard]] std::string number_text(double value);
/// An entity's value in an analysis column (export --with): number_text for numbers, the label
/// else, "" when the analysis gives it none.
[[nodiscard]] std::string column_value(const NodeColumn& column, Vertex v);
/// "person" → "Person".
[[nodiscard]] std::string capitalized(std::string_view name);
/// "member_of" → "MEMBER_OF".
[[nodiscard]] std::string upper(std::string_view name);
/// Citations as one line of JSON, for formats that hold them in one text field.
[[nodiscard]] std::string citations_json(const std::vector<Citation>& citations);

}  // namespace cartelgraph::detail

#pragma once
// Facts of the graph in words, shared by the command line, diagrams and the dossier.

#include <string>
#include <string_view>

#include "cartelgraph/graph/relation.hpp"

namespace cartelgraph {

/// The relation's dates as text: "2021-03", "2019 to 2020", "? to 2020", "by 2021-03" (known to
/// hold by then, start unknown), "by 2021-03 to 2022" or "undated".
[[nodiscard]] std::string date_span(const Relation& relation);

/// A citation's support as it follows its section: "" for the document's text (the default),
/// "statement" for an official statement the document quotes, "title only" for a title in its
/// source list.
[[nodiscard]] std::string_view support_label(CitationSupport support) noexcept;

/// "news-monitor-2021-04 §Heading", then ", title only" or ", statement" when the support is not
/// the document's text: a citation without its note.
[[nodiscard]] std::string citation_place(const Citation& citation);

}  // namespace cartelgraph

#pragma once
// Facts of the graph in words, shared by the command line, diagrams and the dossier.

#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/relation.hpp"

namespace cartelgraph {

/// The relation's dates as text: "2021-03", "2019 to 2020", "? to 2020", "by 2021-03" (known to
/// hold by then, start unknown), "by 2021-03 to 2022", "ended by 2021-03" (known to have ended by
/// then, end unknown), "2005, ended by 2021-03" or "undated".
[[nodiscard]] std::string date_span(const Relation& relation);

/// A citation's support as it follows its section: "" for the document's text (the default),
/// "statement" for an official statement the document quotes, "title only" for a title in its
/// source list.
[[nodiscard]] std::string_view support_label(CitationSupport support) noexcept;

/// "news-monitor-2021-04 §Heading", then ", title only" or ", statement" when the support is not
/// the document's text: a citation without its note.
[[nodiscard]] std::string citation_place(const Citation& citation);

/// The name an entity is known by: its known_as ("El Mencho") when it has one, else its name.
[[nodiscard]] std::string_view display_name(const Entity& entity) noexcept;

/// `text` broken into lines of at most `width` characters (code points) at spaces; a word longer
/// than `width` stays whole on its own line. Empty text gives no lines. O(n).
[[nodiscard]] std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

/// The relation's dates as an edge shows them: "2018-05", "known 2021-03" (known to hold by then),
/// "until 2015-06",
/// "2010 until 2015-06"; "" when undated.
[[nodiscard]] std::string edge_dates(const Relation& relation);

}  // namespace cartelgraph

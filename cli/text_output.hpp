#pragma once
// Plain-text pieces shared by the commands: entities, relations and citations as one line each.

#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/knowledge_graph.hpp"
#include "cartelgraph/graph/visible_text.hpp"  // visible, for the commands that print other text
#include "cartelgraph/queries/timeline.hpp"
#include "cartelgraph/render/labels.hpp"  // date_span, citation_place, for the commands that print relations

namespace cartelgraph::cli {

// Every piece of text made here shows the data's control and bidi characters escaped
// (graph/visible_text.hpp's visible): no name or note acts on the terminal.

/// "Los Rusos [faction]".
[[nodiscard]] std::string entity_label(const KnowledgeGraph& graph, Vertex v);
/// `text` padded with spaces to `width` columns, counting code points, not bytes (names have
/// accents), and ignoring ANSI colour sequences.
[[nodiscard]] std::string pad(std::string_view text, std::size_t width);
/// "Los Salazar allied with Los Garibay (in Mexicali Valley) [reported]".
[[nodiscard]] std::string relation_sentence(const KnowledgeGraph& graph, Edge e);
/// "[news-monitor-2021-04 §Organized Crime Conflicts…] [other §…, title only]": the support
/// follows the section when it is not the document's text (render/labels.hpp's citation_place).
[[nodiscard]] std::string citation_list(const std::vector<Citation>& citations);
/// The relation's dates padded to `width` columns, then its sentence.
[[nodiscard]] std::string dated_relation(const KnowledgeGraph& graph, Edge e, std::size_t width);
/// Lines of text, each starting with `indent`: dated_relation at `width` columns, then one line
/// per citation with its note (where "only a headline supports this" is said).
[[nodiscard]] std::string cited_relation(const KnowledgeGraph& graph, Edge e, std::string_view indent,
                                         std::size_t width = 16);
/// How a timeline event's boundary reads in text: "began", "ended" or "known by".
[[nodiscard]] std::string_view boundary_words(TieBoundary boundary) noexcept;
/// "Los Chapitos, Los Salazar": the names of `vertices`, comma-separated.
[[nodiscard]] std::string name_list(const KnowledgeGraph& graph, const std::vector<Vertex>& vertices);

}  // namespace cartelgraph::cli

#pragma once
// Confidential sources: kept in the graph and in the analysis, never shown unless asked. Every
// output (text and JSON answers, report, render captions, every export) reads the graph the CLI
// hands it, so redacting the graph once, before any query, is the one place that decides what a
// reader sees: a confidential source becomes a placeholder, and the citations that name it point
// at the placeholder, so that nothing dangles.

#include <string_view>

#include "cartelgraph/graph/knowledge_graph.hpp"

namespace cartelgraph {

/// The title a confidential source is shown with.
inline constexpr std::string_view confidential_title = "confidential source";

/// True if some source of `graph` is confidential. O(sources).
[[nodiscard]] bool has_confidential(const KnowledgeGraph& graph) noexcept;

/// `graph` with every confidential source replaced by a placeholder: id `confidential-N` (N
/// counts them from 1 in source order), title "confidential source", its kind kept, no author,
/// publisher, date, URL or document, still marked confidential. Citations of it name the
/// placeholder, with section "confidential" (a section may quote the title); their notes stay
/// (they are the fact's own words). Entities, relations, storylines and the analysis are
/// unchanged. O(V + E + citations) when there is a confidential source; a plain copy otherwise.
/// Throws std::bad_alloc.
[[nodiscard]] KnowledgeGraph redact_confidential(const KnowledgeGraph& graph);

}  // namespace cartelgraph

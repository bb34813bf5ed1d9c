#pragma once
// Entity resolution: from what a user typed to one entity, several, or suggestions.

#include <string_view>
#include <vector>

#include "cartelgraph/graph/knowledge_graph.hpp"

namespace cartelgraph {

/// The outcome of resolving a user's text to an entity.
struct Resolution {
  enum class Status { found, ambiguous, unknown };
  Status status = Status::unknown;
  /// found: the one entity; ambiguous: every entity the text names; unknown: the closest
  /// names, best first (possibly none).
  std::vector<Vertex> entities;
};

/// Resolves `text` as an id, then as a name or alias compared by normalize_name() (case and
/// accents ignored). When nothing matches, suggests up to `max_suggestions` entities whose
/// names or aliases are closest by edit distance or contain the text.
[[nodiscard]] Resolution resolve_entity(const KnowledgeGraph& graph, std::string_view text,
                                        std::size_t max_suggestions = 5);

}  // namespace cartelgraph

#pragma once
// Entity resolution and search: from what a user typed to one entity, several, or suggestions.

#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/knowledge_graph.hpp"

namespace cartelgraph {

/// One search hit: an entity and how well its best name or alias matches, in [0, 1].
struct SearchMatch {
  Vertex entity;
  double score = 0;
  std::string matched;  // the normalized name or alias that matched best
};

/// The score below which a search match is noise rather than a lead: an edit-distance match
/// scores 0.6 × (1 − distance / length), so 0.4 keeps names within a third of their letters.
inline constexpr double relevance_floor = 0.4;

/// Names and aliases ranked against `text`, compared by normalize_name() (case, accents and
/// punctuation ignored): 1 for the same key, 0.9 when a key starts with the text, 0.8 when every
/// word of the text is a word of a key, 0.7 when a key contains it, else up to 0.6 by edit
/// distance. Best first, equal scores in load order; at most `limit`, none below `min_score`;
/// none for a text with nothing left to compare once normalized ("", "  ", "--").
/// Throws Error (usage) if `text` is not valid UTF-8. O(K · |text| · |key|) for K keys.
[[nodiscard]] std::vector<SearchMatch> search_entities(const KnowledgeGraph& graph, std::string_view text,
                                                       std::size_t limit = 10, double min_score = relevance_floor);

/// The outcome of resolving a user's text to an entity.
struct Resolution {
  enum class Status { found, ambiguous, unknown };
  Status status = Status::unknown;
  /// found: the one entity; ambiguous: every entity the text names; unknown: the closest
  /// names, best first.
  std::vector<Vertex> entities;
};

/// Resolves `text`: an exact id; else a name or alias with the same key; else a unique prefix
/// or word match (several make it ambiguous); else unknown, with up to `max_suggestions`
/// suggestions from search_entities. Throws Error (usage) if `text` is not valid UTF-8.
[[nodiscard]] Resolution resolve_entity(const KnowledgeGraph& graph, std::string_view text,
                                        std::size_t max_suggestions = 5);

}  // namespace cartelgraph

#pragma once
// An overview of a view: how many of what, from which sources, over which dates.

#include <cstddef>
#include <map>
#include <optional>
#include <vector>

#include "cartelgraph/graph/view.hpp"

namespace cartelgraph {

/// Counts of a view's entities and relations, and the span of its dates.
struct GraphSummary {
  std::size_t entities = 0;
  std::size_t relations = 0;
  std::size_t sources = 0;                      // source documents of the graph
  std::map<EntityType, std::size_t> by_type;    // entity count per type (types present only)
  std::map<RelationKind, std::size_t> by_kind;  // relation count per kind (kinds present only)
  std::size_t undated = 0;                      // relations with no since, until or known_by
  std::optional<Date> earliest;                 // earliest `since` or `until` of a relation
  std::optional<Date> latest;                   // latest `since` or `until` of a relation
};

/// Summarizes the entities and relations `view` keeps. O(V + E).
[[nodiscard]] GraphSummary summarize(const GraphView& view);

/// The entities of `view` whose type is in `types`, sorted by id. O(V log V).
[[nodiscard]] std::vector<Vertex> list_entities(const GraphView& view, TypeSet types);

}  // namespace cartelgraph

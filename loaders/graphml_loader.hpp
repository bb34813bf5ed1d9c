#pragma once
// GraphML in: ours, or written by NetworkX, igraph, Gephi or yEd.

#include "cartelgraph/loaders/fact_loader.hpp"

namespace cartelgraph {

/// What to assume where a GraphML file lacks cartelgraph's attributes.
struct GraphmlOptions {
  EntityType default_type = EntityType::person;
  RelationKind default_kind = RelationKind::associate_of;
  /// File size, nodes (entities), edges (relations) and element nesting allowed.
  LoadLimits limits;
};

/// Loads one GraphML document. Attributes named as cartelgraph writes them (type, name, aliases,
/// description, sources, storyline; kind, since, until, place, weight, confidence, sources) map
/// onto the model; a node without `name` takes its `label`, else its id; node ids are kept as
/// entity ids, and edge weights are kept. Every problem (XML syntax, unknown ids, types, kinds,
/// endpoint types, dates, confidences, source ids) is reported with its line and column; the
/// graph is built only if there is none. Entity declarations (a DTD's `<!ENTITY …>`) are
/// refused: GraphML needs none, and their expansion is the classic way to exhaust memory.
[[nodiscard]] LoadResult load_graphml(const FactFile& file, const GraphmlOptions& options = {});

}  // namespace cartelgraph

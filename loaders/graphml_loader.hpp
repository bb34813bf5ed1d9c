#pragma once
// GraphML in: ours, or written by NetworkX, igraph, Gephi or yEd.

#include "cartelgraph/loaders/fact_loader.hpp"
#include "cartelgraph/loaders/load.hpp"

namespace cartelgraph {

/// What to assume where a GraphML file lacks cartelgraph's attributes (default_type,
/// default_kind), and the file size, nodes, edges and element nesting allowed (limits).
using GraphmlOptions = LoadOptions;

/// Loads one GraphML document. Attributes named as cartelgraph writes them (type, name, known_as,
/// aliases, description, sources, storyline; kind, since, until, known_by, place, weight,
/// confidence, sources, each citation with its support) map
/// onto the model; a node without `name` takes its `label`, else its id; node ids are kept as
/// entity ids, and edge weights are kept. Every problem (XML syntax, unknown ids, types, kinds,
/// dates, confidences, source ids, and the relation checks of loaders/relation_checks.hpp) is
/// reported with its line and column; the graph is built only if there is none. A file that
/// declares the edge attribute `kind` is held to the fact-file rules (the same tie twice is
/// refused); one without is imported data, whose parallel edges are merged with a note.
/// Entity declarations (a DTD's `<!ENTITY …>`) are refused: GraphML needs none, and their
/// expansion is the classic way to exhaust memory.
/// As in fact files, a control character (C0, DEL, C1) in a node id, source id, name, known_as
/// or label is a problem, and a control, bidi or zero-width character in an alias, description,
/// source title or citation note (or a bidi or zero-width one in a name) is a warning, located
/// at its <data> element (graph/visible_text.hpp).
[[nodiscard]] LoadResult load_graphml(const FactFile& file, const GraphmlOptions& options = {});

}  // namespace cartelgraph

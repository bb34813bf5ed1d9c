#pragma once
// GEXF in: ours (exporters/exports.hpp's export_gexf), or GEXF 1.2 and 1.3 as Gephi writes them.

#include "cartelgraph/loaders/fact_loader.hpp"
#include "cartelgraph/loaders/load.hpp"

namespace cartelgraph {

/// Loads one GEXF document (1.1, 1.2 or 1.3; the namespace is not checked). Nodes are entities:
/// id kept, `label` as name (else the id), node attributes titled as cartelgraph writes them
/// (type, known_as, aliases, description, sources, storyline) read, others ignored; a node
/// without `type` is options.default_type. Edges are relations: the edge's `kind` (else
/// options.default_kind; an imported kind outside the vocabulary is kept as the label), `label`,
/// `weight`, the attributes confidence (else `ungraded`), place, sources, storyline, known_by,
/// and the time: each spell (a `<spell>`, or the edge's own start/end/timestamp) is one
/// relation, its start the since and its end the until (or the ended_by when the attribute
/// `end_is` says so), cut to the precision the attributes `start_precision` and `end_precision`
/// give (day when absent). A time that is not a date (timeformat double or integer) is left out
/// with a note. The meta description, when it is a JSON array, holds the source records.
/// A file that declares the edge attribute `storyline` is our model (the same tie twice is
/// refused); others are imported (parallel ties merged with a note). Every problem is located;
/// the graph is built only if there is none. Entity declarations are refused. May throw
/// std::bad_alloc.
[[nodiscard]] LoadResult load_gexf(const FactFile& file, const LoadOptions& options = {});

}  // namespace cartelgraph

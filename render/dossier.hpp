#pragma once
// The HTML dossier: one self-contained file with diagrams, rankings, factions and entity cards.

#include <string>
#include <string_view>

#include "cartelgraph/graph/view.hpp"
#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/render/escape.hpp"

namespace cartelgraph {

/// A complete HTML document about `view`: an overview diagram, one diagram per storyline, the
/// factions and balance summary, the top entities by betweenness and degree, an entity card for
/// every entity (anchor "entity-ID", linked from the diagrams) and the source list. No external
/// URL: styles and SVG are inline. The rankings are computed as `analysis` says (threads, and
/// sampling of betweenness). Throws RenderError if Graphviz fails.
[[nodiscard]] std::string render_dossier(const GraphView& view, const CentralityOptions& analysis = {});

}  // namespace cartelgraph

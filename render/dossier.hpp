#pragma once
// The HTML dossier: one self-contained file with diagrams, rankings, factions and entity cards.

#include <string>
#include <string_view>

#include "cartelgraph/graph/view.hpp"
#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/render/escape.hpp"

namespace cartelgraph {

/// A complete HTML document about `view` for readers: key findings (the sides of each conflict,
/// the criminal network's top brokers, what changed in the last six dated months, each linked to
/// entity cards and numbered sources), an overview of the criminal network's central figures,
/// each storyline (split into an overview and details around its hubs when too large to read
/// whole), factions, the top of each ranking, entity cards (every entity up to 2,000; above, the
/// entities the dossier names) and the sources by title, outlet, author and date. Each diagram is
/// sized so that its smallest text is at least 10.5 CSS px in a 1280 px window. No external URL:
/// styles and SVG are inline. The rankings are computed as `analysis` says; with no sample size
/// given, betweenness of a criminal network above 5,000 entities is sampled from 1,000 sources
/// and its error bound stated. Throws RenderError if Graphviz fails.
[[nodiscard]] std::string render_dossier(const GraphView& view, const CentralityOptions& analysis = {});

}  // namespace cartelgraph

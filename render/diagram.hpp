#pragma once
// Diagrams: what to draw (a DiagramSpec, chosen from a view) and drawing it with Graphviz.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/graph/projection.hpp"
#include "cartelgraph/queries/connecting.hpp"
#include "cartelgraph/queries/factions.hpp"
#include "cartelgraph/render/caption.hpp"

namespace cartelgraph {

/// Output formats, named by file extension.
enum class DiagramFormat { dot, svg, png, pdf };

/// The format of a file name ending .dot, .svg, .png or .pdf, or nullopt.
[[nodiscard]] std::optional<DiagramFormat> format_for_path(const std::filesystem::path& path);

/// One side of a conflict as a diagram draws it: its entities, filled in its colour and placed
/// together, apart from the other side.
struct DiagramCamp {
  std::string name;  // "Los Chapitos' side"
  std::vector<Vertex> entities;
};

/// What a diagram shows and how. Nodes read as the name an entity is known by, with its legal
/// name beneath; parallel ties between two entities are drawn as one edge.
struct DiagramSpec {
  std::string title;
  std::vector<Vertex> entities;
  std::vector<Edge> relations;              // between entities of the spec
  std::vector<Edge> highlighted;            // drawn bold (a path), a subset of relations
  std::string highlight_note = "the path";  // what the legend calls the bold ties
  bool cluster = false;                     // draw members inside their organization
  bool legend = true;                       // a legend of what the picture shows, under it
  // Every node links to LINK_BASE#entity-ID: its card in the dossier `report` writes (by default
  // dossier.html beside the picture); "" links to the card on the same page (the dossier's figures).
  std::string link_base = "dossier.html";
  bool caption = true;             // the view, sources, data and date under the picture
  Caption notes;                   // what the caption says besides the sources
  std::vector<DiagramCamp> camps;  // with --sides: entities coloured and placed by camp
  double dpi = 0;                  // PNG resolution in dots per inch; 0: 150
  bool fit = true;                 // keep the picture within 16:9 (wider is relaid out or stretched)
};

/// Every entity and relation of the view.
[[nodiscard]] DiagramSpec whole_view(const GraphView& view);
/// The ego network of `center` to `depth` hops in the criminal network (people, groups,
/// businesses), plus the centre's own state actions and events; with `context`, every layer of
/// the view (territory, others' state actions). A centre outside the criminal layer (a place, an
/// agency) is drawn with its context.
[[nodiscard]] DiagramSpec focus_view(const GraphView& view, Vertex center, std::size_t depth, bool context = false);
/// The shortest path between two entities, highlighted among their direct neighbours; nullopt
/// when no path connects them.
[[nodiscard]] std::optional<DiagramSpec> path_view(const GraphView& view, const Projection& projection, Vertex from,
                                                   Vertex to);
/// The connecting network `tree` of `network` (queries/connecting.hpp): its ties' relations in
/// bold, with the other relations among its entities drawn plainly.
[[nodiscard]] DiagramSpec connect_view(const Network& network, const ConnectingNetwork& tree);
/// The relations a fact file states, with their ends; its territory ties only with `context`.
[[nodiscard]] DiagramSpec storyline_view(const GraphView& view, std::string_view storyline, bool context = false);

/// Sets `spec.camps` from the sides of the conflict of `view` (factions(view)) that shares the
/// most groups with the spec: each camp's groups and people that the spec draws. Leaves the spec
/// without camps when no conflict touches it. Each camp is named after its principal ("Side of
/// Los Chapitos"): of its drawn groups that follow no other group of the camp (by aligned_with or
/// a hierarchy tie such as faction_of), the one with the most hostile ties to the other camp,
/// then the most ties in the view, then the first by name. Returns the number of camps set (0 or 2).
std::size_t assign_sides(DiagramSpec& spec, const GraphView& view);
/// assign_sides with the conflicts of `view` already found (`report` = factions(view)): what a
/// caller drawing several specs of one view uses, finding them once.
std::size_t assign_sides(DiagramSpec& spec, const GraphView& view, const FactionReport& report);

/// `dot` up to 300 entities, `sfdp` above.
[[nodiscard]] std::string default_layout(const DiagramSpec& spec);

/// Thrown when Graphviz cannot lay out or render a diagram.
class RenderError : public Error {
 public:
  explicit RenderError(const std::string& message) : Error(ErrorCategory::no_result, message) {}
};

/// Draws `spec` with Graphviz: cgraph builds the graph (it quotes and escapes every name), gvc
/// lays it out with `layout` (dot, neato, fdp, sfdp, …) and renders `format`. With `layout`
/// "none" and the dot format, the DOT is written without positions. Throws RenderError (also when
/// Graphviz, opened with dlopen on the first call, is not installed).
/// Not thread-safe: Graphviz keeps global state.
[[nodiscard]] std::string render_diagram(const KnowledgeGraph& graph, const DiagramSpec& spec, DiagramFormat format,
                                         std::string_view layout);

}  // namespace cartelgraph

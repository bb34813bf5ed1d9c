#pragma once
// Diagrams: what to draw (a DiagramSpec, chosen from a view) and drawing it with Graphviz.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/graph/projection.hpp"

namespace cartelgraph {

/// Output formats, named by file extension.
enum class DiagramFormat { dot, svg, png, pdf };

/// The format of a file name ending .dot, .svg, .png or .pdf, or nullopt.
[[nodiscard]] std::optional<DiagramFormat> format_for_path(const std::filesystem::path& path);

/// What a diagram shows and how.
struct DiagramSpec {
  std::string title;
  std::vector<Vertex> entities;
  std::vector<Edge> relations;    // between entities of the spec
  std::vector<Edge> highlighted;  // drawn bold (a path), a subset of relations
  bool cluster = false;           // draw members inside their organization
  bool legend = true;             // a legend of the types and kinds shown
  bool links = false;             // nodes link to "#entity-ID" (for the HTML dossier)
};

/// Every entity and relation of the view.
[[nodiscard]] DiagramSpec whole_view(const GraphView& view);
/// The ego network of `center` to `depth` hops.
[[nodiscard]] DiagramSpec focus_view(const GraphView& view, const Projection& projection, Vertex center,
                                     std::size_t depth);
/// The shortest path between two entities, highlighted among their direct neighbours; nullopt
/// when no path connects them.
[[nodiscard]] std::optional<DiagramSpec> path_view(const GraphView& view, const Projection& projection,
                                                   Vertex from, Vertex to);
/// The relations a fact file states, with their ends.
[[nodiscard]] DiagramSpec storyline_view(const GraphView& view, std::string_view storyline);

/// `dot` up to 300 entities, `sfdp` above.
[[nodiscard]] std::string default_layout(const DiagramSpec& spec);

/// Thrown when Graphviz cannot lay out or render a diagram.
class RenderError : public Error {
 public:
  explicit RenderError(const std::string& message) : Error(ErrorCategory::no_result, message) {}
};

/// Draws `spec` with Graphviz: cgraph builds the graph (it quotes and escapes every name), gvc
/// lays it out with `layout` (dot, neato, fdp, sfdp, …) and renders `format`. With `layout`
/// "none" and the dot format, the DOT is written without positions. Throws RenderError.
/// Not thread-safe: Graphviz keeps global state.
[[nodiscard]] std::string render_diagram(const KnowledgeGraph& graph, const DiagramSpec& spec,
                                         DiagramFormat format, std::string_view layout);

}  // namespace cartelgraph

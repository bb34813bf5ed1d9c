#pragma once
// The pieces of the HTML dossier (render/dossier*.cpp): links to entity cards and numbered
// sources, figures sized for the page, and the key findings. Internal to the library.

#include <functional>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/view.hpp"
#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/factions.hpp"
#include "cartelgraph/render/diagram.hpp"

namespace cartelgraph::dossier {

/// The name an entity is known by: its known_as, else its name.
[[nodiscard]] std::string_view known_name(const Entity& entity) noexcept;

/// Links to entity cards and sources. While open, every entity linked gets a card (it is
/// recorded); once closed (cards are being written), an entity without a card is named, not
/// linked, so that no link dangles.
class Links {
 public:
  explicit Links(const KnowledgeGraph& graph);

  [[nodiscard]] const KnowledgeGraph& graph() const noexcept { return *graph_; }
  /// Records that `v` has a card (while open). O(1).
  void add_card(Vertex v);
  /// Stops recording: from now on only the entities recorded are linked.
  void close() noexcept { open_ = false; }
  [[nodiscard]] bool has_card(Vertex v) const { return v < carded_.size() && carded_[v]; }
  /// The entities with a card, in vertex order.
  [[nodiscard]] std::vector<Vertex> carded() const;
  /// `<a href="#entity-ID">known name</a>` (the name alone when closed and `v` has no card).
  [[nodiscard]] std::string entity(Vertex v);
  /// Entities as links joined by ", " and a final " and "; past `most`, "and N more".
  [[nodiscard]] std::string entities(std::span<const Vertex> vertices, std::size_t most = 25);
  /// The number of source `id` in the source list (1-based), 0 when unknown.
  [[nodiscard]] std::size_t number(std::string_view id) const;
  /// " [1, 4]": links to the sources the citations name, each titled by its source's title;
  /// empty without citations.
  [[nodiscard]] std::string sources(const std::vector<Citation>& citations) const;
  /// The sources cited by `relations`, as sources() writes them.
  [[nodiscard]] std::string relation_sources(std::span<const Edge> relations) const;

 private:
  const KnowledgeGraph* graph_;
  std::vector<bool> carded_;
  bool open_ = true;
};

/// Page geometry the figures are sized for: the dossier's text column at a 1280 px window.
inline constexpr double page_width_px = 1120;
/// The smallest text a figure is drawn with, in CSS px, where the page is wide enough.
inline constexpr double legible_px = 10.5;
/// The smallest text of a figure that could not be legible_px at page width (the browser test
/// requires 9).
inline constexpr double smallest_px = 9.25;

/// A spec and its SVG, drawn once by `dot` with nodes linked to their cards: what is measured to
/// size a figure is what the page shows.
struct Drawing {
  DiagramSpec spec;
  std::string svg;
};

/// `spec` drawn for the page (no title or caption in the picture; linked nodes). Throws RenderError.
[[nodiscard]] Drawing draw(const KnowledgeGraph& graph, DiagramSpec spec);

/// One drawing as a <figure>, its SVG sized to fit page_width_px with its smallest text at least
/// legible_px where that allows, else at least smallest_px; small diagrams not blown up. Its
/// nodes' cards are recorded in `links`.
[[nodiscard]] std::string figure(Links& links, const Drawing& drawing, std::string_view caption);

/// The figures of `spec`: one figure when it is small enough to read whole at page width, else
/// an overview of its most connected entities and details: one per side when the spec shows a
/// conflict of `view` (assign_sides, `conflicts` being factions(view)) with two entities or more
/// on each side, coloured by side;
/// else one around each of the most connected few. `what` names the whole in captions
/// ("storyline"). Throws RenderError.
[[nodiscard]] std::string figures(Links& links, const GraphView& view, const FactionReport& conflicts,
                                  const DiagramSpec& spec, std::string_view what);

/// The drawing of the spec `make` builds for the first of `sizes` (largest first) that reads
/// whole at page width (smallest text legible_px), else for the last size. Draws each try once.
/// Throws RenderError.
[[nodiscard]] Drawing largest_fitting(const KnowledgeGraph& graph, std::initializer_list<std::size_t> sizes,
                                      const std::function<DiagramSpec(std::size_t)>& make);

/// `spec` kept to `vertices` and the relations among them. O(E log V).
[[nodiscard]] DiagramSpec restrict_spec(const KnowledgeGraph& graph, const DiagramSpec& spec,
                                        std::vector<Vertex> vertices);

/// The key-findings section: the sides of each conflict, the top brokers of the criminal
/// network and what changed in the last six dated months, each linked to cards and sources.
[[nodiscard]] std::string key_findings(const GraphView& view, const FactionReport& factions,
                                       const CentralityScores& brokers, Links& links);

}  // namespace cartelgraph::dossier

// What a diagram draws: the entities and relations of each view (whole, focus, path, storyline)
// and the camps of --sides.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "cartelgraph/queries/factions.hpp"
#include "cartelgraph/queries/neighborhood.hpp"
#include "cartelgraph/queries/network.hpp"
#include "cartelgraph/queries/paths.hpp"
#include "cartelgraph/render/diagram.hpp"
#include "cartelgraph/render/labels.hpp"

namespace cartelgraph {

namespace {

bool is_context(RelationKind kind) { return kind_info(kind).layer == Layer::territory; }

// The centre's own relations of the state and events layers (its arrests, sanctions, the events it
// took part in), with their other ends, added to `spec`.
void add_own_acts(DiagramSpec& spec, const GraphView& view, Vertex center) {
  const FilteredGraph g = view.graph();
  std::set<Vertex> inside(spec.entities.begin(), spec.entities.end());
  const auto add = [&](Edge e, Vertex other) {
    const Layer layer = kind_info(view.knowledge_graph().relation(e).kind).layer;
    if (layer != Layer::state && layer != Layer::events) return;
    spec.relations.push_back(e);
    if (inside.insert(other).second) spec.entities.push_back(other);
  };
  for (const Edge e : boost::make_iterator_range(boost::out_edges(center, g))) add(e, boost::target(e, g));
  for (const Edge e : boost::make_iterator_range(boost::in_edges(center, g))) add(e, boost::source(e, g));
}

DiagramSpec from_neighborhood(const Neighborhood& hood) {
  DiagramSpec spec;
  for (const auto& item : hood.entities) spec.entities.push_back(item.entity);
  spec.relations = hood.relations;
  return spec;
}

}  // namespace

DiagramSpec whole_view(const GraphView& view) {
  DiagramSpec spec;
  spec.title = "The whole network";
  const FilteredGraph g = view.graph();
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) spec.entities.push_back(v);
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) spec.relations.push_back(e);
  return spec;
}

DiagramSpec focus_view(const GraphView& view, const Projection& projection, Vertex center, std::size_t depth,
                       bool context) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  DiagramSpec spec;
  if (context || layer_of(kg.entity(center).type) != Layer::criminal) {
    spec = from_neighborhood(neighborhood(view, projection, center, depth));
  } else {
    const GraphView criminal(kg, network_filter(view.filter(), NetworkKind::criminal));
    spec = from_neighborhood(neighborhood(criminal, Projection::build(criminal), center, depth));
    if (view.contains(center)) add_own_acts(spec, view, center);
  }
  spec.title = std::string(display_name(kg.entity(center))) + ": ties within " + std::to_string(depth) +
               (depth == 1 ? " step" : " steps");
  return spec;
}

std::optional<DiagramSpec> path_view(const GraphView& view, const Projection& projection, Vertex from, Vertex to) {
  const auto paths = find_paths(view, projection, from, to);
  if (paths.empty()) return std::nullopt;
  const KnowledgeGraph& kg = view.knowledge_graph();
  std::set<Vertex> inside(paths[0].entities.begin(), paths[0].entities.end());
  for (const Vertex v : paths[0].entities)
    if (const auto node = projection.node(v))
      for (const auto neighbor : projection.neighbors(Projection::index(*node)))
        inside.insert(projection.entity(Projection::id(neighbor)));
  DiagramSpec spec;
  spec.title = "From " + std::string(display_name(kg.entity(from))) + " to " + std::string(display_name(kg.entity(to)));
  spec.entities.assign(inside.begin(), inside.end());
  const FilteredGraph g = view.graph();
  for (const Edge e : boost::make_iterator_range(boost::edges(g)))
    if (inside.contains(boost::source(e, g)) && inside.contains(boost::target(e, g))) spec.relations.push_back(e);
  for (const auto& hop : paths[0].hops)
    spec.highlighted.insert(spec.highlighted.end(), hop.relations.begin(), hop.relations.end());
  return spec;
}

DiagramSpec storyline_view(const GraphView& view, std::string_view storyline, bool context) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  DiagramSpec spec;
  spec.title = std::string(storyline);
  for (const auto& s : kg.storylines())
    if (s.id == storyline) spec.title = s.title;
  std::set<Vertex> inside;
  const FilteredGraph g = view.graph();
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Relation& relation = kg.relation(e);
    if (relation.storyline != storyline || (!context && is_context(relation.kind))) continue;
    spec.relations.push_back(e);
    inside.insert(boost::source(e, g));
    inside.insert(boost::target(e, g));
  }
  spec.entities.assign(inside.begin(), inside.end());
  return spec;
}

namespace {

// The group a camp is named after: of its groups the spec draws, the one with the most drawn ties.
std::optional<Vertex> camp_namesake(const KnowledgeGraph& kg, const DiagramSpec& spec,
                                    const std::vector<Vertex>& camp) {
  std::map<Vertex, std::size_t> ties;
  for (const Edge e : spec.relations) {
    ++ties[boost::source(e, kg.graph())];
    ++ties[boost::target(e, kg.graph())];
  }
  std::optional<Vertex> best;
  for (const Vertex v : camp) {
    const EntityType type = kg.entity(v).type;
    if ((type == EntityType::organization || type == EntityType::faction) && (!best || ties[v] > ties[*best])) best = v;
  }
  return best;
}

}  // namespace

std::size_t assign_sides(DiagramSpec& spec, const GraphView& view) {
  spec.camps.clear();
  const std::set<Vertex> drawn(spec.entities.begin(), spec.entities.end());
  const FactionReport report = factions(view);
  const Conflict* best = nullptr;
  std::size_t best_shared = 0;
  for (const auto& conflict : report.conflicts) {
    const auto shared = static_cast<std::size_t>(
        std::ranges::count_if(conflict.groups, [&](Vertex v) { return drawn.contains(v); }));
    if (shared > best_shared) best = &conflict, best_shared = shared;
  }
  if (!best) return 0;
  const KnowledgeGraph& kg = view.knowledge_graph();
  std::set<Vertex> placed;  // a person in both camps is drawn in the first
  for (const Camp& camp : best->camps) {
    DiagramCamp side;
    for (const auto* members : {&camp.groups, &camp.people})
      for (const Vertex v : *members)
        if (drawn.contains(v) && placed.insert(v).second) side.entities.push_back(v);
    const auto namesake = camp_namesake(kg, spec, side.entities);
    side.name = namesake ? "Side of " + std::string(display_name(kg.entity(*namesake))) : "A side";
    spec.camps.push_back(std::move(side));
  }
  return spec.camps.size();
}

}  // namespace cartelgraph

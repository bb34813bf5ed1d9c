// What a diagram draws: the entities and relations of each view (whole, focus, path, storyline)
// and the camps of --sides.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

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

DiagramSpec focus_view(const GraphView& view, Vertex center, std::size_t depth, bool context) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  DiagramSpec spec;
  if (context || layer_of(kg.entity(center).type) != Layer::criminal) {
    spec = from_neighborhood(neighborhood(view, center, depth));
  } else {
    const GraphView criminal(kg, network_filter(view.filter(), NetworkKind::criminal));
    spec = from_neighborhood(neighborhood(criminal, center, depth));
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

DiagramSpec connect_view(const Network& network, const ConnectingNetwork& tree) {
  const KnowledgeGraph& kg = network.view().knowledge_graph();
  DiagramSpec spec;
  spec.title = "Connecting ";
  for (std::size_t i = 0; i < tree.terminals.size(); ++i)
    spec.title += std::string(i == 0                           ? ""
                              : i + 1 == tree.terminals.size() ? " and "
                                                               : ", ") +
                  std::string(display_name(kg.entity(tree.terminals[i])));
  std::set<Vertex> inside(tree.entities.begin(), tree.entities.end());
  std::set<Edge> bold;
  const FilteredGraph g = network.view().graph();
  for (const auto& [a, b] : tree.ties)
    for (const Edge e : network.tie_relations(a, b)) {  // a people tie's memberships bring their group
      bold.insert(e);
      inside.insert(boost::source(e, g));
      inside.insert(boost::target(e, g));
    }
  spec.entities.assign(inside.begin(), inside.end());
  for (const Edge e : boost::make_iterator_range(boost::edges(g)))
    if (inside.contains(boost::source(e, g)) && inside.contains(boost::target(e, g))) spec.relations.push_back(e);
  spec.highlighted.assign(bold.begin(), bold.end());
  spec.highlight_note = "the connecting network";
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

bool is_group(const Entity& entity) {
  return entity.type == EntityType::organization || entity.type == EntityType::faction;
}

// Whether `kind` puts its `from` end under or behind its `to` end: an alignment with a direction
// (aligned_with) or a hierarchy tie that keeps a group inside another (faction_of, armed_wing_of).
bool follows(RelationKind kind) {
  const KindInfo& info = kind_info(kind);
  return !info.symmetric && (info.sign > 0 || stays_inside(kind));
}

// The group a camp is named after, its principal: of the camp's drawn groups that follow no other
// group of the camp (no aligned_with or faction_of tie to one), the one with the most hostile
// ties to the other camp in the view; ties broken by its number of ties in the view, then name.
std::optional<Vertex> camp_principal(const GraphView& view, const DiagramSpec& spec, const Camp& camp,
                                     const Camp& other) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const std::set<Vertex> drawn(spec.entities.begin(), spec.entities.end());
  std::set<Vertex> own(camp.groups.begin(), camp.groups.end()), enemy(other.groups.begin(), other.groups.end());
  own.insert(camp.people.begin(), camp.people.end());
  enemy.insert(other.people.begin(), other.people.end());
  struct Score {
    bool follower = false;
    std::size_t hostile = 0;
    std::size_t degree = 0;
  };
  std::map<Vertex, Score> score;
  const FilteredGraph g = view.graph();
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex s = boost::source(e, g), t = boost::target(e, g);
    const RelationKind kind = kg.relation(e).kind;
    ++score[s].degree, ++score[t].degree;
    if (kind_info(kind).sign < 0) {
      if (own.contains(s) && enemy.contains(t)) ++score[s].hostile;
      if (own.contains(t) && enemy.contains(s)) ++score[t].hostile;
    }
    if (follows(kind) && own.contains(s) && own.contains(t) && is_group(kg.entity(s)) && is_group(kg.entity(t)))
      score[s].follower = true;
  }
  std::optional<Vertex> best;
  const auto key = [&](Vertex v) {
    const Score& s = score[v];
    return std::tuple(!s.follower, s.hostile, s.degree);
  };
  for (const Vertex v : camp.groups) {
    if (!drawn.contains(v)) continue;
    if (!best || key(v) > key(*best) || (key(v) == key(*best) && kg.entity(v).name < kg.entity(*best).name)) best = v;
  }
  return best;
}

}  // namespace

std::size_t assign_sides(DiagramSpec& spec, const GraphView& view) { return assign_sides(spec, view, factions(view)); }

std::size_t assign_sides(DiagramSpec& spec, const GraphView& view, const FactionReport& report) {
  spec.camps.clear();
  const std::set<Vertex> drawn(spec.entities.begin(), spec.entities.end());
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
  for (std::size_t i = 0; i < best->camps.size(); ++i) {
    const Camp& camp = best->camps[i];
    DiagramCamp side;
    for (const auto* members : {&camp.groups, &camp.people})
      for (const Vertex v : *members)
        if (drawn.contains(v) && placed.insert(v).second) side.entities.push_back(v);
    const auto principal = camp_principal(view, spec, camp, best->camps[1 - i]);
    side.name = principal ? "Side of " + std::string(display_name(kg.entity(*principal))) : "A side";
    spec.camps.push_back(std::move(side));
  }
  return spec.camps.size();
}

}  // namespace cartelgraph

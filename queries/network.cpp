#include "cartelgraph/queries/network.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "cartelgraph/queries/entity_card.hpp"
#include "cartelgraph/queries/tie_strength.hpp"

namespace cartelgraph {

namespace {

constexpr std::array<std::string_view, 3> network_names = {"criminal", "people", "all"};
constexpr std::array<std::string_view, 3> descriptions = {
    "people, groups and businesses, and the structure, alignment, family, association, business and "
    "violence ties among them",
    "people alone, two tied when they belong to or lead the same group (not through faction_of) or have a "
    "family, association, alliance or business tie",
    "every entity and relation: places, agencies and events too"};

}  // namespace

template <>
std::span<const std::string_view> names<NetworkKind>() noexcept {
  return network_names;
}

std::string_view to_string(NetworkKind kind) noexcept { return name_of(kind); }

std::string_view describe(NetworkKind kind) noexcept { return descriptions[static_cast<std::size_t>(kind)]; }

ViewFilter network_filter(ViewFilter filter, NetworkKind kind) {
  if (kind != NetworkKind::all) filter.layers = std::bitset<4>().set(static_cast<std::size_t>(Layer::criminal));
  return filter;
}

Network::Network(const GraphView& view, NetworkKind kind) : view_(&view), kind_(kind) {
  if (kind == NetworkKind::people) people_.emplace(PeopleNetwork::build(view));
  else projection_.emplace(Projection::build(view));
}

const Projection& Network::projection() const noexcept { return people_ ? people_->projection() : *projection_; }

std::vector<double> Network::strengths(TieRelations which) const {
  if (!people_) return arc_strengths(*view_, *projection_, which);
  const Projection& p = people_->projection();
  const KnowledgeGraph& kg = view_->knowledge_graph();
  std::vector<double> strengths(boost::num_edges(p.graph()), 0.0);
  for (const PeopleTie& tie : people_->ties()) {
    double strength = static_cast<double>(tie.groups.size());
    for (const Edge e : tie.relations)
      if (counts_in(which, kg.relation(e).kind)) strength += relation_strength(kg.relation(e));
    const auto a = Projection::index(*p.node(tie.a));
    const auto b = Projection::index(*p.node(tie.b));
    strengths[*p.arc_index(a, b)] = strengths[*p.arc_index(b, a)] = std::max(strength, 0.0);
  }
  return strengths;
}

std::vector<Edge> Network::tie_relations(Vertex a, Vertex b) const {
  if (people_) {
    const PeopleTie* tie = people_->tie(a, b);
    return tie ? people_->relations(*tie) : std::vector<Edge>{};
  }
  return relations_of(a, [b](Vertex other) { return other == b; });
}

std::vector<Edge> Network::relations_of(Vertex v, const std::function<bool(Vertex)>& counts) const {
  if (people_) return people_relations_of(v, counts);
  std::vector<Edge> relations;
  for (const auto& item : entity_card(*view_, v).relations)
    if (counts(item.other)) relations.push_back(item.edge);
  return relations;
}

// v's card, kept to its memberships of the groups it shares with a counted neighbour and its
// direct relations to counted neighbours: the card's order, without a second sort rule.
std::vector<Edge> Network::people_relations_of(Vertex v, const std::function<bool(Vertex)>& counts) const {
  std::set<Vertex> groups;
  std::set<Edge> direct;
  const Projection& p = people_->projection();
  const auto node = p.node(v);
  if (!node) return {};
  for (const Projection::Node n : p.neighbors(Projection::index(*node))) {
    const Vertex other = p.entity(Projection::id(n));
    if (!counts(other)) continue;
    const PeopleTie* tie = people_->tie(v, other);
    groups.insert(tie->groups.begin(), tie->groups.end());
    direct.insert(tie->relations.begin(), tie->relations.end());
  }
  std::vector<Edge> relations;
  for (const auto& item : entity_card(*view_, v).relations)
    if (direct.contains(item.edge) || (is_membership(view_->knowledge_graph().relation(item.edge).kind) &&
                                       item.outgoing && groups.contains(item.other)))
      relations.push_back(item.edge);
  return relations;
}

}  // namespace cartelgraph

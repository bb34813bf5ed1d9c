#include "cartelgraph/queries/factions.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace cartelgraph {

namespace {

bool is_group(const Entity& entity) {
  return entity.type == EntityType::organization || entity.type == EntityType::faction;
}

std::pair<Vertex, Vertex> ordered(Vertex a, Vertex b) { return a < b ? std::pair(a, b) : std::pair(b, a); }

// Union–find over vertex numbers, for the blocs (components of the positive ties). Boost's
// incremental_components would need a graph of its own for a handful of groups.
struct DisjointSets {
  std::vector<Vertex> parent;
  explicit DisjointSets(std::size_t n) : parent(n) {
    for (std::size_t i = 0; i < n; ++i) parent[i] = i;
  }
  Vertex find(Vertex v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  }
  void join(Vertex a, Vertex b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

int faction_sign(RelationKind kind) noexcept {
  switch (kind) {
    case RelationKind::allied_with:
    case RelationKind::aligned_with:
    case RelationKind::faction_of:
    case RelationKind::armed_wing_of:
    case RelationKind::support_network_of: return +1;
    case RelationKind::rival_of: return -1;
    default: return 0;
  }
}

FactionReport factions(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const FilteredGraph g = view.graph();
  const std::size_t n = kg.entity_count();

  std::map<std::pair<Vertex, Vertex>, int> sign;  // signed ties between groups
  std::set<std::pair<Vertex, Vertex>> tied;       // pairs with any relation of the view
  std::vector<std::pair<Vertex, Vertex>> attachments;  // person → group by member_of / leads
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex a = boost::source(e, g);
    const Vertex b = boost::target(e, g);
    tied.insert(ordered(a, b));
    const Relation& relation = kg.relation(e);
    if (is_group(kg.entity(a)) && is_group(kg.entity(b))) {
      const int s = faction_sign(relation.kind);
      if (s == 0) continue;
      auto [it, inserted] = sign.emplace(ordered(a, b), s);
      if (!inserted) it->second = std::min(it->second, s);  // a rivalry outweighs
    } else if ((relation.kind == RelationKind::member_of || relation.kind == RelationKind::leads) &&
               kg.entity(a).type == EntityType::person && is_group(kg.entity(b))) {
      attachments.emplace_back(a, b);
    }
  }

  FactionReport report;
  std::vector<std::set<Vertex>> positive(n), negative(n);
  DisjointSets blocs(n);
  std::set<Vertex> signed_groups;
  for (const auto& [pair, s] : sign) {
    const auto [a, b] = pair;
    signed_groups.insert(a);
    signed_groups.insert(b);
    (s > 0 ? positive : negative)[a].insert(b);
    (s > 0 ? positive : negative)[b].insert(a);
    if (s > 0) blocs.join(a, b);
  }

  // Blocs: components of the positive ties, with the people attached to their groups.
  std::map<Vertex, Bloc> by_root;
  for (const Vertex v : signed_groups)
    if (!positive[v].empty()) by_root[blocs.find(v)].groups.push_back(v);
  for (const auto& [person, group] : attachments) {
    const auto it = by_root.find(blocs.find(group));
    if (it != by_root.end() && std::ranges::find(it->second.people, person) == it->second.people.end())
      it->second.people.push_back(person);
  }
  for (auto& [root, bloc] : by_root) {
    std::ranges::sort(bloc.people);
    report.blocs.push_back(std::move(bloc));
  }
  std::ranges::stable_sort(report.blocs, [](const Bloc& x, const Bloc& y) { return x.groups.size() > y.groups.size(); });

  // Triangles, each once (a < b < c), classified by the product of their signs.
  for (const auto& [pair, ab] : sign) {
    const auto [a, b] = pair;
    for (const auto* side : {&positive[b], &negative[b]})
      for (const Vertex c : *side) {
        if (c <= b) continue;
        const auto ac = sign.find({a, c});
        if (ac == sign.end()) continue;
        const bool balanced = ab * sign.at({b, c}) * ac->second > 0;
        report.triangles.push_back({a, b, c, balanced});
        ++(balanced ? report.balanced : report.unbalanced);
      }
  }
  if (!report.triangles.empty())
    report.balance_ratio = static_cast<double>(report.balanced) / static_cast<double>(report.triangles.size());

  // Enemy of my enemy: untied pairs of groups with common enemies.
  const std::vector<Vertex> groups(signed_groups.begin(), signed_groups.end());
  for (std::size_t i = 0; i < groups.size(); ++i)
    for (std::size_t j = i + 1; j < groups.size(); ++j) {
      const Vertex a = groups[i];
      const Vertex b = groups[j];
      if (tied.contains(ordered(a, b))) continue;
      EnemyOfEnemy candidate{a, b, {}};
      std::ranges::set_intersection(negative[a], negative[b], std::back_inserter(candidate.shared_enemies));
      if (!candidate.shared_enemies.empty()) report.candidates.push_back(std::move(candidate));
    }
  std::ranges::stable_sort(report.candidates, [](const auto& x, const auto& y) {
    return x.shared_enemies.size() > y.shared_enemies.size();
  });
  return report;
}

}  // namespace cartelgraph

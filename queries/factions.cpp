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
  std::set<std::pair<Vertex, Vertex>> tied;       // pairs of groups with any relation of the view
  std::vector<std::pair<Vertex, Vertex>> attachments;  // person → group by member_of / leads
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex a = boost::source(e, g);
    const Vertex b = boost::target(e, g);
    const Relation& relation = kg.relation(e);
    if (is_group(kg.entity(a)) && is_group(kg.entity(b))) {
      tied.insert(ordered(a, b));
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
    if (it != by_root.end()) it->second.people.push_back(person);
  }
  for (auto& [root, bloc] : by_root) {
    std::ranges::sort(bloc.people);
    bloc.people.erase(std::unique(bloc.people.begin(), bloc.people.end()), bloc.people.end());
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

  // Enemy of my enemy: untied pairs of groups with common enemies, found from each enemy's
  // rivals (Σ rivals² pairs, not all pairs of groups); enemies ascend as the loop does.
  std::map<std::pair<Vertex, Vertex>, std::vector<Vertex>> shared;
  for (const Vertex c : signed_groups) {
    const std::vector<Vertex> rivals(negative[c].begin(), negative[c].end());
    for (std::size_t i = 0; i < rivals.size(); ++i)
      for (std::size_t j = i + 1; j < rivals.size(); ++j)
        if (!tied.contains({rivals[i], rivals[j]})) shared[{rivals[i], rivals[j]}].push_back(c);
  }
  for (auto& [pair, enemies] : shared)
    report.candidates.push_back({pair.first, pair.second, std::move(enemies)});
  std::ranges::stable_sort(report.candidates, [](const auto& x, const auto& y) {
    return x.shared_enemies.size() > y.shared_enemies.size();
  });
  return report;
}

}  // namespace cartelgraph

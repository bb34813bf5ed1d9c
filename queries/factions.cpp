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

// The signed network among the groups of a view, and who is attached to them.
struct SignedGroups {
  std::map<std::pair<Vertex, Vertex>, int> sign;       // signed ties between groups
  std::set<std::pair<Vertex, Vertex>> tied;            // pairs of groups with any relation of the view
  std::vector<std::pair<Vertex, Vertex>> attachments;  // person → group by membership
  std::vector<std::set<Vertex>> positive;              // by group: its positive neighbours
  std::vector<std::set<Vertex>> negative;              // by group: its negative neighbours
  std::set<Vertex> groups;                             // groups with a signed tie
};

// Reads the relations of `view` into the signed network of its groups (a rivalry outweighs).
SignedGroups signed_groups(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const FilteredGraph g = view.graph();
  SignedGroups net;
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex a = boost::source(e, g);
    const Vertex b = boost::target(e, g);
    const Relation& relation = kg.relation(e);
    if (is_group(kg.entity(a)) && is_group(kg.entity(b))) {
      net.tied.insert(ordered(a, b));
      const int s = faction_sign(relation.kind);
      if (s == 0) continue;
      auto [it, inserted] = net.sign.emplace(ordered(a, b), s);
      if (!inserted) it->second = std::min(it->second, s);  // a rivalry outweighs
    } else if (is_membership(relation.kind) && kg.entity(a).type == EntityType::person && is_group(kg.entity(b))) {
      net.attachments.emplace_back(a, b);
    }
  }
  net.positive.resize(kg.entity_count());
  net.negative.resize(kg.entity_count());
  for (const auto& [pair, s] : net.sign) {
    const auto [a, b] = pair;
    net.groups.insert(a);
    net.groups.insert(b);
    (s > 0 ? net.positive : net.negative)[a].insert(b);
    (s > 0 ? net.positive : net.negative)[b].insert(a);
  }
  return net;
}

// Blocs: components of the positive ties, with the people attached to their groups; largest
// first.
std::vector<Bloc> blocs_of(const SignedGroups& net) {
  DisjointSets sets(net.positive.size());
  for (const auto& [pair, s] : net.sign)
    if (s > 0) sets.join(pair.first, pair.second);
  std::map<Vertex, Bloc> by_root;
  for (const Vertex v : net.groups)
    if (!net.positive[v].empty()) by_root[sets.find(v)].groups.push_back(v);
  for (const auto& [person, group] : net.attachments) {
    const auto it = by_root.find(sets.find(group));
    if (it != by_root.end()) it->second.people.push_back(person);
  }
  std::vector<Bloc> blocs;
  for (auto& [root, bloc] : by_root) {
    std::ranges::sort(bloc.people);
    bloc.people.erase(std::unique(bloc.people.begin(), bloc.people.end()), bloc.people.end());
    blocs.push_back(std::move(bloc));
  }
  std::ranges::stable_sort(blocs, [](const Bloc& x, const Bloc& y) { return x.groups.size() > y.groups.size(); });
  return blocs;
}

// Triangles, each once (a < b < c), classified by the product of their signs.
void add_triangles(const SignedGroups& net, FactionReport& report) {
  for (const auto& [pair, ab] : net.sign) {
    const auto [a, b] = pair;
    for (const auto* side : {&net.positive[b], &net.negative[b]})
      for (const Vertex c : *side) {
        if (c <= b) continue;
        const auto ac = net.sign.find({a, c});
        if (ac == net.sign.end()) continue;
        const bool balanced = ab * net.sign.at({b, c}) * ac->second > 0;
        report.triangles.push_back({a, b, c, balanced});
        ++(balanced ? report.balanced : report.unbalanced);
      }
  }
  if (!report.triangles.empty())
    report.balance_ratio = static_cast<double>(report.balanced) / static_cast<double>(report.triangles.size());
}

// Enemy of my enemy: untied pairs of groups with common enemies, found from each enemy's
// rivals (Σ rivals² pairs, not all pairs of groups); enemies ascend as the loop does. Most
// shared enemies first.
std::vector<EnemyOfEnemy> enemy_pairs(const SignedGroups& net) {
  std::map<std::pair<Vertex, Vertex>, std::vector<Vertex>> shared;
  for (const Vertex c : net.groups) {
    const std::vector<Vertex> rivals(net.negative[c].begin(), net.negative[c].end());
    for (std::size_t i = 0; i < rivals.size(); ++i)
      for (std::size_t j = i + 1; j < rivals.size(); ++j)
        if (!net.tied.contains({rivals[i], rivals[j]})) shared[{rivals[i], rivals[j]}].push_back(c);
  }
  std::vector<EnemyOfEnemy> candidates;
  for (auto& [pair, enemies] : shared) candidates.push_back({pair.first, pair.second, std::move(enemies)});
  std::ranges::stable_sort(candidates, [](const auto& x, const auto& y) {
    return x.shared_enemies.size() > y.shared_enemies.size();
  });
  return candidates;
}

}  // namespace

// The kind table's sign of the alignment kinds (allied_with, aligned_with +1; rival_of −1),
// plus +1 for the hierarchy kinds that keep a group inside its parent (stays_inside:
// faction_of, armed_wing_of, support_network_of), which today's blocs count as alliances. An
// attack (violence, sign −1) is one act, not a standing tie: it does not sign the pair. Issue 16
// drops hierarchy from blocs; until then this keeps the factions answers as they were.
int faction_sign(RelationKind kind) noexcept {
  const KindInfo& info = kind_info(kind);
  if (info.category == KindCategory::alignment) return info.sign;
  return stays_inside(kind) ? +1 : 0;
}

FactionReport factions(const GraphView& view) {
  const SignedGroups net = signed_groups(view);
  FactionReport report;
  report.blocs = blocs_of(net);
  add_triangles(net, report);
  report.candidates = enemy_pairs(net);
  return report;
}

}  // namespace cartelgraph

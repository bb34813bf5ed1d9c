#include "cartelgraph/queries/factions.hpp"

#include <algorithm>
#include <map>

#include "cartelgraph/queries/signed_groups.hpp"

namespace cartelgraph {

namespace {

using detail::SignedGroups;

// Blocs: pieces of the positive ties, with the alliances that join them and the people attached
// to their groups; largest first, then by first group.
std::vector<Bloc> blocs_of(const SignedGroups& net) {
  std::vector<Bloc> blocs;
  for (auto& groups : detail::pieces(net, true)) {
    detail::Attached attached = detail::attached_people(net, groups);
    std::vector<Edge> relations = detail::relations_among(net, groups, +1);
    blocs.push_back(
        {std::move(groups), std::move(attached.people), std::move(relations), std::move(attached.memberships)});
  }
  std::ranges::stable_sort(blocs, [](const Bloc& x, const Bloc& y) { return x.groups.size() > y.groups.size(); });
  return blocs;
}

// Triangles, each once (a < b < c), classified by the product of their signs.
void add_triangles(const SignedGroups& net, FactionReport& report) {
  for (const auto& [pair, ab] : net.pairs) {
    const auto [a, b] = pair;
    for (const auto* side : {&net.positive[b], &net.negative[b]})
      for (const Vertex c : *side) {
        if (c <= b) continue;
        const auto ac = net.pairs.find({a, c});
        if (ac == net.pairs.end()) continue;
        const bool balanced = ab.sign * net.pairs.at({b, c}).sign * ac->second.sign > 0;
        report.triangles.push_back({a, b, c, balanced});
        ++(balanced ? report.balanced : report.unbalanced);
      }
  }
  if (!report.triangles.empty())
    report.balance_ratio = static_cast<double>(report.balanced) / static_cast<double>(report.triangles.size());
}

// Each group's frustrated pairs under its conflict's split (a piece without a rivalry has none)
// and the triangles it is in.
std::vector<GroupBalance> group_balance(const SignedGroups& net, const FactionReport& report) {
  std::map<Vertex, GroupBalance> by_group;
  for (const Vertex v : net.groups) by_group[v].group = v;
  std::map<Vertex, std::size_t> camp_of;
  for (const Conflict& conflict : report.conflicts)
    for (std::size_t i = 0; i < conflict.camps.size(); ++i)
      for (const Vertex v : conflict.camps[i].groups) camp_of[v] = i;
  for (const auto& [pair, tie] : net.pairs) {
    const auto a = camp_of.find(pair.first);
    const auto b = camp_of.find(pair.second);
    if (a == camp_of.end() || b == camp_of.end() || (tie.sign > 0) == (a->second == b->second)) continue;
    for (const Vertex v : {pair.first, pair.second}) {
      GroupBalance& balance = by_group[v];
      ++balance.frustrated;
      balance.relations.insert(balance.relations.end(), tie.relations.begin(), tie.relations.end());
    }
  }
  for (const SignedTriangle& t : report.triangles)
    for (const Vertex v : {t.a, t.b, t.c}) {
      ++by_group[v].triangles;
      if (!t.balanced) ++by_group[v].unbalanced;
    }
  std::vector<GroupBalance> groups;
  for (auto& [v, balance] : by_group) groups.push_back(std::move(balance));
  return groups;
}

// The rivalries of `a` and `b` with each of their shared enemies.
std::vector<Edge> rivalries(const SignedGroups& net, Vertex a, Vertex b, const std::vector<Vertex>& enemies) {
  std::vector<Edge> relations;
  for (const Vertex c : enemies)
    for (const Vertex side : {a, b}) {
      const auto& behind = net.pairs.at(detail::ordered(side, c)).relations;
      relations.insert(relations.end(), behind.begin(), behind.end());
    }
  return relations;
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
  for (auto& [pair, enemies] : shared) {
    std::vector<Edge> relations = rivalries(net, pair.first, pair.second, enemies);
    candidates.push_back({pair.first, pair.second, std::move(enemies), std::move(relations)});
  }
  std::ranges::stable_sort(
      candidates, [](const auto& x, const auto& y) { return x.shared_enemies.size() > y.shared_enemies.size(); });
  return candidates;
}

}  // namespace

int faction_sign(RelationKind kind) noexcept {
  const KindInfo& info = kind_info(kind);
  return info.category == KindCategory::alignment ? info.sign : 0;
}

FactionReport factions(const GraphView& view) {
  SignedGroups net = detail::signed_groups(view);
  FactionReport report;
  report.blocs = blocs_of(net);
  report.conflicts = detail::conflicts_of(net);
  report.unaligned = std::move(net.unaligned);
  report.signed_pairs = net.pairs.size();
  add_triangles(net, report);
  report.groups = group_balance(net, report);
  report.candidates = enemy_pairs(net);
  return report;
}

}  // namespace cartelgraph

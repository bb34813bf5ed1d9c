#include "cartelgraph/graph/people_network.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace cartelgraph {

bool ties_people(RelationKind kind) noexcept {
  const KindInfo& row = kind_info(kind);
  switch (row.category) {
    case KindCategory::family:
    case KindCategory::association:
    case KindCategory::alignment:
    case KindCategory::business: return row.layer == Layer::criminal && row.sign >= 0;
    default: return false;
  }
}

namespace {

bool is_person(const KnowledgeGraph& kg, Vertex v) { return kg.entity_type(v) == EntityType::person; }

using TieMap = std::map<std::pair<Vertex, Vertex>, PeopleTie>;

PeopleTie& tie_of(TieMap& ties, Vertex a, Vertex b) {
  if (b < a) std::swap(a, b);
  PeopleTie& tie = ties[{a, b}];
  tie.a = a;
  tie.b = b;
  return tie;
}

// Each group's members, pairwise: ties[{a, b}].groups gains the group. `by_group` is sorted by
// (group, person), so a tie's groups arrive in load order.
template <class Membership>
void tie_members(TieMap& ties, const std::vector<Membership>& by_group) {
  for (auto first = by_group.begin(); first != by_group.end();) {
    const auto last = std::find_if(first, by_group.end(), [&](const auto& m) { return m.group != first->group; });
    std::vector<Vertex> members;
    for (auto it = first; it != last; ++it)
      if (members.empty() || members.back() != it->person) members.push_back(it->person);
    for (std::size_t i = 0; i < members.size(); ++i)
      for (std::size_t j = i + 1; j < members.size(); ++j) tie_of(ties, members[i], members[j]).groups.push_back(first->group);
    first = last;
  }
}

}  // namespace

PeopleNetwork::PeopleNetwork(Projection projection, std::vector<PeopleTie> ties, std::vector<Membership> memberships)
    : projection_(std::move(projection)), ties_(std::move(ties)), memberships_(std::move(memberships)) {}

PeopleNetwork PeopleNetwork::build(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const FilteredGraph g = view.graph();
  std::vector<Vertex> people;
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
    if (is_person(kg, v)) people.push_back(v);

  std::vector<Membership> memberships;
  TieMap ties;
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Vertex from = boost::source(e, g);
    const Vertex to = boost::target(e, g);
    const RelationKind kind = kg.relation_kind(e);
    if (is_membership(kind))
      memberships.push_back({from, to, e});
    else if (ties_people(kind) && from != to && is_person(kg, from) && is_person(kg, to))
      tie_of(ties, from, to).relations.push_back(e);
  }
  std::ranges::sort(memberships, {}, [](const Membership& m) { return std::make_pair(m.group, m.person); });
  tie_members(ties, memberships);
  std::ranges::stable_sort(memberships, {}, [](const Membership& m) { return std::make_pair(m.person, m.group); });

  std::vector<PeopleTie> list;
  std::vector<std::pair<Vertex, Vertex>> pairs;
  list.reserve(ties.size());
  for (auto& [pair, tie] : ties) {
    pairs.push_back(pair);
    list.push_back(std::move(tie));
  }
  return PeopleNetwork(Projection::over(std::move(people), pairs), std::move(list), std::move(memberships));
}

// std:: rather than std::ranges searches: clang 14 cannot compile libstdc++ 12's ranges ones
// with a projection here (and clang builds the fuzz targets and runs clang-tidy).
const PeopleTie* PeopleNetwork::tie(Vertex a, Vertex b) const {
  if (b < a) std::swap(a, b);
  const auto key = std::make_pair(a, b);
  const auto it = std::lower_bound(ties_.begin(), ties_.end(), key, [](const PeopleTie& t, const auto& k) {
    return std::make_pair(t.a, t.b) < k;
  });
  return it != ties_.end() && it->a == a && it->b == b ? &*it : nullptr;
}

std::vector<Edge> PeopleNetwork::memberships(Vertex person, Vertex group) const {
  const auto key = std::make_pair(person, group);
  const auto it = std::lower_bound(memberships_.begin(), memberships_.end(), key, [](const Membership& m, const auto& k) {
    return std::make_pair(m.person, m.group) < k;
  });
  std::vector<Edge> edges;
  for (auto at = it; at != memberships_.end() && at->person == person && at->group == group; ++at)
    edges.push_back(at->edge);
  return edges;
}

std::vector<Edge> PeopleNetwork::relations(const PeopleTie& tie) const {
  std::vector<Edge> edges;
  for (const Vertex group : tie.groups)
    for (const Vertex person : {tie.a, tie.b}) std::ranges::copy(memberships(person, group), std::back_inserter(edges));
  std::ranges::copy(tie.relations, std::back_inserter(edges));
  return edges;
}

}  // namespace cartelgraph

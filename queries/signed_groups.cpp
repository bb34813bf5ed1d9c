#include "cartelgraph/queries/signed_groups.hpp"

#include <algorithm>

namespace cartelgraph::detail {

namespace {

// Union–find over vertex numbers, for the pieces of the signed network; the root of a set is its
// smallest vertex. Boost's incremental_components would need a graph of its own for a handful
// of groups.
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

// A signed relation between two groups joins the pair's list, or replaces it when it is a
// rivalry and the pair was positive (open war outweighs an alliance).
void add_signed(SignedPair& pair, int sign, Edge e) {
  if (pair.sign != 0 && sign > pair.sign) return;
  if (sign < pair.sign) pair.relations.clear();
  pair.sign = sign;
  pair.relations.push_back(e);
}

// Each group's positive and negative neighbours, and which groups have a signed tie.
void index_neighbours(SignedGroups& net, std::size_t vertices) {
  net.positive.resize(vertices);
  net.negative.resize(vertices);
  for (const auto& [pair, tie] : net.pairs) {
    const auto [a, b] = pair;
    net.groups.insert(a);
    net.groups.insert(b);
    (tie.sign > 0 ? net.positive : net.negative)[a].insert(b);
    (tie.sign > 0 ? net.positive : net.negative)[b].insert(a);
  }
}

// Groups the attachments by group (a counting sort, each group's in their order).
void index_attachments(SignedGroups& net, std::size_t vertices) {
  net.attachment_start.assign(vertices + 1, 0);
  for (const Attachment& attachment : net.attachments) ++net.attachment_start[attachment.group + 1];
  for (std::size_t v = 0; v < vertices; ++v) net.attachment_start[v + 1] += net.attachment_start[v];
  net.attachments_by_group.resize(net.attachments.size());
  std::vector<std::size_t> next(net.attachment_start.begin(), net.attachment_start.end() - 1);
  for (std::size_t i = 0; i < net.attachments.size(); ++i)
    net.attachments_by_group[next[net.attachments[i].group]++] = i;
}

}  // namespace

bool is_group(const Entity& entity) noexcept {
  return entity.type == EntityType::organization || entity.type == EntityType::faction;
}

std::pair<Vertex, Vertex> ordered(Vertex a, Vertex b) noexcept { return a < b ? std::pair(a, b) : std::pair(b, a); }

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
      if (const int sign = faction_sign(relation.kind); sign != 0) add_signed(net.pairs[ordered(a, b)], sign, e);
    } else if (is_membership(relation.kind) && kg.entity(a).type == EntityType::person && is_group(kg.entity(b))) {
      net.attachments.push_back({a, b, e});
    }
  }
  index_neighbours(net, kg.entity_count());
  index_attachments(net, kg.entity_count());
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g)))
    if (is_group(kg.entity(v)) && !net.groups.contains(v)) net.unaligned.push_back(v);
  return net;
}

std::vector<std::vector<Vertex>> pieces(const SignedGroups& net, bool alliances_only) {
  DisjointSets sets(net.positive.size());
  for (const auto& [pair, tie] : net.pairs)
    if (!alliances_only || tie.sign > 0) sets.join(pair.first, pair.second);
  std::map<Vertex, std::vector<Vertex>> by_root;  // the root is the piece's first group
  for (const Vertex v : net.groups)
    if (!alliances_only || !net.positive[v].empty()) by_root[sets.find(v)].push_back(v);
  std::vector<std::vector<Vertex>> result;
  for (auto& [root, groups] : by_root) result.push_back(std::move(groups));
  return result;
}

std::vector<Edge> relations_among(const SignedGroups& net, const std::vector<Vertex>& groups, int sign) {
  std::vector<Edge> relations;
  for (const Vertex v : groups)
    for (const auto* neighbours : {&net.positive[v], &net.negative[v]})
      for (const Vertex w : *neighbours) {
        if (w <= v || !std::ranges::binary_search(groups, w)) continue;
        const SignedPair& pair = net.pairs.at({v, w});
        if (sign == 0 || pair.sign == sign)
          relations.insert(relations.end(), pair.relations.begin(), pair.relations.end());
      }
  return relations;
}

Attached attached_people(const SignedGroups& net, const std::vector<Vertex>& groups) {
  std::vector<std::size_t> found;  // indices into net.attachments
  for (const Vertex group : groups)
    for (std::size_t i = net.attachment_start[group]; i < net.attachment_start[group + 1]; ++i)
      found.push_back(net.attachments_by_group[i]);
  std::ranges::sort(found);
  found.erase(std::unique(found.begin(), found.end()), found.end());
  Attached attached;
  for (const std::size_t i : found) {
    attached.people.push_back(net.attachments[i].person);
    attached.memberships.push_back(net.attachments[i].relation);
  }
  std::ranges::sort(attached.people);
  attached.people.erase(std::unique(attached.people.begin(), attached.people.end()), attached.people.end());
  return attached;
}

}  // namespace cartelgraph::detail

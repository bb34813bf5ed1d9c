// Paths, neighbourhoods, structure, factions, disruption and timelines on small graphs whose
// answers can be worked out by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <random>
#include <cmath>
#include <limits>
#include <set>
#include <tuple>

#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/disruption.hpp"
#include "cartelgraph/queries/distances.hpp"
#include "cartelgraph/queries/factions.hpp"
#include "cartelgraph/queries/neighborhood.hpp"
#include "cartelgraph/queries/paths.hpp"
#include "cartelgraph/queries/structure.hpp"
#include "cartelgraph/queries/summary.hpp"
#include "cartelgraph/queries/timeline.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::make_entity;
using cartelgraph::testing::make_relation;
using cartelgraph::testing::sample_graph;

namespace {

// A signed world: A allied with B, both rivals of C; D rival of C, untied to A and B;
// P leads A.
KnowledgeGraph signed_graph() {
  KnowledgeGraph g;
  g.add_source({"doc", "A document", "", "", "2021", "", "doc.txt"});
  const auto a = g.add_entity(make_entity("a", EntityType::organization, "A"));
  const auto b = g.add_entity(make_entity("b", EntityType::faction, "B"));
  const auto c = g.add_entity(make_entity("c", EntityType::organization, "C"));
  const auto d = g.add_entity(make_entity("d", EntityType::organization, "D"));
  const auto p = g.add_entity(make_entity("p", EntityType::person, "P"));
  g.add_relation(a, b, make_relation(RelationKind::allied_with, Confidence::reported));
  g.add_relation(a, c, make_relation(RelationKind::rival_of, Confidence::reported));
  g.add_relation(c, b, make_relation(RelationKind::rival_of, Confidence::reported));
  g.add_relation(d, c, make_relation(RelationKind::rival_of, Confidence::reported));
  g.add_relation(p, a, make_relation(RelationKind::leads, Confidence::reported));
  return g;
}

std::vector<std::string> ids(const KnowledgeGraph& g, const std::vector<Vertex>& vertices) {
  std::vector<std::string> result;
  for (const Vertex v : vertices) result.push_back(g.entity(v).id);
  return result;
}

}  // namespace

TEST_CASE("paths carry every relation of each hop") {
  const KnowledgeGraph g = sample_graph();
  const GraphView view(g);
  const Projection p = Projection::build(view);
  const auto paths = find_paths(view, p, *g.find("jesus-alexander-sanchez-felix"), *g.find("los-garibay"), {3, PathWeight::none});
  REQUIRE(paths.size() == 1);  // a tree: one loopless path
  CHECK(paths[0].length() == 3);
  CHECK(ids(g, paths[0].entities) ==
        std::vector<std::string>{"jesus-alexander-sanchez-felix", "los-rusos", "los-salazar", "los-garibay"});
  for (const auto& hop : paths[0].hops) CHECK(hop.relations.size() == 1);
}

TEST_CASE("paths honour the view's date") {
  const KnowledgeGraph g = sample_graph();
  ViewFilter filter;
  filter.as_of = Date::parse("2020-06-01");  // before the alliance of 2021-03
  const GraphView view(g, filter);
  const Projection p = Projection::build(view);
  CHECK(find_paths(view, p, *g.find("los-salazar"), *g.find("los-garibay")).empty());
}

TEST_CASE("directed paths follow relations one way") {
  const KnowledgeGraph g = sample_graph();
  const GraphView view(g);
  const Projection p = Projection::build(view, true);
  CHECK(find_paths(view, p, *g.find("jesus-alexander-sanchez-felix"), *g.find("los-rusos")).size() == 1);
  CHECK(find_paths(view, p, *g.find("los-rusos"), *g.find("jesus-alexander-sanchez-felix")).empty());
}

TEST_CASE("weighted paths prefer surer hops") {
  // 0–1–3 through alleged ties, 0–2–4–3 through confirmed ones.
  KnowledgeGraph g;
  g.add_source({"doc", "A document", "", "", "2021", "", "doc.txt"});
  std::vector<Vertex> v;
  for (int i = 0; i < 5; ++i)
    v.push_back(g.add_entity(make_entity("n" + std::to_string(i), EntityType::person, "N" + std::to_string(i))));
  g.add_relation(v[0], v[1], make_relation(RelationKind::associate_of, Confidence::alleged));
  g.add_relation(v[1], v[3], make_relation(RelationKind::associate_of, Confidence::alleged));
  g.add_relation(v[0], v[2], make_relation(RelationKind::associate_of, Confidence::confirmed));
  g.add_relation(v[2], v[4], make_relation(RelationKind::associate_of, Confidence::confirmed));
  g.add_relation(v[4], v[3], make_relation(RelationKind::associate_of, Confidence::confirmed));
  const GraphView view(g);
  const Projection p = Projection::build(view);
  const auto fewest = find_paths(view, p, v[0], v[3], {1, PathWeight::none});
  const auto surest = find_paths(view, p, v[0], v[3], {1, PathWeight::confidence});
  REQUIRE(fewest.size() == 1);
  REQUIRE(surest.size() == 1);
  CHECK(fewest[0].length() == 2);
  CHECK(surest[0].length() == 3);
  CHECK(surest[0].cost == 3.0);
}

TEST_CASE("a neighbourhood holds the entities within the depth and the relations among them") {
  const KnowledgeGraph g = sample_graph();
  const GraphView view(g);
  const Neighborhood one = neighborhood(view, *g.find("los-salazar"), 1);
  CHECK(one.entities.size() == 4);
  CHECK(one.entities.front().entity == *g.find("los-salazar"));
  CHECK(one.entities.front().distance == 0);
  CHECK(one.relations.size() == 3);
  const Neighborhood two = neighborhood(view, *g.find("los-salazar"), 2);
  CHECK(two.entities.size() == 5);
  CHECK(two.relations.size() == 4);
}

TEST_CASE("a neighbourhood equals a brute-force search over the relations a view keeps") {
  // Random graphs with self loops and repeated ties, seen through views that drop a type or a
  // kind: distances from a breadth-first search over the list of kept relations, ends both ways.
  std::mt19937 random(11);
  const std::array<EntityType, 3> types = {EntityType::person, EntityType::organization, EntityType::place};
  const std::array<RelationKind, 3> kinds = {RelationKind::associate_of, RelationKind::member_of,
                                             RelationKind::operates_in};
  for (int round = 0; round < 30; ++round) {
    KnowledgeGraph g;
    const std::size_t n = 5 + random() % 40;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string id = "e" + std::to_string(i);
      g.add_entity(make_entity(id, types[random() % 3], id));
    }
    for (std::size_t i = 0, m = random() % (3 * n); i < m; ++i)
      g.add_relation(random() % n, random() % n, make_relation(kinds[random() % 3], Confidence::reported));
    ViewFilter filter;
    if (round % 3 == 1) filter.types.reset(static_cast<std::size_t>(EntityType::place));
    if (round % 3 == 2) filter.kinds.reset(static_cast<std::size_t>(RelationKind::member_of));
    const GraphView view(g, filter);
    const Vertex center = random() % n;
    const std::size_t depth = random() % 4;
    std::vector<std::size_t> distance(n, unreachable);
    if (view.contains(center)) distance[center] = 0;
    for (std::size_t d = 0; d < depth; ++d)
      for (const Edge e : boost::make_iterator_range(boost::edges(g.graph()))) {
        if (!view.contains(e)) continue;
        const Vertex a = boost::source(e, g.graph()), b = boost::target(e, g.graph());
        if (distance[a] == d && distance[b] == unreachable) distance[b] = d + 1;
        if (distance[b] == d && distance[a] == unreachable) distance[a] = d + 1;
      }
    std::vector<std::pair<std::size_t, Vertex>> expected;
    for (Vertex v = 0; v < n; ++v)
      if (distance[v] != unreachable) expected.emplace_back(distance[v], v);
    std::ranges::sort(expected);
    std::vector<std::uint32_t> expected_relations;
    for (const Edge e : boost::make_iterator_range(boost::edges(g.graph())))
      if (view.contains(e) && distance[boost::source(e, g.graph())] != unreachable &&
          distance[boost::target(e, g.graph())] != unreachable)
        expected_relations.push_back(e.index);
    const Neighborhood hood = neighborhood(view, center, depth);
    std::vector<std::pair<std::size_t, Vertex>> found;
    for (const auto& item : hood.entities) found.emplace_back(item.distance, item.entity);
    std::vector<std::uint32_t> found_relations;
    for (const Edge e : hood.relations) found_relations.push_back(e.index);
    CAPTURE(round);
    CHECK(found == expected);
    CHECK(found_relations == expected_relations);
  }
}

TEST_CASE("an entity the centre cannot reach is in no neighbourhood, however deep") {
  // Two pieces: a–b–c and d–e.
  KnowledgeGraph g;
  g.add_source({"doc", "A document", "", "", "2021", "", "doc.txt"});
  std::vector<Vertex> v;
  for (const char* id : {"a", "b", "c", "d", "e"}) v.push_back(g.add_entity(make_entity(id, EntityType::person, id)));
  g.add_relation(v[0], v[1], make_relation(RelationKind::associate_of, Confidence::reported));
  g.add_relation(v[1], v[2], make_relation(RelationKind::associate_of, Confidence::reported));
  g.add_relation(v[3], v[4], make_relation(RelationKind::associate_of, Confidence::reported));
  const GraphView view(g);
  for (const std::size_t depth : {std::size_t{2}, std::size_t{100}, unreachable - 1, unreachable}) {
    const Neighborhood hood = neighborhood(view, v[0], depth);
    std::vector<std::string> found;
    for (const auto& item : hood.entities) found.push_back(g.entity(item.entity).id);
    CHECK(found == std::vector<std::string>{"a", "b", "c"});
    CHECK(hood.relations.size() == 2);
  }
}

namespace {

// A ladder of 2 × `rungs` people (top t0…, bottom u0…), every rung and rail an associate_of tie:
// many loopless paths between its corners.
KnowledgeGraph ladder(int rungs) {
  KnowledgeGraph g;
  g.add_source({"doc", "A document", "", "", "2021", "", "doc.txt"});
  std::vector<Vertex> top, bottom;
  for (int i = 0; i < rungs; ++i) {
    top.push_back(g.add_entity(make_entity("t" + std::to_string(i), EntityType::person, "T" + std::to_string(i))));
    bottom.push_back(g.add_entity(make_entity("u" + std::to_string(i), EntityType::person, "U" + std::to_string(i))));
    g.add_relation(top[i], bottom[i], make_relation(RelationKind::associate_of, Confidence::reported));
    if (i == 0) continue;
    g.add_relation(top[i - 1], top[i], make_relation(RelationKind::associate_of, Confidence::reported));
    g.add_relation(bottom[i - 1], bottom[i], make_relation(RelationKind::associate_of, Confidence::reported));
  }
  return g;
}

}  // namespace

TEST_CASE("a path search stops at its bound on work, keeping the shortest paths it found and saying it stopped") {
  const KnowledgeGraph g = ladder(8);
  const GraphView view(g);
  const Projection p = Projection::build(view);
  const Vertex from = *g.find("t0");
  const Vertex to = *g.find("u7");
  const std::size_t whole_search = p.node_count() + boost::num_edges(p.graph());
  const std::size_t k = 60;

  const PathSearch all = search_paths(view, p, from, to, {k, PathWeight::none, std::numeric_limits<std::size_t>::max()});
  CHECK_FALSE(all.stopped);
  REQUIRE(all.paths.size() == k);
  // Each search examines at least its source and at most every node and arc once (a node may be
  // examined again when the heap holds it twice: Boost's Dijkstra does not, so at most once).
  CHECK(all.work >= all.searches);
  CHECK(all.work <= all.searches * whole_search);
  // The unbounded search is Yen's, which the peer test checks against NetworkX: the same paths.
  const auto nodes = k_shortest_paths(p, *p.node(from), *p.node(to), k);
  REQUIRE(nodes.size() == k);
  for (std::size_t i = 0; i < k; ++i) CHECK(all.paths[i].length() + 1 == nodes[i].size());

  std::size_t previous_searches = 0;
  for (const std::size_t bound : {std::size_t{0}, std::size_t{1}, all.work / 20, all.work / 4, all.work / 2}) {
    CAPTURE(bound);
    const PathSearch bounded = search_paths(view, p, from, to, {k, PathWeight::none, bound});
    CHECK(bounded.stopped);
    CHECK(bounded.searches >= 1);  // the first search always runs
    CHECK(bounded.searches >= previous_searches);
    // A search starts only while the work so far is under the bound: the one that passed it was
    // the last.
    CHECK((bounded.searches == 1 || bounded.work >= bound));
    CHECK(bounded.work < bound + whole_search + 1);
    REQUIRE(bounded.paths.size() >= 1);
    REQUIRE(bounded.paths.size() < k);
    for (std::size_t i = 0; i < bounded.paths.size(); ++i) CHECK(bounded.paths[i].entities == all.paths[i].entities);
    previous_searches = bounded.searches;
  }
  // A bound that leaves room for every search finds every path and does not stop.
  const PathSearch roomy = search_paths(view, p, from, to, {k, PathWeight::none, all.work + 1});
  CHECK_FALSE(roomy.stopped);
  CHECK(roomy.paths.size() == k);
  CHECK(roomy.searches == all.searches);
}

namespace {

// Every loopless path from `from` to `to` over the relations `view` keeps (followed one way only
// when `directed` and the kind is not symmetric), each with its cost: the sum over its hops of
// the cheapest relation's cost (1, or the confidence cost when `confidence`). Brute force.
std::vector<std::pair<double, std::vector<Vertex>>> every_simple_path(const GraphView& view, Vertex from, Vertex to,
                                                                      bool directed, bool confidence) {
  const KnowledgeGraph& g = view.knowledge_graph();
  const std::size_t n = g.entity_count();
  std::vector<std::vector<double>> hop(n, std::vector<double>(n, std::numeric_limits<double>::infinity()));
  for (const Edge e : boost::make_iterator_range(boost::edges(g.graph()))) {
    if (!view.contains(e)) continue;
    const Vertex a = boost::source(e, g.graph()), b = boost::target(e, g.graph());
    const double cost = confidence ? confidence_cost(g.relation(e).confidence) : 1.0;
    hop[a][b] = std::min(hop[a][b], cost);
    if (!directed || kind_info(g.relation(e).kind).symmetric) hop[b][a] = std::min(hop[b][a], cost);
  }
  std::vector<std::pair<double, std::vector<Vertex>>> found;
  std::vector<Vertex> path{from};
  std::vector<bool> on_path(n, false);
  on_path[from] = true;
  const auto extend = [&](const auto& self, double cost) -> void {
    const Vertex u = path.back();
    if (u == to) {
      found.emplace_back(cost, path);
      return;
    }
    for (Vertex v = 0; v < n; ++v) {
      if (on_path[v] || v == u || hop[u][v] == std::numeric_limits<double>::infinity()) continue;
      path.push_back(v);
      on_path[v] = true;
      self(self, cost + hop[u][v]);
      on_path[v] = false;
      path.pop_back();
    }
  };
  if (from != to && view.contains(from) && view.contains(to)) extend(extend, 0);
  std::ranges::sort(found);
  return found;
}

}  // namespace

TEST_CASE("paths searched from both ends on the view are the k cheapest loopless paths, as brute force finds them") {
  // Small random graphs with repeated ties, loops, one-way and symmetric kinds and every
  // confidence: the costs of the k paths equal the k smallest costs of every loopless path, each
  // path is loopless and costs what its hops cost, and the projection's one-sided search agrees.
  std::mt19937 random(23);
  const std::array kinds = {RelationKind::associate_of, RelationKind::leads, RelationKind::rival_of,
                            RelationKind::member_of};
  const std::array confidences = {Confidence::confirmed, Confidence::reported, Confidence::alleged,
                                  Confidence::ungraded};
  for (int round = 0; round < 120; ++round) {
    KnowledgeGraph g;
    g.add_source({"doc", "A document", "", "", "2021", "", "doc.txt"});
    const std::size_t n = 2 + random() % 7;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string id = "e" + std::to_string(i);
      g.add_entity(make_entity(id, EntityType::person, id));
    }
    for (std::size_t i = 0, m = random() % (3 * n); i < m; ++i)
      g.add_relation(random() % n, random() % n,
                     make_relation(kinds[random() % kinds.size()], confidences[random() % confidences.size()]));
    ViewFilter filter;
    if (round % 4 == 3) filter.kinds.reset(static_cast<std::size_t>(RelationKind::rival_of));
    const GraphView view(g, filter);
    const Vertex from = random() % n;
    const Vertex to = random() % n;
    const std::size_t k = 1 + random() % 8;
    for (const bool directed : {false, true})
      for (const PathWeight weight : {PathWeight::none, PathWeight::confidence}) {
        CAPTURE(round);
        CAPTURE(directed);
        CAPTURE(to_string(weight));
        const auto expected = every_simple_path(view, from, to, directed, weight == PathWeight::confidence);
        const PathSearch found = search_paths(view, from, to, directed, {k, weight});
        REQUIRE(found.paths.size() == std::min(k, expected.size()));
        CHECK_FALSE(found.stopped);
        std::set<std::vector<Vertex>> distinct;
        for (std::size_t i = 0; i < found.paths.size(); ++i) {
          const Path& path = found.paths[i];
          CHECK(path.cost == expected[i].first);
          CHECK(path.entities.front() == from);
          CHECK(path.entities.back() == to);
          CHECK(std::set<Vertex>(path.entities.begin(), path.entities.end()).size() == path.entities.size());
          const auto same = std::ranges::find_if(expected, [&](const auto& e) { return e.second == path.entities; });
          REQUIRE(same != expected.end());  // a real path of the view
          CHECK(same->first == path.cost);
          for (const PathHop& hop : path.hops) CHECK_FALSE(hop.relations.empty());
          distinct.insert(path.entities);
        }
        CHECK(distinct.size() == found.paths.size());
        const PathSearch projected = search_paths(view, Projection::build(view, directed), from, to, {k, weight});
        REQUIRE(projected.paths.size() == found.paths.size());
        for (std::size_t i = 0; i < found.paths.size(); ++i) CHECK(projected.paths[i].cost == found.paths[i].cost);
      }
  }
}

TEST_CASE("a path search between near entities of a large graph examines only what lies nearer than the target") {
  // A long chain with a short branch: from one end of the branch to the other the search settles
  // the branch, not the chain.
  KnowledgeGraph g;
  g.add_source({"doc", "A document", "", "", "2021", "", "doc.txt"});
  std::vector<Vertex> v;
  for (int i = 0; i < 2000; ++i)
    v.push_back(g.add_entity(make_entity("c" + std::to_string(i), EntityType::person, "c" + std::to_string(i))));
  for (int i = 0; i + 1 < 2000; ++i) g.add_relation(v[i], v[i + 1], make_relation(RelationKind::associate_of, Confidence::reported));
  const GraphView view(g);
  const Projection p = Projection::build(view);
  const PathSearch near = search_paths(view, p, v[1000], v[1002], {1, PathWeight::none, default_path_work});
  REQUIRE(near.paths.size() == 1);
  CHECK(near.paths[0].length() == 2);
  CHECK(near.work < 20);
  const PathSearch far = search_paths(view, p, v[0], v[1999], {1, PathWeight::none, default_path_work});
  CHECK(far.work >= 2 * 1999);
}

TEST_CASE("brokers are the articulation points and bridges") {
  // A path 0–1–2 and a triangle 2–3–4: 1 and 2 are articulation points, 0–1 and 1–2 bridges.
  const std::vector<std::pair<std::size_t, std::size_t>> edges = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 2}};
  const Projection p = Projection::from_edges(6, edges);  // node 5 isolated
  const BrokerReport report = brokers(p);
  CHECK(report.components == 2);
  REQUIRE(report.brokers.size() == 2);
  CHECK(report.brokers[0].entity == 1);
  CHECK(report.brokers[1].entity == 2);
  CHECK(report.brokers[1].pieces == 2);
  CHECK(report.bridges.size() == 2);
  const CoreNumbers core = core_numbers(p);
  CHECK(std::ranges::equal(core.values(), std::vector<std::size_t>{1, 1, 2, 2, 2, 0}));
  CHECK(core.core(3) == 2u);
  CHECK(core.max_core() == 2);
  CHECK(core.members(2) == std::vector<Vertex>{2, 3, 4});
}

TEST_CASE("core numbers and components are looked up by entity, not by node") {
  // Entities 0…5 where the view left out 1 and 4: nodes 0…3 stand for entities 0, 2, 3, 5.
  const std::vector<std::pair<std::size_t, std::size_t>> edges = {{0, 2}, {2, 3}, {3, 0}, {4, 5}};
  const Projection p = Projection::from_edges(6, edges).induced({true, false, true, true, false, true});
  const CoreNumbers core = core_numbers(p);
  CHECK(core.core(3) == 2u);
  CHECK(core.core(5) == 0u);
  CHECK_FALSE(core.core(1));
  CHECK(core.members(2) == std::vector<Vertex>{0, 2, 3});
  const Components components = connected_components(p);
  CHECK(components.count == 2);
  CHECK(components.component(5) == 1u);
  CHECK_FALSE(components.component(4));
  CHECK(components.members(0) == std::vector<Vertex>{0, 2, 3});
  CHECK(components.sizes() == std::vector<std::size_t>{3, 1});
}

TEST_CASE("factions report blocs, balance and enemy-of-my-enemy pairs") {
  const KnowledgeGraph g = signed_graph();
  const FactionReport report = factions(GraphView(g));
  REQUIRE(report.blocs.size() == 1);
  CHECK(ids(g, report.blocs[0].groups) == std::vector<std::string>{"a", "b"});
  CHECK(ids(g, report.blocs[0].people) == std::vector<std::string>{"p"});
  REQUIRE(report.triangles.size() == 1);  // A+B, A−C, B−C: + · − · − > 0
  CHECK(report.triangles[0].balanced);
  CHECK(report.balance_ratio == 1.0);
  REQUIRE(report.candidates.size() == 2);  // A and D, B and D: both against C
  CHECK(ids(g, report.candidates[0].shared_enemies) == std::vector<std::string>{"c"});
  CHECK(faction_sign(RelationKind::faction_of) == 0);
  CHECK(faction_sign(RelationKind::operates_in) == 0);
}

TEST_CASE("the faction sign is the alignment kinds' sign: hierarchy and attacks do not sign a pair") {
  std::set<RelationKind> positive, negative;
  for (const auto& row : relation_kinds()) {
    if (faction_sign(row.kind) > 0) positive.insert(row.kind);
    if (faction_sign(row.kind) < 0) negative.insert(row.kind);
  }
  using enum RelationKind;
  CHECK(positive == std::set<RelationKind>{allied_with, aligned_with});
  CHECK(negative == std::set<RelationKind>{rival_of});
}

TEST_CASE("a rivalry outweighs a structural tie between the same groups") {
  KnowledgeGraph g = signed_graph();
  // C also allied with A: A–C stays negative, so the triangle stays balanced.
  g.add_relation(*g.find("c"), *g.find("a"), make_relation(RelationKind::allied_with, Confidence::alleged));
  const FactionReport report = factions(GraphView(g));
  CHECK(report.balanced == 1);
  CHECK(report.unbalanced == 0);
}

TEST_CASE("factions split a conflict into camps with the people of their groups, each camp cited") {
  KnowledgeGraph g = signed_graph();
  // E is a faction of A: it belongs to A, which says nothing of whose side it is on.
  const auto e = g.add_entity(make_entity("e", EntityType::faction, "E"));
  g.add_relation(e, *g.find("a"), make_relation(RelationKind::faction_of, Confidence::reported));
  const FactionReport report = factions(GraphView(g));
  REQUIRE(report.blocs.size() == 1);
  CHECK(ids(g, report.blocs[0].groups) == std::vector<std::string>{"a", "b"});
  CHECK(report.blocs[0].relations.size() == 1);
  CHECK(report.blocs[0].memberships.size() == 1);
  CHECK(ids(g, report.unaligned) == std::vector<std::string>{"e"});
  REQUIRE(report.conflicts.size() == 1);
  const Conflict& conflict = report.conflicts[0];
  CHECK(ids(g, conflict.camps[0].groups) == std::vector<std::string>{"a", "b", "d"});
  CHECK(ids(g, conflict.camps[0].people) == std::vector<std::string>{"p"});
  CHECK(ids(g, conflict.camps[1].groups) == std::vector<std::string>{"c"});
  CHECK(conflict.camps[1].people.empty());
  CHECK(conflict.frustration == 0);
  CHECK(conflict.exact);
  CHECK(conflict.relations.size() == 4);
  CHECK(conflict.frustrated.empty());
  REQUIRE(report.candidates.size() == 2);
  CHECK(report.candidates[0].relations.size() == 2);  // each side's rivalry with C
}

TEST_CASE("three groups at war with each other leave one frustrated tie and an unbalanced triangle for each") {
  KnowledgeGraph g = signed_graph();
  g.add_relation(*g.find("b"), *g.find("a"), make_relation(RelationKind::rival_of, Confidence::alleged));
  const FactionReport report = factions(GraphView(g));
  CHECK(report.blocs.empty());  // the rivalry outweighs A and B's alliance
  REQUIRE(report.conflicts.size() == 1);
  CHECK(report.conflicts[0].frustration == 1);
  CHECK(report.conflicts[0].frustrated.size() == 1);
  CHECK(report.unbalanced == 1);
  std::size_t frustrated = 0;
  for (const GroupBalance& balance : report.groups) {
    CHECK(balance.unbalanced == (g.entity(balance.group).id == "d" ? 0u : 1u));
    frustrated += balance.frustrated;
    CHECK(balance.relations.size() == balance.frustrated);
  }
  CHECK(frustrated == 2);  // one frustrated pair, counted at both its ends
}

TEST_CASE("disruption removes the most central node first and tracks the curve") {
  // Two stars joined through their hubs 0 and 5: 0–(1..4), 5–(6..8), 0–5.
  const std::vector<std::pair<std::size_t, std::size_t>> edges = {{0, 1}, {0, 2}, {0, 3}, {0, 4},
                                                                  {0, 5}, {5, 6}, {5, 7}, {5, 8}};
  const Projection p = Projection::from_edges(9, edges);
  SUBCASE("by degree, sequentially") {
    const DisruptionResult r = disrupt(p, DisruptionStrategy::degree, DisruptionMode::sequential, 2);
    CHECK(r.start.lcc == 9);
    REQUIRE(r.steps.size() == 2);
    CHECK(r.steps[0].removed == 0);
    CHECK(r.steps[0].state.lcc == 4);  // 5 with its three leaves
    CHECK(r.steps[0].lcc_fraction == doctest::Approx(4.0 / 9.0));
    CHECK(r.steps[0].state.components == 5);
    CHECK(r.steps[1].removed == 5);
    CHECK(r.steps[1].state.lcc == 1);
    CHECK(r.steps[1].state.efficiency == 0.0);
  }
  SUBCASE("block mode ranks once; ties go to the first loaded") {
    const DisruptionResult r = disrupt(p, DisruptionStrategy::betweenness, DisruptionMode::block, 3);
    REQUIRE(r.steps.size() == 3);
    CHECK(r.steps[0].removed == 0);
    CHECK(r.steps[1].removed == 5);
    CHECK(r.steps[2].removed == 1);  // all leaves score 0: the first loaded goes
  }
  SUBCASE("given removals") {
    const std::vector<Vertex> remove = {5};
    const DisruptionResult r = disrupt(p, remove);
    REQUIRE(r.steps.size() == 1);
    CHECK(r.steps[0].state.lcc == 5);
    CHECK(r.steps[0].state.components == 4);
    const std::vector<Vertex> outside = {9};
    CHECK_THROWS_AS((void)disrupt(p, outside), std::invalid_argument);
  }
}

TEST_CASE("a library caller of disrupt gets automatic sampling past 20000 entities") {
  // A ring of 20001 entities: one more than the exact limit.
  const std::size_t n = automatic_exact_limit + 1;
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  for (std::size_t i = 0; i < n; ++i) edges.emplace_back(i, (i + 1) % n);
  const Projection p = Projection::from_edges(n, edges);
  const DisruptionResult r = disrupt(p, DisruptionStrategy::degree, DisruptionMode::block, 1, {.threads = 2});
  CHECK(r.start.samples == automatic_samples);
  CHECK(r.start.error_bound > 0);
  CHECK(r.steps[0].state.samples == automatic_samples);
  // In a ring every source sees the same distances: the estimate is the exact value.
  double ring = 0;
  for (std::size_t d = 1; d <= n / 2; ++d) ring += 2.0 / static_cast<double>(d);
  CHECK(r.start.efficiency == doctest::Approx(ring / static_cast<double>(n - 1)));
  CHECK(sample_count({}, automatic_exact_limit) == 0);
  CHECK(sample_count({.samples = 0}, n) == 0);  // an explicit 0 is exact
  CHECK(sample_count({.samples = 5}, 10) == 5);
}

TEST_CASE("sampled efficiency is the mean over the sampled sources, within its stated bound") {
  // A path 0–1–…–99 with a chord 10–60: many distances, no symmetry to hide a mistake.
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  for (std::size_t i = 0; i + 1 < 100; ++i) edges.emplace_back(i, i + 1);
  edges.emplace_back(10, 60);
  const Projection p = Projection::from_edges(100, edges);
  const double exact = global_efficiency(p);
  const CentralityScores harmonic = harmonic_centrality(p);

  DisruptionOptions options;
  options.samples = 20;
  options.seed = 7;
  const std::vector<NodeId> sources = sample_nodes(100, 20, 7);
  REQUIRE(sources.size() == 20);
  double mean = 0;
  for (const auto s : sources) mean += harmonic.at(s) / 99.0;
  mean /= 20;
  CHECK(global_efficiency(p, options) == doctest::Approx(mean).epsilon(1e-12));

  const NetworkState state = network_state(p, options);
  CHECK(state.samples == 20);
  CHECK(state.error_bound == doctest::Approx(std::sqrt(std::log(40.0) / 40.0)));
  CHECK(std::abs(state.efficiency - exact) <= state.error_bound);

  SUBCASE("as many samples as nodes is the exact value") {
    options.samples = 100;
    CHECK(global_efficiency(p, options) == doctest::Approx(exact).epsilon(1e-12));
    CHECK(network_state(p, options).samples == 0);
  }
}

TEST_CASE("a tie known to hold by a date is a timeline event of its own, and not undated") {
  KnowledgeGraph g = sample_graph();
  Relation seen = make_relation(RelationKind::allied_with, Confidence::reported);
  seen.known_by = Date::parse("2020");
  seen.until = Date::parse("2020");
  g.add_relation(*g.find("los-rusos"), *g.find("los-garibay"), seen);
  const Timeline all = timeline(GraphView(g));
  REQUIRE(all.events.size() == 6);
  CHECK(all.undated == 1);  // still only the rivalry
  // On 2020: El Ruso's leadership ended, the alliance was known by then and ended in it: the
  // known event comes before both ends, a start before everything.
  std::vector<std::string> on_2020;
  for (const TimelineEvent& event : all.events)
    if (event.date.to_string() == "2020") on_2020.emplace_back(to_string(event.boundary));
  CHECK(on_2020 == std::vector<std::string>{"known", "ended", "ended"});
  CHECK(summarize(GraphView(g)).undated == 1);
}

TEST_CASE("a tie known to have ended by a date is an ended_by event on the timeline, not undated") {
  KnowledgeGraph g = sample_graph();
  Relation former = make_relation(RelationKind::associate_of, Confidence::reported);
  former.ended_by = Date::parse("2021-04-08");
  const Edge e = g.add_relation(*g.find("jesus-alexander-sanchez-felix"), *g.find("los-garibay"), former);
  const Timeline all = timeline(GraphView(g), *g.find("los-garibay"));
  const auto it = std::ranges::find_if(all.events, [&](const TimelineEvent& event) { return event.relation == e; });
  REQUIRE(it != all.events.end());
  CHECK(it->boundary == TieBoundary::ended_by);
  CHECK(it->date.to_string() == "2021-04-08");
  CHECK(to_string(it->boundary) == "ended_by");
  CHECK(timeline(GraphView(g)).undated == timeline(GraphView(sample_graph())).undated);
}

TEST_CASE("one entity's timeline is the whole timeline's events of its relations, in the same order") {
  // Random dated and undated ties, self loops included, through views that drop a type or a kind:
  // the entity's own timeline (read from its edge lists) against the whole one filtered to it.
  std::mt19937 random(5);
  const std::array<const char*, 5> dates = {nullptr, "2001", "2001-05", "2001-05-03", "2003-02"};
  for (int round = 0; round < 30; ++round) {
    KnowledgeGraph g;
    const std::size_t n = 3 + random() % 12;
    for (std::size_t i = 0; i < n; ++i)
      g.add_entity(make_entity("e" + std::to_string(i), i % 4 == 3 ? EntityType::place : EntityType::person, "e"));
    for (std::size_t i = 0, m = random() % (4 * n); i < m; ++i)
      g.add_relation(random() % n, random() % n,
                     make_relation(i % 2 ? RelationKind::associate_of : RelationKind::rival_of, Confidence::reported,
                                   dates[random() % 5], dates[random() % 5]));
    ViewFilter filter;
    if (round % 3 == 1) filter.types.reset(static_cast<std::size_t>(EntityType::place));
    if (round % 3 == 2) filter.kinds.reset(static_cast<std::size_t>(RelationKind::rival_of));
    const GraphView view(g, filter);
    const Timeline whole = timeline(view);
    for (Vertex v = 0; v < n; ++v) {
      const Timeline own = timeline(view, v);
      std::vector<std::tuple<std::uint32_t, TieBoundary>> expected, found;
      for (const TimelineEvent& event : whole.events)
        if (boost::source(event.relation, g.graph()) == v || boost::target(event.relation, g.graph()) == v)
          expected.emplace_back(event.relation.index, event.boundary);
      for (const TimelineEvent& event : own.events) found.emplace_back(event.relation.index, event.boundary);
      std::size_t undated = 0;
      for (const Edge e : boost::make_iterator_range(boost::edges(g.graph())))
        if (view.contains(e) && (boost::source(e, g.graph()) == v || boost::target(e, g.graph()) == v) &&
            !is_dated(g.relation(e)))
          ++undated;
      CAPTURE(round);
      CAPTURE(v);
      CHECK(found == expected);
      CHECK(own.undated == undated);
    }
  }
}

TEST_CASE("the timeline shows when each tie began and when it ended, and counts the undated") {
  const KnowledgeGraph g = sample_graph();
  const Timeline all = timeline(GraphView(g));
  REQUIRE(all.events.size() == 4);  // El Ruso's leadership began and ended: two events
  CHECK(all.undated == 1);          // the rivalry
  CHECK(all.events[0].date.to_string() == "2019");
  CHECK(all.events[0].boundary == TieBoundary::began);
  CHECK(all.events[1].date.to_string() == "2020");
  CHECK(all.events[1].boundary == TieBoundary::ended);
  CHECK(all.events[1].relation == all.events[0].relation);
  CHECK(all.events[2].date.to_string() == "2021-01");
  CHECK(all.events[3].date.to_string() == "2021-03");
  const Timeline salazar = timeline(GraphView(g), *g.find("los-salazar"));
  CHECK(salazar.events.size() == 2);
  CHECK(salazar.undated == 1);
}

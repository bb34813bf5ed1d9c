// The people network (graph/people_network) and the networks analyses run on (queries/network).
#include <doctest/doctest.h>

#include <algorithm>

#include "cartelgraph/queries/network.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using testing::make_entity;
using testing::make_relation;

namespace {

// A cartel with two warring factions (a member each), its own member, a leader of one faction
// who belongs to a second group, and that leader's son in both groups.
struct Fixture {
  KnowledgeGraph graph;
  Vertex cartel, chapitos, mayo_faction, garibay, chapo, son, mayo, cartel_member, rival, place;
  Edge son_in_chapitos, son_in_garibay, chapo_leads, chapo_in_garibay, parent, rivalry, attack;

  Fixture() {
    graph.add_source({"doc", "A document", "", "", "2021-04-08", "", "doc.txt"});
    cartel = add("cartel", EntityType::organization);
    chapitos = add("chapitos", EntityType::faction);
    mayo_faction = add("mayo-faction", EntityType::faction);
    garibay = add("garibay", EntityType::organization);
    chapo = add("chapo", EntityType::person);
    son = add("son", EntityType::person);
    mayo = add("mayo", EntityType::person);
    cartel_member = add("cartel-member", EntityType::person);
    rival = add("rival", EntityType::person);
    place = add("place", EntityType::place);
    tie(chapitos, cartel, RelationKind::faction_of);
    tie(mayo_faction, cartel, RelationKind::faction_of);
    tie(chapitos, mayo_faction, RelationKind::rival_of);
    chapo_leads = tie(chapo, chapitos, RelationKind::leads);
    chapo_in_garibay = tie(chapo, garibay, RelationKind::member_of);
    son_in_chapitos = tie(son, chapitos, RelationKind::member_of);
    son_in_garibay = tie(son, garibay, RelationKind::member_of);
    parent = tie(chapo, son, RelationKind::parent_of);
    tie(mayo, mayo_faction, RelationKind::leads);
    tie(cartel_member, cartel, RelationKind::member_of);
    rivalry = tie(rival, chapo, RelationKind::rival_of);
    attack = tie(rival, son, RelationKind::attacked);
    tie(chapo, place, RelationKind::operates_in);
  }
  Vertex add(const char* id, EntityType type) { return graph.add_entity(make_entity(id, type, id)); }
  Edge tie(Vertex a, Vertex b, RelationKind kind) {
    return graph.add_relation(a, b, make_relation(kind, Confidence::reported));
  }
};

}  // namespace

TEST_CASE("the people network ties people through the groups they share and their direct ties") {
  const Fixture f;
  const PeopleNetwork network = PeopleNetwork::build(GraphView(f.graph));
  CHECK(network.projection().node_count() == 5);  // every person, tied or not
  REQUIRE(network.ties().size() == 1);
  const PeopleTie& tie = network.ties().front();
  CHECK(tie.a == f.chapo);
  CHECK(tie.b == f.son);
  CHECK(tie.groups == std::vector<Vertex>{f.chapitos, f.garibay});
  CHECK(tie.relations == std::vector<Edge>{f.parent});
  CHECK(tie.weight() == 3);
  CHECK(network.tie(f.son, f.chapo) == &tie);
  CHECK(network.relations(tie) ==
        std::vector<Edge>{f.chapo_leads, f.son_in_chapitos, f.chapo_in_garibay, f.son_in_garibay, f.parent});
}

TEST_CASE("the two sides of a war are not tied through their parent cartel, nor enemies by their enmity") {
  const Fixture f;
  const PeopleNetwork network = PeopleNetwork::build(GraphView(f.graph));
  CHECK(network.tie(f.chapo, f.mayo) == nullptr);
  CHECK(network.tie(f.chapo, f.cartel_member) == nullptr);
  CHECK(network.tie(f.rival, f.chapo) == nullptr);
  CHECK(network.tie(f.rival, f.son) == nullptr);
  CHECK_FALSE(ties_people(RelationKind::rival_of));
  CHECK_FALSE(ties_people(RelationKind::attacked));
  CHECK(ties_people(RelationKind::spouse_of));
  CHECK(ties_people(RelationKind::allied_with));
}

TEST_CASE("a view's filter reaches the people network: a tie below --min-confidence is gone") {
  Fixture f;
  f.graph.add_relation(f.mayo, f.cartel_member, make_relation(RelationKind::associate_of, Confidence::alleged));
  ViewFilter filter;
  CHECK(PeopleNetwork::build(GraphView(f.graph, filter)).tie(f.mayo, f.cartel_member) != nullptr);
  filter.min_confidence = Confidence::reported;
  CHECK(PeopleNetwork::build(GraphView(f.graph, filter)).tie(f.mayo, f.cartel_member) == nullptr);
}

TEST_CASE("the criminal network leaves places out and cites every relation between two entities") {
  const Fixture f;
  const GraphView view(f.graph, network_filter({}, NetworkKind::criminal));
  const Network network(view, NetworkKind::criminal);
  CHECK_FALSE(network.projection().node(f.place));
  CHECK(network.projection().node(f.cartel));
  CHECK(network.people() == nullptr);
  CHECK(network.tie_relations(f.son, f.chapo) == std::vector<Edge>{f.parent});
  CHECK(network.tie_relations(f.chapo, f.mayo).empty());

  const GraphView all_view(f.graph, network_filter({}, NetworkKind::all));
  CHECK(Network(all_view, NetworkKind::all).projection().node(f.place));
}

TEST_CASE("a person's relations in the people network are those behind the ties to the people counted") {
  const Fixture f;
  const GraphView view(f.graph, network_filter({}, NetworkKind::people));
  const Network network(view, NetworkKind::people);
  REQUIRE(network.people() != nullptr);
  CHECK(network.tie_relations(f.chapo, f.son).size() == 5);
  const auto everyone = [](Vertex) { return true; };
  auto relations = network.relations_of(f.chapo, everyone);
  std::ranges::sort(relations);
  auto expected = std::vector<Edge>{f.chapo_leads, f.chapo_in_garibay, f.parent};
  std::ranges::sort(expected);
  CHECK(relations == expected);
  CHECK(network.relations_of(f.chapo, [&](Vertex v) { return v != f.son; }).empty());
  CHECK(network.relations_of(f.place, everyone).empty());
}

TEST_CASE("networks are named criminal, people and all, and each says what it holds") {
  CHECK(joined_names<NetworkKind>() == "criminal, people, all");
  for (const auto name : names<NetworkKind>()) CHECK_FALSE(describe(*parse<NetworkKind>(name)).empty());
}

// cartelgraph against a peer: NetworkX 2.8's values, computed by tests/peer/networkx_expected.py
// into tests/fixtures/networkx_expected.json, for small graphs and the built-in data.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <string>

#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/disruption.hpp"
#include "cartelgraph/queries/network.hpp"
#include "cartelgraph/queries/paths.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;

namespace {

constexpr double tolerance = 1e-9;

const rapidjson::Document& expected() {
  static const rapidjson::Document document = [] {
    std::ifstream in(std::string(CARTELGRAPH_SOURCE_DIR) + "/tests/fixtures/networkx_expected.json");
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    rapidjson::Document d;
    d.Parse(text.c_str());
    return d;
  }();
  return document;
}

void check_centralities(const Projection& projection, const rapidjson::Value& centrality,
                        const std::vector<std::string>& labels) {
  for (const auto& member : centrality.GetObject()) {
    const auto measure = parse_centrality_measure(member.name.GetString());
    REQUIRE(measure);
    const CentralityScores scores = cartelgraph::centrality(projection, *measure);
    const auto& values = member.value.GetArray();
    REQUIRE(values.Size() == scores.size());
    for (rapidjson::SizeType i = 0; i < values.Size(); ++i) {
      const std::string measure_name = member.name.GetString();
      CAPTURE(measure_name);
      CAPTURE(labels[i]);
      CHECK(std::abs(scores.at(NodeId{i}) - values[i].GetDouble()) <= tolerance);
    }
  }
}

std::vector<std::size_t> lengths_of(const std::vector<std::vector<NodeId>>& paths) {
  std::vector<std::size_t> lengths;
  for (const auto& path : paths) lengths.push_back(path.size() - 1);
  return lengths;
}

std::vector<std::size_t> expected_lengths(const rapidjson::Value& path) {
  std::vector<std::size_t> lengths;
  for (const auto& length : path["lengths"].GetArray()) lengths.push_back(length.GetUint());
  return lengths;
}

}  // namespace

TEST_CASE("the peer fixture was computed by NetworkX 2.8") {
  REQUIRE(expected().IsObject());
  CHECK(std::string(expected()["networkx"].GetString()).starts_with("2.8"));
}

TEST_CASE("small graphs match NetworkX: six centralities, efficiency, components, Yen lengths") {
  for (const auto& graph : expected()["graphs"].GetArray()) {
    const std::string graph_name = graph["name"].GetString();
    CAPTURE(graph_name);
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (const auto& edge : graph["edges"].GetArray()) edges.emplace_back(edge[0].GetUint(), edge[1].GetUint());
    const std::size_t n = graph["nodes"].GetUint();
    const Projection projection = Projection::from_edges(n, edges);
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < n; ++i) labels.push_back(std::to_string(i));
    check_centralities(projection, graph["centrality"], labels);

    const NetworkState state = network_state(projection);
    CHECK(std::abs(state.efficiency - graph["efficiency"].GetDouble()) <= tolerance);
    CHECK(state.components == graph["components"].GetUint());

    for (const auto& path : graph["paths"].GetArray()) {
      const auto found = k_shortest_paths(projection, NodeId{path["from"].GetUint()}, NodeId{path["to"].GetUint()},
                                          path["k"].GetUint());
      CHECK(lengths_of(found) == expected_lengths(path));
    }
  }
}

TEST_CASE("the built-in data matches NetworkX on the undirected simple projection") {
  const KnowledgeGraph graph = load_builtin_graph();
  const GraphView view(graph);
  const Projection projection = Projection::build(view);
  const auto& builtin = expected()["builtin"];

  // Same nodes in the same (load) order, so scores compare index by index.
  std::vector<std::string> labels;
  for (const auto& id : builtin["nodes"].GetArray()) labels.emplace_back(id.GetString());
  REQUIRE(labels.size() == projection.node_count());
  for (Projection::Node u = 0; u < projection.node_count(); ++u)
    REQUIRE(graph.entity(projection.entity(Projection::id(u))).id == labels[u]);

  check_centralities(projection, builtin["centrality"], labels);
  const NetworkState state = network_state(projection);
  CHECK(std::abs(state.efficiency - builtin["efficiency"].GetDouble()) <= tolerance);
  CHECK(state.components == builtin["components"].GetUint());

  for (const auto& path : builtin["paths"].GetArray()) {
    CAPTURE(path["from"].GetString());
    CAPTURE(path["to"].GetString());
    const auto found = find_paths(view, projection, *graph.find(path["from"].GetString()),
                                  *graph.find(path["to"].GetString()), {path["k"].GetUint(), PathWeight::none});
    std::vector<std::size_t> lengths;
    for (const auto& p : found) lengths.push_back(p.length());
    CHECK(lengths == expected_lengths(path));
  }
}

namespace {

// The (a, b, weight) of every tie, as node indices of `network`'s projection, a < b.
std::vector<std::array<std::size_t, 3>> weighted_ties(const PeopleNetwork& network) {
  std::vector<std::array<std::size_t, 3>> ties;
  const Projection& p = network.projection();
  for (const PeopleTie& tie : network.ties())
    ties.push_back({Projection::index(*p.node(tie.a)), Projection::index(*p.node(tie.b)), tie.weight()});
  std::ranges::sort(ties);
  return ties;
}

std::vector<std::array<std::size_t, 3>> expected_ties(const rapidjson::Value& ties) {
  std::vector<std::array<std::size_t, 3>> list;
  for (const auto& t : ties.GetArray()) list.push_back({t[0].GetUint(), t[1].GetUint(), t[2].GetUint()});
  return list;
}

}  // namespace

TEST_CASE("the people network equals NetworkX's weighted bipartite projection on Davis's Southern Women") {
  const auto& small = expected()["people"]["small"];
  KnowledgeGraph graph;
  graph.add_source({"doc", "A document", "", "", "2021-04-08", "", "doc.txt"});
  std::vector<Vertex> women;
  std::vector<Vertex> events;
  for (std::size_t i = 0; i < small["people"].GetUint(); ++i)
    women.push_back(graph.add_entity(
        testing::make_entity("w" + std::to_string(i), EntityType::person, "Woman " + std::to_string(i))));
  for (std::size_t i = 0; i < small["groups"].GetUint(); ++i)
    events.push_back(graph.add_entity(
        testing::make_entity("e" + std::to_string(i), EntityType::organization, "Event " + std::to_string(i))));
  for (const auto& m : small["memberships"].GetArray())
    graph.add_relation(women[m[0].GetUint()], events[m[1].GetUint()],
                       testing::make_relation(RelationKind::member_of, Confidence::confirmed));
  for (const auto& d : small["direct"].GetArray())
    graph.add_relation(women[d[0].GetUint()], women[d[1].GetUint()],
                       testing::make_relation(RelationKind::associate_of, Confidence::reported));

  const PeopleNetwork network = PeopleNetwork::build(GraphView(graph));
  CHECK(network.projection().node_count() == women.size());
  CHECK(weighted_ties(network) == expected_ties(small["ties"]));
}

TEST_CASE("the built-in people network matches NetworkX: ties, weights, six centralities, efficiency") {
  const KnowledgeGraph graph = load_builtin_graph();
  const GraphView criminal(graph, network_filter({}, NetworkKind::criminal));
  const PeopleNetwork network = PeopleNetwork::build(criminal);
  const auto& builtin = expected()["people"]["builtin"];

  std::vector<std::string> labels;
  for (const auto& id : builtin["nodes"].GetArray()) labels.emplace_back(id.GetString());
  REQUIRE(labels.size() == network.projection().node_count());
  for (Projection::Node u = 0; u < labels.size(); ++u)
    REQUIRE(graph.entity(network.projection().entity(Projection::id(u))).id == labels[u]);

  CHECK(weighted_ties(network) == expected_ties(builtin["ties"]));
  check_centralities(network.projection(), builtin["centrality"], labels);
  const NetworkState state = network_state(network.projection());
  CHECK(std::abs(state.efficiency - builtin["efficiency"].GetDouble()) <= tolerance);
  CHECK(state.components == builtin["components"].GetUint());
}

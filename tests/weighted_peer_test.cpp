// Weighted analysis against a peer: NetworkX 2.8's values on tie strengths and lengths 1/strength,
// computed by tests/peer/networkx_weighted.py into tests/fixtures/networkx_weighted.json.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <string>

#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/network.hpp"
#include "cartelgraph/queries/paths.hpp"
#include "cartelgraph/queries/tie_strength.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;

namespace {

constexpr double tolerance = 1e-9;

const rapidjson::Document& expected() {
  static const rapidjson::Document document = [] {
    std::ifstream in(std::string(CARTELGRAPH_SOURCE_DIR) + "/tests/fixtures/networkx_weighted.json");
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    rapidjson::Document d;
    d.Parse(text.c_str());
    return d;
  }();
  return document;
}

// Every measure of `centrality` (a fixture object) on `strengths`, with 1 and with 3 threads.
void check_weighted(const Projection& projection, const std::vector<double>& strengths,
                    const rapidjson::Value& centrality) {
  for (const auto& member : centrality.GetObject()) {
    const std::string measure_name = member.name.GetString();
    CAPTURE(measure_name);
    const auto measure = parse_centrality_measure(measure_name);
    REQUIRE(measure);
    const CentralityScores one = cartelgraph::centrality(projection, *measure, {.threads = 1, .strengths = strengths});
    const CentralityScores three = cartelgraph::centrality(projection, *measure,
                                                           {.threads = 3, .strengths = strengths});
    const auto& values = member.value.GetArray();
    REQUIRE(values.Size() == one.size());
    for (rapidjson::SizeType i = 0; i < values.Size(); ++i) {
      CAPTURE(i);
      CHECK(std::abs(one.at(NodeId{i}) - values[i].GetDouble()) <= tolerance);
      CHECK(one.at(NodeId{i}) == three.at(NodeId{i}));
    }
  }
}

// A graph of `n` people and the fixture's relations (a, b, weight or null) between them.
KnowledgeGraph graph_of(std::size_t n, const rapidjson::Value& relations) {
  KnowledgeGraph graph;
  graph.add_source({"doc", "A document", "", "", "2021-04-08", "", "doc.txt"});
  std::vector<Vertex> people;
  for (std::size_t i = 0; i < n; ++i)
    people.push_back(graph.add_entity(
        testing::make_entity("p" + std::to_string(i), EntityType::person, "Person " + std::to_string(i))));
  for (const auto& r : relations.GetArray()) {
    Relation relation = testing::make_relation(RelationKind::associate_of, Confidence::reported);
    if (!r[2].IsNull()) relation.weight = r[2].GetDouble();
    graph.add_relation(people[r[0].GetUint()], people[r[1].GetUint()], relation);
  }
  return graph;
}

}  // namespace

TEST_CASE("the weighted peer fixture was computed by NetworkX 2.8") {
  REQUIRE(expected().IsObject());
  CHECK(std::string(expected()["networkx"].GetString()).starts_with("2.8"));
}

namespace {

// Calls check(fixture, view, projection) for every graph of the fixture, built as a knowledge graph.
template <class Check>
void for_each_graph(Check check) {
  for (const auto& fixture : expected()["graphs"].GetArray()) {
    const std::string graph_name = fixture["name"].GetString();
    CAPTURE(graph_name);
    const KnowledgeGraph graph = graph_of(fixture["nodes"].GetUint(), fixture["relations"]);
    const GraphView view(graph);
    check(fixture, view, Projection::build(view));
  }
}

}  // namespace

TEST_CASE("weighted centralities on lengths 1/strength match NetworkX, whatever the thread count") {
  for_each_graph([](const rapidjson::Value& fixture, const GraphView& view, const Projection& projection) {
    check_weighted(projection, arc_strengths(view, projection), fixture["centrality"]);
  });
}

TEST_CASE("paths weighted by strength cost what NetworkX's shortest path on lengths 1/strength costs") {
  for_each_graph([](const rapidjson::Value& fixture, const GraphView& view, const Projection& projection) {
    for (const auto& path : fixture["paths"].GetArray()) {
      CAPTURE(path["from"].GetUint());
      CAPTURE(path["to"].GetUint());
      const Vertex from = projection.entity(NodeId{path["from"].GetUint()});
      const Vertex to = projection.entity(NodeId{path["to"].GetUint()});
      const auto found = find_paths(view, projection, from, to, {1, PathWeight::weight});
      if (path["cost"].IsNull()) {
        CHECK(found.empty());
      } else {
        REQUIRE(found.size() == 1);
        CHECK(std::abs(found[0].cost - path["cost"].GetDouble()) <= tolerance);
      }
    }
  });
}

TEST_CASE("the built-in people network weighted by its tie strengths matches NetworkX") {
  const KnowledgeGraph graph = load_builtin_graph();
  const GraphView criminal(graph, network_filter({}, NetworkKind::criminal));
  const Network network(criminal, NetworkKind::people);
  const auto& people = expected()["people"];
  const Projection& projection = network.projection();
  REQUIRE(people["nodes"].Size() == projection.node_count());
  for (Projection::Node u = 0; u < projection.node_count(); ++u)
    REQUIRE(graph.entity(projection.entity(Projection::id(u))).id == people["nodes"][u].GetString());
  check_weighted(projection, network.strengths(), people["centrality"]);
}

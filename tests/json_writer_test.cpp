// The JSON vocabulary: one shape per record, parsed back by RapidJSON.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include "cartelgraph/exporters/json_writer.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::sample_graph;

namespace {

rapidjson::Document parse(const JsonWriter& json) {
  rapidjson::Document document;
  document.Parse(json.text().c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

Edge relation_of(const KnowledgeGraph& g, const char* from, RelationKind kind) {
  for (const Edge e : boost::make_iterator_range(boost::out_edges(*g.find(from), g.graph())))
    if (g.relation(e).kind == kind) return e;
  FAIL("no such relation");
  return {};
}

}  // namespace

TEST_CASE("a relation in an answer always has every member, absent ones null, and each citation its support") {
  const KnowledgeGraph g = sample_graph();
  JsonWriter json;
  json.relation(g, relation_of(g, "los-rusos", RelationKind::rival_of));
  const auto doc = parse(json);
  CHECK(std::string(doc["kind"].GetString()) == "rival_of");
  CHECK(std::string(doc["from"].GetString()) == "los-rusos");
  CHECK(std::string(doc["to"].GetString()) == "los-salazar");
  for (const char* member : {"label", "since", "until", "known_by", "place", "weight"}) {
    CAPTURE(member);
    REQUIRE(doc.HasMember(member));
    CHECK(doc[member].IsNull());
  }
  CHECK(std::string(doc["confidence"].GetString()) == "alleged");
  REQUIRE(doc["sources"].Size() == 1);
  CHECK(std::string(doc["sources"][0]["note"].GetString()) == "Supports it.");
  CHECK(std::string(doc["sources"][0]["support"].GetString()) == "text");  // the default, explicit in answers
}

TEST_CASE("a relation in a fact file leaves absent members out and keeps the schema's order") {
  const KnowledgeGraph g = sample_graph();
  JsonWriter json(JsonWriter::Style::compact);
  json.relation(g, relation_of(g, "jesus-alexander-sanchez-felix", RelationKind::leads), JsonWriter::Absent::omit);
  CHECK(json.text(false) ==
        R"({"kind":"leads","from":"jesus-alexander-sanchez-felix","to":"los-rusos","since":"2019","until":"2020",)"
        R"("confidence":"confirmed","sources":[{"source":"doc","section":"Heading","note":"Supports it."}]})");
}

TEST_CASE("entities, problems and ids keep their shapes, and control characters are escaped") {
  KnowledgeGraph g = sample_graph();
  const Vertex salazar = *g.find("los-salazar");
  JsonWriter json(JsonWriter::Style::compact);
  json.begin_object();
  json.key("entity");
  json.entity_with(g, salazar, "score", 0.5);
  json.key("problem");
  json.problem({"facts.json", 3, 7, "bad \x1b[31mred\x1b[0m"});
  json.key("ids");
  json.ids(g, std::vector<Vertex>{salazar, *g.find("mexicali")});
  json.end_object();
  CHECK(json.text(false) == R"({"entity":{"id":"los-salazar","name":"Los Salazar","type":"faction","score":0.5},)"
                            R"("problem":{"file":"facts.json","line":3,"column":7,"message":"bad \u001B[31mred\u001B[0m"},)"
                            R"("ids":["los-salazar","mexicali"]})");
}

TEST_CASE("a pretty document is indented by two spaces and ends with a newline") {
  JsonWriter json;
  json.object([&] { json.member("n", 1u); });
  CHECK(json.text() == "{\n  \"n\": 1\n}\n");
}

TEST_CASE("members given to open_with lead the outermost object, once, wherever it opens") {
  JsonWriter json(JsonWriter::Style::compact);
  json.open_with([&] { json.member("as_of", "2021"); });
  json.begin_array();
  json.object([&] {
    json.member("a", 1);
    json.key("b");
    json.object([&] { json.member("b", 2); });
  });
  json.object([&] { json.member("c", 3); });
  json.end_array();
  CHECK(json.text() == R"([{"as_of":"2021","a":1,"b":{"b":2}},{"c":3}])" "\n");
}

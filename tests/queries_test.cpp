#include <doctest/doctest.h>

#include "cartelgraph/queries/entity_card.hpp"
#include "cartelgraph/queries/resolve.hpp"
#include "cartelgraph/queries/summary.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::make_entity;
using cartelgraph::testing::sample_graph;

TEST_CASE("the summary counts what the view keeps") {
  const KnowledgeGraph g = sample_graph();
  SUBCASE("the whole graph") {
    const GraphSummary s = summarize(GraphView(g));
    CHECK(s.entities == 5);
    CHECK(s.relations == 4);
    CHECK(s.sources == 1);
    CHECK(s.by_type.at(EntityType::faction) == 2);
    CHECK(s.by_type.at(EntityType::person) == 1);
    CHECK_FALSE(s.by_type.contains(EntityType::agency));
    CHECK(s.by_kind.at(RelationKind::allied_with) == 1);
    REQUIRE(s.earliest);
    CHECK(s.earliest->to_string() == "2019");
    CHECK(s.latest->to_string() == "2021-03");
  }
  SUBCASE("a confirmed-only view") {
    ViewFilter filter;
    filter.min_confidence = Confidence::confirmed;
    const GraphSummary s = summarize(GraphView(g, filter));
    CHECK(s.relations == 1);
    CHECK(s.by_kind.size() == 1);
    CHECK(s.latest->to_string() == "2020");
  }
}

TEST_CASE("entities resolve by id, name or alias, ignoring case and accents") {
  const KnowledgeGraph g = sample_graph();
  const auto ruso = *g.find("jesus-alexander-sanchez-felix");
  for (const char* text : {"jesus-alexander-sanchez-felix", "El Ruso", "el ruso", "JESUS ALEXANDER SANCHEZ FELIX"}) {
    CAPTURE(text);
    const Resolution r = resolve_entity(g, text);
    CHECK(r.status == Resolution::Status::found);
    REQUIRE(r.entities.size() == 1);
    CHECK(r.entities.front() == ruso);
  }
}

TEST_CASE("a name shared by several entities is ambiguous") {
  KnowledgeGraph g = sample_graph();
  g.add_entity(make_entity("other-ruso", EntityType::person, "Another Man", {"El Ruso"}));
  const Resolution r = resolve_entity(g, "el ruso");
  CHECK(r.status == Resolution::Status::ambiguous);
  CHECK(r.entities.size() == 2);
}

TEST_CASE("an unknown name gets the closest suggestions") {
  const KnowledgeGraph g = sample_graph();
  SUBCASE("a misspelling") {
    const Resolution r = resolve_entity(g, "Los Rusoss");
    CHECK(r.status == Resolution::Status::unknown);
    REQUIRE_FALSE(r.entities.empty());
    CHECK(g.entity(r.entities.front()).id == "los-rusos");
  }
  SUBCASE("nothing close still gets the nearest names, at most five") {
    const Resolution r = resolve_entity(g, "Quintana Roo femicides");
    CHECK(r.status == Resolution::Status::unknown);
    CHECK(r.entities.size() <= 5);
  }
}

TEST_CASE("a unique prefix or word match resolves; several are ambiguous") {
  const KnowledgeGraph g = sample_graph();
  const auto id_of = [&](const char* text) {
    const Resolution r = resolve_entity(g, text);
    return r.status == Resolution::Status::found ? g.entity(r.entities.front()).id : std::string("?");
  };
  CHECK(id_of("garibay") == "los-garibay");         // a word of a name
  CHECK(id_of("los sala") == "los-salazar");        // a prefix
  CHECK(id_of("sanchez felix") == "jesus-alexander-sanchez-felix");
  const Resolution los = resolve_entity(g, "los");  // a prefix of three names
  CHECK(los.status == Resolution::Status::ambiguous);
  CHECK(los.entities.size() == 3);
}

TEST_CASE("search ranks exact, prefix, word, substring and similar matches, and pads with nothing") {
  const KnowledgeGraph g = sample_graph();
  const auto hits = search_entities(g, "ruso", 10);
  REQUIRE(hits.size() == 2);  // the other three names score below the relevance floor
  CHECK(g.entity(hits[0].entity).id == "jesus-alexander-sanchez-felix");  // "el ruso": a word
  CHECK(hits[0].score == 0.8);
  CHECK(g.entity(hits[1].entity).id == "los-rusos");  // "los rusos" contains "ruso"
  CHECK(hits[1].score == 0.7);
  const auto all = search_entities(g, "ruso", 10, 0.0);
  REQUIRE(all.size() > 2);  // every name that scores above 0
  CHECK(all[2].score < relevance_floor);
  const auto typo = search_entities(g, "los rusoz", 10);  // one letter off: 0.6 × 8/9
  REQUIRE(typo.size() == 1);
  CHECK(typo[0].score == doctest::Approx(0.6 * 8 / 9));
  CHECK(search_entities(g, "El Ruso", 1)[0].score == 1.0);
  CHECK(search_entities(g, "mexi", 1)[0].score == 0.9);
}

TEST_CASE("an entity card lists the view's relations, dated first") {
  const KnowledgeGraph g = sample_graph();
  const auto salazar = *g.find("los-salazar");
  const EntityCard card = entity_card(GraphView(g), salazar);
  REQUIRE(card.relations.size() == 3);
  CHECK(g.relation(card.relations[0].edge).kind == RelationKind::contests);     // 2021-01
  CHECK(g.relation(card.relations[1].edge).kind == RelationKind::allied_with);  // 2021-03
  CHECK(g.relation(card.relations[2].edge).kind == RelationKind::rival_of);     // undated
  CHECK(card.relations[1].outgoing);
  CHECK_FALSE(card.relations[2].outgoing);
  CHECK(g.entity(card.relations[2].other).id == "los-rusos");

  ViewFilter filter;
  filter.min_confidence = Confidence::reported;
  CHECK(entity_card(GraphView(g, filter), salazar).relations.size() == 2);
}

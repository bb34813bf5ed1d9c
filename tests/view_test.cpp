#include <doctest/doctest.h>

#include <boost/graph/graph_utility.hpp>

#include "cartelgraph/graph/view.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::sample_graph;

namespace {
std::size_t edge_count(const GraphView& view) {
  const auto g = view.graph();
  const auto [first, last] = boost::edges(g);
  return static_cast<std::size_t>(std::distance(first, last));
}
std::size_t vertex_count(const GraphView& view) {
  const auto g = view.graph();
  const auto [first, last] = boost::vertices(g);
  return static_cast<std::size_t>(std::distance(first, last));
}
}  // namespace

TEST_CASE("the default view keeps everything") {
  const KnowledgeGraph g = sample_graph();
  const GraphView view(g);
  CHECK(vertex_count(view) == 5);
  CHECK(edge_count(view) == 4);
}

TEST_CASE("an as-of view keeps the relations that hold on that date") {
  const KnowledgeGraph g = sample_graph();
  ViewFilter filter;
  SUBCASE("before the alliance, during El Ruso's leadership") {
    filter.as_of = Date::parse("2019-12-31");
    // leads (2019–2020) has certainly begun and not ended, and the undated rivalry is kept; the
    // alliance (2021-03) and contest (2021-01) have not begun
    CHECK(edge_count(GraphView(g, filter)) == 2);
  }
  SUBCASE("a year-precision end is not certain to hold after its first day") {
    filter.as_of = Date::parse("2020-06-01");  // El Ruso's leadership ended some time in 2020
    CHECK(edge_count(GraphView(g, filter)) == 1);
  }
  SUBCASE("a month-precision start is not certain before the month's last day") {
    filter.as_of = Date::parse("2021-03-01");  // the alliance began some time in March 2021
    CHECK(edge_count(GraphView(g, filter)) == 2);
  }
  SUBCASE("dated-only drops the undated rivalry") {
    filter.as_of = Date::parse("2021-03");
    filter.dated_only = true;
    CHECK(edge_count(GraphView(g, filter)) == 2);
  }
  SUBCASE("a month-precision date means the end of that month") {
    filter.as_of = Date::parse("2021-03");
    // the alliance since 2021-03, the contest since 2021-01, the undated rivalry
    CHECK(edge_count(GraphView(g, filter)) == 3);
  }
  SUBCASE("the day before a month-precision start excludes it") {
    filter.as_of = Date::parse("2021-02-28");
    CHECK(edge_count(GraphView(g, filter)) == 2);
  }
}

TEST_CASE("a tie known to hold by a month holds from the month's last day, not before it") {
  // Los Salazar's alliance with Los Garibay, seen in March 2021, start unknown, ended in 2022.
  Relation seen;
  seen.known_by = Date::parse("2021-03");
  seen.until = Date::parse("2022");
  const auto day = [](const char* text) {
    return *Date::parse(text);
  };
  CHECK_FALSE(holds_on(seen, day("2019-01-01")));  // it may have held then: not certain
  CHECK_FALSE(holds_on(seen, day("2021-03-30")));
  CHECK(holds_on(seen, day("2021-03-31")));
  CHECK(holds_on(seen, day("2022-01-01")));  // the end year's first day still holds
  CHECK_FALSE(holds_on(seen, day("2022-01-02")));
  CHECK(is_dated(seen));
  CHECK(start_bound(seen) == Date::parse("2021-03"));

  KnowledgeGraph g = sample_graph();
  const Vertex salazar = *g.find("los-salazar");
  const Vertex rusos = *g.find("los-rusos");
  Relation alliance = testing::make_relation(RelationKind::allied_with, Confidence::reported);
  alliance.known_by = Date::parse("2021-03");
  g.add_relation(salazar, rusos, alliance);
  ViewFilter filter;
  filter.dated_only = true;  // the known-by tie is dated: kept with the three dated ones
  CHECK(edge_count(GraphView(g, filter)) == 4);
  filter.as_of = Date::parse("2021-03-30");  // alliance (2021-03) not yet certain either
  CHECK(edge_count(GraphView(g, filter)) == 1);
  filter.as_of = Date::parse("2021-03");
  CHECK(edge_count(GraphView(g, filter)) == 3);
}

TEST_CASE("a tie known to have ended by a date holds before it, and not from its first day on") {
  // El Chapo and El Mayo, "former associates" in a monitor of 8 April 2021; a start of 2005.
  Relation former;
  former.since = Date::parse("2005");
  former.ended_by = Date::parse("2021-04");
  const auto day = [](const char* text) {
    return *Date::parse(text);
  };
  CHECK_FALSE(holds_on(former, day("2005-06-01")));  // the start year: not yet certain
  CHECK(holds_on(former, day("2005-12-31")));
  CHECK(holds_on(former, day("2021-03-31")));
  CHECK_FALSE(holds_on(former, day("2021-04-01")));  // it may have ended any day up to April
  CHECK_FALSE(holds_on(former, day("2030-01-01")));
  CHECK(end_bound(former) == Date::parse("2021-04"));

  Relation undated_start;  // "former", and nothing else known
  undated_start.ended_by = Date::parse("2021-04-08");
  CHECK(is_dated(undated_start));
  CHECK(holds_on(undated_start, day("2021-04-07")));
  CHECK_FALSE(holds_on(undated_start, day("2021-04-08")));
  CHECK_FALSE(start_bound(undated_start));

  KnowledgeGraph g = sample_graph();
  Relation alliance = testing::make_relation(RelationKind::allied_with, Confidence::reported);
  alliance.ended_by = Date::parse("2021-04");
  g.add_relation(*g.find("los-salazar"), *g.find("los-rusos"), alliance);
  ViewFilter filter;
  filter.as_of = Date::parse("2021-03");
  const std::size_t before = edge_count(GraphView(g, filter));
  filter.as_of = Date::parse("2021-04");
  CHECK(edge_count(GraphView(g, filter)) == before - 1);
}

TEST_CASE("a minimum confidence drops weaker relations") {
  const KnowledgeGraph g = sample_graph();
  ViewFilter filter;
  filter.min_confidence = Confidence::reported;
  CHECK(edge_count(GraphView(g, filter)) == 3);
  filter.min_confidence = Confidence::confirmed;
  CHECK(edge_count(GraphView(g, filter)) == 1);
}

TEST_CASE("a kind filter keeps only the named kinds") {
  const KnowledgeGraph g = sample_graph();
  ViewFilter filter;
  filter.kinds.reset();
  filter.kinds.set(static_cast<std::size_t>(RelationKind::allied_with));
  filter.kinds.set(static_cast<std::size_t>(RelationKind::rival_of));
  CHECK(edge_count(GraphView(g, filter)) == 2);
}

TEST_CASE("a type filter drops entities and the relations that touch them") {
  const KnowledgeGraph g = sample_graph();
  ViewFilter filter;
  filter.types = type_set(EntityType::faction) | type_set(EntityType::organization);
  const GraphView view(g, filter);
  CHECK(vertex_count(view) == 3);
  CHECK(edge_count(view) == 2);  // alliance and rivalry; leads and contest touch a person, a place
  CHECK_FALSE(view.contains(*g.find("mexicali")));
  CHECK(view.contains(*g.find("los-salazar")));
}

TEST_CASE("views share the graph instead of copying it") {
  const KnowledgeGraph g = sample_graph();
  const GraphView view(g);
  CHECK(&view.knowledge_graph() == &g);
  CHECK(&view.graph().m_g == &g.graph());
}

TEST_CASE("a layer filter keeps the criminal network: no places, and no ties to them") {
  const KnowledgeGraph g = sample_graph();
  ViewFilter filter;
  filter.layers.reset().set(static_cast<std::size_t>(Layer::criminal));
  const GraphView view(g, filter);
  CHECK(vertex_count(view) == 4);  // Mexicali is a place
  CHECK(edge_count(view) == 3);    // the contest of Mexicali is a territory tie
}

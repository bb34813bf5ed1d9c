// What changed between two dates: placement in the window checked day by day against holds_on,
// and blocs and sides on a small graph whose changes are derived by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/queries/changes.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using testing::make_entity;
using testing::make_relation;

namespace {

Date date(const char* text) { return *Date::parse(text); }

// Two groups tied once, by an alliance that starts (or ends) on `when`.
KnowledgeGraph one_tie(const Date& when, TieBoundary boundary) {
  KnowledgeGraph g;
  g.add_source({"doc", "A document", "", "", "2021-04-08", "", "doc.txt"});
  const auto a = g.add_entity(make_entity("a", EntityType::organization, "A"));
  const auto b = g.add_entity(make_entity("b", EntityType::organization, "B"));
  Relation relation = make_relation(RelationKind::allied_with, Confidence::reported);
  (boundary == TieBoundary::began ? relation.since : relation.until) = when;
  g.add_relation(a, b, relation);
  return g;
}

// Every day of the period `when` stands for.
std::vector<Date> days_of(const Date& when) {
  std::vector<Date> days;
  const Date first = when.first_day();
  const Date last = when.last_day();
  for (int y = first.year(); y <= last.year(); ++y)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= days_in_month(y, m); ++d) {
        const Date day = Date::from_ymd(y, m, d);
        if (!(day < first) && !(last < day)) days.push_back(day);
      }
  return days;
}

// The peer: the tie changed in the window if it does not hold as of `from` and does as of `to`
// (a start), or the reverse (an end), by holds_on at the two dates' last days.
bool changed_by_holds_on(const Date& when, TieBoundary boundary, const Date& from, const Date& to) {
  Relation relation;
  (boundary == TieBoundary::began ? relation.since : relation.until) = when;
  const bool before = holds_on(relation, from.last_day());
  const bool after = holds_on(relation, to.last_day());
  return boundary == TieBoundary::began ? !before && after : before && !after;
}

Vertex id(const KnowledgeGraph& g, const char* name) { return *g.find(name); }

std::vector<std::string> ids(const KnowledgeGraph& g, const std::vector<Vertex>& vertices) {
  std::vector<std::string> result;
  for (const Vertex v : vertices) result.push_back(g.entity(v).id);
  return result;
}

// "a-b" for each relation, sorted: the pairs a list of relations ties.
std::vector<std::string> pairs(const KnowledgeGraph& g, const std::vector<Edge>& relations) {
  std::vector<std::string> result;
  for (const Edge e : relations)
    result.push_back(g.entity(boost::source(e, g.graph())).id + "-" + g.entity(boost::target(e, g.graph())).id);
  std::ranges::sort(result);
  return result;
}

// Uno rival of Dos (undated); Tres allied with Uno until 2021-05, then with Dos since 2021-09;
// Cuatro allied with Cinco since 2021-08-15; Cinco rival of Seis since 2021-10; Siete alone.
KnowledgeGraph shifting_sides() {
  KnowledgeGraph g;
  g.add_source({"doc", "A document", "", "", "2021-04-08", "", "doc.txt"});
  std::vector<Vertex> v;
  for (const char* name : {"uno", "dos", "tres", "cuatro", "cinco", "seis", "siete"})
    v.push_back(g.add_entity(make_entity(name, EntityType::organization, name)));
  g.add_relation(v[0], v[1], make_relation(RelationKind::rival_of, Confidence::reported));
  g.add_relation(v[2], v[0], make_relation(RelationKind::allied_with, Confidence::reported, nullptr, "2021-05"));
  g.add_relation(v[2], v[1], make_relation(RelationKind::allied_with, Confidence::reported, "2021-09"));
  g.add_relation(v[3], v[4], make_relation(RelationKind::allied_with, Confidence::reported, "2021-08-15"));
  g.add_relation(v[4], v[5], make_relation(RelationKind::rival_of, Confidence::reported, "2021-10"));
  return g;
}

}  // namespace

TEST_CASE("a tie is placed in the window exactly when holds_on says it changed between the two dates") {
  const std::vector<const char*> dates = {"2020",       "2021",       "2022",       "2021-01",   "2021-02",
                                          "2021-03",    "2021-06",    "2021-07",    "2021-12",   "2021-01-31",
                                          "2021-02-01", "2021-06-30", "2021-07-01", "2021-12-31"};
  const std::vector<std::pair<const char*, const char*>> windows = {
      {"2021-01", "2021-06"}, {"2021-06", "2022-01"},    {"2021", "2022"},          {"2020", "2021"},
      {"2021-01", "2021-12"}, {"2021-06-30", "2021-07"}, {"2021-03", "2021-04-01"}, {"2020-12", "2021-01-31"}};
  for (const auto& [from_text, to_text] : windows)
    for (const char* when_text : dates)
      for (const TieBoundary boundary : {TieBoundary::began, TieBoundary::ended}) {
        CAPTURE(from_text);
        CAPTURE(to_text);
        CAPTURE(when_text);
        CAPTURE(to_string(boundary));
        const Date from = date(from_text), to = date(to_text), when = date(when_text);
        const KnowledgeGraph g = one_tie(when, boundary);
        const Changes result = changes(GraphView(g), from, to);
        const auto& placed = boundary == TieBoundary::began ? result.began : result.ended;
        const auto& other = boundary == TieBoundary::began ? result.ended : result.began;
        CHECK(other.empty());
        CHECK(placed.size() == (changed_by_holds_on(when, boundary, from, to) ? 1U : 0U));
        // Day by day: certain if every day of the period would be placed, possible if some would.
        const auto days = days_of(when);
        const auto in = [&](const Date& day) {
          return changed_by_holds_on(day, boundary, from, to);
        };
        if (!placed.empty()) CHECK(placed.front().certain == std::ranges::all_of(days, in));
        CHECK(result.possible.size() == (placed.empty() && std::ranges::any_of(days, in) ? 1U : 0U));
        CHECK(result.undated == 0);
      }
}

namespace {

// Over a set of dates and windows: a tie whose only date is `when`, in the field `boundary`
// names (known_by for `known`, ended_by for `ended_by`), is never listed as begun or ended, and
// is listed as possible exactly when `peer` says some day of its period would change it in the
// window.
void check_only_possible(TieBoundary boundary, const std::function<bool(const Date&, const Date&, const Date&)>& peer) {
  const std::vector<const char*> dates = {"2020",    "2021",    "2022",       "2021-01",    "2021-03",    "2021-06",
                                          "2021-07", "2021-12", "2021-01-31", "2021-02-01", "2021-06-30", "2021-07-01"};
  const std::vector<std::pair<const char*, const char*>> windows = {
      {"2021-01", "2021-06"}, {"2021-06", "2022-01"}, {"2021", "2022"}, {"2020-12", "2021-01-31"}};
  for (const auto& [from_text, to_text] : windows)
    for (const char* when_text : dates) {
      CAPTURE(from_text);
      CAPTURE(to_text);
      CAPTURE(when_text);
      const Date from = date(from_text), to = date(to_text), when = date(when_text);
      KnowledgeGraph g;
      g.add_source({"doc", "A document", "", "", "2021-04-08", "", "doc.txt"});
      const auto a = g.add_entity(make_entity("a", EntityType::organization, "A"));
      const auto b = g.add_entity(make_entity("b", EntityType::organization, "B"));
      Relation tie = make_relation(RelationKind::allied_with, Confidence::reported);
      (boundary == TieBoundary::known ? tie.known_by : tie.ended_by) = when;
      g.add_relation(a, b, tie);
      const Changes result = changes(GraphView(g), from, to);
      CHECK(result.began.empty());
      CHECK(result.ended.empty());
      CHECK(result.undated == 0);
      const bool possible = std::ranges::any_of(days_of(when), [&](const Date& day) { return peer(day, from, to); });
      REQUIRE(result.possible.size() == (possible ? 1U : 0U));
      if (possible) CHECK(result.possible.front().boundary == boundary);
    }
}

}  // namespace

TEST_CASE("a tie known to hold by a date is never begun in the window, only possibly, day by day") {
  // The peer: it may have begun in the window if some day of its period is in the window (the
  // days after from's last day, through to's last day).
  check_only_possible(TieBoundary::known, [](const Date& day, const Date& from, const Date& to) {
    return from.last_day() < day && !(to.last_day() < day);
  });
}

TEST_CASE("a tie known to have ended by a date is never ended in the window, only possibly, day by day") {
  // The peer: it may have ended in the window if, had it ended by some day of its period, it
  // would hold as of `from` and not as of `to` (holds_on, day by day).
  check_only_possible(TieBoundary::ended_by, [](const Date& day, const Date& from, const Date& to) {
    Relation by_day;
    by_day.ended_by = day;
    return holds_on(by_day, from.last_day()) && !holds_on(by_day, to.last_day());
  });
}

TEST_CASE("the project's examples of coarse dates against the window read as the header says") {
  const KnowledgeGraph march = one_tie(date("2021-03"), TieBoundary::began);
  const Changes inside = changes(GraphView(march), date("2021-01"), date("2021-06"));
  REQUIRE(inside.began.size() == 1);
  CHECK(inside.began.front().certain);
  const KnowledgeGraph year = one_tie(date("2021"), TieBoundary::began);
  const Changes straddling = changes(GraphView(year), date("2021-06"), date("2022-01"));
  REQUIRE(straddling.began.size() == 1);
  CHECK_FALSE(straddling.began.front().certain);  // 2021 may have begun by 2021-06
  const Changes outside = changes(GraphView(year), date("2021-01"), date("2021-06"));
  CHECK(outside.began.empty());  // certain only from 2021-12-31
  CHECK(outside.possible.size() == 1);
  const KnowledgeGraph ended = one_tie(date("2021"), TieBoundary::ended);
  CHECK(changes(GraphView(ended), date("2021-06"), date("2022")).ended.empty());  // not certain on 2021-06-30
}

TEST_CASE("a window that does not run forward is a usage error") {
  const KnowledgeGraph g = one_tie(date("2021-03"), TieBoundary::began);
  for (const auto& [from, to] : {std::pair{"2021-06", "2021-06"}, std::pair{"2021-06", "2021-01"},
                                 std::pair{"2021", "2021-12"}, std::pair{"2021-12-31", "2021"}}) {
    CAPTURE(from);
    CAPTURE(to);
    try {
      (void)changes(GraphView(g), date(from), date(to));
      FAIL("no error");
    } catch (const Error& error) {
      CHECK(error.category() == ErrorCategory::usage);
    }
  }
}

TEST_CASE("ties that began and ended are listed earliest first, with the undated count") {
  const KnowledgeGraph g = shifting_sides();
  const Changes result = changes(GraphView(g), date("2021-01"), date("2021-12"));
  std::vector<std::string> began;
  for (const auto& e : result.began) began.push_back(e.event.date.to_string());
  CHECK(began == std::vector<std::string>{"2021-08-15", "2021-09", "2021-10"});
  REQUIRE(result.ended.size() == 1);
  CHECK(pairs(g, {result.ended.front().event.relation}) == std::vector<std::string>{"tres-uno"});
  CHECK(result.undated == 1);
  const Changes own = changes(GraphView(g), date("2021-01"), date("2021-12"), id(g, "cinco"));
  CHECK(own.began.size() == 2);
  CHECK(own.ended.empty());
  CHECK(own.undated == 0);
}

TEST_CASE("a bloc that forms and a bloc that changes members are matched by their shared group") {
  const KnowledgeGraph g = shifting_sides();
  const Changes result = changes(GraphView(g), date("2021-01"), date("2021-12"));
  CHECK(result.blocs_before == 1);  // uno + tres
  CHECK(result.blocs_after == 2);   // dos + tres, cuatro + cinco
  REQUIRE(result.blocs.size() == 2);
  const GroupSetChange& moved = result.blocs[0];
  CHECK(kind_of(moved) == SetChange::changed);
  CHECK(ids(g, moved.before) == std::vector<std::string>{"uno", "tres"});
  CHECK(ids(g, moved.after) == std::vector<std::string>{"dos", "tres"});
  CHECK(ids(g, moved.joined) == std::vector<std::string>{"dos"});
  CHECK(ids(g, moved.left) == std::vector<std::string>{"uno"});
  CHECK(pairs(g, moved.began) == std::vector<std::string>{"tres-dos"});
  CHECK(pairs(g, moved.ended) == std::vector<std::string>{"tres-uno"});
  const GroupSetChange& formed = result.blocs[1];
  CHECK(kind_of(formed) == SetChange::formed);
  CHECK(ids(g, formed.after) == std::vector<std::string>{"cuatro", "cinco"});
  CHECK(pairs(g, formed.began) == std::vector<std::string>{"cuatro-cinco"});
}

TEST_CASE("a group that changes alliance changes side, and a new conflict aligns its groups") {
  const KnowledgeGraph g = shifting_sides();
  const SidesChange sides = changes(GraphView(g), date("2021-01"), date("2021-12")).sides;
  CHECK(sides.conflicts_before == 1);
  CHECK(sides.conflicts_after == 2);
  REQUIRE(sides.conflicts.size() == 1);  // uno–dos–tres keeps its groups
  CHECK(kind_of(sides.conflicts[0]) == SetChange::formed);
  CHECK(ids(g, sides.conflicts[0].after) == std::vector<std::string>{"cuatro", "cinco", "seis"});
  CHECK(pairs(g, sides.conflicts[0].began) == std::vector<std::string>{"cinco-seis", "cuatro-cinco"});
  CHECK(sides.conflicts[0].camps_before.empty());
  REQUIRE(sides.conflicts[0].camps_after.size() == 1);
  CHECK(ids(g, sides.conflicts[0].camps_after[0][0]) == std::vector<std::string>{"cuatro", "cinco"});
  CHECK(ids(g, sides.conflicts[0].camps_after[0][1]) == std::vector<std::string>{"seis"});
  REQUIRE(sides.switched.size() == 1);
  const SideSwitch& tres = sides.switched[0];
  CHECK(g.entity(tres.change.group).id == "tres");
  CHECK(ids(g, tres.camp_before) == std::vector<std::string>{"uno", "tres"});
  CHECK(ids(g, tres.camp_after) == std::vector<std::string>{"dos", "tres"});
  CHECK(pairs(g, tres.change.began) == std::vector<std::string>{"tres-dos"});
  CHECK(pairs(g, tres.change.ended) == std::vector<std::string>{"tres-uno"});
  std::vector<std::string> aligned;
  for (const GroupChange& c : sides.aligned) aligned.push_back(g.entity(c.group).id);
  REQUIRE(aligned == std::vector<std::string>{"cuatro", "cinco", "seis"});  // siete stays unaligned
  CHECK(pairs(g, sides.aligned[1].began) == std::vector<std::string>{"cinco-seis", "cuatro-cinco"});
  CHECK(pairs(g, sides.aligned[2].began) == std::vector<std::string>{"cinco-seis"});
  CHECK(sides.aligned[2].ended.empty());
  CHECK(sides.unaligned.empty());
}

TEST_CASE("two blocs joined by a new alliance are one merge, and the reverse window one split") {
  KnowledgeGraph g;
  g.add_source({"doc", "A document", "", "", "2021-04-08", "", "doc.txt"});
  std::vector<Vertex> v;
  for (const char* name : {"a", "b", "c", "d"}) v.push_back(g.add_entity(make_entity(name, EntityType::faction, name)));
  g.add_relation(v[0], v[1], make_relation(RelationKind::allied_with, Confidence::reported));
  g.add_relation(v[2], v[3], make_relation(RelationKind::allied_with, Confidence::reported));
  g.add_relation(v[1], v[2], make_relation(RelationKind::aligned_with, Confidence::reported, "2021-03", "2021-08"));
  const Changes merge = changes(GraphView(g), date("2021-01"), date("2021-06"));
  REQUIRE(merge.blocs.size() == 1);
  CHECK(kind_of(merge.blocs[0]) == SetChange::merged);
  CHECK(merge.blocs[0].joined.empty());
  CHECK(pairs(g, merge.blocs[0].began) == std::vector<std::string>{"b-c"});
  const Changes split = changes(GraphView(g), date("2021-06"), date("2021-12"));
  REQUIRE(split.blocs.size() == 1);
  CHECK(kind_of(split.blocs[0]) == SetChange::split);
  CHECK(pairs(g, split.blocs[0].ended) == std::vector<std::string>{"b-c"});
  CHECK(changes(GraphView(g), date("2021-01"), date("2021-12")).blocs.empty());  // began and ended: no change
}

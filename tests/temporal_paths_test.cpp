// Time-respecting paths against an exhaustive search: every simple path of small random temporal
// graphs, each hop given the first day (scanned one by one) on which one of its relations holds
// by holds_on, the --as-of rule, no earlier than the hop before.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <limits>
#include <random>
#include <string>

#include "cartelgraph/queries/temporal_paths.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::make_entity;

namespace {

constexpr std::size_t unreached = std::numeric_limits<std::size_t>::max();
std::size_t differing_paths = 0;  // cases whose earliest path is not the shortest

// Every day from 2000-01-01 to 2004-01-01, after day 0, 1990-01-01, which stands for the open
// clock (every random date falls in 2000–2003, so a relation holds on it iff it has no start).
std::vector<Date> all_days() {
  std::vector<Date> days{Date::from_ymd(1990, 1, 1)};
  for (int year = 2000; year <= 2003; ++year)
    for (int month = 1; month <= 12; ++month)
      for (int day = 1; day <= days_in_month(year, month); ++day) days.push_back(Date::from_ymd(year, month, day));
  days.push_back(Date::from_ymd(2004, 1, 1));
  return days;
}

const std::vector<Date>& days() {
  static const std::vector<Date> all = all_days();
  return all;
}

std::size_t day_index(const HopTime& time) {
  if (!time.day) return 0;
  const auto it = std::lower_bound(days().begin(), days().end(), *time.day);
  REQUIRE(it != days().end());
  REQUIRE(*it == *time.day);
  return static_cast<std::size_t>(it - days().begin());
}

Date random_date(std::mt19937& random) {
  const int year = std::uniform_int_distribution(2000, 2003)(random);
  const int month = std::uniform_int_distribution(1, 12)(random);
  const int day = std::uniform_int_distribution(1, days_in_month(year, month))(random);
  switch (std::uniform_int_distribution(0, 2)(random)) {
    case 0: return *Date::parse(std::to_string(year));
    case 1: return *Date::parse(Date::from_ymd(year, month, 1).to_string().substr(0, 7));
    default: return Date::from_ymd(year, month, day);
  }
}

// A relation with a random shape of dates: undated, since, until, known_by, ended_by or a pair.
Relation random_relation(std::mt19937& random, bool directed_kinds) {
  Relation relation = testing::make_relation(RelationKind::associate_of, Confidence::reported);
  if (directed_kinds && std::uniform_int_distribution(0, 1)(random)) relation.kind = RelationKind::member_of;
  const int shape = std::uniform_int_distribution(0, 7)(random);
  const bool starts = shape == 1 || shape == 3 || shape == 6;
  const bool known = shape == 4 || shape == 7;
  if (starts) relation.since = random_date(random);
  if (known) relation.known_by = random_date(random);
  if (shape == 2 || shape == 3 || shape == 7) relation.until = random_date(random);
  if (shape == 5 || shape == 6) relation.ended_by = random_date(random);
  return relation;  // shape 0: undated
}

struct RandomCase {
  KnowledgeGraph graph;
  std::vector<Vertex> entities;  // the people searched
  std::vector<Vertex> groups;    // the people-network case's groups
  std::optional<Date> from_date;
};

RandomCase random_case(std::mt19937& random, bool directed_kinds) {
  RandomCase c;
  const int n = std::uniform_int_distribution(3, 7)(random);
  for (int i = 0; i < n; ++i)
    c.entities.push_back(
        c.graph.add_entity(make_entity("e" + std::to_string(i), EntityType::person, "E" + std::to_string(i))));
  const int m = std::uniform_int_distribution(n, 3 * n)(random);
  std::uniform_int_distribution<std::size_t> pick(0, c.entities.size() - 1);
  for (int i = 0; i < m; ++i) {
    const std::size_t a = pick(random);
    const std::size_t b = pick(random);
    if (a != b) c.graph.add_relation(c.entities[a], c.entities[b], random_relation(random, directed_kinds));
  }
  if (std::uniform_int_distribution(0, 2)(random) > 0) c.from_date = random_date(random);
  return c;
}

// A random case with one or two groups, which random people are members of, at random dates.
RandomCase random_people_case(std::mt19937& random) {
  RandomCase c = random_case(random, false);
  const int groups = std::uniform_int_distribution(1, 2)(random);
  for (int i = 0; i < groups; ++i)
    c.groups.push_back(
        c.graph.add_entity(make_entity("g" + std::to_string(i), EntityType::organization, "G" + std::to_string(i))));
  const int memberships = std::uniform_int_distribution(2, 2 * static_cast<int>(c.entities.size()))(random);
  for (int i = 0; i < memberships; ++i) {
    Relation relation = random_relation(random, false);
    relation.kind = RelationKind::member_of;
    c.graph.add_relation(c.entities[std::uniform_int_distribution<std::size_t>(0, c.entities.size() - 1)(random)],
                         c.groups[std::uniform_int_distribution<std::size_t>(0, c.groups.size() - 1)(random)],
                         relation);
  }
  return c;
}

// The exhaustive search: over every simple path from the start, hops timed greedily.
class BruteForce {
 public:
  BruteForce(const RandomCase& c, UndatedPolicy policy, bool directed)
      : case_(&c), policy_(policy), directed_(directed) {}

  // The sets of relations that can carry a hop from a to b, each holding together: one relation
  // between them, or (people) both one's and the other's membership of a group; only the dated
  // ones under skip, unless `all`.
  [[nodiscard]] std::vector<std::vector<Edge>> carriers(Vertex a, Vertex b, bool all) const {
    const Graph& g = case_->graph.graph();
    std::vector<std::vector<Edge>> found;
    const auto keep = [&](std::vector<Edge> carrier) {
      if (all || policy_ == UndatedPolicy::allow ||
          std::all_of(carrier.begin(), carrier.end(), [&](Edge e) { return is_dated(case_->graph.relation(e)); }))
        found.push_back(std::move(carrier));
    };
    for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
      const Relation& r = case_->graph.relation(e);
      const Vertex s = boost::source(e, g);
      const Vertex t = boost::target(e, g);
      const bool along = (s == a && t == b) || (s == b && t == a && (!directed_ || kind_info(r.kind).symmetric));
      if (along && (case_->groups.empty() || r.kind != RelationKind::member_of)) keep({e});
    }
    for (const Vertex group : case_->groups)
      for (const Edge ea : boost::make_iterator_range(boost::out_edges(a, g)))
        for (const Edge eb : boost::make_iterator_range(boost::out_edges(b, g)))
          if (boost::target(ea, g) == group && boost::target(eb, g) == group) keep({ea, eb});
    return found;
  }

  // The first day index ≥ clock on which every relation of one of the carriers holds, or unreached.
  [[nodiscard]] std::size_t hop(Vertex a, Vertex b, std::size_t clock) const {
    const auto sets = carriers(a, b, false);
    const auto holds = [&](const std::vector<Edge>& carrier, std::size_t day) {
      return std::all_of(carrier.begin(), carrier.end(),
                         [&](Edge e) { return holds_on(case_->graph.relation(e), days()[day]); });
    };
    for (std::size_t day = clock; day < days().size(); ++day)
      for (const auto& carrier : sets)
        if (holds(carrier, day)) return day;
    return unreached;
  }

  void search(std::size_t start_day) {
    const std::size_t n = case_->entities.size();
    earliest_.assign(n, unreached);
    fewest_.assign(n, unreached);
    arrival_of_fewest_.assign(n, unreached);
    hops_of_earliest_.assign(n, unreached);
    std::vector<bool> on_path(n, false);
    extend(0, start_day, 0, on_path);
  }

  std::vector<std::size_t> earliest_, fewest_, arrival_of_fewest_, hops_of_earliest_;

 private:
  void record(std::size_t v, std::size_t day, std::size_t hops) {
    if (hops < fewest_[v] || (hops == fewest_[v] && day < arrival_of_fewest_[v])) {
      fewest_[v] = hops;
      arrival_of_fewest_[v] = day;
    }
    if (day < earliest_[v] || (day == earliest_[v] && hops < hops_of_earliest_[v])) {
      earliest_[v] = day;
      hops_of_earliest_[v] = hops;
    }
  }

  void extend(std::size_t v, std::size_t day, std::size_t hops, std::vector<bool>& on_path) {
    record(v, day, hops);
    on_path[v] = true;
    for (std::size_t w = 0; w < on_path.size(); ++w) {
      if (on_path[w]) continue;
      const std::size_t next = hop(case_->entities[v], case_->entities[w], day);
      if (next != unreached) extend(w, next, hops + 1, on_path);
    }
    on_path[v] = false;
  }

  const RandomCase* case_;
  UndatedPolicy policy_;
  bool directed_;
};

// True if `to` is reached from entity 0 over pairs with a relation (all, or those `brute` may cross).
bool connected(const RandomCase& c, const BruteForce& brute, std::size_t to, bool all) {
  std::vector<bool> seen(c.entities.size(), false);
  std::vector<std::size_t> stack{0};
  seen[0] = true;
  while (!stack.empty()) {
    const std::size_t v = stack.back();
    stack.pop_back();
    for (std::size_t w = 0; w < seen.size(); ++w)
      if (!seen[w] && !brute.carriers(c.entities[v], c.entities[w], all).empty()) {
        seen[w] = true;
        stack.push_back(w);
      }
  }
  return seen[to];
}

// Each hop of `path` follows the last, in time order, carried by relations holding on its day.
void check_path(const KnowledgeGraph& graph, const TemporalPath& path) {
  std::size_t clock = 0;
  for (std::size_t i = 0; i < path.hops.size(); ++i) {
    const TemporalHop& hop = path.hops[i];
    CHECK(hop.from == path.entities[i]);
    CHECK(hop.to == path.entities[i + 1]);
    CHECK(day_index(hop.time) >= clock);
    clock = day_index(hop.time);
    REQUIRE_FALSE(hop.relations.empty());
    if (hop.time.day)
      for (const Edge e : hop.relations) CHECK(holds_on(graph.relation(e), *hop.time.day));
  }
  auto sorted = path.entities;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
}

// Checks one case; returns what the search found (none: a path), for the test to count.
TemporalFailure check_case(const RandomCase& c, UndatedPolicy policy, bool directed) {
  const GraphView view(c.graph);
  const Network people(view, NetworkKind::people);
  const TemporalTies ties = c.groups.empty() ? TemporalTies::of_view(view, directed, policy)
                                             : TemporalTies::of_network(people, policy);
  const TemporalQuery query{c.from_date};
  BruteForce brute(c, policy, directed);
  const std::size_t start = c.from_date ? day_index({c.from_date->first_day(), c.from_date}) : 0;
  brute.search(start);
  const NodeValues<Arrival> arrivals = earliest_arrivals(ties, c.entities[0], query);
  for (std::size_t v = 0; v < c.entities.size(); ++v) {
    const Arrival arrival = *arrivals.value(c.entities[v]);
    REQUIRE(arrival.reached == (brute.earliest_[v] != unreached));
    if (arrival.reached) CHECK(day_index(arrival.time) == brute.earliest_[v]);
  }
  const std::size_t target = c.entities.size() - 1;
  const TemporalPathResult result = find_temporal_path(ties, c.entities[0], c.entities[target], query);
  CHECK(result.undated == policy);
  if (brute.fewest_[target] == unreached) {
    CHECK_FALSE(result.shortest);
    CHECK_FALSE(result.earliest);
    const TemporalFailure expected = !connected(c, brute, target, true)    ? TemporalFailure::no_path
                                     : !connected(c, brute, target, false) ? TemporalFailure::only_undated
                                                                           : TemporalFailure::not_in_time_order;
    CHECK(result.failure == expected);
    return result.failure;
  }
  REQUIRE(result.shortest);
  REQUIRE(result.earliest);
  CHECK(result.failure == TemporalFailure::none);
  CHECK(result.shortest->length() == brute.fewest_[target]);
  CHECK(day_index(result.shortest->arrival) == brute.arrival_of_fewest_[target]);
  CHECK(day_index(result.earliest->arrival) == brute.earliest_[target]);
  CHECK(result.earliest->length() == brute.hops_of_earliest_[target]);
  check_path(c.graph, *result.shortest);
  check_path(c.graph, *result.earliest);
  if (result.earliest->entities != result.shortest->entities) ++differing_paths;
  return TemporalFailure::none;
}

// People a, b and c, added to `g`.
std::array<Vertex, 3> three_people(KnowledgeGraph& g) {
  std::array<Vertex, 3> people{};
  for (std::size_t i = 0; i < people.size(); ++i) {
    const std::string id(1, static_cast<char>('a' + i));
    people[i] = g.add_entity(make_entity(id, EntityType::person, id));
  }
  return people;
}

}  // namespace

TEST_CASE("time-respecting paths equal an exhaustive search over every simple path") {
  std::mt19937 random(22);
  std::array<std::size_t, 5> found{};  // by TemporalFailure
  for (const UndatedPolicy policy : {UndatedPolicy::skip, UndatedPolicy::allow})
    for (const bool directed : {false, true})
      for (int i = 0; i < 150; ++i) {
        const RandomCase c = random_case(random, directed);
        CAPTURE(i);
        CAPTURE(to_string(policy));
        CAPTURE(directed);
        ++found[static_cast<std::size_t>(check_case(c, policy, directed))];
      }
  // Every outcome is exercised.
  CHECK(found[static_cast<std::size_t>(TemporalFailure::none)] > 200);
  CHECK(found[static_cast<std::size_t>(TemporalFailure::no_path)] > 5);
  CHECK(found[static_cast<std::size_t>(TemporalFailure::only_undated)] > 5);
  CHECK(found[static_cast<std::size_t>(TemporalFailure::not_in_time_order)] > 5);
  CHECK(differing_paths > 5);
  MESSAGE("paths ", found[0], ", no path ", found[2], ", only undated ", found[3], ", not in time order ", found[4],
          ", earliest path longer than the shortest ", differing_paths);
}

TEST_CASE("in the people network, time-respecting paths equal an exhaustive search too") {
  std::mt19937 random(23);
  std::array<std::size_t, 5> found{};  // by TemporalFailure
  for (const UndatedPolicy policy : {UndatedPolicy::skip, UndatedPolicy::allow})
    for (int i = 0; i < 150; ++i) {
      const RandomCase c = random_people_case(random);
      CAPTURE(i);
      CAPTURE(to_string(policy));
      ++found[static_cast<std::size_t>(check_case(c, policy, false))];
    }
  CHECK(found[static_cast<std::size_t>(TemporalFailure::none)] > 100);
  CHECK(found[static_cast<std::size_t>(TemporalFailure::not_in_time_order)] > 5);
  MESSAGE("paths ", found[0], ", no path ", found[2], ", only undated ", found[3], ", not in time order ", found[4]);
}

TEST_CASE("a hop waits for its relation's start read at its last day, and an undated tie does not move the clock") {
  KnowledgeGraph g;
  const auto [a, b, c] = three_people(g);
  g.add_relation(a, b, testing::make_relation(RelationKind::associate_of, Confidence::reported, "2018-05"));
  g.add_relation(b, c, testing::make_relation(RelationKind::associate_of, Confidence::reported));
  const GraphView view(g);
  SUBCASE("skip") {
    const auto result = find_temporal_path(TemporalTies::of_view(view, false, UndatedPolicy::skip), a, c, {});
    CHECK(result.failure == TemporalFailure::only_undated);
  }
  SUBCASE("allow") {
    const auto result = find_temporal_path(TemporalTies::of_view(view, false, UndatedPolicy::allow), a, c, {});
    REQUIRE(result.shortest);
    REQUIRE(result.shortest->length() == 2);
    const TemporalHop& first = result.shortest->hops[0];
    CHECK(first.time.date->to_string() == "2018-05");
    CHECK(first.time.day->to_string() == "2018-05-31");
    CHECK_FALSE(first.undated);
    CHECK(result.shortest->hops[1].undated);
    CHECK(result.shortest->hops[1].time.day == first.time.day);
  }
  SUBCASE("a start date after the relation has ended leaves none in time order") {
    g.add_relation(b, c, testing::make_relation(RelationKind::associate_of, Confidence::reported, "2017", "2019"));
    const GraphView ended(g);
    const auto ties = TemporalTies::of_view(ended, false, UndatedPolicy::skip);
    CHECK(find_temporal_path(ties, a, c, {}).shortest);
    CHECK(find_temporal_path(ties, a, c, {Date::parse("2020")}).failure == TemporalFailure::not_in_time_order);
  }
}

TEST_CASE("in the people network a shared group's tie holds while both memberships hold") {
  KnowledgeGraph g;
  const auto [a, b, c] = three_people(g);
  const Vertex group = g.add_entity(make_entity("g", EntityType::organization, "G"));
  g.add_relation(a, group, testing::make_relation(RelationKind::member_of, Confidence::reported, "2015"));
  g.add_relation(b, group, testing::make_relation(RelationKind::member_of, Confidence::reported, "2019-02"));
  g.add_relation(b, c, testing::make_relation(RelationKind::associate_of, Confidence::reported, "2016", "2018"));
  const GraphView view(g);
  const Network network(view, NetworkKind::people);
  const auto ties = TemporalTies::of_network(network, UndatedPolicy::skip);
  const auto result = find_temporal_path(ties, a, c, {});
  CHECK(result.failure == TemporalFailure::not_in_time_order);
  const auto reverse = find_temporal_path(ties, c, a, {});
  REQUIRE(reverse.shortest);
  CHECK(reverse.shortest->hops[1].relations.size() == 2);
  CHECK(reverse.shortest->hops[1].time.date->to_string() == "2019-02");
}

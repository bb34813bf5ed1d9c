// names<E>(): one list of names per enum, and everything derived from it.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "cartelgraph/cli/enum_option.hpp"
#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/relation_kinds.hpp"
#include "cartelgraph/loaders/fact_fields.hpp"
#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/disruption.hpp"
#include "cartelgraph/queries/paths.hpp"

using namespace cartelgraph;

namespace {

// Every name parses back to its value, names are unique, and nothing else parses.
template <class E>
void check_round_trip(std::size_t expected_count) {
  const auto all = names<E>();
  CHECK(all.size() == expected_count);
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < all.size(); ++i) {
    CAPTURE(all[i]);
    const auto value = static_cast<E>(i);
    CHECK_FALSE(all[i].empty());
    CHECK(seen.insert(all[i]).second);
    CHECK(name_of(value) == all[i]);
    CHECK(parse<E>(all[i]) == value);
  }
  CHECK_FALSE(parse<E>(""));
  CHECK_FALSE(parse<E>("no such name"));
  CHECK_FALSE(parse<E>(std::string(all[0]) + " "));
}

}  // namespace

TEST_CASE("every enum's names round-trip through name_of and parse") {
  check_round_trip<EntityType>(all_entity_types.size());
  check_round_trip<Confidence>(4);
  check_round_trip<RelationKind>(relation_kind_count);
  check_round_trip<KindCategory>(static_cast<std::size_t>(KindCategory::events) + 1);
  check_round_trip<Layer>(static_cast<std::size_t>(Layer::events) + 1);
  check_round_trip<CentralityMeasure>(static_cast<std::size_t>(CentralityMeasure::pagerank) + 1);
  check_round_trip<DisruptionStrategy>(static_cast<std::size_t>(DisruptionStrategy::betweenness) + 1);
  check_round_trip<DisruptionMode>(static_cast<std::size_t>(DisruptionMode::block) + 1);
  check_round_trip<Record>(static_cast<std::size_t>(Record::citation) + 1);
  check_round_trip<PathWeight>(static_cast<std::size_t>(PathWeight::weight) + 1);
}

TEST_CASE("the named functions agree with names<E>()") {
  CHECK(to_string(EntityType::business) == "business");
  CHECK(parse_entity_type("agency") == EntityType::agency);
  CHECK(parse_confidence("alleged") == Confidence::alleged);
  CHECK(to_string(RelationKind::launders_for) == "launders_for");
  CHECK(to_string(KindCategory::state_action) == "state_action");
  CHECK(to_string(Layer::territory) == "territory");
  CHECK(parse_centrality_measure("pagerank") == CentralityMeasure::pagerank);
  CHECK(to_string(DisruptionMode::block) == "block");
  CHECK(parse_disruption_strategy("betweenness") == DisruptionStrategy::betweenness);
  for (const auto& row : relation_kinds()) CHECK(row.name == name_of(row.kind));
}

TEST_CASE("enum options accept exactly the names and list them in help") {
  CHECK(cli::alternatives<DisruptionMode>() == "sequential or block");
  CHECK(cli::alternatives<Confidence>() == "ungraded, alleged, reported or confirmed");
  CHECK(cli::alternatives<Confidence>(", ") == "ungraded, alleged, reported, confirmed");
  CLI::App app;
  auto measure = CentralityMeasure::degree;
  cli::add_enum_option(app, "--measure", measure, "measure", cli::alternatives<CentralityMeasure>())->type_name("M");
  app.parse("--measure closeness", false);
  CHECK(measure == CentralityMeasure::closeness);
  CHECK_THROWS_AS(app.parse("--measure Closeness", false), CLI::ValidationError);
  CHECK_THROWS_AS(app.parse("--measure 2", false), CLI::ValidationError);
  CHECK(app.help().find("--measure M ") != std::string::npos);
  CHECK(app.help().find("degree, betweenness, closeness, harmonic, eigenvector or pagerank") != std::string::npos);
  CHECK_THROWS_WITH(app.parse("--measure fame", false),
                    "--measure: unknown measure 'fame' (known: degree, betweenness, closeness, harmonic, "
                    "eigenvector, pagerank)");
}

TEST_CASE("fact-file members come in the order of the schema's properties") {
  for (std::size_t i = 0; i < names<Record>().size(); ++i) {
    CAPTURE(names<Record>()[i]);
    CHECK_FALSE(member_order(static_cast<Record>(i)).empty());
  }
  const auto relation = member_order(Record::relation);
  REQUIRE(relation.size() == 12);
  CHECK(relation.front() == "kind");
  CHECK(relation.back() == "sources");
  CHECK(member_order(Record::file).front() == "title");
  CHECK(member_order(Record::citation).size() == 4);
}

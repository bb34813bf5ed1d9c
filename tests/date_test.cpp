#include <doctest/doctest.h>

#include "cartelgraph/graph/date.hpp"

using cartelgraph::Date;

TEST_CASE("dates parse at year, month and day precision") {
  const auto year = Date::parse("2021");
  const auto month = Date::parse("2021-03");
  const auto day = Date::parse("2021-03-12");
  REQUIRE(year);
  REQUIRE(month);
  REQUIRE(day);
  CHECK(year->precision() == Date::Precision::year);
  CHECK(month->precision() == Date::Precision::month);
  CHECK(day->precision() == Date::Precision::day);
  CHECK(day->to_string() == "2021-03-12");
  CHECK(month->to_string() == "2021-03");
}

TEST_CASE("dates that are not on the calendar are rejected") {
  CHECK_FALSE(Date::parse("2021-02-29"));
  CHECK(Date::parse("2020-02-29"));
  CHECK_FALSE(Date::parse("2021-13"));
  CHECK_FALSE(Date::parse("2021-00"));
  CHECK_FALSE(Date::parse("2021-04-31"));
  CHECK_FALSE(Date::parse("21-03-01"));
  CHECK_FALSE(Date::parse("2021/03/01"));
  CHECK_FALSE(Date::parse(""));
}

TEST_CASE("a coarse date spans from its first to its last day") {
  const auto february = *Date::parse("2024-02");
  CHECK(february.first_day().to_string() == "2024-02-01");
  CHECK(february.last_day().to_string() == "2024-02-29");
  CHECK(Date::parse("2018")->last_day().to_string() == "2018-12-31");
}

TEST_CASE("dates order chronologically, coarser first at the same start") {
  CHECK(*Date::parse("2018") < *Date::parse("2018-05"));
  CHECK(*Date::parse("2018-05") < *Date::parse("2018-05-01"));
  CHECK(*Date::parse("2018-05-27") < *Date::parse("2018-09"));
  CHECK(*Date::parse("2015-06") < *Date::parse("2018"));
}

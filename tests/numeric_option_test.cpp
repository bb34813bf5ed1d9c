// The command line's one number parser (cli/numeric_option): decimal digits only, every value
// of 64 bits read exactly, nothing else read at all.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "cartelgraph/cli/numeric_option.hpp"

using cartelgraph::cli::CountRange;
using cartelgraph::cli::parse_decimal;
using cartelgraph::cli::parse_size;

namespace {

constexpr std::uint64_t max64 = std::numeric_limits<std::uint64_t>::max();

// Runs `validator` on `text`: the error message, or "=" and the rewritten value.
std::string validate(const CLI::Validator& validator, std::string text) {
  const std::string error = validator(text);
  return error.empty() ? "=" + text : error;
}

}  // namespace

TEST_CASE("every whole number below 100000 and 10000 random 64-bit ones read back as themselves") {
  for (std::uint64_t n = 0; n < 100'000; ++n) REQUIRE(parse_decimal(std::to_string(n)) == n);
  std::mt19937_64 random(19);
  for (int i = 0; i < 10'000; ++i) {
    const std::uint64_t n = random() >> (random() % 64);
    REQUIRE(parse_decimal(std::to_string(n)) == n);
  }
  CHECK(parse_decimal("18446744073709551615") == max64);
  CHECK(parse_decimal("9223372036854775807") == std::uint64_t{9223372036854775807});
}

TEST_CASE("a number past 2^64 - 1 is refused, not wrapped or clamped") {
  CHECK_FALSE(parse_decimal("18446744073709551616"));  // 2^64
  CHECK_FALSE(parse_decimal("99999999999999999999"));
  CHECK_FALSE(parse_decimal("184467440737095516150"));
  CHECK_FALSE(parse_decimal(std::string(1000, '9')));
}

TEST_CASE("signs, spaces, prefixes, leading zeros, fractions, exponents and the empty text are not decimal numbers") {
  for (const char* text : {"",    "-1",  "+1",    "-0",    " 1",  "1 ", "0x10", "0X10", "010", "00",   "0b1",
                           "1.0", "1e3", "1,000", "1_000", "abc", "١٢", "１２", "1\n",  "\t1", "1'000"})
    CHECK_MESSAGE(!parse_decimal(text), "'" << text << "'");
  CHECK(parse_decimal("0") == 0U);
  CHECK(parse_decimal("10") == 10U);  // not octal 8, not hex 16
}

TEST_CASE("sizes take decimal, SI and binary units in any case, and refuse what overflows 64 bits") {
  CHECK(parse_size("4096") == 4096U);
  CHECK(parse_size("12B") == 12U);
  CHECK(parse_size("3kB") == 3'000U);
  CHECK(parse_size("3KB") == 3'000U);
  CHECK(parse_size("2MB") == 2'000'000U);
  CHECK(parse_size("5GB") == 5'000'000'000U);
  CHECK(parse_size("7TB") == 7'000'000'000'000U);
  CHECK(parse_size("3KiB") == 3U * 1024);
  CHECK(parse_size("2mib") == 2U * 1024 * 1024);
  CHECK(parse_size("4GiB") == std::uint64_t{4} * 1024 * 1024 * 1024);
  CHECK(parse_size("1TiB") == std::uint64_t{1} << 40);
  CHECK(parse_size("18446744073709551615") == max64);
  CHECK(parse_size("16777215TiB") == (std::uint64_t{16777215} << 40));
  for (const char* text : {"", "-1", "-1GiB", "16777216TiB", "18446744073709551616", "18446744073709551615B1",
                           "18446744074GB", "GiB", "1 GiB", "1.5GiB", "010MB", "0x10", "1PiB", "1Gi", "1GiBs", "1iB"})
    CHECK_MESSAGE(!parse_size(text), "'" << text << "'");
}

TEST_CASE("the count validator rewrites a number in range and names the range of one outside it") {
  const CLI::Validator k = cartelgraph::cli::count_validator(CountRange{1, 1000});
  CHECK(validate(k, "1") == "=1");
  CHECK(validate(k, "1000") == "=1000");
  const std::string expected = "expected a whole number from 1 to 1000 in decimal digits, got '";
  for (const char* text : {"0", "1001", "-1", "010", "abc", "", "18446744073709551616", "9223372036854775807"})
    CHECK(validate(k, text) == expected + text + "'");
  const CLI::Validator seed = cartelgraph::cli::count_validator(CountRange{});
  CHECK(validate(seed, "18446744073709551615") == "=18446744073709551615");
  CHECK(validate(seed, "0") == "=0");
}

TEST_CASE("the size validator turns units into bytes and refuses sizes outside its range") {
  const CLI::Validator size = cartelgraph::cli::size_validator(CountRange{1, max64});
  CHECK(validate(size, "4GiB") == "=4294967296");
  CHECK(validate(size, "1") == "=1");
  CHECK(validate(size, "0").starts_with("expected a size from 1 to 18446744073709551615 bytes"));
  CHECK(validate(size, "-1").ends_with("got '-1'"));
}

TEST_CASE("a count option stores the number given on the command line, and refuses what CLI11 alone would wrap") {
  const auto parse = [](std::vector<std::string> arguments, auto& value, CountRange range) {
    CLI::App app;
    cartelgraph::cli::add_count_option(app, "--n", value, "N", range);
    arguments.insert(arguments.begin(), "--n");
    std::ranges::reverse(arguments);  // CLI11 reads a vector from its back
    app.parse(arguments);
  };
  std::uint64_t seed = 42;
  parse({"18446744073709551615"}, seed, CountRange{});
  CHECK(seed == max64);
  unsigned threads = 7;
  parse({"1024"}, threads, CountRange{0, 1024});
  CHECK(threads == 1024U);
  std::optional<std::size_t> samples;
  parse({"0"}, samples, CountRange{0, 10});
  CHECK(samples == std::size_t{0});
  for (const char* text : {"-1", "010", "0x10", "", "18446744073709551616", "1025"})
    CHECK_THROWS_AS(parse({text}, threads, CountRange{0, 1024}), CLI::ValidationError);
  CHECK(threads == 1024U);
  CHECK_THROWS_AS(parse({"1"}, threads, CountRange{0, max64}), std::logic_error);  // the range does not fit
}

TEST_CASE("a help text states the range inside its parenthesis, or in one of its own") {
  using cartelgraph::cli::with_range;
  const std::string range = cartelgraph::cli::describe(CountRange{1, 100});
  CHECK(range == "1 to 100");
  CHECK(with_range("Hops (default 1)", range) == "Hops (1 to 100; default 1)");
  CHECK(with_range("Hops", range) == "Hops (1 to 100)");
  CHECK(with_range("Hops (default 1) from here", range) == "Hops (default 1) from here (1 to 100)");
}

#pragma once
// Numeric options: the one decimal-only parser every count, seed and size of the command line
// goes through, and the CLI11 options built on it, each with a range its help and its errors
// state. CLI11 2.1.2 on its own reads `010` as octal, `0x10` as hex, 2^64 as 2^63-1, and wraps
// -1 to 2^64-1 in an unsigned option: none of its number conversion is used here.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace cartelgraph::cli {

/// The whole numbers an option accepts, both ends included.
struct CountRange {
  std::uint64_t min = 0;
  std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
};

/// The ranges several commands share.
inline constexpr CountRange hop_range{1, 100};                                         // neighbors and render --depth
inline constexpr CountRange sample_range{0, 1'000'000'000};                            // --samples; 0 is exact
inline constexpr CountRange seed_range{0, std::numeric_limits<std::uint64_t>::max()};  // --seed

/// `text` as a whole number written in decimal: ASCII digits only, no sign, space, prefix, unit
/// or leading zero ("0" itself is fine); nullopt for anything else, the empty text, or a value
/// above 2^64-1. O(|text|).
[[nodiscard]] std::optional<std::uint64_t> parse_decimal(std::string_view text) noexcept;

/// `text` as a number of bytes: a decimal whole number as parse_decimal reads it, then
/// optionally a unit, case ignored: B; kB, MB, GB, TB (powers of 1000); KiB, MiB, GiB, TiB
/// (powers of 1024). Nullopt when malformed or above 2^64-1 bytes. O(|text|).
[[nodiscard]] std::optional<std::uint64_t> parse_size(std::string_view text) noexcept;

/// "1 to 1000": how help texts and error messages state a range.
[[nodiscard]] std::string describe(CountRange range);

/// `description` stating `range` (a describe() text): "Hops (default 1)" gives "Hops (1 to 100;
/// default 1)", "Hops" gives "Hops (1 to 100)".
[[nodiscard]] std::string with_range(const std::string& description, const std::string& range);

/// A CLI11 transformer accepting what parse_decimal reads within `range`, rewritten in its
/// canonical form; anything else (the empty value too) fails with "expected a whole number from
/// MIN to MAX in decimal digits, got 'TEXT'", which CLI11 prefixes with the option's name.
[[nodiscard]] CLI::Validator count_validator(CountRange range);

/// As count_validator for sizes (parse_size), rewriting the value as a number of bytes.
[[nodiscard]] CLI::Validator size_validator(CountRange range);

namespace detail {
template <class T>
struct NumberOf {
  using type = T;
};
template <class T>
struct NumberOf<std::optional<T>> {
  using type = T;
};

// Adds option `name`, whose value `validator` checks and rewrites in decimal, then `store` takes.
CLI::Option* add_checked_option(CLI::App& app, std::string name, std::function<void(std::uint64_t)> store,
                                const std::string& description, CLI::Validator validator);

// Throws std::logic_error naming option `name` unless min <= max <= `type_max`.
void check_range_fits(const std::string& name, CountRange range, std::uint64_t type_max);
}  // namespace detail

/// Adds option `name` to `app`, storing into `value` (an unsigned integer, or an optional one)
/// the number given, which count_validator checks against `range`. The description states the
/// range (with_range). Precondition: range.max fits the type of `value` (throws std::logic_error).
template <class T>
CLI::Option* add_count_option(CLI::App& app, std::string name, T& value, const std::string& description,
                              CountRange range) {
  using Number = typename detail::NumberOf<T>::type;
  static_assert(std::is_unsigned_v<Number>, "count options hold unsigned integers");
  detail::check_range_fits(name, range, std::numeric_limits<Number>::max());
  return detail::add_checked_option(
             app, std::move(name), [&value](std::uint64_t number) { value = static_cast<Number>(number); },
             with_range(description, describe(range)), count_validator(range))
      ->type_name("N");
}

/// Adds option `name` to `app`, storing into `value` the size given in bytes, which
/// size_validator checks against `range` (in bytes). The help states units and range.
CLI::Option* add_size_option(CLI::App& app, std::string name, std::size_t& value, const std::string& description,
                             CountRange range);

}  // namespace cartelgraph::cli

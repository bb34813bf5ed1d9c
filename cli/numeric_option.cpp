#include "cartelgraph/cli/numeric_option.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <utility>

namespace cartelgraph::cli {

namespace {

// The units parse_size knows, lower case, with the bytes each stands for.
constexpr std::array<std::pair<std::string_view, std::uint64_t>, 9> size_units{{
    {"b", 1},
    {"kb", 1'000},
    {"mb", 1'000'000},
    {"gb", 1'000'000'000},
    {"tb", 1'000'000'000'000},
    {"kib", std::uint64_t{1} << 10},
    {"mib", std::uint64_t{1} << 20},
    {"gib", std::uint64_t{1} << 30},
    {"tib", std::uint64_t{1} << 40},
}};

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::string lower(std::string_view text) {
  std::string result(text);
  std::ranges::transform(result, result.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

std::optional<std::uint64_t> unit_bytes(std::string_view unit) {
  if (unit.empty()) return 1;
  const std::string key = lower(unit);
  for (const auto& [name, bytes] : size_units)
    if (name == key) return bytes;
  return std::nullopt;
}

// A CLI11 transformer: `parse` reads the text; a value in `range` is written back in decimal,
// anything else fails with "expected <what> from MIN to MAX <how>, got 'TEXT'".
template <class Parse>
CLI::Validator range_validator(CountRange range, Parse parse, std::string what, std::string how) {
  return CLI::Validator(
      [range, parse, what = std::move(what), how = std::move(how)](std::string& input) -> std::string {
        const std::optional<std::uint64_t> value = parse(input);
        if (!value || *value < range.min || *value > range.max)
          return "expected " + what + " from " + describe(range) + " " + how + ", got '" + input + "'";
        input = std::to_string(*value);
        return {};
      },
      "");
}

}  // namespace

std::optional<std::uint64_t> parse_decimal(std::string_view text) noexcept {
  if (text.empty() || !std::ranges::all_of(text, is_digit)) return std::nullopt;
  if (text.size() > 1 && text.front() == '0') return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::uint64_t> parse_size(std::string_view text) noexcept {
  const auto digits_end = std::ranges::find_if_not(text, is_digit);
  const auto count = parse_decimal(text.substr(0, static_cast<std::size_t>(digits_end - text.begin())));
  std::optional<std::uint64_t> bytes;
  try {
    bytes = unit_bytes(text.substr(static_cast<std::size_t>(digits_end - text.begin())));
  } catch (...) {  // std::string's allocation: no size is that long
    return std::nullopt;
  }
  if (!count || !bytes || *count > std::numeric_limits<std::uint64_t>::max() / *bytes) return std::nullopt;
  return *count * *bytes;
}

std::string describe(CountRange range) { return std::to_string(range.min) + " to " + std::to_string(range.max); }

std::string with_range(const std::string& description, const std::string& range) {
  const auto open = description.rfind('(');
  if (description.ends_with(')') && open != std::string::npos)
    return description.substr(0, open + 1) + range + "; " + description.substr(open + 1);
  return description + " (" + range + ")";
}

CLI::Validator count_validator(CountRange range) {
  return range_validator(range, parse_decimal, "a whole number", "in decimal digits");
}

CLI::Validator size_validator(CountRange range) {
  return range_validator(range, parse_size, "a size",
                         "bytes (a decimal whole number, then B, kB, MB, GB, TB, KiB, MiB, GiB or TiB)");
}

CLI::Option* add_size_option(CLI::App& app, std::string name, std::size_t& value, const std::string& description,
                             CountRange range) {
  detail::check_range_fits(name, range, std::numeric_limits<std::size_t>::max());
  return detail::add_checked_option(
             app, std::move(name), [&value](std::uint64_t bytes) { value = static_cast<std::size_t>(bytes); },
             with_range(description, describe(range) + " bytes; units B, kB, MB, GB, TB, KiB, MiB, GiB, TiB"),
             size_validator(range))
      ->type_name("SIZE");
}

namespace detail {

CLI::Option* add_checked_option(CLI::App& app, std::string name, std::function<void(std::uint64_t)> store,
                                const std::string& description, CLI::Validator validator) {
  return app
      .add_option_function<std::string>(
          std::move(name), [store = std::move(store)](const std::string& text) { store(parse_decimal(text).value()); },
          description)
      ->transform(std::move(validator));
}

void check_range_fits(const std::string& name, CountRange range, std::uint64_t type_max) {
  if (range.min > range.max || range.max > type_max)
    throw std::logic_error("option " + name + ": its range does not fit its type");
}

}  // namespace detail

}  // namespace cartelgraph::cli

#include "cartelgraph/loaders/fact_schema.hpp"

#include <algorithm>

namespace cartelgraph::detail::schema {

namespace {

constexpr bool is_lower_or_digit(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

}  // namespace

bool is_id(std::string_view text) noexcept {
  // Runs of [a-z0-9] joined by single hyphens: no hyphen first, last or next to another.
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  char previous = '-';
  for (const char c : text) {
    if (c == '-' ? previous == '-' : !is_lower_or_digit(c)) return false;
    previous = c;
  }
  return true;
}

bool is_date(std::string_view text) noexcept {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (i == 4 || i == 7 ? text[i] != '-' : !is_digit(text[i])) return false;
  return true;
}

bool is_one_of(std::string_view text, std::span<const std::string_view> options) noexcept {
  return std::ranges::find(options, text) != options.end();
}

std::uint32_t required_mask(std::span<const Member> members) noexcept {
  std::uint32_t mask = 0;
  for (std::size_t i = 0; i < members.size(); ++i)
    if (members[i].required) mask |= std::uint32_t{1} << i;
  return mask;
}

}  // namespace cartelgraph::detail::schema

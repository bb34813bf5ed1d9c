#pragma once
// The names of an enum's values, written once per enum: `names<E>()` is specialised next to each
// enum (its values' names in declaration order), and naming, parsing, CLI validators, help text
// and shell completion are all derived from it.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cartelgraph {

/// The names of every value of `E`, in declaration order (value i is named names<E>()[i]).
/// Declared here, specialised (and defined once) for each enum that has names.
template <class E>
[[nodiscard]] std::span<const std::string_view> names() noexcept;

/// The name of `value`. Precondition: `value` is a declared value of E. O(1).
template <class E>
[[nodiscard]] std::string_view name_of(E value) noexcept {
  return names<E>()[static_cast<std::size_t>(value)];
}

/// The value of E named `name` (exactly, case-sensitive), or nullopt. O(number of values).
template <class E>
[[nodiscard]] std::optional<E> parse(std::string_view name) noexcept {
  const auto all = names<E>();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i] == name) return static_cast<E>(i);
  return std::nullopt;
}

/// The names of E in declaration order, joined by ", " except the last pair, joined by `last`
/// ("a, b, c" by default; "a, b or c" with `last` = " or "). O(total length of the names).
template <class E>
[[nodiscard]] std::string joined_names(std::string_view last = ", ") {
  const auto all = names<E>();
  std::string text;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i > 0) text += i + 1 == all.size() ? last : ", ";
    text += all[i];
  }
  return text;
}

}  // namespace cartelgraph

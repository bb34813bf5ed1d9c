#pragma once
// Text: an interned, immutable string. The graph holds millions of notes, sections, storylines
// and labels that repeat; each distinct string is stored once and a Text is a pointer to it.

#include <boost/flyweight/flyweight.hpp>
#include <boost/flyweight/hashed_factory.hpp>
#include <boost/flyweight/no_tracking.hpp>
#include <boost/flyweight/simple_locking.hpp>
#include <boost/flyweight/static_holder.hpp>

#include <compare>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace cartelgraph {

/// An immutable string interned in a process-wide table (Boost.Flyweight, hashed, locked): equal
/// strings share one copy, a Text is 8 bytes, copying it copies a pointer, and comparing two Texts
/// for equality compares pointers. Interned strings live until the process ends (no reference
/// counting: graphs are loaded once and queried, and the table is shared between them).
/// Reads like a `const std::string`: it converts to `const std::string&` and `std::string_view`.
class Text {
 public:
  Text() = default;
  // Implicit, like std::string's: a Text is built wherever a string was.
  Text(std::string_view text) : value_(std::string(text)) {}  // NOLINT(google-explicit-constructor)
  Text(const std::string& text) : value_(text) {}             // NOLINT(google-explicit-constructor)
  Text(std::string&& text) : value_(std::move(text)) {}       // NOLINT(google-explicit-constructor)
  Text(const char* text) : value_(std::string(text)) {}       // NOLINT(google-explicit-constructor)

  [[nodiscard]] const std::string& str() const noexcept { return value_.get(); }
  operator const std::string&() const noexcept { return value_.get(); }  // NOLINT(google-explicit-constructor)
  operator std::string_view() const noexcept { return value_.get(); }    // NOLINT(google-explicit-constructor)
  [[nodiscard]] std::string_view view() const noexcept { return value_.get(); }

  [[nodiscard]] bool empty() const noexcept { return str().empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return str().size(); }
  [[nodiscard]] std::size_t length() const noexcept { return str().size(); }
  [[nodiscard]] const char* data() const noexcept { return str().data(); }
  [[nodiscard]] const char* c_str() const noexcept { return str().c_str(); }
  [[nodiscard]] auto begin() const noexcept { return str().begin(); }
  [[nodiscard]] auto end() const noexcept { return str().end(); }
  [[nodiscard]] char front() const { return str().front(); }
  [[nodiscard]] char back() const { return str().back(); }
  [[nodiscard]] bool starts_with(std::string_view prefix) const noexcept { return view().starts_with(prefix); }
  [[nodiscard]] bool ends_with(std::string_view suffix) const noexcept { return view().ends_with(suffix); }
  [[nodiscard]] std::size_t find(std::string_view what, std::size_t from = 0) const noexcept {
    return view().find(what, from);
  }
  [[nodiscard]] std::size_t find(char what, std::size_t from = 0) const noexcept { return view().find(what, from); }
  [[nodiscard]] std::string substr(std::size_t from, std::size_t count = std::string::npos) const {
    return str().substr(from, count);
  }

  /// The same string: one pointer comparison.
  friend bool operator==(const Text& a, const Text& b) noexcept { return &a.str() == &b.str(); }
  friend bool operator==(const Text& a, std::string_view b) noexcept { return a.view() == b; }
  friend bool operator==(const Text& a, const std::string& b) noexcept { return a.view() == b; }
  friend bool operator==(const Text& a, const char* b) noexcept { return a.view() == b; }
  friend std::strong_ordering operator<=>(const Text& a, const Text& b) noexcept { return a.view() <=> b.view(); }
  friend std::strong_ordering operator<=>(const Text& a, std::string_view b) noexcept { return a.view() <=> b; }
  friend std::strong_ordering operator<=>(const Text& a, const std::string& b) noexcept {
    return a.view() <=> std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const Text& a, const char* b) noexcept {
    return a.view() <=> std::string_view(b);
  }
  friend std::string operator+(const Text& a, std::string_view b) { return a.str() + std::string(b); }
  friend std::string operator+(std::string_view a, const Text& b) { return std::string(a) + b.str(); }
  friend std::string operator+(const Text& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const std::string& a, const Text& b) { return a + b.str(); }
  friend std::string operator+(const Text& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const char* a, const Text& b) { return a + b.str(); }
  friend std::string operator+(const Text& a, char b) { return a.str() + b; }
  friend std::string operator+(char a, const Text& b) { return a + b.str(); }
  friend std::ostream& operator<<(std::ostream& out, const Text& text);

 private:
  // std::hash rather than Boost 1.74's default, which combines a string's hash byte by byte:
  // interning is a fifth of a cold start and a large part of opening a big store.
  boost::flyweight<std::string, boost::flyweights::no_tracking,
                   boost::flyweights::hashed_factory<std::hash<std::string>>>
      value_;
};

}  // namespace cartelgraph

/// Hashes the interned string's address: equal Texts are one string.
template <>
struct std::hash<cartelgraph::Text> {
  std::size_t operator()(const cartelgraph::Text& text) const noexcept { return std::hash<const void*>()(&text.str()); }
};

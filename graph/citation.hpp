#pragma once
// Citations: where a fact comes from, and the interned lists of them that entities and
// relations hold.

#include <boost/flyweight/flyweight.hpp>
#include <boost/flyweight/hashed_factory.hpp>
#include <boost/flyweight/no_tracking.hpp>
#include <boost/flyweight/simple_locking.hpp>
#include <boost/flyweight/static_holder.hpp>

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <vector>

#include "cartelgraph/graph/text.hpp"

namespace cartelgraph {

/// What a cited passage is: the document's own words (the default), an official statement the
/// document quotes, or only a title in the document's source list. Weakest support last.
enum class CitationSupport : unsigned char { text, statement, title };

/// Where a fact comes from: a source, the heading of its section, what kind of passage it is,
/// and what it supports.
struct Citation {
  Text source;
  Text section;
  Text note;
  CitationSupport support = CitationSupport::text;

  friend bool operator==(const Citation&, const Citation&) noexcept = default;
};

/// Boost.Hash of a citation (for the interned lists).
[[nodiscard]] std::size_t hash_value(const Citation& citation) noexcept;

/// An immutable list of citations, interned like Text: the facts of one document section cite it
/// with the same note again and again, so each distinct list is stored once and a CitationList is
/// one pointer. Reads like a `const std::vector<Citation>`.
class CitationList {
 public:
  CitationList() = default;
  // Implicit, like the vector it replaces.
  CitationList(std::vector<Citation> citations) : list_(std::move(citations)) {}  // NOLINT(google-explicit-constructor)
  CitationList(std::initializer_list<Citation> citations) : list_(std::vector<Citation>(citations)) {}

  [[nodiscard]] const std::vector<Citation>& get() const noexcept { return list_.get(); }
  operator const std::vector<Citation>&() const noexcept { return list_.get(); }  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool empty() const noexcept { return get().empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return get().size(); }
  [[nodiscard]] const Citation* data() const noexcept { return get().data(); }
  [[nodiscard]] std::vector<Citation>::const_iterator begin() const noexcept { return get().begin(); }
  [[nodiscard]] std::vector<Citation>::const_iterator end() const noexcept { return get().end(); }
  [[nodiscard]] const Citation& operator[](std::size_t i) const noexcept { return get()[i]; }
  [[nodiscard]] const Citation& at(std::size_t i) const { return get().at(i); }
  [[nodiscard]] const Citation& front() const noexcept { return get().front(); }
  [[nodiscard]] const Citation& back() const noexcept { return get().back(); }

  /// The same list: one pointer comparison.
  friend bool operator==(const CitationList& a, const CitationList& b) noexcept { return &a.get() == &b.get(); }

 private:
  boost::flyweight<std::vector<Citation>, boost::flyweights::no_tracking> list_;
};

}  // namespace cartelgraph

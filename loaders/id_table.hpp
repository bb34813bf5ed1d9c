#pragma once
// Ids to the numbers of what they name, for the millions of ids of one load: open addressing
// with linear probing, each slot holding the id's hash, its text and its number, so a lookup
// reads one slot and the id's text (a node-based std::unordered_map reads a bucket, a node and
// the text, each a cache miss at a million ids).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cartelgraph::detail {

/// Ids (viewed, not copied: their text must outlive the table) to numbers.
class IdTable {
 public:
  /// Room for `count` ids without growing.
  void reserve(std::size_t count);

  /// The number of `id`, or nullopt. O(1) expected.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const noexcept;

  /// Files `id` under `number` and returns nullopt; if `id` is there already, leaves it and
  /// returns its number. O(1) amortized.
  std::optional<std::size_t> insert(std::string_view id, std::size_t number);

  [[nodiscard]] std::size_t size() const noexcept { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    const char* text = nullptr;  // nullptr: an empty slot
    std::size_t length = 0;
    std::size_t number = 0;
  };
  static std::uint64_t hash_of(std::string_view id) noexcept;
  [[nodiscard]] std::size_t slot_of(std::string_view id, std::uint64_t hash) const noexcept;
  void grow(std::size_t slots);

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace cartelgraph::detail

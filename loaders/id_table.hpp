#pragma once
// Ids to the numbers of what they name, for the millions of ids of one load: open addressing
// with linear probing, each slot holding the id's hash, its number and (for an id of up to 16
// bytes) its text, so a lookup reads one slot (a node-based std::unordered_map reads a bucket, a
// node and the key's text, each a cache miss at a million ids).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cartelgraph::detail {

/// Ids (a long one viewed, not copied: its text must outlive the table) to numbers below 2^32.
class IdTable {
 public:
  /// Room for `count` ids without growing.
  void reserve(std::size_t count);

  /// The number of `id`, or nullopt. O(1) expected.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const noexcept;

  /// What find and insert hash `id` to.
  [[nodiscard]] static std::uint64_t hash_of(std::string_view id) noexcept;
  /// Asks the processor for the slot where an id of hash `hash` is looked for first, so that
  /// many lookups can wait for memory at once (each is a cache miss at a million ids): hash a
  /// batch of ids, prefetch each, then find each.
  void prefetch(std::uint64_t hash) const noexcept {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  /// find(id), `hash` being hash_of(id).
  [[nodiscard]] std::optional<std::size_t> find(std::string_view id, std::uint64_t hash) const noexcept;

  /// Files `id` under `number` and returns nullopt; if `id` is there already, leaves it and
  /// returns its number. O(1) amortized.
  std::optional<std::size_t> insert(std::string_view id, std::size_t number);

  [[nodiscard]] std::size_t size() const noexcept { return size_; }

 private:
  // An id of up to `inline_size` bytes is kept in its slot (the ids of most datasets), so that
  // confirming a match reads no other memory; a longer one is viewed through `text`.
  static constexpr std::size_t inline_size = 16;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t number = 0;
    std::uint32_t length = empty;  // `empty`: no id here
    const char* text = nullptr;    // a long id's text
    std::array<char, inline_size> inline_text{};
    static constexpr std::uint32_t empty = ~std::uint32_t{0};
  };
  [[nodiscard]] static bool holds(const Slot& slot, std::string_view id, std::uint64_t hash) noexcept;
  [[nodiscard]] std::size_t slot_of(std::string_view id, std::uint64_t hash) const noexcept;
  void grow(std::size_t slots);

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace cartelgraph::detail

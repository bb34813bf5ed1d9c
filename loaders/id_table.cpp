#include "cartelgraph/loaders/id_table.hpp"

#include <bit>
#include <cstring>
#include <functional>

namespace cartelgraph::detail {

std::uint64_t IdTable::hash_of(std::string_view id) noexcept { return std::hash<std::string_view>{}(id); }

// The slot holding `id`, or the empty slot where it would go. The table is never full.
std::size_t IdTable::slot_of(std::string_view id, std::uint64_t hash) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.text == nullptr) return at;
    if (slot.hash == hash && slot.length == id.size() && std::memcmp(slot.text, id.data(), id.size()) == 0) return at;
  }
}

void IdTable::grow(std::size_t slots) {
  std::vector<Slot> old(std::bit_ceil(slots));
  old.swap(slots_);
  for (const Slot& slot : old)
    if (slot.text != nullptr) slots_[slot_of({slot.text, slot.length}, slot.hash)] = slot;
}

void IdTable::reserve(std::size_t count) {
  if (2 * count > slots_.size()) grow(2 * count);  // at most half full
}

std::optional<std::size_t> IdTable::find(std::string_view id) const noexcept {
  if (slots_.empty()) return std::nullopt;
  const Slot& slot = slots_[slot_of(id, hash_of(id))];
  if (slot.text == nullptr) return std::nullopt;
  return slot.number;
}

std::optional<std::size_t> IdTable::insert(std::string_view id, std::size_t number) {
  reserve(std::max<std::size_t>(size_ + 1, 8));
  const std::uint64_t hash = hash_of(id);
  Slot& slot = slots_[slot_of(id, hash)];
  if (slot.text != nullptr) return slot.number;
  // An empty id has no text to point at: any non-null pointer marks the slot taken.
  slot = {hash, id.empty() ? "" : id.data(), id.size(), number};
  ++size_;
  return std::nullopt;
}

}  // namespace cartelgraph::detail

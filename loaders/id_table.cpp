#include "cartelgraph/loaders/id_table.hpp"

#include <bit>
#include <cstring>
#include <functional>
#include <limits>
#include <stdexcept>

namespace cartelgraph::detail {

std::uint64_t IdTable::hash_of(std::string_view id) noexcept { return std::hash<std::string_view>{}(id); }

bool IdTable::holds(const Slot& slot, std::string_view id, std::uint64_t hash) noexcept {
  if (slot.hash != hash || slot.length != id.size()) return false;
  const char* text = id.size() <= inline_size ? slot.inline_text.data() : slot.text;
  return id.empty() || std::memcmp(text, id.data(), id.size()) == 0;
}

// The slot holding `id`, or the empty slot where it would go. The table is never full.
std::size_t IdTable::slot_of(std::string_view id, std::uint64_t hash) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.length == Slot::empty || holds(slot, id, hash)) return at;
  }
}

void IdTable::grow(std::size_t slots) {
  std::vector<Slot> old(std::bit_ceil(slots));
  old.swap(slots_);
  for (const Slot& slot : old)
    if (slot.length != Slot::empty) {
      const char* text = slot.length <= inline_size ? slot.inline_text.data() : slot.text;
      slots_[slot_of({text, slot.length}, slot.hash)] = slot;
    }
}

void IdTable::reserve(std::size_t count) {
  if (2 * count > slots_.size()) grow(2 * count);  // at most half full
}

std::optional<std::size_t> IdTable::find(std::string_view id) const noexcept { return find(id, hash_of(id)); }

std::optional<std::size_t> IdTable::find(std::string_view id, std::uint64_t hash) const noexcept {
  if (slots_.empty()) return std::nullopt;
  const Slot& slot = slots_[slot_of(id, hash)];
  if (slot.length == Slot::empty) return std::nullopt;
  return slot.number;
}

std::optional<std::size_t> IdTable::insert(std::string_view id, std::size_t number) {
  if (number > std::numeric_limits<std::uint32_t>::max())  // billions of ids cannot be held anyway
    throw std::length_error("more than 2^32 ids");
  reserve(std::max<std::size_t>(size_ + 1, 8));
  const std::uint64_t hash = hash_of(id);
  Slot& slot = slots_[slot_of(id, hash)];
  if (slot.length != Slot::empty) return slot.number;
  slot.hash = hash;
  slot.number = static_cast<std::uint32_t>(number);
  slot.length = static_cast<std::uint32_t>(id.size());
  if (id.size() <= inline_size) {
    if (!id.empty()) std::memcpy(slot.inline_text.data(), id.data(), id.size());
  } else {
    slot.text = id.data();
  }
  ++size_;
  return std::nullopt;
}

}  // namespace cartelgraph::detail

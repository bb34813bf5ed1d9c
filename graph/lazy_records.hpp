#pragma once
// LazyRecords: a fixed number of records made in chunks the first time one of a chunk is read,
// then kept at a stable address. Reading is lock-free once a chunk exists.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <utility>

namespace cartelgraph {

template <class T>
class LazyRecords {
 public:
  /// Fills `out` with records first, first + 1, …; may throw, and then nothing is kept.
  using Maker = std::function<void(std::size_t first, std::span<T> out)>;

  LazyRecords(std::size_t count, Maker make)
      : count_(count), chunks_(new std::atomic<T*>[(count + chunk_size - 1) / chunk_size]()), make_(std::move(make)) {}
  LazyRecords(const LazyRecords&) = delete;
  LazyRecords& operator=(const LazyRecords&) = delete;
  ~LazyRecords() {
    for (std::size_t c = 0; c < chunk_count(); ++c) delete[] chunks_[c].load(std::memory_order_relaxed);
  }

  [[nodiscard]] std::size_t size() const noexcept { return count_; }

  /// Record `i` (below size()), made with its chunk on first use. Safe from several threads.
  [[nodiscard]] const T& operator[](std::size_t i) const {
    const T* chunk = chunks_[i / chunk_size].load(std::memory_order_acquire);
    if (chunk == nullptr) chunk = fill(i / chunk_size);
    return chunk[i % chunk_size];
  }

 private:
  // Small enough that a query reading a few scattered records (an entity card, a path) makes
  // few it does not need; large enough that the pointers take under 1% of the records.
  static constexpr std::size_t chunk_size = 64;

  [[nodiscard]] std::size_t chunk_count() const noexcept { return (count_ + chunk_size - 1) / chunk_size; }

  const T* fill(std::size_t c) const {
    const std::lock_guard lock(mutex_);
    if (const T* made = chunks_[c].load(std::memory_order_relaxed)) return made;
    const std::size_t first = c * chunk_size;
    const std::size_t size = std::min(chunk_size, count_ - first);
    std::unique_ptr<T[]> records(new T[size]);
    make_(first, std::span<T>(records.get(), size));
    chunks_[c].store(records.get(), std::memory_order_release);
    return records.release();
  }

  std::size_t count_;
  std::unique_ptr<std::atomic<T*>[]> chunks_;
  Maker make_;
  mutable std::mutex mutex_;
};

}  // namespace cartelgraph

#pragma once
// Column: a flat array of a graph's values (types, kinds, ends) that either owns its elements or
// borrows them from memory someone else keeps alive (a compiled store's mapped section).
// ChunkCheck: what checks borrowed values a chunk at a time, the first time one of the chunk is
// read, so that opening a large store costs nothing and a query pays only for what it reads.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace cartelgraph {

/// Checks values 0..count−1 of something borrowed in chunks of 2^shift values, each the first
/// time require() asks for one of its values. Safe from several threads: a chunk two threads ask
/// for at once may be checked twice, never trusted before it is checked.
class ChunkCheck {
 public:
  ChunkCheck(std::size_t count, unsigned shift)
      : count_(count), shift_(shift), done_(new std::atomic<std::uint8_t>[chunks()]()) {}
  ChunkCheck(const ChunkCheck&) = delete;
  ChunkCheck& operator=(const ChunkCheck&) = delete;
  ChunkCheck(ChunkCheck&&) = delete;
  ChunkCheck& operator=(ChunkCheck&&) = delete;
  virtual ~ChunkCheck() = default;

  [[nodiscard]] std::size_t size() const noexcept { return count_; }
  /// Checks the chunk of value `i` (below size()) unless it was; throws what verify() throws.
  void require(std::size_t i) const {
    if (done_[i >> shift_].load(std::memory_order_acquire) == 0) [[unlikely]]
      run(i >> shift_);
  }
  /// Checks the chunks of values [first, last).
  void require(std::size_t first, std::size_t last) const {
    if (first >= last) return;
    for (std::size_t c = first >> shift_; c <= (last - 1) >> shift_; ++c)
      if (done_[c].load(std::memory_order_acquire) == 0) run(c);
  }
  /// Checks every chunk not yet checked: once, then O(1).
  void require_all() const {
    if (all_.load(std::memory_order_acquire)) return;
    require(0, count_);
    all_.store(true, std::memory_order_release);
  }

 protected:
  /// Checks values [first, last), a whole chunk (the last one may be shorter); throws if they
  /// may not be trusted.
  virtual void verify(std::size_t first, std::size_t last) const = 0;

 private:
  [[nodiscard]] std::size_t chunks() const noexcept { return (count_ >> shift_) + 1; }
  void run(std::size_t chunk) const {
    const std::size_t first = chunk << shift_;
    verify(first, std::min(count_, first + (std::size_t{1} << shift_)));
    done_[chunk].store(1, std::memory_order_release);
  }

  std::size_t count_;
  unsigned shift_;
  std::unique_ptr<std::atomic<std::uint8_t>[]> done_;
  mutable std::atomic<bool> all_{false};
};

template <class T>
class Column {
 public:
  Column() = default;
  /// Borrows `values`: whoever lent them keeps them (and `check`, if any) alive and unchanged
  /// while this reads them. With a check, a value is read only once its chunk has passed it.
  explicit Column(std::span<const T> values, const ChunkCheck* check = nullptr)
      : view_(values), borrowed_(true), check_(check) {}
  /// Owns `values`.
  explicit Column(std::vector<T> values) : owned_(std::move(values)), view_(owned_) {}
  Column(const Column& other)
      : owned_(other.owned_), view_(other.view_), borrowed_(other.borrowed_), check_(other.check_) {
    if (!borrowed_) view_ = owned_;
  }
  Column& operator=(const Column& other) {
    if (this != &other) *this = Column(other);
    return *this;
  }
  Column(Column&& other) noexcept { *this = std::move(other); }
  Column& operator=(Column&& other) noexcept {
    owned_ = std::move(other.owned_);
    borrowed_ = other.borrowed_;
    check_ = other.check_;
    view_ = borrowed_ ? other.view_ : std::span<const T>(owned_);
    other.owned_.clear();
    other.view_ = {};
    other.borrowed_ = false;
    other.check_ = nullptr;
    return *this;
  }
  ~Column() = default;

  [[nodiscard]] std::size_t size() const noexcept { return view_.size(); }
  /// Value `i`, its chunk checked first if it is borrowed with a check (which may throw).
  [[nodiscard]] const T& operator[](std::size_t i) const {
    if (check_ != nullptr) [[unlikely]]
      check_->require(i);
    return view_[i];
  }
  /// Every value, each chunk checked first.
  [[nodiscard]] std::span<const T> span() const {
    if (check_ != nullptr) check_->require_all();
    return view_;
  }
  /// Every value, unchecked: for whoever checks what it reads through check().
  [[nodiscard]] std::span<const T> unchecked() const noexcept { return view_; }
  /// What checks the borrowed values, or nullptr.
  [[nodiscard]] const ChunkCheck* check() const noexcept { return check_; }

  /// Copies borrowed values into a vector of its own (nothing to do if it owns them already).
  void own() {
    if (!borrowed_) return;
    const std::span<const T> values = span();
    owned_.assign(values.begin(), values.end());
    view_ = owned_;
    borrowed_ = false;
    check_ = nullptr;
  }
  void reserve(std::size_t count) {
    own();
    owned_.reserve(count);
    view_ = owned_;
  }
  void push_back(const T& value) {
    own();
    owned_.push_back(value);
    view_ = owned_;
  }

 private:
  std::vector<T> owned_;
  std::span<const T> view_;
  bool borrowed_ = false;
  const ChunkCheck* check_ = nullptr;
};

}  // namespace cartelgraph

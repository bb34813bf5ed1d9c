#pragma once
// Column: a flat array of a graph's values (types, kinds, ends) that either owns its elements or
// borrows them from memory someone else keeps alive (a compiled store's mapped section).

#include <cstddef>
#include <span>
#include <utility>
#include <vector>

namespace cartelgraph {

template <class T>
class Column {
 public:
  Column() = default;
  /// Borrows `values`: whoever lent them keeps them alive and unchanged while this reads them.
  explicit Column(std::span<const T> values) : view_(values), borrowed_(true) {}
  Column(const Column& other) : owned_(other.owned_), view_(other.view_), borrowed_(other.borrowed_) {
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
    view_ = borrowed_ ? other.view_ : std::span<const T>(owned_);
    other.owned_.clear();
    other.view_ = {};
    other.borrowed_ = false;
    return *this;
  }
  ~Column() = default;

  [[nodiscard]] std::size_t size() const noexcept { return view_.size(); }
  [[nodiscard]] const T& operator[](std::size_t i) const noexcept { return view_[i]; }
  [[nodiscard]] std::span<const T> span() const noexcept { return view_; }

  /// Copies borrowed values into a vector of its own (nothing to do if it owns them already).
  void own() {
    if (!borrowed_) return;
    owned_.assign(view_.begin(), view_.end());
    view_ = owned_;
    borrowed_ = false;
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
};

}  // namespace cartelgraph

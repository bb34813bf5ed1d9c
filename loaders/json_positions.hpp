#pragma once
// Where each value of a JSON text starts, so problems found in the DOM can name a line and column.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cartelgraph::detail {

/// A 1-based line and column; the column counts code points, as editors do.
struct LineColumn {
  std::size_t line = 1;
  std::size_t column = 1;
};

/// The line and column of byte `offset` in `text` (an offset past the end counts as the end).
/// O(offset): to locate many offsets in one text, use LineColumns.
[[nodiscard]] LineColumn line_column(std::string_view text, std::size_t offset);

/// Line and column lookups in one text: the position of every 256th byte is kept, found as far
/// as the lookups have needed (one lookup costs what line_column does), and a lookup counts from
/// the nearest one below. Locating a file's hundreds of problems costs one pass over it, not one
/// pass per problem. The text must outlive it.
class LineColumns {
 public:
  explicit LineColumns(std::string_view text);

  /// What line_column(text, offset) gives: amortized O(1) over lookups of the whole text.
  [[nodiscard]] LineColumn at(std::size_t offset);

 private:
  static constexpr std::size_t step = 256;
  std::string_view text_;
  std::vector<LineColumn> marks_;  // marks_[k]: the position of byte k * step
};

/// Byte offsets of the values of one JSON text, by JSON Pointer ("" is the root,
/// "/relations/3/to" a member of the fourth relation).
class JsonPositions {
 public:
  /// Indexes `text` with RapidJSON's SAX reader. A text that fails to parse is indexed up to
  /// the error.
  static JsonPositions index(std::string_view text);

  /// Indexes the one value that starts at byte `start` of `text` (a record of a fact file), with
  /// offsets in `text`: locating a problem in one record reads that record only. The root ""
  /// is that value.
  static JsonPositions index(std::string_view text, std::size_t start);

  /// Offset of the value at `pointer`, else of its nearest indexed ancestor, else 0.
  /// Takes time in proportion to the pointer's length.
  [[nodiscard]] std::size_t offset(std::string_view pointer) const;

  /// The key a value is filed under: its parent's number and its own (escaped) token, which is
  /// short enough to need no allocation for most members and elements.
  struct ChildKey {
    std::size_t parent = 0;
    std::string token;
    bool operator==(const ChildKey&) const = default;
  };
  struct ChildKeyHash {
    std::size_t operator()(const ChildKey& key) const noexcept;
  };

 private:
  // Values are numbered in the order they start, the root 0: memory is linear in the text,
  // however deep it nests.
  std::vector<std::size_t> offsets_;                                  // by value number
  std::unordered_map<ChildKey, std::size_t, ChildKeyHash> children_;  // → value number
};

/// `token` escaped for a JSON Pointer (`~` → `~0`, `/` → `~1`).
[[nodiscard]] std::string escape_pointer_token(std::string_view token);

}  // namespace cartelgraph::detail

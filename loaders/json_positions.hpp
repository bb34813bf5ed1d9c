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

/// The line and column of byte `offset` in `text`.
[[nodiscard]] LineColumn line_column(std::string_view text, std::size_t offset);

/// Byte offsets of the values of one JSON text, by JSON Pointer ("" is the root,
/// "/relations/3/to" a member of the fourth relation).
class JsonPositions {
 public:
  /// Indexes `text` with RapidJSON's SAX reader. A text that fails to parse is indexed up to
  /// the error.
  static JsonPositions index(std::string_view text);

  /// Offset of the value at `pointer`, else of its nearest indexed ancestor, else 0.
  /// Takes time in proportion to the pointer's length.
  [[nodiscard]] std::size_t offset(std::string_view pointer) const;

  /// The key a value is filed under: its parent's number and its own (escaped) token.
  [[nodiscard]] static std::string child_key(std::size_t parent, std::string_view token);

 private:
  // Values are numbered in the order they start, the root 0: memory is linear in the text,
  // however deep it nests.
  std::vector<std::size_t> offsets_;                       // by value number
  std::unordered_map<std::string, std::size_t> children_;  // child_key → value number
};

/// `token` escaped for a JSON Pointer (`~` → `~0`, `/` → `~1`).
[[nodiscard]] std::string escape_pointer_token(std::string_view token);

}  // namespace cartelgraph::detail

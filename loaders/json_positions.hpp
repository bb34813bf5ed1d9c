#pragma once
// Where each value of a JSON text starts, so problems found in the DOM can name a line and column.

#include <string>
#include <string_view>
#include <unordered_map>

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
  [[nodiscard]] std::size_t offset(std::string_view pointer) const;

 private:
  std::unordered_map<std::string, std::size_t> offsets_;
};

/// `token` escaped for a JSON Pointer (`~` → `~0`, `/` → `~1`).
[[nodiscard]] std::string escape_pointer_token(std::string_view token);

}  // namespace cartelgraph::detail

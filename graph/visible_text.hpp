#pragma once
// Characters that act on a terminal or hide in text: control characters (C0, DEL, C1), bidi
// controls and zero-width characters. Text output shows them escaped; validate warns of them.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cartelgraph {

/// What a hidden character does.
enum class HiddenKind : unsigned char {
  control,     ///< C0 (U+0000–U+001F), DEL (U+007F) or C1 (U+0080–U+009F): a terminal command
  bidi,        ///< an embedding, override or isolate (U+202A–U+202E, U+2066–U+2069): reorders text
  zero_width,  ///< U+200B–U+200D, U+2060, U+FEFF: invisible, makes equal-looking names differ
};

/// One hidden character: its byte offset in the text, its code point and kind.
struct HiddenCharacter {
  std::size_t offset = 0;
  char32_t code_point = 0;
  HiddenKind kind = HiddenKind::control;
};

/// The first hidden character of `text` (UTF-8), if any. Bytes that are not UTF-8 are skipped.
/// O(size of text); does not throw.
[[nodiscard]] std::optional<HiddenCharacter> find_hidden(std::string_view text) noexcept;

/// "U+202E, a bidi control": the character in words, for messages.
[[nodiscard]] std::string describe(const HiddenCharacter& character);

/// `text` safe to print on a terminal: ESC as `\e`, other C0 controls and DEL as `\xNN`, C1
/// controls and bidi controls as `\u{XXXX}`, and each byte that is not UTF-8 as `\xNN`. Newline
/// and tab are escaped too unless `keep_lines` (for messages of several lines). Everything else,
/// zero-width characters included, is copied as it is. O(size of text).
[[nodiscard]] std::string visible(std::string_view text, bool keep_lines = false);

}  // namespace cartelgraph

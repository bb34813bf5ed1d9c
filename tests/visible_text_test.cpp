// graph/visible_text: every code point, encoded in UTF-8, checked against the definitions of the
// C0, C1, bidi and zero-width ranges written out here.
#include <doctest/doctest.h>

#include <ios>
#include <string>

#include "cartelgraph/graph/visible_text.hpp"

using namespace cartelgraph;

namespace {

std::string utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
  return s;
}

bool is_control(char32_t c) { return c <= 0x1F || (c >= 0x7F && c <= 0x9F); }
bool is_bidi(char32_t c) { return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069); }
bool is_zero_width(char32_t c) { return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF; }

}  // namespace

TEST_CASE("visible escapes exactly the control and bidi characters, and find_hidden finds all three kinds") {
  std::size_t escaped = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates are not UTF-8
    const std::string text = "a" + utf8(c) + "b";
    const std::string shown = visible(text);
    const bool escape = is_control(c) || is_bidi(c);
    if (escape) {
      ++escaped;
      CHECK(shown.find('\\') == 1);
      CHECK(shown.find(utf8(c)) == std::string::npos);
    } else if (shown != text) {
      FAIL("U+" << std::hex << static_cast<unsigned>(c) << " was changed");
    }
    const auto hidden = find_hidden(text);
    if (escape || is_zero_width(c)) {
      REQUIRE(hidden);
      CHECK(hidden->offset == 1);
      CHECK(hidden->code_point == c);
      CHECK(hidden->kind == (is_control(c) ? HiddenKind::control
                             : is_bidi(c)  ? HiddenKind::bidi
                                           : HiddenKind::zero_width));
    } else if (hidden) {
      FAIL("U+" << std::hex << static_cast<unsigned>(c) << " was found hidden");
    }
  }
  CHECK(escaped == 32 + 1 + 32 + 5 + 4);
}

TEST_CASE("visible writes ESC as \\e, other C0 as \\xNN, C1 and bidi as \\u{XXXX}, stray bytes as \\xNN") {
  CHECK(visible("\x1b]0;title\x07") == "\\e]0;title\\x07");
  CHECK(visible("\xc2\x9b"
                "2J") == "\\u{009B}2J");
  CHECK(visible("a\u202eb") == "a\\u{202E}b");
  CHECK(visible("\x9b"
                "2J") == "\\x9B2J");  // a lone C1 byte, not UTF-8
  CHECK(visible("one\ntwo\t") == "one\\x0Atwo\\x09");
  CHECK(visible("one\ntwo\t", true) == "one\ntwo\t");
  CHECK(visible("El Árabe \u200b") == "El Árabe \u200b");
  CHECK(describe({0, 0x202E, HiddenKind::bidi}) == "U+202E, a bidi control");
}

#include "cartelgraph/graph/visible_text.hpp"

#include <utf8proc.h>

#include <cstdio>

namespace cartelgraph {

namespace {

std::optional<HiddenKind> kind_of(char32_t c) noexcept {
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return HiddenKind::control;
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return HiddenKind::bidi;
  if ((c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF) return HiddenKind::zero_width;
  return std::nullopt;
}

// The code point at the start of `text` and its length in bytes; a negative code point for a
// byte that does not start a valid UTF-8 sequence (its length is then 1).
std::pair<utf8proc_int32_t, std::size_t> decode(std::string_view text) noexcept {
  utf8proc_int32_t c = -1;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                  static_cast<utf8proc_ssize_t>(text.size()), &c);
  if (n <= 0) return {-1, 1};
  return {c, static_cast<std::size_t>(n)};
}

std::string hex(const char* format, unsigned value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

}  // namespace

std::optional<HiddenCharacter> find_hidden(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    const auto [c, length] = decode(text.substr(i));
    if (c >= 0)
      if (const auto kind = kind_of(static_cast<char32_t>(c)))
        return HiddenCharacter{i, static_cast<char32_t>(c), *kind};
    i += length;
  }
  return std::nullopt;
}

std::string describe(const HiddenCharacter& character) {
  static constexpr const char* words[] = {"a control character", "a bidi control", "a zero-width character"};
  return hex("U+%04X", static_cast<unsigned>(character.code_point)) + ", " +
         words[static_cast<unsigned>(character.kind)];
}

std::string visible(std::string_view text, bool keep_lines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto [c, length] = decode(text.substr(i));
    const auto kind = c < 0 ? std::nullopt : kind_of(static_cast<char32_t>(c));
    if (c < 0) out += hex("\\x%02X", static_cast<unsigned char>(text[i]));
    else if (!kind || kind == HiddenKind::zero_width || (keep_lines && (c == '\n' || c == '\t')))
      out += text.substr(i, length);
    else if (c == 0x1B) out += "\\e";
    else if (c < 0x80) out += hex("\\x%02X", static_cast<unsigned>(c));
    else out += hex("\\u{%04X}", static_cast<unsigned>(c));
    i += length;
  }
  return out;
}

}  // namespace cartelgraph

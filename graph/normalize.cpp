#include "cartelgraph/graph/normalize.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>

#include "cartelgraph/graph/error.hpp"

namespace cartelgraph {

namespace {

// The key of an ASCII text, the same as the general path gives (tested against it on every
// ASCII character): ASCII has no decompositions or marks, folds case as A-Z → a-z, and its only
// word characters are letters and digits. Most names of a large imported network are ASCII, and
// this is some twenty times faster than utf8proc_map, which allocates for every call.
std::string normalize_ascii(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    const bool lower = c >= 'a' && c <= 'z';
    const bool upper = c >= 'A' && c <= 'Z';
    const bool digit = c >= '0' && c <= '9';
    if (lower || upper || digit) {
      if (pending_space && !key.empty()) key += ' ';
      pending_space = false;
      key += upper ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (c != '\'') {
      pending_space = true;
    }
  }
  return key;
}

}  // namespace

std::string normalize_name(std::string_view text) {
  if (std::ranges::all_of(text, [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
    return normalize_ascii(text);
  // utf8proc does the Unicode work: compatibility decomposition, dropping combining marks
  // (accents) and case folding. What remains here is only the choice of which code points
  // separate words.
  utf8proc_uint8_t* folded = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                                      UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
      static_cast<utf8proc_ssize_t>(text.size()), &folded, options);
  if (length < 0) throw Error(ErrorCategory::usage, std::string("invalid UTF-8: ") + utf8proc_errmsg(length));
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(folded, &std::free);

  std::string key;
  key.reserve(static_cast<std::size_t>(length));
  bool pending_space = false;
  utf8proc_ssize_t pos = 0;
  while (pos < length) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t step = utf8proc_iterate(folded + pos, length - pos, &code_point);
    if (step <= 0) throw Error(ErrorCategory::usage, "invalid UTF-8");
    const auto category = utf8proc_category(code_point);
    const bool word_char = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
                           (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
    const bool joiner = code_point == '\'' || code_point == 0x2019;  // O'Brien → obrien
    if (word_char) {
      if (pending_space && !key.empty()) key += ' ';
      pending_space = false;
      key.append(reinterpret_cast<const char*>(folded + pos), static_cast<std::size_t>(step));
    } else if (!joiner) {
      pending_space = true;
    }
    pos += step;
  }
  return key;
}

}  // namespace cartelgraph

#pragma once
// Name keys: the text under which names and aliases are indexed and looked up.

#include <string>
#include <string_view>

#include "cartelgraph/graph/error.hpp"

namespace cartelgraph {

/// The lookup key of a name: accents stripped, case folded, punctuation and quotes dropped,
/// runs of spaces collapsed ("EL ÁRABE", "“El Árabe”" and "el arabe" all give "el arabe").
/// Throws Error (usage) if `text` is not valid UTF-8.
[[nodiscard]] std::string normalize_name(std::string_view text);

}  // namespace cartelgraph

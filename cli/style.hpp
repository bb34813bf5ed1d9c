#pragma once
// Terminal colour: only when stdout is a terminal, and never when NO_COLOR is set (no-color.org).

#include <string>
#include <string_view>

namespace cartelgraph::cli {

/// True if text output may carry ANSI colour: stdout is a TTY, NO_COLOR is unset and TERM is not
/// "dumb". Decided once per process.
[[nodiscard]] bool colour_enabled();

/// `text` in bold, when colour is enabled.
[[nodiscard]] std::string bold(std::string_view text);
/// `text` dimmed, when colour is enabled.
[[nodiscard]] std::string dim(std::string_view text);
/// `text` in red (hostile ties) or green (friendly ties), when colour is enabled.
[[nodiscard]] std::string signed_colour(std::string_view text, int sign);

}  // namespace cartelgraph::cli

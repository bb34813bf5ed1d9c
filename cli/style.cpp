#include "cartelgraph/cli/style.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace cartelgraph::cli {

bool colour_enabled() {
  static const bool enabled = [] {
    const char* no_colour = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return ::isatty(STDOUT_FILENO) == 1 && (no_colour == nullptr || no_colour[0] == '\0') &&
           !(term != nullptr && std::strcmp(term, "dumb") == 0);
  }();
  return enabled;
}

namespace {
std::string wrap(std::string_view text, const char* code) {
  if (!colour_enabled()) return std::string(text);
  return std::string("\x1b[") + code + "m" + std::string(text) + "\x1b[0m";
}
}  // namespace

std::string bold(std::string_view text) { return wrap(text, "1"); }
std::string dim(std::string_view text) { return wrap(text, "2"); }
std::string signed_colour(std::string_view text, int sign) {
  if (sign > 0) return wrap(text, "32");
  if (sign < 0) return wrap(text, "31");
  return std::string(text);
}

}  // namespace cartelgraph::cli

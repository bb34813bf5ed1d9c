// libFuzzer target: the date parser. A date that parses prints back to text that parses to the
// same date, and its first day is never after its last.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cartelgraph/graph/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto date = cartelgraph::Date::parse(text);
  if (!date) return 0;
  const auto again = cartelgraph::Date::parse(date->to_string());
  if (!again || *again != *date) __builtin_trap();
  if (date->last_day() < date->first_day()) __builtin_trap();
  return 0;
}

#include "cartelgraph/graph/date.hpp"

#include <cstdio>

namespace cartelgraph {

namespace {

bool is_leap(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Reads exactly `width` decimal digits at `pos`.
std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

int days_in_month(int year, int month) noexcept {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return days[month - 1];
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  const auto year = read_digits(text, 0, 4);
  if (!year) return std::nullopt;
  if (text.size() == 4) return Date(*year, 0, 0);
  if (text[4] != '-') return std::nullopt;
  const auto month = read_digits(text, 5, 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (text.size() == 7) return Date(*year, *month, 0);
  if (text[7] != '-') return std::nullopt;
  const auto day = read_digits(text, 8, 2);
  if (!day || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
  return Date(*year, *month, *day);
}

Date Date::from_ymd(int year, int month, int day) { return Date(year, month, day); }

Date::Precision Date::precision() const noexcept {
  if (month_ == 0) return Precision::year;
  if (day_ == 0) return Precision::month;
  return Precision::day;
}

Date Date::first_day() const noexcept {
  return Date(year_, month_ == 0 ? 1 : month_, day_ == 0 ? 1 : day_);
}

Date Date::last_day() const noexcept {
  const int month = month_ == 0 ? 12 : month_;
  return Date(year_, month, day_ == 0 ? days_in_month(year_, month) : day_);
}

std::string Date::to_string() const {
  char buffer[24];  // room for any int16_t year and int8_t month and day
  switch (precision()) {
    case Precision::year: std::snprintf(buffer, sizeof buffer, "%04d", year_); break;
    case Precision::month: std::snprintf(buffer, sizeof buffer, "%04d-%02d", year_, month_); break;
    case Precision::day:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year_, month_, day_);
      break;
  }
  return buffer;
}

}  // namespace cartelgraph

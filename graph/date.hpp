#pragma once
// Calendar dates as precise as a source allows: a year, a month or a day.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cartelgraph {

/// A date known to year (`2021`), month (`2021-03`) or day (`2021-03-12`) precision.
class Date {
 public:
  enum class Precision : unsigned char { year, month, day };

  /// Parses ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nullopt if malformed or not a real date.
  static std::optional<Date> parse(std::string_view text);

  /// A day-precision date; precondition: a real calendar day.
  static Date from_ymd(int year, int month, int day);

  [[nodiscard]] int year() const noexcept { return year_; }
  /// The month, 1–12, or 0 when the precision is a year.
  [[nodiscard]] int month() const noexcept { return month_; }
  /// The day of the month, or 0 when the precision is a year or a month.
  [[nodiscard]] int day() const noexcept { return day_; }
  [[nodiscard]] Precision precision() const noexcept;

  /// The first day of the period this date stands for (2021-03 → 2021-03-01).
  [[nodiscard]] Date first_day() const noexcept;
  /// The last day of the period this date stands for (2021-02 → 2021-02-28).
  [[nodiscard]] Date last_day() const noexcept;

  /// The ISO text, at this date's precision.
  [[nodiscard]] std::string to_string() const;

  /// Chronological by first day; a coarser date sorts before a finer one with the same start.
  friend std::strong_ordering operator<=>(const Date&, const Date&) noexcept = default;
  friend bool operator==(const Date&, const Date&) noexcept = default;

 private:
  Date(int year, int month, int day) noexcept
      : year_(static_cast<std::int16_t>(year)), month_(static_cast<std::int8_t>(month)), day_(static_cast<std::int8_t>(day)) {}
  // 4 bytes: a graph holds up to four per relation. Years are 4 digits (parse) or come from
  // from_ymd's callers, which stay within a few centuries of now.
  std::int16_t year_ = 0;
  std::int8_t month_ = 0;
  std::int8_t day_ = 0;
};

/// Number of days in a month of a year (Gregorian calendar).
[[nodiscard]] int days_in_month(int year, int month) noexcept;

}  // namespace cartelgraph

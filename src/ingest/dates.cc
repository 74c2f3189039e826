// Publication dates as crawlers and page metadata write them.
//
// The English month and zone names below belong to the RFC 2822 date format
// itself (like the letters of ISO 8601), not to any language the engine reads.
#include <array>
#include <optional>

#include "hadath/ingest.h"
#include "ingest/utf8.h"

namespace hadath::ingest {
namespace {

// A cursor over the date text.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool AtEnd() const { return at_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[at_]; }
  size_t position() const { return at_; }
  void Rewind(size_t position) { at_ = position; }

  // Reads `min_digits` to `max_digits` decimal digits.
  bool Number(int min_digits, int max_digits, int* value) {
    int count = 0, result = 0;
    while (count < max_digits && IsDigit(Peek())) {
      result = result * 10 + (text_[at_++] - '0');
      ++count;
    }
    *value = result;
    return count >= min_digits;
  }

  bool Take(char c) {
    if (Peek() != c) return false;
    ++at_;
    return true;
  }

  bool TakeAnyOf(std::string_view chars, char* taken) {
    if (AtEnd() || chars.find(Peek()) == std::string_view::npos) return false;
    *taken = text_[at_++];
    return true;
  }

  void SkipSpaces() {
    while (Peek() == ' ' || Peek() == '\t') ++at_;
  }

  // A run of ASCII letters, lower-cased.
  std::string Word() {
    std::string word;
    while (IsLetter(Peek())) word.push_back(static_cast<char>(text_[at_++] | 0x20));
    return word;
  }

 private:
  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }
  static bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

  std::string_view text_;
  size_t at_ = 0;
};

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[static_cast<size_t>(month - 1)];
}

// Returns true iff every field the precision covers is in range.
bool IsValid(const PublishedDate& date) {
  if (date.year < 1 || date.year > 9999) return false;
  if (date.precision >= DatePrecision::kMonth && (date.month < 1 || date.month > 12)) return false;
  if (date.precision >= DatePrecision::kDay &&
      (date.day < 1 || date.day > DaysInMonth(date.year, date.month)))
    return false;
  if (date.precision >= DatePrecision::kMinute && (date.hour > 23 || date.minute > 59 || date.second > 60))
    return false;
  if (date.utc_offset_minutes && (*date.utc_offset_minutes < -18 * 60 || *date.utc_offset_minutes > 18 * 60))
    return false;
  return true;
}

// "+03:00", "+0300", "+03", "Z", "UTC", "GMT", "EST", ...; sets the offset
// and returns true iff a zone was read.
bool ReadZone(Scanner& scanner, PublishedDate* date) {
  size_t start = scanner.position();
  scanner.SkipSpaces();
  char sign = 0;
  if (scanner.TakeAnyOf("+-", &sign)) {
    int hours = 0, minutes = 0;
    if (!scanner.Number(2, 2, &hours)) return scanner.Rewind(start), false;
    scanner.Take(':');
    if (!scanner.Number(2, 2, &minutes)) minutes = 0;
    if (minutes > 59) return scanner.Rewind(start), false;
    date->utc_offset_minutes = (sign == '-' ? -1 : 1) * (hours * 60 + minutes);
    return true;
  }
  struct NamedZone {
    const char* name;
    int hours;
  };
  static constexpr NamedZone kZones[] = {{"z", 0},    {"ut", 0},   {"utc", 0},  {"gmt", 0},
                                         {"est", -5}, {"edt", -4}, {"cst", -6}, {"cdt", -5},
                                         {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}};
  std::string word = scanner.Word();
  for (const NamedZone& zone : kZones)
    if (word == zone.name) {
      date->utc_offset_minutes = zone.hours * 60;
      return true;
    }
  scanner.Rewind(start);
  return false;
}

// "HH:MM[:SS[.fraction]]" then an optional zone.
bool ReadTime(Scanner& scanner, PublishedDate* date) {
  if (!scanner.Number(1, 2, &date->hour) || !scanner.Take(':') || !scanner.Number(2, 2, &date->minute))
    return false;
  date->precision = DatePrecision::kMinute;
  if (scanner.Take(':')) {
    if (!scanner.Number(2, 2, &date->second)) return false;
    date->precision = DatePrecision::kSecond;
    char separator = 0;
    int fraction = 0;
    if (scanner.TakeAnyOf(".,", &separator) && !scanner.Number(1, 9, &fraction)) return false;
  }
  ReadZone(scanner, date);
  return true;
}

// Date-time separator then time, or nothing.
bool ReadOptionalTime(Scanner& scanner, PublishedDate* date) {
  if (scanner.AtEnd()) return true;
  char separator = 0;
  if (!scanner.TakeAnyOf("Tt ", &separator)) return false;
  scanner.SkipSpaces();
  return ReadTime(scanner, date);
}

// "2020-05-18...", "2020/05/18...", "2022-12", "2022".
std::optional<PublishedDate> ParseYearFirst(std::string_view text) {
  Scanner scanner(text);
  PublishedDate date;
  if (!scanner.Number(4, 4, &date.year)) return std::nullopt;
  date.precision = DatePrecision::kYear;
  char separator = 0;
  if (scanner.AtEnd()) return date;
  if (!scanner.TakeAnyOf("-/.", &separator) || !scanner.Number(1, 2, &date.month)) return std::nullopt;
  date.precision = DatePrecision::kMonth;
  if (scanner.AtEnd()) return date;
  if (!scanner.Take(separator) || !scanner.Number(1, 2, &date.day)) return std::nullopt;
  date.precision = DatePrecision::kDay;
  if (!ReadOptionalTime(scanner, &date) || !scanner.AtEnd()) return std::nullopt;
  return date;
}

// "18/05/2020", "18-05-2020", "18.05.2020", then an optional time.
std::optional<PublishedDate> ParseDayFirst(std::string_view text) {
  Scanner scanner(text);
  PublishedDate date;
  char separator = 0;
  if (!scanner.Number(1, 2, &date.day) || !scanner.TakeAnyOf("/-.", &separator) ||
      !scanner.Number(1, 2, &date.month) || !scanner.Take(separator) || !scanner.Number(4, 4, &date.year))
    return std::nullopt;
  date.precision = DatePrecision::kDay;
  if (!ReadOptionalTime(scanner, &date) || !scanner.AtEnd()) return std::nullopt;
  return date;
}

// 1-12 for an English month name or its three-letter abbreviation, else 0.
int MonthNumber(std::string_view word) {
  static constexpr const char* kMonths[] = {"january",   "february", "march",    "april",
                                            "may",       "june",     "july",     "august",
                                            "september", "october",  "november", "december"};
  if (word.size() < 3) return 0;
  for (int month = 1; month <= 12; ++month) {
    std::string_view name = kMonths[month - 1];
    if (name.substr(0, word.size()) == word || (word.size() == 4 && word == "sept" && month == 9))
      return month;
  }
  return 0;
}

// "Mon, 18 May 2020 06:51:00 +0300", "18 May 2020", "18 May 2020 06:51 GMT".
std::optional<PublishedDate> ParseRfc2822(std::string_view text) {
  Scanner scanner(text);
  PublishedDate date;
  std::string weekday = scanner.Word();
  if (!weekday.empty()) {
    scanner.Take(',');
    scanner.SkipSpaces();
  }
  if (!scanner.Number(1, 2, &date.day)) return std::nullopt;
  scanner.SkipSpaces();
  date.month = MonthNumber(scanner.Word());
  scanner.SkipSpaces();
  if (date.month == 0 || !scanner.Number(4, 4, &date.year)) return std::nullopt;
  date.precision = DatePrecision::kDay;
  scanner.SkipSpaces();
  if (!scanner.AtEnd() && !ReadTime(scanner, &date)) return std::nullopt;
  scanner.SkipSpaces();
  if (!scanner.AtEnd()) return std::nullopt;
  return date;
}

}  // namespace

PublishedDate ParseDate(std::string_view text) {
  text = internal::TrimAscii(text);
  if (text.empty() || text.size() > 64) return {};
  for (auto parse : {ParseYearFirst, ParseDayFirst, ParseRfc2822}) {
    std::optional<PublishedDate> date = parse(text);
    if (date && IsValid(*date)) return *date;
  }
  return {};
}

}  // namespace hadath::ingest

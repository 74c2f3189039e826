#include "hadath/document.h"

#include <cstdio>
#include <cstdlib>

namespace hadath {

const char* FormatName(SourceFormat format) {
  switch (format) {
    case SourceFormat::kText: return "text";
    case SourceFormat::kHtml: return "html";
    case SourceFormat::kJsonLines: return "jsonl";
  }
  return "?";
}

const char* PrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kUnknown: return "unknown";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kDay: return "day";
    case DatePrecision::kMinute: return "minute";
    case DatePrecision::kSecond: return "second";
  }
  return "?";
}

std::string PublishedDate::ToIso() const {
  char buffer[64];
  switch (precision) {
    case DatePrecision::kUnknown: return "";
    case DatePrecision::kYear: std::snprintf(buffer, sizeof buffer, "%04d", year); return buffer;
    case DatePrecision::kMonth: std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month); return buffer;
    case DatePrecision::kDay:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
      return buffer;
    case DatePrecision::kMinute:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
      break;
    case DatePrecision::kSecond:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute,
                    second);
      break;
  }
  std::string iso = buffer;
  if (utc_offset_minutes) {
    int offset = *utc_offset_minutes;
    if (offset == 0) return iso + "Z";
    std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", offset < 0 ? '-' : '+', std::abs(offset) / 60,
                  std::abs(offset) % 60);
    iso += buffer;
  }
  return iso;
}

}  // namespace hadath

namespace hadath {
namespace {

// Reads exactly `digits` decimal digits at text[*at]; advances on success.
bool ReadNumber(std::string_view text, size_t* at, int digits, int* value) {
  if (*at + digits > text.size()) return false;
  int result = 0;
  for (int i = 0; i < digits; ++i) {
    char c = text[*at + i];
    if (c < '0' || c > '9') return false;
    result = result * 10 + (c - '0');
  }
  *at += digits;
  *value = result;
  return true;
}

bool ReadSeparatedNumber(std::string_view text, size_t* at, char separator, int* value) {
  if (*at >= text.size() || text[*at] != separator) return false;
  size_t next = *at + 1;
  if (!ReadNumber(text, &next, 2, value)) return false;
  *at = next;
  return true;
}

}  // namespace

PublishedDate PublishedDate::FromIso(std::string_view iso) {
  PublishedDate date;
  size_t at = 0;
  if (!ReadNumber(iso, &at, 4, &date.year)) return {};
  date.precision = DatePrecision::kYear;
  if (!ReadSeparatedNumber(iso, &at, '-', &date.month)) return at == iso.size() ? date : PublishedDate{};
  date.precision = DatePrecision::kMonth;
  if (!ReadSeparatedNumber(iso, &at, '-', &date.day)) return at == iso.size() ? date : PublishedDate{};
  date.precision = DatePrecision::kDay;
  if (!ReadSeparatedNumber(iso, &at, 'T', &date.hour) || !ReadSeparatedNumber(iso, &at, ':', &date.minute))
    return at == iso.size() ? date : PublishedDate{};
  date.precision = DatePrecision::kMinute;
  if (ReadSeparatedNumber(iso, &at, ':', &date.second)) date.precision = DatePrecision::kSecond;
  if (at < iso.size() && iso[at] == 'Z') {
    date.utc_offset_minutes = 0;
  } else if (at < iso.size() && (iso[at] == '+' || iso[at] == '-')) {
    int sign = iso[at] == '-' ? -1 : 1;
    size_t next = at + 1;
    int hours = 0, minutes = 0;
    if (ReadNumber(iso, &next, 2, &hours) && ReadSeparatedNumber(iso, &next, ':', &minutes))
      date.utc_offset_minutes = sign * (hours * 60 + minutes);
  }
  return date;
}

}  // namespace hadath

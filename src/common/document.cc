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
    case DatePrecision::kMonth:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
      return buffer;
    case DatePrecision::kDay:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
      return buffer;
    case DatePrecision::kMinute:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
      break;
    case DatePrecision::kSecond:
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour,
                    minute, second);
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

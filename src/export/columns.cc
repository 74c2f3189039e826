// Column lists, format names and the text of one CSV cell.
#include <cmath>

#include "export/cells.h"
#include "hadath/export.h"

namespace hadath::exporter {

const char* FormatName(Format format) {
  switch (format) {
    case Format::kJsonl: return "jsonl";
    case Format::kAcled: return "acled";
    case Format::kGeojson: return "geojson";
  }
  return "?";
}

std::optional<Format> ParseFormat(std::string_view name) {
  for (Format format : {Format::kJsonl, Format::kAcled, Format::kGeojson})
    if (name == FormatName(format)) return format;
  return std::nullopt;
}

const std::vector<std::string>& AcledColumns() {
  static const std::vector<std::string> columns = {
      "event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
      "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
      "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
      "iso",           "region",         "country",  "admin1",         "admin2",
      "admin3",        "location",       "latitude", "longitude",      "geo_precision",
      "source",        "source_scale",   "notes",    "fatalities",     "tags",
      "timestamp"};
  return columns;
}

const std::vector<std::string>& HadathColumns() {
  static const std::vector<std::string> columns = {
      "event_id",     "actor1_id",      "actor2_id",       "assoc_actor_1_ids",   "assoc_actor_2_ids",
      "date_start",   "date_end",       "location_ar",     "admin1_pcode",        "admin2_pcode",
      "admin3_pcode", "fatalities_low", "fatalities_high", "civilian_fatalities", "confidence",
      "background",   "doc_ids",        "evidence"};
  return columns;
}

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::optional<int64_t> WholeNumber(const Record& number) {
  if (number.is_number_integer()) return number.get<int64_t>();
  if (!number.is_number_float()) return std::nullopt;
  double value = number.get<double>();
  if (!std::isfinite(value) || value != std::trunc(value) || std::fabs(value) >= 1e15) return std::nullopt;
  return static_cast<int64_t>(value);
}

std::string NumberText(const Record& number) {
  if (number.is_number_unsigned()) return number.dump();
  // 2.0 -> "2": counts and codes written by a float-minded producer.
  if (std::optional<int64_t> whole = WholeNumber(number)) return std::to_string(*whole);
  if (!std::isfinite(number.get<double>())) return "";
  return number.dump();  // the shortest text that reads back to the same double
}

std::string CellText(const Record& value) {
  switch (value.type()) {
    case Record::value_t::null: return "";
    case Record::value_t::string: return value.get<std::string>();
    case Record::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case Record::value_t::array: {
      std::string joined;
      for (const Record& item : value) {
        if (item.is_null()) continue;
        if (!joined.empty()) joined += "; ";
        joined += CellText(item);
      }
      return joined;
    }
    case Record::value_t::object: return CompactDump(value);
    default: return NumberText(value);
  }
}

std::string CompactDump(const Record& value) {
  return value.dump(-1, ' ', false, Record::error_handler_t::replace);
}

}  // namespace hadath::exporter

// `hadath gazetteer import`: converts GeoNames dumps and OCHA-style CSV files
// into place tables that the next build reads.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>

#include "geo/sources.h"

namespace hadath::geo {
namespace {

// Splits one CSV record (RFC 4180 quotes, "" inside quotes). Records spanning
// lines are not supported.
std::vector<std::string> SplitCsv(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
      fields.back() += '"', ++i;
    else if (c == '"')
      quoted = !quoted;
    else if (c == ',' && !quoted)
      fields.emplace_back();
    else
      fields.back() += c;
  }
  return fields;
}

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// Column names accepted for each field (case-insensitive; first match wins).
const std::map<std::string, std::vector<std::string>> kOchaColumns = {
    {"name_ar", {"name_ar", "admin4name_ar", "featurename_ar", "location_ar"}},
    {"name_en", {"name_en", "admin4name_en", "featurename_en", "location"}},
    {"pcode", {"pcode", "admin4pcode", "featurepcode"}},
    {"latitude", {"latitude", "lat", "y"}},
    {"longitude", {"longitude", "lon", "long", "x"}},
    {"kind", {"kind"}},
    {"population", {"population", "pop"}},
};

std::map<std::string, int> FindColumns(const std::vector<std::string>& header) {
  std::map<std::string, int> columns;
  for (const auto& [field, names] : kOchaColumns)
    for (const std::string& name : names) {
      auto found = std::find(header.begin(), header.end(), name);
      if (found != header.end() && !columns.count(field))
        columns[field] = static_cast<int>(found - header.begin());
    }
  return columns;
}

std::string Field(const std::vector<std::string>& fields, const std::map<std::string, int>& columns,
                  const std::string& name) {
  auto found = columns.find(name);
  return found != columns.end() && found->second < static_cast<int>(fields.size()) ? fields[found->second]
                                                                                   : "";
}

bool ParseDouble(const std::string& text, double* value) {
  std::optional<double> parsed = ParseNumber<double>(text);
  if (parsed) *value = *parsed;
  return parsed.has_value();
}

Result<SourcePlace> OchaRowToPlace(const std::vector<std::string>& fields,
                                   const std::map<std::string, int>& columns, const std::string& where,
                                   const std::string& citation) {
  SourcePlace source;
  source.source = "import";
  Place& place = source.place;
  std::string pcode = Field(fields, columns, "pcode");
  place.source_id = "ocha:" + (pcode.empty() ? where : pcode);
  if (std::string name = Field(fields, columns, "name_ar"); !name.empty()) place.names_ar.push_back(name);
  place.name_en = Field(fields, columns, "name_en");
  if (place.names_ar.empty() && place.name_en.empty()) return Status::Error(where + ": no name");
  std::string kind = Field(fields, columns, "kind");
  place.kind = kind.empty() ? PlaceKind::kVillage : ParsePlaceKind(kind).value_or(PlaceKind::kOther);
  if (!ParseDouble(Field(fields, columns, "latitude"), &place.latitude) ||
      !ParseDouble(Field(fields, columns, "longitude"), &place.longitude))
    return Status::Error(where + ": bad latitude or longitude");
  place.country = "SY";
  std::string population = Field(fields, columns, "population");
  std::from_chars(population.data(), population.data() + population.size(), place.population);
  place.citation = citation;
  return source;
}

std::string Citation(const std::string& kind, const std::string& path) {
  return kind + " " + std::filesystem::path(path).filename().string();
}

using ArabicNames = std::unordered_map<std::string, std::vector<std::string>>;

Result<ArabicNames> ArabicNamesFrom(const std::string& path) {
  if (path.empty()) return ArabicNames();
  return ReadArabicAlternateNames(path);
}

}  // namespace

Status ImportGeonames(const std::string& dump_path, const std::string& alternate_names_path,
                      const std::string& out_path, ImportReport* report, const std::string& data_dir) {
  auto kinds = LoadFeatureKinds(data_dir + "/geo/feature-kinds.tsv");
  if (!kinds) return kinds.status();
  auto arabic = ArabicNamesFrom(alternate_names_path);
  if (!arabic) return arabic.status();
  auto dump = ReadGeonamesDump(dump_path, *kinds, nullptr, *arabic, "import");
  if (!dump) return dump.status();
  for (SourcePlace& place : dump->places)
    place.place.citation = Citation("GeoNames (geonames.org) dump", dump_path);
  report->read = dump->read;
  report->skipped = dump->skipped;
  report->written = static_cast<int64_t>(dump->places.size());
  return WritePlaceTable(out_path, dump->places, "From " + dump_path + "; GeoNames, CC BY 4.0.");
}

Status ImportOchaCsv(const std::string& csv_path, const std::string& out_path, ImportReport* report) {
  std::ifstream in(csv_path);
  if (!in) return Status::Error(csv_path + ": cannot open");
  std::string line;
  if (!std::getline(in, line)) return Status::Error(csv_path + ": empty file");
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // BYTE ORDER MARK
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::vector<std::string> header = SplitCsv(line);
  for (std::string& name : header) name = Lowercase(name);
  auto columns = FindColumns(header);
  if (!columns.count("latitude") || !columns.count("longitude") ||
      (!columns.count("name_ar") && !columns.count("name_en")))
    return Status::Error(
        csv_path + ":1: need latitude, longitude and name_ar or name_en columns (see data/geo/README.md)");
  std::vector<SourcePlace> places;
  for (int line_number = 2; std::getline(in, line); ++line_number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    ++report->read;
    auto place = OchaRowToPlace(SplitCsv(line), columns, csv_path + ":" + std::to_string(line_number),
                                Citation("OCHA CSV", csv_path));
    if (!place) return place.status();
    places.push_back(std::move(*place));
  }
  report->written = static_cast<int64_t>(places.size());
  return WritePlaceTable(out_path, places, "From " + csv_path + ".");
}

}  // namespace hadath::geo

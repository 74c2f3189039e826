// GeoNames readers: the shared SY-populated.tsv and 19-column dumps
// (cities500.txt, SY.txt), plus alternateNamesV2.txt.
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <charconv>
#include <fstream>

#include "geo/sources.h"
#include "hadath/tsv.h"

namespace hadath::geo {
namespace {

bool ParseDouble(const std::string& text, double* value) {
  std::optional<double> parsed = ParseNumber<double>(text);
  if (parsed) *value = *parsed;
  return parsed.has_value();
}

int64_t ParsePopulation(const std::string& text) {
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

void AddUnique(std::vector<std::string>* names, const std::string& name) {
  if (name.empty()) return;
  for (const std::string& known : *names)
    if (known == name) return;
  names->push_back(name);
}

std::vector<std::string> ArabicNamesOf(const std::string& joined, char separator) {
  std::vector<std::string> names;
  for (const std::string& name : SplitOn(joined, separator))
    if (HasArabicLetter(name)) AddUnique(&names, name);
  return names;
}

std::vector<std::string> LatinNamesOf(const std::vector<std::string>& fields) {
  std::vector<std::string> names;
  AddUnique(&names, fields[2]);  // asciiname
  for (const std::string& name : SplitOn(fields[3], ','))
    if (name != fields[1] && IsLatinName(name)) AddUnique(&names, name);
  return names;
}

bool Keep(const CountryFilter* filter, const std::string& country, const std::string& admin1) {
  if (!filter) return true;
  auto found = filter->find(country);
  return found != filter->end() && (found->second.empty() || found->second.count(admin1));
}

// Fills a SourcePlace from one dump row; false when the row is malformed.
bool PlaceFromDumpRow(const std::vector<std::string>& fields, std::optional<PlaceKind> kind,
                      SourcePlace* out) {
  Place& place = out->place;
  place.source_id = "geonames:" + fields[0];
  place.name_en = fields[1];
  place.names_ar = ArabicNamesOf(fields[3], ',');
  place.names_latin = LatinNamesOf(fields);
  place.kind = *kind;
  place.country = fields[8];
  place.population = ParsePopulation(fields[14]);
  out->admin1_code = fields[10];
  return ParseDouble(fields[4], &place.latitude) && ParseDouble(fields[5], &place.longitude);
}

}  // namespace

std::optional<PlaceKind> FeatureKinds::KindOf(const std::string& code, int64_t population) const {
  auto found = by_code.find(code);
  if (found == by_code.end()) return std::nullopt;
  return population > 0 ? found->second.second : found->second.first;
}

Result<FeatureKinds> LoadFeatureKinds(const std::string& path) {
  auto table = TsvTable::Load(path, {"feature_code", "kind", "kind_if_populated"});
  if (!table) return table.status();
  FeatureKinds kinds;
  for (const TsvRow& row : table->rows()) {
    auto kind = ParsePlaceKind(row.Get("kind"));
    auto populated = ParsePlaceKind(row.Get("kind_if_populated"));
    if (!kind || !populated) return Status::Error(row.Where("unknown place kind"));
    kinds.by_code[row.Get("feature_code")] = {*kind, *populated};
  }
  return kinds;
}

bool HasArabicLetter(std::string_view text) {
  for (unsigned char byte : text)
    if ((byte >= 0xD8 && byte <= 0xDB) || byte == 0xDD)
      return true;  // lead bytes of U+0600..U+06FF, U+0740..U+077F
  return false;
}

bool IsLatinName(std::string_view text) {
  bool latin = false;
  for (int32_t i = 0, length = static_cast<int32_t>(text.size()); i < length;) {
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (c < 0) return false;
    if (!u_isalpha(c)) continue;
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &error);
    if (script == USCRIPT_LATIN)
      latin = true;
    else if (script != USCRIPT_COMMON && script != USCRIPT_INHERITED)
      return false;
  }
  return latin;
}

std::vector<std::string> SplitOn(std::string_view text, char separator) {
  std::vector<std::string> parts;
  if (text.empty()) return parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

Result<std::vector<SourcePlace>> ReadGeonamesSy(const std::string& path, const FeatureKinds& kinds) {
  auto table = TsvTable::Load(path, {"geonameid", "name", "arabic_names", "latitude", "longitude",
                                     "feature_code", "admin1_code", "population"});
  if (!table) return table.status();
  std::vector<SourcePlace> places;
  for (const TsvRow& row : table->rows()) {
    SourcePlace source;
    source.source = "geonames-sy";
    Place& place = source.place;
    place.population = ParsePopulation(row.Get("population"));
    auto kind = kinds.KindOf(row.Get("feature_code"), place.population);
    if (!kind) continue;
    place.source_id = "geonames:" + row.Get("geonameid");
    place.name_en = row.Get("name");
    place.names_ar = ArabicNamesOf(row.Get("arabic_names"), '|');
    place.kind = *kind;
    place.country = "SY";
    source.admin1_code = row.Get("admin1_code");
    if (!ParseDouble(row.Get("latitude"), &place.latitude) ||
        !ParseDouble(row.Get("longitude"), &place.longitude))
      return Status::Error(row.Where("bad latitude or longitude"));
    places.push_back(std::move(source));
  }
  return places;
}

Result<CountryFilter> LoadCountryFilter(const std::string& path) {
  auto table = TsvTable::Load(path, {"country", "admin1_code"});
  if (!table) return table.status();
  CountryFilter filter;
  for (const TsvRow& row : table->rows()) {
    auto& codes = filter[row.Get("country")];
    if (!row.Get("admin1_code").empty()) codes.insert(row.Get("admin1_code"));
  }
  return filter;
}

Result<DumpRead> ReadGeonamesDump(
    const std::string& path, const FeatureKinds& kinds, const CountryFilter* filter,
    const std::unordered_map<std::string, std::vector<std::string>>& extra_arabic,
    const std::string& source) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open");
  DumpRead result;
  std::string line;
  for (int line_number = 1; std::getline(in, line); ++line_number) {
    if (line.empty() || line[0] == '#') continue;
    ++result.read;
    std::vector<std::string> fields = SplitOn(line, '\t');
    if (fields.size() != 19)
      return Status::Error(path + ":" + std::to_string(line_number) + ": expected 19 fields, found " +
                           std::to_string(fields.size()));
    auto kind = kinds.KindOf(fields[7], ParsePopulation(fields[14]));
    if (!kind || !Keep(filter, fields[8], fields[10])) {
      ++result.skipped;
      continue;
    }
    SourcePlace place;
    place.source = source;
    if (!PlaceFromDumpRow(fields, kind, &place))
      return Status::Error(path + ":" + std::to_string(line_number) + ": bad latitude or longitude");
    if (auto extra = extra_arabic.find(fields[0]); extra != extra_arabic.end())
      for (const std::string& name : extra->second) AddUnique(&place.place.names_ar, name);
    result.places.push_back(std::move(place));
  }
  return result;
}

Result<std::unordered_map<std::string, std::vector<std::string>>> ReadArabicAlternateNames(
    const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open");
  std::unordered_map<std::string, std::vector<std::string>> names;
  std::string line;
  for (int line_number = 1; std::getline(in, line); ++line_number) {
    std::vector<std::string> fields = SplitOn(line, '\t');
    if (fields.size() < 4)
      return Status::Error(path + ":" + std::to_string(line_number) +
                           ": expected at least 4 fields (alternateNameId, "
                           "geonameid, isolanguage, alternate name)");
    if (fields[2] == "ar" && HasArabicLetter(fields[3])) AddUnique(&names[fields[1]], fields[3]);
  }
  return names;
}

}  // namespace hadath::geo

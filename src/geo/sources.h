// Readers for the gazetteer's sources (internal to src/geo). Each returns
// SourcePlace records; builder.cc merges them and assigns admin units.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hadath/gazetteer.h"
#include "hadath/status.h"

namespace hadath::geo {

// A place as read, before ids, parents and admin units are settled.
struct SourcePlace {
  Place place;
  std::string source;           // "geonames-sy", "opensyria", "cities500", "supplement", "user:FILE"
  std::string admin1_code;      // GeoNames admin1 code (fallback for admin1)
  std::string parent_ref;       // supplement: "opensyria:SY0902", "geonames:170794" or an Arabic name
  std::string pcode;            // admin units: own OCHA P-code
  bool admin_known = false;     // admin1..3 already set by the source
  std::string expected_admin1;  // regions: the governorate P-code the row says its parent is in
};

// GeoNames feature code -> kind (data/geo/feature-kinds.tsv).
struct FeatureKinds {
  std::map<std::string, std::pair<PlaceKind, PlaceKind>> by_code;  // (unpopulated, populated)
  // The kind for this code and population, or nullopt when the code is not listed.
  std::optional<PlaceKind> KindOf(const std::string& code, int64_t population) const;
};
Result<FeatureKinds> LoadFeatureKinds(const std::string& path);

// Returns true iff `text` holds a letter of the Arabic blocks (U+0600..U+06FF,
// U+0750..U+077F).
bool HasArabicLetter(std::string_view text);
std::vector<std::string> SplitOn(std::string_view text, char separator);

// ../shared/data/gazetteer/geonames-sy/SY-populated.tsv
Result<std::vector<SourcePlace>> ReadGeonamesSy(const std::string& path, const FeatureKinds& kinds);
// OpenSyria governorates/districts/subdistricts.json in `dir`.
// `prefixes_path`: data/geo/admin-prefixes.tsv.
Result<std::vector<SourcePlace>> ReadOpenSyria(const std::string& dir, const std::string& prefixes_path);

// Which GeoNames dump rows to keep: country -> admin1 codes (empty set = all).
using CountryFilter = std::map<std::string, std::set<std::string>>;
Result<CountryFilter> LoadCountryFilter(const std::string& path);
// A 19-column GeoNames dump; rows of countries not in `filter` (when given)
// and feature codes not in `kinds` are skipped. Arabic names come from the
// alternatenames column and from `extra_arabic` (geonameid -> names).
struct DumpRead {
  std::vector<SourcePlace> places;
  int64_t read = 0, skipped = 0;
};
Result<DumpRead> ReadGeonamesDump(
    const std::string& path, const FeatureKinds& kinds, const CountryFilter* filter,
    const std::unordered_map<std::string, std::vector<std::string>>& extra_arabic, const std::string& source);
// alternateNamesV2.txt (or V1): isolanguage "ar" rows, geonameid -> names.
Result<std::unordered_map<std::string, std::vector<std::string>>> ReadArabicAlternateNames(
    const std::string& path);

// Returns true iff `text` has a Latin letter and no letter of another script
// (GeoNames alternate names: "Dayr az Zawr" yes, "Дейр-ез-Зор" no).
bool IsLatinName(std::string_view text);

// data/geo/regions.tsv: named regions, each coded to a place of the build
// (columns in data/geo/README.md). Kind region, no coordinates of their own.
Result<std::vector<SourcePlace>> ReadRegions(const std::string& path);

// data/geo/admin1-abroad.tsv: (country, GeoNames admin1 code) -> admin1 names.
using AbroadAdmin1 = std::map<std::pair<std::string, std::string>, AdminUnit>;
Result<AbroadAdmin1> ReadAbroadAdmin1(const std::string& path);

// Place tables (data/geo/supplement.tsv and the importers' output; columns in
// data/geo/README.md).
extern const std::vector<std::string> kPlaceTableColumns;
Result<std::vector<SourcePlace>> ReadPlaceTable(const std::string& path, const std::string& source);
Status WritePlaceTable(const std::string& path, const std::vector<SourcePlace>& places,
                       const std::string& comment);

}  // namespace hadath::geo

// Curated tables read at build time besides the place tables:
// data/geo/regions.tsv (named regions) and data/geo/admin1-abroad.tsv
// (admin1 names outside Syria). Formats in data/geo/README.md.
#include "geo/sources.h"
#include "hadath/tsv.h"

namespace hadath::geo {
namespace {

bool IsGovernoratePcode(const std::string& pcode) {
  return pcode.size() == 4 && pcode.rfind("SY", 0) == 0 &&
         std::isdigit(static_cast<unsigned char>(pcode[2])) &&
         std::isdigit(static_cast<unsigned char>(pcode[3]));
}

Result<SourcePlace> RegionOf(const TsvRow& row) {
  SourcePlace out;
  out.source = "regions";
  Place& place = out.place;
  if (row.Get("id").empty()) return Status::Error(row.Where("empty id"));
  place.source_id = "region:" + row.Get("id");
  place.names_ar = SplitOn(row.Get("names_ar"), '|');
  place.name_en = row.Get("name_en");
  if (place.names_ar.empty() || place.name_en.empty())
    return Status::Error(row.Where("a region needs its Arabic names and an English name"));
  place.kind = PlaceKind::kRegion;
  place.has_coordinates = false;
  place.country = "SY";
  out.parent_ref = row.Get("coded_to");
  if (out.parent_ref.find(':') == std::string::npos)
    return Status::Error(
        row.Where("coded_to must be a source id such as opensyria:SY0306 or geonames:170592"));
  out.expected_admin1 = row.Get("admin1");
  if (!IsGovernoratePcode(out.expected_admin1))
    return Status::Error(row.Where("admin1 must be a governorate P-code (SY01..SY14)"));
  place.citation = row.Get("source");
  if (place.citation.empty()) return Status::Error(row.Where("every row names its source"));
  return out;
}

}  // namespace

Result<std::vector<SourcePlace>> ReadRegions(const std::string& path) {
  auto table = TsvTable::Load(path, {"id", "names_ar", "name_en", "coded_to", "admin1", "source"});
  if (!table) return table.status();
  std::vector<SourcePlace> regions;
  for (const TsvRow& row : table->rows()) {
    auto region = RegionOf(row);
    if (!region) return region.status();
    regions.push_back(std::move(*region));
  }
  return regions;
}

Result<AbroadAdmin1> ReadAbroadAdmin1(const std::string& path) {
  auto table = TsvTable::Load(path, {"country", "admin1_code", "name_en", "name_ar", "source"});
  if (!table) return table.status();
  AbroadAdmin1 units;
  for (const TsvRow& row : table->rows()) {
    if (row.Get("country").size() != 2 || row.Get("admin1_code").empty() || row.Get("name_en").empty())
      return Status::Error(row.Where("needs a country code, a GeoNames admin1 code and an English name"));
    if (row.Get("source").empty()) return Status::Error(row.Where("every row names its source"));
    auto [at, inserted] = units.emplace(std::pair(row.Get("country"), row.Get("admin1_code")),
                                        AdminUnit{row.Get("name_en"), row.Get("name_ar"), ""});
    if (!inserted) return Status::Error(row.Where("this country and admin1 code are listed twice"));
  }
  return units;
}

}  // namespace hadath::geo

// OpenSyria admin units: governorates, districts and sub-districts, with
// their OCHA P-codes and centroids (centroids of the unit's area, not of its
// main town).
#include <nlohmann/json.hpp>

#include "geo/sources.h"
#include "hadath/tsv.h"

namespace hadath::geo {
namespace {

using Json = nlohmann::json;

std::string Text(const Json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

void AddUnique(std::vector<std::string>* names, const std::string& name) {
  if (name.empty()) return;
  for (const std::string& known : *names)
    if (known == name) return;
  names->push_back(name);
}

// name.ar, Arabic aliases, and each of them without an admin prefix.
std::vector<std::string> ArabicNames(const Json& unit, const std::vector<std::string>& prefixes) {
  std::vector<std::string> names;
  AddUnique(&names, Text(unit["name"], "ar"));
  for (const Json& alias : unit.value("aliases", Json::array()))
    if (Text(alias, "language") == "ar") AddUnique(&names, Text(alias, "value"));
  for (size_t i = 0, count = names.size(); i < count; ++i)
    for (const std::string& prefix : prefixes)
      if (names[i].rfind(prefix + " ", 0) == 0) AddUnique(&names, names[i].substr(prefix.size() + 1));
  return names;
}

SourcePlace UnitToPlace(const Json& unit, PlaceKind kind, const std::vector<std::string>& prefixes) {
  SourcePlace source;
  source.source = "opensyria";
  source.pcode = Text(unit.value("externalIds", Json::object()), "ochaPcode");
  source.admin_known = true;
  Place& place = source.place;
  place.source_id = "opensyria:" + (source.pcode.empty() ? Text(unit, "id") : source.pcode);
  place.name_en = Text(unit["name"], "en");
  place.names_ar = ArabicNames(unit, prefixes);
  for (const Json& alias : unit.value("aliases", Json::array()))
    if (Text(alias, "language") == "en" && Text(alias, "value") != place.name_en)
      AddUnique(&place.names_latin, Text(alias, "value"));
  place.kind = kind;
  place.country = "SY";
  const Json& centroid = unit.value("centroid", Json::object());
  place.latitude = centroid.value("latitude", 0.0);
  place.longitude = centroid.value("longitude", 0.0);
  place.has_coordinates = centroid.contains("latitude");
  const Json& population = unit.value("population", Json::object());
  if (population.is_object() && population.value("value", Json()).is_number())
    place.population = population["value"].get<int64_t>();
  return source;
}

Result<Json> ReadJsonArray(const std::string& path) {
  auto text = ReadFile(path);
  if (!text) return text.status();
  Json json = Json::parse(*text, nullptr, false);
  if (json.is_discarded() || !json.is_array())
    return Status::Error(path + ": not a JSON array of admin units");
  return json;
}

AdminUnit UnitOf(const SourcePlace& source) {
  return {source.place.name_en, source.place.names_ar.empty() ? "" : source.place.names_ar[0], source.pcode};
}

// Reads one level; `parents` maps an OpenSyria id to the admin units above it.
Status ReadLevel(const std::string& path, PlaceKind kind, const std::vector<std::string>& prefixes,
                 std::map<std::string, std::vector<AdminUnit>>* chain, std::vector<SourcePlace>* out) {
  auto json = ReadJsonArray(path);
  if (!json) return json.status();
  for (const Json& unit : *json) {
    if (!unit.is_object() || !unit.contains("name")) return Status::Error(path + ": a unit without a name");
    SourcePlace source = UnitToPlace(unit, kind, prefixes);
    std::string parent_id = Text(unit, kind == PlaceKind::kSubdistrict ? "districtId" : "governorateId");
    std::vector<AdminUnit> units =
        kind == PlaceKind::kGovernorate ? std::vector<AdminUnit>() : (*chain)[parent_id];
    units.push_back(UnitOf(source));
    source.place.admin1 = units[0];
    if (units.size() > 1) source.place.admin2 = units[1];
    if (units.size() > 2) source.place.admin3 = units[2];
    (*chain)[Text(unit, "id")] = units;
    out->push_back(std::move(source));
  }
  return Status::Ok();
}

Result<std::vector<std::string>> LoadPrefixes(const std::string& path) {
  auto table = TsvTable::Load(path, {"prefix"});
  if (!table) return table.status();
  std::vector<std::string> prefixes;
  for (const TsvRow& row : table->rows()) prefixes.push_back(row.Get("prefix"));
  return prefixes;
}

}  // namespace

Result<std::vector<SourcePlace>> ReadOpenSyria(const std::string& dir, const std::string& prefixes_path) {
  auto prefixes = LoadPrefixes(prefixes_path);
  if (!prefixes) return prefixes.status();
  std::map<std::string, std::vector<AdminUnit>> chain;
  std::vector<SourcePlace> places;
  for (auto [file, kind] : {std::pair{"governorates.json", PlaceKind::kGovernorate},
                            std::pair{"districts.json", PlaceKind::kDistrict},
                            std::pair{"subdistricts.json", PlaceKind::kSubdistrict}}) {
    Status status = ReadLevel(dir + "/" + file, kind, *prefixes, &chain, &places);
    if (!status) return status;
  }
  return places;
}

}  // namespace hadath::geo

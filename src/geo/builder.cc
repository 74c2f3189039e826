// BuildGazetteer: reads every source, merges rows with the same source id,
// assigns admin units and compiles.
//
// Admin units of a Syrian point place:
//   admin1  the OCHA governorate polygon containing it (ray casting). A point
//           outside every polygon (border rounding) takes the governorate
//           most points with its GeoNames admin1 code fell in; without a
//           code, the governorate with the nearest polygon vertex.
//   admin3  a town or city named like a sub-district of that governorate is
//           its main town and gets that sub-district; any other place the
//           OpenSyria sub-district of that governorate whose centroid is
//           nearest. APPROXIMATE: centroid distance, not sub-district
//           polygons, so places near a sub-district border can be wrong.
//   admin2  the district that sub-district belongs to.
// Admin units themselves carry their own hierarchy from OpenSyria; places
// without coordinates (supplement rows known by their parent, and the named
// regions of data/geo/regions.tsv, coded to a representative place) copy
// their parent's admin units. Places outside Syria take an admin1 from
// their GeoNames admin1 code where data/geo/admin1-abroad.tsv names it.
// Places with no English name get one from the Romanizer.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unordered_map>

#include "geo/index.h"
#include "geo/polygon.h"
#include "geo/sources.h"
#include "hadath/text/normalizer.h"

namespace hadath::geo {
namespace {

struct Subdistrict {
  double latitude, longitude;
  AdminUnit admin2, admin3;
  std::vector<std::string> keys;  // normalised names
};

struct AdminData {
  std::vector<Admin1Shape> shapes;
  std::map<std::string, AdminUnit> governorates;                 // by P-code
  std::map<std::string, std::vector<Subdistrict>> subdistricts;  // by governorate P-code
  std::map<std::string, std::string> pcode_of_geonames_admin1;
};

class Merger {
 public:
  void Add(std::vector<SourcePlace> places, BuildReport* report) {
    for (SourcePlace& place : places) Add(std::move(place), report);
  }
  std::vector<SourcePlace>& places() { return places_; }

 private:
  void Add(SourcePlace place, BuildReport* report) {
    auto [found, inserted] = by_source_id_.emplace(place.place.source_id, places_.size());
    if (inserted) return places_.push_back(std::move(place));
    Place& kept = places_[found->second].place;
    for (const std::string& name : place.place.names_ar)
      if (std::find(kept.names_ar.begin(), kept.names_ar.end(), name) == kept.names_ar.end())
        kept.names_ar.push_back(name);
    for (const std::string& name : place.place.names_latin)
      if (name != kept.name_en &&
          std::find(kept.names_latin.begin(), kept.names_latin.end(), name) == kept.names_latin.end())
        kept.names_latin.push_back(name);
    kept.population = std::max(kept.population, place.place.population);
    ++report->merged_duplicates;
  }
  std::vector<SourcePlace> places_;
  std::unordered_map<std::string, size_t> by_source_id_;
};

double DistanceSquared(double latitude1, double longitude1, double latitude2, double longitude2) {
  double dx = (longitude1 - longitude2) * std::cos(latitude1 * M_PI / 180);
  double dy = latitude1 - latitude2;
  return dx * dx + dy * dy;
}

AdminData CollectAdminUnits(const std::vector<SourcePlace>& places, std::vector<Admin1Shape> shapes,
                            const text::Normalizer& normalizer) {
  AdminData data;
  data.shapes = std::move(shapes);
  for (const SourcePlace& source : places) {
    const Place& place = source.place;
    if (place.kind == PlaceKind::kGovernorate) data.governorates[source.pcode] = place.admin1;
    if (place.kind == PlaceKind::kSubdistrict && place.has_coordinates)
      data.subdistricts[place.admin1.pcode].push_back(
          {place.latitude, place.longitude, place.admin2, place.admin3, NameKeys(normalizer, place)});
  }
  return data;
}

AdminUnit GovernorateUnit(const AdminData& data, const Admin1Shape& shape) {
  auto found = data.governorates.find(shape.pcode);
  return found != data.governorates.end() ? found->second
                                          : AdminUnit{shape.name_en, shape.name_ar, shape.pcode};
}

// A town or city named like a sub-district of its governorate is that
// sub-district's main town ("البصيرة" in "ناحية البصيرة").
const Subdistrict* NamedSubdistrict(const std::vector<Subdistrict>& units,
                                    const std::vector<std::string>& keys, PlaceKind kind) {
  if (kind != PlaceKind::kCity && kind != PlaceKind::kTown) return nullptr;
  for (const Subdistrict& unit : units)
    for (const std::string& key : keys)
      if (std::find(unit.keys.begin(), unit.keys.end(), key) != unit.keys.end()) return &unit;
  return nullptr;
}

const Subdistrict* NearestSubdistrict(const std::vector<Subdistrict>& units, const Place& place) {
  const Subdistrict* best = nullptr;
  double best_distance = 0;
  for (const Subdistrict& unit : units) {
    double distance = DistanceSquared(place.latitude, place.longitude, unit.latitude, unit.longitude);
    if (!best || distance < best_distance) best = &unit, best_distance = distance;
  }
  return best;
}

void AssignSubdistrict(const AdminData& data, const text::Normalizer& normalizer, Place* place) {
  auto found = data.subdistricts.find(place->admin1.pcode);
  if (found == data.subdistricts.end()) return;
  const Subdistrict* unit = NamedSubdistrict(found->second, NameKeys(normalizer, *place), place->kind);
  if (!unit) unit = NearestSubdistrict(found->second, *place);
  place->admin2 = unit->admin2;
  place->admin3 = unit->admin3;
}

bool NeedsAdmin(const SourcePlace& source) {
  return !source.admin_known && source.place.country == "SY" && source.place.has_coordinates;
}

// Pass 1: point-in-polygon; learns which governorate each GeoNames admin1 code means.
std::vector<SourcePlace*> AssignByPolygon(AdminData* data, std::vector<SourcePlace>* places) {
  std::map<std::string, std::map<std::string, int>> votes;
  std::vector<SourcePlace*> outside;
  for (SourcePlace& source : *places) {
    if (!NeedsAdmin(source)) continue;
    const Admin1Shape* shape = FindAdmin1(data->shapes, source.place.longitude, source.place.latitude);
    if (!shape) {
      outside.push_back(&source);
      continue;
    }
    source.place.admin1 = GovernorateUnit(*data, *shape);
    if (!source.admin1_code.empty()) ++votes[source.admin1_code][shape->pcode];
  }
  for (const auto& [code, counts] : votes)
    data->pcode_of_geonames_admin1[code] =
        std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) {
          return a.second < b.second;
        })->first;
  return outside;
}

// The shape with the vertex nearest to the point (for points just off the
// coast or a border that have no GeoNames admin1 code either).
const Admin1Shape& NearestShape(const std::vector<Admin1Shape>& shapes, const Place& place) {
  const Admin1Shape* best = &shapes.front();
  double best_distance = -1;
  for (const Admin1Shape& shape : shapes)
    for (const auto& ring : shape.polygon.rings)
      for (const Point& point : ring) {
        double distance = DistanceSquared(place.latitude, place.longitude, point.y, point.x);
        if (best_distance < 0 || distance < best_distance) best = &shape, best_distance = distance;
      }
  return *best;
}

void AssignOutside(AdminData* data, SourcePlace* source, BuildReport* report) {
  auto found = data->pcode_of_geonames_admin1.find(source->admin1_code);
  if (found == data->pcode_of_geonames_admin1.end()) {
    source->place.admin1 = GovernorateUnit(*data, NearestShape(data->shapes, source->place));
    ++report->admin1_nearest;
    return;
  }
  for (const Admin1Shape& shape : data->shapes)
    if (shape.pcode == found->second) source->place.admin1 = GovernorateUnit(*data, shape);
  ++report->admin1_from_code;
}

void AssignAdmin(AdminData* data, const text::Normalizer& normalizer, std::vector<SourcePlace>* places,
                 BuildReport* report) {
  if (data->shapes.empty())
    return report->warnings.push_back("no governorate polygons; admin units left empty");
  for (SourcePlace* source : AssignByPolygon(data, places)) AssignOutside(data, source, report);
  for (SourcePlace& source : *places)
    if (NeedsAdmin(source)) AssignSubdistrict(*data, normalizer, &source.place);
}

// `ref` is a source id ("opensyria:SY0902") or an Arabic name (best known place with it).
std::optional<uint32_t> FindParent(const std::vector<SourcePlace>& places, const text::Normalizer& normalizer,
                                   const std::string& ref) {
  std::optional<uint32_t> best;
  std::string wanted = normalizer.Normalize(ref);
  for (uint32_t i = 0; i < places.size(); ++i) {
    const Place& place = places[i].place;
    if (place.source_id == ref) return i;
    bool named = std::any_of(place.names_ar.begin(), place.names_ar.end(),
                             [&](const std::string& name) { return normalizer.Normalize(name) == wanted; });
    if (named && (!best || BetterKnown(place, places[*best].place))) best = i;
  }
  return best;
}

Status LinkParents(const text::Normalizer& normalizer, std::vector<SourcePlace>* places) {
  for (SourcePlace& source : *places) {
    if (source.parent_ref.empty()) continue;
    auto parent = FindParent(*places, normalizer, source.parent_ref);
    if (!parent)
      return Status::Error(source.place.source_id + ": parent '" + source.parent_ref + "' not found");
    Place& place = source.place;
    place.parent = *parent;
    if (place.has_coordinates) continue;
    const Place& above = (*places)[*parent].place;
    place.admin1 = above.admin1;
    place.admin2 = above.admin2;
    place.admin3 = above.admin3;
    place.country = above.country;
    if (above.kind == PlaceKind::kDistrict || above.kind == PlaceKind::kSubdistrict ||
        above.kind == PlaceKind::kGovernorate) {
      AdminUnit self{above.name_en, above.names_ar.empty() ? "" : above.names_ar[0],
                     (*places)[*parent].pcode};
      (above.kind == PlaceKind::kGovernorate ? place.admin1
       : above.kind == PlaceKind::kDistrict  ? place.admin2
                                             : place.admin3) = self;
    }
  }
  return Status::Ok();
}

// Regions name the governorate their representative place lies in: a check
// that `coded_to` points where the row means.
Status CheckRegions(const std::vector<SourcePlace>& places) {
  for (const SourcePlace& source : places)
    if (!source.expected_admin1.empty() && source.place.admin1.pcode != source.expected_admin1)
      return Status::Error("regions.tsv: " + source.place.source_id + " is coded to " + source.parent_ref +
                           ", which lies in " + source.place.admin1.pcode + ", not " +
                           source.expected_admin1);
  return Status::Ok();
}

// Places outside Syria: admin1 from their GeoNames admin1 code, where
// data/geo/admin1-abroad.tsv names it.
void AssignAbroadAdmin1(const AbroadAdmin1& units, std::vector<SourcePlace>* places, BuildReport* report) {
  for (SourcePlace& source : *places) {
    Place& place = source.place;
    if (place.country == "SY" || !place.admin1.name_en.empty()) continue;
    auto found = units.find({place.country, source.admin1_code});
    if (found == units.end()) continue;
    place.admin1 = found->second;
    ++report->admin1_abroad;
  }
}

// Places the sources name only in Arabic get a romanised English name.
void RomaniseMissingNames(const Romanizer& romanizer, std::vector<SourcePlace>* places, BuildReport* report) {
  for (SourcePlace& source : *places) {
    Place& place = source.place;
    if (!place.name_en.empty() || place.names_ar.empty()) continue;
    place.name_en = romanizer.Romanize(place.names_ar[0]);
    place.name_en_romanised = true;
    ++report->romanised_names;
  }
}

bool Exists(const std::string& path) {
  std::error_code error;
  return !path.empty() && std::filesystem::exists(path, error);
}

Status ReadUserTables(const std::string& dir, Merger* merger, BuildReport* report) {
  if (!Exists(dir)) return Status::Ok();
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto places = ReadPlaceTable(file.string(), "user:" + file.filename().string());
    if (!places) return places.status();
    merger->Add(std::move(*places), report);
  }
  return Status::Ok();
}

Status ReadCities500(const BuildOptions& options, const FeatureKinds& kinds, Merger* merger,
                     BuildReport* report) {
  if (!Exists(options.cities500_path)) {
    if (!options.cities500_path.empty())
      report->warnings.push_back(options.cities500_path + ": not found; skipped");
    return Status::Ok();
  }
  auto filter = LoadCountryFilter(options.data_dir + "/geo/cities500-keep.tsv");
  if (!filter) return filter.status();
  auto dump = ReadGeonamesDump(options.cities500_path, kinds, &*filter, {}, "cities500");
  if (!dump) return dump.status();
  merger->Add(std::move(dump->places), report);
  return Status::Ok();
}

Status ReadSources(const BuildOptions& options, Merger* merger, BuildReport* report) {
  std::string gazetteer = options.shared_dir + "/data/gazetteer";
  auto kinds = LoadFeatureKinds(options.data_dir + "/geo/feature-kinds.tsv");
  if (!kinds) return kinds.status();
  auto admin = ReadOpenSyria(gazetteer + "/opensyria", options.data_dir + "/geo/admin-prefixes.tsv");
  if (!admin) return admin.status();
  merger->Add(std::move(*admin), report);
  auto geonames = ReadGeonamesSy(gazetteer + "/geonames-sy/SY-populated.tsv", *kinds);
  if (!geonames) return geonames.status();
  merger->Add(std::move(*geonames), report);
  if (Status status = ReadCities500(options, *kinds, merger, report); !status) return status;
  if (Status status = ReadUserTables(options.user_dir, merger, report); !status) return status;
  if (Exists(options.supplement_path)) {
    auto supplement = ReadPlaceTable(options.supplement_path, "supplement");
    if (!supplement) return supplement.status();
    merger->Add(std::move(*supplement), report);
  }
  auto regions = ReadRegions(options.data_dir + "/geo/regions.tsv");
  if (!regions) return regions.status();
  merger->Add(std::move(*regions), report);
  return Status::Ok();
}

void Count(const std::vector<SourcePlace>& places, BuildReport* report) {
  for (const SourcePlace& source : places) {
    ++report->by_source[source.source.rfind("user:", 0) == 0 ? "user" : source.source];
    ++report->by_kind[PlaceKindName(source.place.kind)];
  }
}

}  // namespace

Result<Gazetteer> BuildGazetteer(const BuildOptions& options, BuildReport* report) {
  Merger merger;
  if (Status status = ReadSources(options, &merger, report); !status) return status;
  std::vector<SourcePlace>& places = merger.places();
  auto shapes = ReadAdmin1Shapes(options.shared_dir + "/data/gazetteer/ocha-admin1/syr_admin1");
  if (!shapes) return shapes.status();
  auto normalizer = text::Normalizer::Load(options.data_dir);
  if (!normalizer) return normalizer.status();
  auto abroad = ReadAbroadAdmin1(options.data_dir + "/geo/admin1-abroad.tsv");
  if (!abroad) return abroad.status();
  auto romanizer = Romanizer::Load(options.data_dir + "/geo/romanize.tsv");
  if (!romanizer) return romanizer.status();
  AdminData admin = CollectAdminUnits(places, std::move(*shapes), *normalizer);
  AssignAdmin(&admin, *normalizer, &places, report);
  AssignAbroadAdmin1(*abroad, &places, report);
  if (Status status = LinkParents(*normalizer, &places); !status) return status;
  if (Status status = CheckRegions(places); !status) return status;
  RomaniseMissingNames(*romanizer, &places, report);
  Count(places, report);
  std::vector<Place> compiled;
  compiled.reserve(places.size());
  for (SourcePlace& source : places) compiled.push_back(std::move(source.place));
  return Gazetteer::Compile(std::move(compiled), options.data_dir);
}

}  // namespace hadath::geo

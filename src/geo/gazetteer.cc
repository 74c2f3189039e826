#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "geo/index.h"
#include "geo/sources.h"
#include "hadath/tsv.h"

namespace hadath::geo {
namespace {

constexpr const char* kKindNames[] = {
    "city",   "town",     "village",     "neighbourhood", "camp",        "prison", "oil_field", "base",
    "street", "facility", "governorate", "district",      "subdistrict", "region", "country",   "other"};

constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ARABIC LETTER ALEF, ARABIC LETTER LAM

std::string Trimmed(std::string text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  size_t start = text.find_first_not_of(' ');
  return start == std::string::npos ? std::string() : text.substr(start);
}

void AddKey(std::set<std::string>* keys, const std::string& key) {
  if (key.empty()) return;
  keys->insert(key);
  if (std::string bare = WithoutArticle(key); !bare.empty()) keys->insert(bare);
}

void AppendUnique(std::vector<const Place*>* out, const std::vector<Place>& places,
                  const std::vector<uint32_t>& ids) {
  for (uint32_t id : ids)
    if (std::find(out->begin(), out->end(), &places[id]) == out->end()) out->push_back(&places[id]);
}

const std::vector<uint32_t>* IdsOf(const Gazetteer::Index& index, const std::string& key) {
  auto found = std::lower_bound(index.keys.begin(), index.keys.end(), key);
  if (found == index.keys.end() || *found != key) return nullptr;
  return &index.ids[found - index.keys.begin()];
}

Status LoadTables(const std::string& data_dir, Gazetteer::Index* index) {
  auto normalizer = text::Normalizer::Load(data_dir);
  if (!normalizer) return normalizer.status();
  index->normalizer = std::make_shared<const text::Normalizer>(std::move(*normalizer));
  auto skeleton = Skeleton::Load(data_dir + "/geo/skeleton.tsv");
  if (!skeleton) return skeleton.status();
  index->skeleton = std::make_shared<const Skeleton>(std::move(*skeleton));
  auto romanizer = Romanizer::Load(data_dir + "/geo/romanize.tsv");
  if (!romanizer) return romanizer.status();
  index->romanizer = std::make_shared<const Romanizer>(std::move(*romanizer));
  for (const std::string& article : index->skeleton->articles())
    if (std::string folded = LatinKey(article, {}); !folded.empty()) index->latin_articles.insert(folded);
  return Status::Ok();
}

std::string LatinIndexKey(const Gazetteer::Index& index, std::string_view name) {
  std::string key = LatinKey(name, index.latin_articles);
  return key.empty() ? key : kLatinKeyMark + key;
}

// The Latin keys of a place: its English name and other Latin names.
std::set<std::string> LatinKeys(const Gazetteer::Index& index, const Place& place) {
  std::set<std::string> keys;
  if (std::string key = LatinIndexKey(index, place.name_en); !key.empty()) keys.insert(key);
  for (const std::string& name : place.names_latin)
    if (std::string key = LatinIndexKey(index, name); !key.empty()) keys.insert(key);
  return keys;
}

// Places with no Arabic name are also indexed by the skeleton of their
// romanised name (two consonants at least: shorter keys match too much).
std::string SkeletonKey(const Gazetteer::Index& index, std::string_view normalized) {
  std::string skeleton = index.skeleton->Of(normalized);
  return skeleton.size() < 2 ? "" : kSkeletonKeyMark + skeleton;
}

void BuildNameIndex(Gazetteer::Index* index) {
  std::map<std::string, std::vector<uint32_t>> by_key;
  for (const Place& place : index->places) {
    for (const std::string& key : NameKeys(*index->normalizer, place)) by_key[key].push_back(place.id);
    for (const std::string& key : LatinKeys(*index, place)) by_key[key].push_back(place.id);
    if (!place.names_ar.empty() || place.name_en.empty()) continue;
    std::string key = SkeletonKey(*index, index->normalizer->Normalize(place.name_en));
    if (!key.empty()) by_key[key].push_back(place.id);
  }
  for (auto& [key, ids] : by_key) {
    std::stable_sort(ids.begin(), ids.end(),
                     [&](uint32_t a, uint32_t b) { return BetterKnown(index->places[a], index->places[b]); });
    index->keys.push_back(key);
    index->ids.push_back(std::move(ids));
  }
}

}  // namespace

const char* PlaceKindName(PlaceKind kind) { return kKindNames[static_cast<int>(kind)]; }

std::optional<PlaceKind> ParsePlaceKind(std::string_view name) {
  for (size_t i = 0; i < std::size(kKindNames); ++i)
    if (name == kKindNames[i]) return static_cast<PlaceKind>(i);
  return std::nullopt;
}

int KindRank(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kCountry: return 0;
    case PlaceKind::kGovernorate: return 1;
    case PlaceKind::kCity: return 2;
    case PlaceKind::kDistrict: return 3;
    case PlaceKind::kSubdistrict: return 4;
    case PlaceKind::kTown: return 5;
    case PlaceKind::kRegion: return 6;
    case PlaceKind::kCamp:
    case PlaceKind::kPrison:
    case PlaceKind::kOilField:
    case PlaceKind::kBase: return 7;
    case PlaceKind::kVillage: return 8;
    case PlaceKind::kNeighbourhood:
    case PlaceKind::kStreet:
    case PlaceKind::kFacility: return 9;
    case PlaceKind::kOther: return 10;
  }
  return 10;
}

bool BetterKnown(const Place& a, const Place& b) {
  if (KindRank(a.kind) != KindRank(b.kind)) return KindRank(a.kind) < KindRank(b.kind);
  return a.population > b.population;
}

std::string WithoutArticle(const std::string& normalized) {
  // Keep at least two letters (four bytes) after the article.
  if (normalized.size() < kArticle.size() + 4 || normalized.compare(0, kArticle.size(), kArticle) != 0)
    return "";
  return normalized.substr(kArticle.size());
}

std::vector<std::string> NameKeys(const text::Normalizer& normalizer, const Place& place) {
  std::set<std::string> keys;
  for (const std::string& name : place.names_ar) AddKey(&keys, Trimmed(normalizer.Normalize(name)));
  if (!place.name_en.empty()) keys.insert(Trimmed(normalizer.Normalize(place.name_en)));
  return {keys.begin(), keys.end()};
}

Result<Gazetteer> Gazetteer::Compile(std::vector<Place> places, const std::string& data_dir) {
  auto index = std::make_shared<Index>();
  if (Status status = LoadTables(data_dir, index.get()); !status) return status;
  index->places = std::move(places);
  for (size_t i = 0; i < index->places.size(); ++i) index->places[i].id = static_cast<uint32_t>(i);
  BuildNameIndex(index.get());
  return Gazetteer(std::move(index));
}

Result<Gazetteer> Gazetteer::Load(const std::string& path) {
  auto bytes = ReadFile(path);
  if (!bytes) return Status::Error(bytes.error() + " (build it with `hadath gazetteer build`)");
  auto index = std::make_shared<Index>();
  if (Status status = Deserialize(*bytes, path, index.get()); !status) return status;
  if (Status status = LoadTables(DataDir(), index.get()); !status) return status;
  return Gazetteer(std::move(index));
}

Status Gazetteer::Save(const std::string& path) const {
  std::string bytes = Serialize(*index_);
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary);
    if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())))
      return Status::Error(path + ": cannot write");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) return Status::Error(path + ": cannot replace");
  return Status::Ok();
}

std::string Gazetteer::DefaultPath() {
  if (const char* path = std::getenv("HADATH_GAZETTEER"); path && *path) return path;
  return DataDir() + "/../build/gazetteer.bin";
}

std::vector<const Place*> Gazetteer::FindByName(std::string_view name) const {
  std::vector<const Place*> found;
  if (!HasArabicLetter(name)) {
    if (const auto* ids = IdsOf(*index_, LatinIndexKey(*index_, name)))
      AppendUnique(&found, index_->places, *ids);
    // Spelled as asked, article included ("Al Busayrah"): by the English
    // name, then by another Latin name, before the rest ("Buşayrā").
    std::string strict = LatinKey(name, {});
    auto other_name_matches = [&](const Place* place) {
      return std::any_of(place->names_latin.begin(), place->names_latin.end(),
                         [&](const std::string& other) { return LatinKey(other, {}) == strict; });
    };
    auto rest = std::stable_partition(found.begin(), found.end(), [&](const Place* place) {
      return LatinKey(place->name_en, {}) == strict;
    });
    std::stable_partition(rest, found.end(), other_name_matches);
  }
  for (const Place* place : FindByNormalizedName(Trimmed(index_->normalizer->Normalize(name))))
    if (std::find(found.begin(), found.end(), place) == found.end()) found.push_back(place);
  return found;
}

std::string Gazetteer::Romanize(std::string_view arabic) const { return index_->romanizer->Romanize(arabic); }

std::vector<const Place*> Gazetteer::FindByNormalizedName(std::string_view normalized) const {
  std::vector<const Place*> found;
  std::string key(normalized);
  if (const auto* ids = IdsOf(*index_, key)) AppendUnique(&found, index_->places, *ids);
  if (std::string bare = WithoutArticle(key); !bare.empty())
    if (const auto* ids = IdsOf(*index_, bare)) AppendUnique(&found, index_->places, *ids);
  return found;
}

std::vector<const Place*> Gazetteer::FindByRomanisedName(std::string_view name) const {
  std::vector<const Place*> found;
  std::string key = SkeletonKey(*index_, index_->normalizer->Normalize(name));
  if (const auto* ids = key.empty() ? nullptr : IdsOf(*index_, key))
    AppendUnique(&found, index_->places, *ids);
  return found;
}

const Place& Gazetteer::place(uint32_t id) const { return index_->places.at(id); }
size_t Gazetteer::size() const { return index_->places.size(); }
size_t Gazetteer::name_count() const { return index_->keys.size(); }

}  // namespace hadath::geo

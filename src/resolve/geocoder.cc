#include "hadath/geocoder.h"

#include <algorithm>

namespace hadath::resolve {
namespace {

using extract::PlaceMention;
using extract::Relation;

bool IsAdminUnit(geo::PlaceKind kind) {
  return kind == geo::PlaceKind::kGovernorate || kind == geo::PlaceKind::kDistrict ||
         kind == geo::PlaceKind::kSubdistrict || kind == geo::PlaceKind::kRegion ||
         kind == geo::PlaceKind::kCountry;
}

bool IsPopulated(geo::PlaceKind kind) {
  return kind == geo::PlaceKind::kCity || kind == geo::PlaceKind::kTown || kind == geo::PlaceKind::kVillage ||
         kind == geo::PlaceKind::kNeighbourhood;
}

// Camps, prisons, fields, bases, streets: places inside or beside a town.
bool IsFacility(geo::PlaceKind kind) {
  return !IsPopulated(kind) && !IsAdminUnit(kind) && kind != geo::PlaceKind::kOther;
}

// ACLED geo_precision of a mention placed on a gazetteer place.
int PrecisionOf(const PlaceMention& mention, const geo::Place& place) {
  if (mention.is_region() || IsAdminUnit(place.kind)) return 3;
  if (mention.relation == Relation::kNear || mention.relation == Relation::kDistance) return 2;
  // "مخيم المحمودلي" placed on the village of that name: the camp is near it.
  if (mention.cue_kind && IsFacility(*mention.cue_kind) && place.kind != *mention.cue_kind) return 2;
  return 1;
}

// How well a candidate's kind fits what the text calls it: lower is better.
int KindRank(const PlaceMention& mention, const geo::Place& place) {
  if (mention.cue_kind) {
    if (place.kind == *mention.cue_kind) return 0;
    if (IsAdminUnit(*mention.cue_kind)) return IsAdminUnit(place.kind) ? 1 : 3;
    // "بلدات الغوطة الشرقية": the towns of a region, before an admin unit of that name.
    return IsPopulated(place.kind) ? 1 : place.kind == geo::PlaceKind::kRegion ? 2 : 3;
  }
  // A named region before a same-named village ("في القلمون" is the Qalamoun,
  // "قرية القلمون" the village); then "في الحسكة" is the city.
  if (place.kind == geo::PlaceKind::kRegion) return -1;
  return IsPopulated(place.kind) ? 0 : IsAdminUnit(place.kind) ? 1 : 2;
}

// Whether `parent` is a place that may hold `mention`: a region or admin
// unit, or a city or town holding a village, street, camp or unknown place.
// A village named like a region ("يبرود بالقلمون" read as a village called
// القلمون) is no reason to doubt the town.
bool CanContain(const Location& parent, const PlaceMention& mention) {
  if (parent.geo_precision == 3) return true;
  bool small_child = mention.candidates.empty() || !mention.cue_kind ||
                     *mention.cue_kind == geo::PlaceKind::kVillage || IsFacility(*mention.cue_kind) ||
                     *mention.cue_kind == geo::PlaceKind::kNeighbourhood;
  return small_child && parent.place_kind != geo::PlaceKind::kVillage;
}

// `ids` reordered by KindRank, keeping the gazetteer's order within a rank.
std::vector<uint32_t> RankByKind(const geo::Gazetteer& gazetteer, const PlaceMention& mention,
                                 std::vector<uint32_t> ids) {
  std::string_view country = mention.country.empty() ? kHomeCountry : std::string_view(mention.country);
  auto rank = [&](uint32_t id) {
    const geo::Place& place = gazetteer.place(id);
    return std::pair(place.country != country, KindRank(mention, place));
  };
  std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) { return rank(a) < rank(b); });
  return ids;
}

// The governorate all of `ids` lie in, or "" when they differ.
std::string SharedAdmin1(const geo::Gazetteer& gazetteer, const std::vector<uint32_t>& ids) {
  std::string shared;
  for (uint32_t id : ids) {
    const std::string& admin1 = gazetteer.place(id).admin1.name_en;
    if (admin1.empty() || (!shared.empty() && admin1 != shared)) return "";
    shared = admin1;
  }
  return shared;
}

}  // namespace

ArticlePlaces Geocoder::Context(const std::vector<std::vector<PlaceMention>>& sentences) const {
  ArticlePlaces context;
  for (const auto& mentions : sentences)
    for (const PlaceMention& mention : mentions)
      if (std::string admin1 = SharedAdmin1(gazetteer_, mention.candidates); !admin1.empty())
        context.admin1.insert(admin1);
  return context;
}

std::optional<uint32_t> Geocoder::Choose(const PlaceMention& mention, const Location* parent,
                                         const ArticlePlaces& context, double* confidence,
                                         std::string* how) const {
  const std::vector<uint32_t> candidates = RankByKind(gazetteer_, mention, mention.candidates);
  if (parent && parent->geo_precision > 0 && CanContain(*parent, mention)) {
    for (uint32_t id : candidates) {
      const geo::Place& place = gazetteer_.place(id);
      bool same_governorate = !place.admin1.name_en.empty() && place.admin1.name_en == parent->admin1.name_en;
      bool close =
          parent->has_coordinates && place.has_coordinates &&
          DistanceKm(place.latitude, place.longitude, parent->latitude, parent->longitude) <= kNearParentKm;
      if (same_governorate || close) {
        *confidence = 0.9;
        *how = "agrees with the place named after it";
        return id;
      }
    }
    // The text places it in its parent and no place of that name is there:
    // a village missing from the gazetteer, not a namesake far away. A named
    // region is too wide to say so ("شرق الفرات" spans three governorates).
    if (parent->place_kind != geo::PlaceKind::kRegion) return std::nullopt;
  }
  for (uint32_t id : candidates) {
    if (context.admin1.count(gazetteer_.place(id).admin1.name_en)) {
      *confidence = candidates.size() == 1 ? 0.9 : 0.75;
      *how = candidates.size() == 1 ? "the only place of that name" : "in a governorate the article names";
      return id;
    }
  }
  if (candidates.empty()) return std::nullopt;
  // "حي المغاير" in a report about Aleppo: a neighbourhood of a city the
  // article names, not a village of that name in another governorate.
  if (mention.cue_kind == geo::PlaceKind::kNeighbourhood && !context.admin1.empty()) return std::nullopt;
  bool one_governorate = !SharedAdmin1(gazetteer_, candidates).empty();
  *confidence = one_governorate ? 0.8 : 0.4;
  *how =
      one_governorate ? "the only governorate with that name" : "ambiguous: the best-known of several places";
  return candidates.front();
}

void Geocoder::Fill(const geo::Place& place, Location* location) const {
  location->place = place.id;
  location->location_en = place.name_en;
  location->place_kind = place.kind;
  location->country = place.country;
  location->admin1 = place.admin1;
  location->admin2 = place.admin2;
  location->admin3 = place.admin3;
  const geo::Place* located = &place;
  while (!located->has_coordinates && located->parent) located = &gazetteer_.place(*located->parent);
  location->has_coordinates = located->has_coordinates;
  location->latitude = located->latitude;
  location->longitude = located->longitude;
}

Location Geocoder::Resolve(const std::vector<PlaceMention>& mentions, size_t index,
                           const ArticlePlaces& context) const {
  const PlaceMention& mention = mentions[index];
  std::optional<Location> parent;
  if (mention.parent && *mention.parent > index) parent = Resolve(mentions, *mention.parent, context);

  Location location;
  location.location_ar = mention.surface;
  double confidence = 0;
  std::string how;
  if (auto chosen = Choose(mention, parent ? &*parent : nullptr, context, &confidence, &how)) {
    const geo::Place& place = gazetteer_.place(*chosen);
    Fill(place, &location);
    // Known by its parent only: a facility placed at its town (2), or a
    // named region at its representative place (3).
    location.geo_precision =
        place.has_coordinates ? PrecisionOf(mention, place) : std::max(2, PrecisionOf(mention, place));
    location.confidence = confidence;
    location.how = how;
    if (place.kind == geo::PlaceKind::kRegion && place.parent) {
      location.coded_at = gazetteer_.place(*place.parent).name_en;
      location.how += "; a region, coded to " + location.coded_at;
    }
    return location;
  }
  location.gap = true;
  location.location_en = gazetteer_.Romanize(mention.surface);
  if (!parent || parent->geo_precision == 0) {
    location.how = "not in the gazetteer, and no place named with it";
    return location;
  }
  // Placed at its parent, as ACLED codes a village it cannot find.
  std::string parent_name =
      parent->location_en + (mentions[*mention.parent].countryside ? " countryside" : "");
  Location placed = *parent;
  placed.location_ar = mention.surface;
  placed.location_en = location.location_en + " (" + parent_name + ")";  // romanised: approximate
  placed.geo_precision = 2;
  placed.gap = true;
  placed.coded_at = parent_name;
  placed.confidence = parent->confidence * 0.8;
  placed.how = "not in the gazetteer: coded to " + parent_name;
  return placed;
}

void GapReport::Add(const PlaceMention& mention, const Location& location, std::string_view sentence,
                    std::string_view document) {
  if (!location.gap) return;
  const std::string& parent = location.coded_at;
  Gap& gap = gaps_[{mention.name, parent}];
  if (gap.count++ == 0) {
    gap.name = mention.surface;
    gap.parent = parent;
    gap.admin1 = location.admin1.name_en;
    gap.example = std::string(sentence);
    gap.document = std::string(document);
  }
}

std::vector<GapReport::Gap> GapReport::Gaps() const {
  std::vector<Gap> gaps;
  for (const auto& [key, gap] : gaps_) gaps.push_back(gap);
  std::stable_sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.count > b.count; });
  return gaps;
}

}  // namespace hadath::resolve

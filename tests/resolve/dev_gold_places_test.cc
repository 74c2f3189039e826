// The places of ../shared/eval/dev-gold.json: each sample article is read
// line by line and geocoded with the whole article as context; a gold
// event's place counts as found when one mention of its article resolves
// inside the gold governorate and names one of the gold's Arabic names (or
// lies within 10 km of the gold coordinates). Which event a place belongs
// to is the extraction stage's work, not measured here. Prints the share
// found (quoted in the README); fails below kMinShare.
#include <gtest/gtest.h>

#include "place_layer_test_util.h"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "hadath/geocoder.h"

namespace hadath::resolve {
namespace {

constexpr double kMinShare = 0.8;

// "Deir ez-Zor", "Deir-ez-Zor" -> "deirezzor"; "Ar-Raqqa", "Raqqa" -> "raqqa".
std::string Governorate(std::string name) {
  std::string letters;
  for (char c : name)
    if (std::isalpha(static_cast<unsigned char>(c))) letters += static_cast<char>(std::tolower(c));
  for (const char* article : {"al", "ar", "as", "ad"})
    if (letters.rfind(article, 0) == 0 && letters.size() > 6) return letters.substr(2);
  return letters;
}

TEST(DevGoldPlaces, EvidenceSentencesFindTheGoldPlace) {
  std::string shared = HADATH_SHARED_DIR;
  std::ifstream gold_file(shared + "/eval/dev-gold.json");
  const testing_places::PlaceLayer* layer = testing_places::RealLayer();
  if (!gold_file || !layer) GTEST_SKIP() << "no ../shared gold or gazetteer data";
  nlohmann::json gold = nlohmann::json::parse(gold_file);
  const text::Tokenizer* tokenizer = &layer->tokenizer;
  Geocoder geocoder(*layer->gazetteer);

  int events = 0, found = 0;
  for (const auto& document : gold["documents"]) {
    std::ifstream article_file(shared + "/" + document["file"].get<std::string>());
    std::vector<std::string> lines;
    for (std::string line; std::getline(article_file, line);) lines.push_back(line);
    std::vector<std::vector<extract::PlaceMention>> mentions;
    for (const std::string& line : lines) mentions.push_back(layer->Mentions(line));
    ArticlePlaces context = geocoder.Context(mentions);
    std::vector<Location> places;
    for (const auto& line_mentions : mentions)
      for (size_t i = 0; i < line_mentions.size(); ++i)
        places.push_back(geocoder.Resolve(line_mentions, i, context));

    for (const auto& event : document["events"]) {
      if (event.value("optional", false)) continue;
      ++events;
      const auto& location = event["location"];
      std::string admin1 = Governorate(location["admin1"]);
      bool hit = false;
      for (const Location& where : places) {
        if (where.geo_precision == 0 || Governorate(where.admin1.name_en) != admin1) continue;
        for (const auto& name : location["names_ar"])
          hit |= tokenizer->normalizer().Normalize(name.get<std::string>()) ==
                 tokenizer->normalizer().Normalize(where.location_ar);
        if (!location["lat"].is_null())
          hit |= DistanceKm(where.latitude, where.longitude, location["lat"], location["lon"]) <= 10;
      }
      found += hit;
      if (!hit)
        std::printf("  not found: %s %s\n", event["id"].get<std::string>().c_str(), location.dump().c_str());
    }
  }
  double share = events ? static_cast<double>(found) / events : 0;
  std::printf("dev-gold places: %d of %d events (%.0f%%)\n", found, events, 100 * share);
  EXPECT_GE(share, kMinShare);
}

}  // namespace
}  // namespace hadath::resolve

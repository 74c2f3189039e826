// Geocoding of place mentions against a small gazetteer made here, with
// repeated names in several governorates, as Syria has.
#include "hadath/geocoder.h"

#include <gtest/gtest.h>

#include "place_layer_test_util.h"

namespace hadath::resolve {
namespace {

using testing_places::MakePlace;

const testing_places::PlaceLayer& TheLayer() {
  static const auto* layer = [] {
    std::vector<geo::Place> places = {
        MakePlace("البصيرة", "Al-Busayrah", geo::PlaceKind::kTown, "Deir-ez-Zor", 35.1556, 40.4258),
        MakePlace("الشدادي", "Ash-Shaddadi", geo::PlaceKind::kTown, "Al-Hasakeh", 36.0553, 40.7303),
        MakePlace("الحسكة", "Al-Hasakah", geo::PlaceKind::kCity, "Al-Hasakeh", 36.5024, 40.7477),
        MakePlace("دير الزور", "Deir ez-Zor", geo::PlaceKind::kCity, "Deir-ez-Zor", 35.3359, 40.1408),
        MakePlace("الرقة", "Ar-Raqqa", geo::PlaceKind::kCity, "Ar-Raqqa", 35.9528, 39.0079),
        // The same village name in two governorates.
        MakePlace("الجزرة", "Al-Jazra", geo::PlaceKind::kVillage, "Ar-Raqqa", 35.9381, 38.8506),
        MakePlace("الجزرة", "Al-Jazra", geo::PlaceKind::kVillage, "Aleppo", 36.3, 37.5),
        MakePlace("الحمرة", "Al-Hamra", geo::PlaceKind::kVillage, "Hama", 35.2, 36.9),
        MakePlace("الحمرة", "Al-Hamra", geo::PlaceKind::kVillage, "Al-Hasakeh", 36.7, 40.9),
    };
    return testing_places::MakeLayer(std::move(places)).release();
  }();
  return *layer;
}

std::vector<extract::PlaceMention> Mentions(const std::string& sentence) {
  return TheLayer().Mentions(sentence);
}

// The first mention of the sentence, placed with the article's other
// sentences as context.
Location First(const std::string& sentence, const std::vector<std::string>& article = {}) {
  Geocoder geocoder(*TheLayer().gazetteer);
  std::vector<std::vector<extract::PlaceMention>> all;
  for (const std::string& other : article) all.push_back(Mentions(other));
  auto mentions = Mentions(sentence);
  all.push_back(mentions);
  EXPECT_FALSE(mentions.empty()) << sentence;
  if (mentions.empty()) return {};
  return geocoder.Resolve(mentions, 0, geocoder.Context(all));
}

TEST(Geocoder, PrecisionTable) {
  struct Row {
    const char* sentence;
    const char* location_en;
    const char* admin1;
    int precision;
    bool gap;
  };
  const Row rows[] = {
      {"قتل عنصران في بلدة البصيرة", "Al-Busayrah", "Deir-ez-Zor", 1, false},
      {"سقطت قذيفة قرب البصيرة", "Al-Busayrah", "Deir-ez-Zor", 2, false},
      {"اشتباكات في ريف دير الزور الشرقي", "Deir ez-Zor", "Deir-ez-Zor", 3, false},
      {"انفجار عبوة جنوب الحسكة", "Al-Hasakah", "Al-Hasakeh", 3, false},
      {"عملية في قرية العطالة بريف الشدادي جنوب الحسكة", "Al-Atalah (Ash-Shaddadi countryside)", "Al-Hasakeh",
       2, true},
      {"عملية مماثلة بالقرب من بلدة الجزرة بريف الرقة الغربي", "Al-Jazra", "Ar-Raqqa", 2, false},
  };
  for (const Row& row : rows) {
    Location location = First(row.sentence);
    EXPECT_EQ(location.location_en, row.location_en) << row.sentence;
    EXPECT_EQ(location.admin1.name_en, row.admin1) << row.sentence;
    EXPECT_EQ(location.geo_precision, row.precision) << row.sentence;
    EXPECT_EQ(location.gap, row.gap) << row.sentence;
  }
}

TEST(Geocoder, GapIsCodedAtItsParentsCoordinates) {
  Location location = First("عملية في قرية العطالة بريف الشدادي جنوب الحسكة");
  EXPECT_TRUE(location.has_coordinates);
  EXPECT_NEAR(location.latitude, 36.0553, 1e-6);
  EXPECT_EQ(location.location_ar, "العطالة");
}

TEST(Geocoder, RepeatedNamesFollowTheArticlesGovernorate) {
  Location alone = First("داهمت القوات قرية الحمرة");
  EXPECT_LT(alone.confidence, 0.5) << "two governorates have a الحمرة: no silent guess";
  Location in_context = First("داهمت القوات قرية الحمرة", {"انفجار عبوة في مدينة الحسكة"});
  EXPECT_EQ(in_context.admin1.name_en, "Al-Hasakeh");
  EXPECT_GE(in_context.confidence, 0.7);
}

TEST(Geocoder, AGapWithNoParentIsNotPlaced) {
  Location location = First("داهمت القوات قرية العطالة ليلا");
  EXPECT_TRUE(location.gap);
  EXPECT_EQ(location.geo_precision, 0);
  EXPECT_FALSE(location.has_coordinates);
}

TEST(GapReport, CountsEachMissingPlaceWithItsParentAndAnExample) {
  Geocoder geocoder(*TheLayer().gazetteer);
  GapReport report;
  const std::vector<std::string> sentences = {
      "عملية في قرية العطالة بريف الشدادي جنوب الحسكة", "قتل شاب في قرية العطالة بريف الشدادي",
      "قتل عنصران في بلدة البصيرة",  // in the gazetteer: no gap
  };
  for (const std::string& sentence : sentences) {
    auto mentions = Mentions(sentence);
    auto context = geocoder.Context({mentions});
    for (size_t i = 0; i < mentions.size(); ++i)
      report.Add(mentions[i], geocoder.Resolve(mentions, i, context), sentence, "doc");
  }
  auto gaps = report.Gaps();
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].name, "العطالة");
  EXPECT_EQ(gaps[0].parent, "Ash-Shaddadi countryside");
  EXPECT_EQ(gaps[0].admin1, "Al-Hasakeh");
  EXPECT_EQ(gaps[0].count, 2);
  EXPECT_EQ(gaps[0].example, sentences[0]);
}

// A named region (data/geo/regions.tsv) is coded to its representative
// place at precision 3, and wins over a same-named village unless the text
// calls the place a village.
TEST(Geocoder, NamedRegionsAndSameNamedVillages) {
  std::vector<geo::Place> places = {
      MakePlace("النبك", "An-Nabk", geo::PlaceKind::kTown, "Rif Dimashq", 34.0236, 36.7281),
      MakePlace("القلمون", "Qalmun", geo::PlaceKind::kVillage, "Latakia", 35.4934, 36.0554),
      MakePlace("القلمون", "Qalamoun", geo::PlaceKind::kRegion, "Rif Dimashq"),
      MakePlace("يبرود", "Yabrud", geo::PlaceKind::kTown, "Rif Dimashq", 33.9672, 36.6574),
  };
  places[2].has_coordinates = false;
  places[2].parent = 0;
  auto layer = testing_places::MakeLayer(std::move(places));
  Geocoder geocoder(*layer->gazetteer);
  auto first = [&](const char* sentence) {
    auto mentions = layer->Mentions(sentence);
    EXPECT_FALSE(mentions.empty()) << sentence;
    return mentions.empty() ? Location() : geocoder.Resolve(mentions, 0, geocoder.Context({mentions}));
  };
  Location region = first("اشتباكات عنيفة في القلمون");
  EXPECT_EQ(region.location_en, "Qalamoun");
  EXPECT_EQ(region.geo_precision, 3);
  EXPECT_EQ(region.coded_at, "An-Nabk");
  EXPECT_NEAR(region.latitude, 34.0236, 1e-6);
  Location village = first("داهمت القوات قرية القلمون");
  EXPECT_EQ(village.location_en, "Qalmun");
  EXPECT_EQ(village.geo_precision, 1);
  Location town = first("انفجار في مدينة يبرود بالقلمون");
  EXPECT_EQ(town.location_en, "Yabrud");
  EXPECT_EQ(town.geo_precision, 1);
}

TEST(Geocoder, DistanceKm) {
  EXPECT_NEAR(DistanceKm(35.3359, 40.1408, 35.1556, 40.4258), 33, 2);  // Deir ez-Zor to al-Busayrah
  EXPECT_DOUBLE_EQ(DistanceKm(1, 2, 1, 2), 0);
}

}  // namespace
}  // namespace hadath::resolve

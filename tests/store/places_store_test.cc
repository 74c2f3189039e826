// Gazetteer places in the store, on both backends: replaced as a whole, and
// found by a bounding box (PostgreSQL through its PostGIS points).
#include <gtest/gtest.h>

#include <memory>

#include "hadath/store.h"
#include "store/store_backends.h"

namespace hadath::store {
namespace {

class PlacesStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && testing::PostgresUrl().empty()) GTEST_SKIP() << testing::kNoPostgres;
    place_ = std::make_unique<testing::StoreLocation>(GetParam(), "places-store-test");
    ASSERT_EQ(place_->error(), "");
    auto opened = Store::Open(place_->location());
    ASSERT_TRUE(opened.ok()) << opened.error();
    store_ = std::move(*opened);
  }
  void TearDown() override {
    store_.reset();
    place_.reset();
  }
  void Replace(const std::vector<PlaceRow>& places) {
    ASSERT_TRUE(store_->BeginBatch().ok());
    Status replaced = store_->ReplacePlaces(places);
    ASSERT_TRUE(replaced.ok()) << replaced.message();
    ASSERT_TRUE(store_->CommitBatch().ok());
  }
  std::vector<std::string> IdsIn(double west, double south, double east, double north, int64_t limit = 10) {
    auto found = store_->PlacesInBox(west, south, east, north, limit);
    EXPECT_TRUE(found.ok()) << found.error();
    std::vector<std::string> ids;
    if (found.ok())
      for (const PlaceRow& place : *found) ids.push_back(place.id);
    return ids;
  }

  std::unique_ptr<testing::StoreLocation> place_;
  std::unique_ptr<Store> store_;
};

const PlaceRow kBusayrah{"geonames:173927", "Al Busayrah", "البصيرة", "town",  "SY",
                         "Deir ez-Zor",     "Deir ez-Zor", 35.15618,  40.42716};
const PlaceRow kShuhayl{"geonames:163375", "Ash Shuhayl", "الشحيل", "town",  "SY",
                        "Deir ez-Zor",     "Deir ez-Zor", 35.23345, 40.70686};
const PlaceRow kAleppo{"geonames:170063", "Aleppo",      "حلب",    "city",  "SY",
                       "Aleppo",          "Jebel Saman", 36.20124, 37.16117};
const PlaceRow kCamp{
    "supplement:hol-camp", "al-Hol camp", "مخيم الهول", "camp", "SY", "Al-Hasakeh", "", {}, {}};

TEST_P(PlacesStoreTest, ABoxFindsThePlacesInsideIt) {
  Replace({kAleppo, kBusayrah, kShuhayl, kCamp});
  EXPECT_EQ(IdsIn(40.0, 35.0, 41.0, 35.5), (std::vector<std::string>{"geonames:163375", "geonames:173927"}));
  EXPECT_EQ(IdsIn(40.0, 35.0, 41.0, 35.5, 1), (std::vector<std::string>{"geonames:163375"}));
  EXPECT_EQ(IdsIn(37.0, 36.0, 37.5, 36.5), (std::vector<std::string>{"geonames:170063"}));
  EXPECT_TRUE(IdsIn(0, 0, 1, 1).empty());
  auto found = store_->PlacesInBox(40.0, 35.0, 41.0, 35.2, 10);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].name_ar, "البصيرة");
  EXPECT_EQ((*found)[0].admin1, "Deir ez-Zor");
  EXPECT_NEAR(*(*found)[0].latitude, 35.15618, 1e-6);
  EXPECT_NEAR(*(*found)[0].longitude, 40.42716, 1e-6);
}

TEST_P(PlacesStoreTest, ReplacingKeepsOnlyTheNewPlaces) {
  Replace({kAleppo, kBusayrah});
  Replace({kShuhayl});
  EXPECT_EQ(IdsIn(-180, -90, 180, 90), (std::vector<std::string>{"geonames:163375"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, PlacesStoreTest, ::testing::ValuesIn(testing::kBackends),
                         testing::BackendName);

}  // namespace
}  // namespace hadath::store

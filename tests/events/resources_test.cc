// The shipped event resources load cleanly, and a broken row is reported
// with its file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "events/resources.h"
#include "events_test_util.h"

namespace hadath::events {
namespace {

namespace fs = std::filesystem;

TEST(EventResources, ShippedDataLoadsWithoutWarnings) {
  const EventExtractor* extractor = testing_events::RealExtractor();
  if (!extractor) GTEST_SKIP() << "../shared/data/gazetteer is not available";
  const Resources& resources = extractor->resources();
  for (const std::string& warning : resources.triggers->warnings()) ADD_FAILURE() << warning;
  for (const std::string& warning : resources.cues->warnings()) ADD_FAILURE() << warning;
  EXPECT_GT(resources.triggers->size(), 150u);
  EXPECT_NE(resources.ClassOf("air-strike"), nullptr);
}

TEST(EventResources, AnUnknownTriggerClassIsReportedWithItsLine) {
  const pipeline::PlaceLayer* layer = testing_places::RealLayer();
  if (!layer) GTEST_SKIP() << "../shared/data/gazetteer is not available";
  // A copy of data/ whose triggers.tsv names a class trigger-types.tsv lacks.
  fs::path copy = fs::temp_directory_path() / ("hadath-events-data-" + std::to_string(getpid()));
  fs::remove_all(copy);
  fs::copy(DataDir(), copy, fs::copy_options::recursive);
  std::ofstream(copy / "events" / "triggers.tsv", std::ios::app) << "نسف\tdemolition\tstrong\tone\t\t\t\n";
  auto loaded = EventExtractor::Load(*layer->gazetteer, copy.string());
  fs::remove_all(copy);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().find("triggers.tsv:"), std::string::npos) << loaded.error();
  EXPECT_NE(loaded.error().find("'demolition' is not in trigger-types.tsv"), std::string::npos)
      << loaded.error();
}

}  // namespace
}  // namespace hadath::events

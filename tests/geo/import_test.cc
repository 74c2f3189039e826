#include <gtest/gtest.h>

#include "geo/sources.h"
#include "hadath/gazetteer.h"
#include "hadath/tsv.h"
#include "test_util.h"

namespace hadath::geo {
namespace {

// Three rows in the 19-column GeoNames dump format: a village with no Arabic
// alternate name (it comes from alternateNames), a town with one, and a
// stream (feature H.WAD) that the importer skips.
constexpr const char* kDump =
    "9990001\tTell Test\tTell Test\tTell "
    "Test\t35.15\t40.40\tP\tPPL\tSY\t\t07\t\t\t\t0\t\t200\tAsia/Damascus\t2024-01-01\n"
    "9990002\tQaryat Mithal\tQaryat Mithal\tQaryat Mithal,قرية "
    "مثال\t36.40\t40.70\tP\tPPL\tSY\t\t01\t\t\t\t1200\t\t300\t"
    "Asia/Damascus\t2024-01-01\n"
    "9990003\tWadi Test\tWadi "
    "Test\t\t35.0\t40.0\tH\tWAD\tSY\t\t07\t\t\t\t0\t\t200\tAsia/Damascus\t2024-01-01\n";
constexpr const char* kAlternateNames =
    "1\t9990001\tar\tتل التجربة\t1\t\t\t\t\t\n"
    "2\t9990001\ten\tTell Test\t\t\t\t\t\t\n"
    "3\t9990003\tar\tوادي التجربة\t\t\t\t\t\t\n";

TEST(ImportGeonames, ConvertsDumpWithArabicAlternateNames) {
  testing::TempDir dir("hadath-geo-import-geonames");
  testing::WriteText(dir.File("SY.txt"), kDump);
  testing::WriteText(dir.File("alternateNamesV2.txt"), kAlternateNames);
  ImportReport report;
  Status status =
      ImportGeonames(dir.File("SY.txt"), dir.File("alternateNamesV2.txt"), dir.File("out.tsv"), &report);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(report.read, 3);
  EXPECT_EQ(report.written, 2);
  EXPECT_EQ(report.skipped, 1);
  auto places = ReadPlaceTable(dir.File("out.tsv"), "user");
  ASSERT_TRUE(places.ok()) << places.error();
  ASSERT_EQ(places->size(), 2u);
  EXPECT_EQ((*places)[0].place.source_id, "geonames:9990001");
  EXPECT_EQ((*places)[0].place.names_ar, std::vector<std::string>{"تل التجربة"});
  EXPECT_EQ((*places)[0].place.kind, PlaceKind::kVillage);
  EXPECT_EQ((*places)[1].place.names_ar, std::vector<std::string>{"قرية مثال"});
  EXPECT_EQ((*places)[1].place.kind, PlaceKind::kTown);  // populated PPL
  EXPECT_EQ((*places)[1].place.population, 1200);
  EXPECT_DOUBLE_EQ((*places)[1].place.latitude, 36.40);
}

TEST(ImportGeonames, WrongColumnCountNamesTheLine) {
  testing::TempDir dir("hadath-geo-import-bad");
  testing::WriteText(dir.File("SY.txt"), "1\tonly\tthree\n");
  ImportReport report;
  Status status = ImportGeonames(dir.File("SY.txt"), "", dir.File("out.tsv"), &report);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("SY.txt:1: expected 19 fields"), std::string::npos) << status.message();
}

constexpr const char* kOchaCsv =
    "\xEF\xBB\xBF"
    "admin4Name_en,admin4Name_ar,admin4Pcode,Latitude,Longitude\r\n"
    "\"Jdeid, Bakkara\",جديد بكارة,C9999,35.20,40.35\r\n"
    "Test Village,قرية التجربة,C9998,36.0,40.8\r\n";

TEST(ImportOcha, ConvertsCsvWithQuotesAndBom) {
  testing::TempDir dir("hadath-geo-import-ocha");
  testing::WriteText(dir.File("ppl.csv"), kOchaCsv);
  ImportReport report;
  Status status = ImportOchaCsv(dir.File("ppl.csv"), dir.File("out.tsv"), &report);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(report.written, 2);
  auto places = ReadPlaceTable(dir.File("out.tsv"), "user");
  ASSERT_TRUE(places.ok()) << places.error();
  ASSERT_EQ(places->size(), 2u);
  EXPECT_EQ((*places)[0].place.name_en, "Jdeid, Bakkara");
  EXPECT_EQ((*places)[0].place.source_id, "ocha:C9999");
  EXPECT_EQ((*places)[0].place.names_ar, std::vector<std::string>{"جديد بكارة"});
  EXPECT_DOUBLE_EQ((*places)[1].place.longitude, 40.8);
}

TEST(ImportOcha, MissingCoordinateColumnsRefused) {
  testing::TempDir dir("hadath-geo-import-ocha-bad");
  testing::WriteText(dir.File("ppl.csv"), "name_en,name_ar\nA,ب\n");
  ImportReport report;
  Status status = ImportOchaCsv(dir.File("ppl.csv"), dir.File("out.tsv"), &report);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("ppl.csv:1:"), std::string::npos) << status.message();
}

TEST(ImportOcha, BadCoordinateNamesTheLine) {
  testing::TempDir dir("hadath-geo-import-ocha-line");
  testing::WriteText(dir.File("ppl.csv"), "name_ar,latitude,longitude\nأ,35.1,40.2\nب,north,40.2\n");
  ImportReport report;
  Status status = ImportOchaCsv(dir.File("ppl.csv"), dir.File("out.tsv"), &report);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("ppl.csv:3:"), std::string::npos) << status.message();
}

// End to end: imported tables in the user folder are part of the next build
// and get their admin units from the polygons.
TEST(ImportThenBuild, ImportedPlacesAreFound) {
  if (!testing::HaveSharedGazetteer()) GTEST_SKIP() << "no ../shared/data/gazetteer";
  testing::TempDir dir("hadath-geo-import-build");
  testing::WriteText(dir.File("SY.txt"), kDump);
  testing::WriteText(dir.File("alt.txt"), kAlternateNames);
  testing::WriteText(dir.File("ppl.csv"), kOchaCsv);
  std::filesystem::create_directories(dir.File("user"));
  ImportReport report;
  ASSERT_TRUE(
      ImportGeonames(dir.File("SY.txt"), dir.File("alt.txt"), dir.File("user/geonames-SY.tsv"), &report)
          .ok());
  ASSERT_TRUE(ImportOchaCsv(dir.File("ppl.csv"), dir.File("user/ocha-ppl.tsv"), &report).ok());
  BuildOptions options;
  options.shared_dir = testing::SharedDir();
  options.user_dir = dir.File("user");
  BuildReport build_report;
  auto gazetteer = BuildGazetteer(options, &build_report);
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.error();
  EXPECT_EQ(build_report.by_source["user"], 4);
  const struct {
    const char* name;
    const char* pcode;
  } cases[] = {
      {"تل التجربة", "SY09"}, {"قرية مثال", "SY08"}, {"جديد بكارة", "SY09"}, {"قرية التجربة", "SY08"}};
  for (const auto& c : cases) {
    auto places = gazetteer->FindByName(c.name);
    ASSERT_EQ(places.size(), 1u) << c.name;
    EXPECT_EQ(places[0]->admin1.pcode, c.pcode) << c.name;
    EXPECT_FALSE(places[0]->admin3.pcode.empty()) << c.name;
  }
}

TEST(PlaceTable, RowWithoutCoordinatesNeedsParent) {
  testing::TempDir dir("hadath-geo-table");
  std::string header;
  for (const std::string& column : kPlaceTableColumns) header += (header.empty() ? "" : "\t") + column;
  testing::WriteText(dir.File("t.tsv"), header + "\nx\tمخيم\tCamp\tcamp\t\t\tSY\t\t0\t\tsomewhere\n");
  auto places = ReadPlaceTable(dir.File("t.tsv"), "supplement");
  ASSERT_FALSE(places.ok());
  EXPECT_NE(places.error().find("t.tsv:2: a place without coordinates needs a parent"), std::string::npos)
      << places.error();
}

}  // namespace
}  // namespace hadath::geo

namespace hadath::geo {
namespace {

struct BadRow {
  const char* row;
  const char* message;
};

TEST(PlaceTable, BadRowsNameFileAndLine) {
  const BadRow cases[] = {
      {"x\tمخيم\tCamp\tcastle\t35\t40\tSY\t\t0\t\tsrc", "unknown kind 'castle'"},
      {"x\tمخيم\tCamp\tcamp\t35\t\tSY\t\t0\t\tsrc", "both empty"},
      {"x\tمخيم\tCamp\tcamp\t95\t40\tSY\t\t0\t\tsrc", "decimal degrees"},
      {"x\tمخيم\tCamp\tcamp\t35\t40\tSY\t\t0\t\t", "every row names its source"},
      {"\tمخيم\tCamp\tcamp\t35\t40\tSY\t\t0\t\tsrc", "empty id"},
      {"x\t\t\tcamp\t35\t40\tSY\t\t0\t\tsrc", "a place needs a name"},
  };
  testing::TempDir dir("hadath-geo-table-bad");
  std::string header;
  for (const std::string& column : kPlaceTableColumns) header += (header.empty() ? "" : "\t") + column;
  for (const BadRow& c : cases) {
    testing::WriteText(dir.File("t.tsv"), "# comment\n" + header + "\n" + c.row + "\n");
    auto places = ReadPlaceTable(dir.File("t.tsv"), "supplement");
    ASSERT_FALSE(places.ok()) << c.row;
    EXPECT_NE(places.error().find("t.tsv:3: "), std::string::npos) << places.error();
    EXPECT_NE(places.error().find(c.message), std::string::npos) << places.error();
  }
}

TEST(PlaceTable, ShippedSupplementLoads) {
  auto places = ReadPlaceTable(DataPath("geo/supplement.tsv"), "supplement");
  ASSERT_TRUE(places.ok()) << places.error();
  for (const SourcePlace& place : *places) {
    EXPECT_FALSE(place.place.citation.empty()) << place.place.source_id;
    EXPECT_TRUE(place.place.has_coordinates || !place.parent_ref.empty()) << place.place.source_id;
  }
}

}  // namespace
}  // namespace hadath::geo

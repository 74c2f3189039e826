// Sidecar metadata: TSV and JSON forms, look-ups, errors, precedence helpers.
#include <gtest/gtest.h>

#include "hadath/ingest.h"
#include "ingest_test_util.h"

namespace hadath::ingest {
namespace {

using testing::TempFolder;

TEST(Sidecar, TsvWithEmptyCellsAsUnknown) {
  TempFolder folder;
  std::string path = folder.Write("metadata.tsv",
                                  "# crawler metadata\n"
                                  "file\tpublished\toutlet\turl\n"
                                  "a.txt\t2024-08-23\tEnab Baladi\t\n"
                                  "b.txt\t\tAsharq Al-Awsat\thttps://x/b\n"
                                  "sub/c.txt\t2020-05-18\t\t\n");
  Result<Sidecar> sidecar = LoadSidecar(path);
  ASSERT_TRUE(sidecar.ok()) << sidecar.error();
  EXPECT_EQ(sidecar->size(), 3u);
  const ArticleMetadata* a = sidecar->Find((folder.path() / "a.txt").string());
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->published.ToIso(), "2024-08-23");
  EXPECT_EQ(a->outlet, "Enab Baladi");
  EXPECT_EQ(a->url, "");
  const ArticleMetadata* b = sidecar->Find("elsewhere/b.txt");  // by base name
  ASSERT_NE(b, nullptr);
  EXPECT_FALSE(b->published.known());
  EXPECT_EQ(b->url, "https://x/b");
  const ArticleMetadata* c = sidecar->Find((folder.path() / "sub" / "c.txt").string());  // relative path
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->published.ToIso(), "2020-05-18");
  EXPECT_EQ(sidecar->Find("missing.txt"), nullptr);
}

TEST(Sidecar, JsonObjectForm) {
  TempFolder folder;
  std::string path =
      folder.Write("meta.json", R"({"a.html": {"published": "2022-12-11", "outlet": "Akhbar Al-Aan",
                                                   "url": "https://x/a", "title": "عنوان"}})");
  Result<Sidecar> sidecar = LoadSidecar(path);
  ASSERT_TRUE(sidecar.ok()) << sidecar.error();
  const ArticleMetadata* a = sidecar->Find("a.html");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->published.ToIso(), "2022-12-11");
  EXPECT_EQ(a->title, "عنوان");
}

TEST(Sidecar, JsonArrayForm) {
  TempFolder folder;
  std::string path = folder.Write("meta.json", R"([{"file": "x.txt", "outlet": "O", "published": null},
                                                  {"file": "y.txt", "published": "2020"}])");
  Result<Sidecar> sidecar = LoadSidecar(path);
  ASSERT_TRUE(sidecar.ok()) << sidecar.error();
  ASSERT_NE(sidecar->Find("x.txt"), nullptr);
  EXPECT_EQ(sidecar->Find("x.txt")->outlet, "O");
  EXPECT_EQ(sidecar->Find("y.txt")->published.precision, DatePrecision::kYear);
}

struct BadSidecarCase {
  const char* name;
  const char* file_name;
  std::string text;
  std::string expected_error_after_path;  // the message after "<path>"
};

class BadSidecarTable : public ::testing::TestWithParam<BadSidecarCase> {};

TEST_P(BadSidecarTable, FailsNamingFileAndLine) {
  TempFolder folder;
  std::string path = folder.Write(GetParam().file_name, GetParam().text);
  Result<Sidecar> sidecar = LoadSidecar(path);
  ASSERT_FALSE(sidecar.ok());
  EXPECT_EQ(sidecar.error().rfind(path + GetParam().expected_error_after_path, 0), 0u) << sidecar.error();
}

INSTANTIATE_TEST_SUITE_P(
    Rows, BadSidecarTable,
    ::testing::Values(BadSidecarCase{"no_file_column", "m.tsv", "name\tpublished\n",
                                     ":1: header lacks required column 'file'"},
                      BadSidecarCase{"bad_date", "m.tsv", "file\tpublished\na.txt\t2020-02-30\n",
                                     ":2: cannot read the date '2020-02-30' in 'published'"},
                      BadSidecarCase{"wrong_field_count", "m.tsv", "file\tpublished\na.txt\n",
                                     ":2: expected 2 tab-separated"},
                      BadSidecarCase{"duplicate", "m.tsv", "file\toutlet\na.txt\tX\n./a.txt\tY\n",
                                     ":3: 'a.txt' is listed twice (first on line 2)"},
                      BadSidecarCase{"invalid_json", "m.json", "{\n\"a\": {\n}", ":3: invalid JSON"},
                      BadSidecarCase{"json_not_string", "m.json", R"({"a.txt": {"outlet": 5}})",
                                     ": entry 'a.txt': 'outlet' must be a string"},
                      BadSidecarCase{"json_array_without_file", "m.json", R"([{"outlet": "x"}])",
                                     ": every array element must be an object"}),
    [](const ::testing::TestParamInfo<BadSidecarCase>& info) { return info.param.name; });

TEST(Sidecar, MissingFileIsAnError) {
  Result<Sidecar> sidecar = LoadSidecar("/nonexistent/metadata.tsv");
  ASSERT_FALSE(sidecar.ok());
  EXPECT_NE(sidecar.error().find("/nonexistent/metadata.tsv"), std::string::npos);
}

TEST(MetadataMerge, OverrideKeepsWhatTheSidecarLeavesUnknown) {
  ArticleMetadata page{"Page outlet", "https://page", "Page title", ParseDate("2020-01-01")};
  ArticleMetadata sidecar{"Sidecar outlet", "", "", ParseDate("2021-02-02")};
  OverrideMetadata(sidecar, &page);
  EXPECT_EQ(page.outlet, "Sidecar outlet");
  EXPECT_EQ(page.url, "https://page");
  EXPECT_EQ(page.title, "Page title");
  EXPECT_EQ(page.published.ToIso(), "2021-02-02");
}

TEST(MetadataMerge, FillMissingKeepsWhatIsKnown) {
  ArticleMetadata record{"", "https://record", "", {}};
  ArticleMetadata defaults{"Outlet", "https://default", "", ParseDate("2015-07-21")};
  FillMissingMetadata(defaults, &record);
  EXPECT_EQ(record.outlet, "Outlet");
  EXPECT_EQ(record.url, "https://record");
  EXPECT_EQ(record.published.ToIso(), "2015-07-21");
}

}  // namespace
}  // namespace hadath::ingest

#include "hadath/tsv.h"

#include <gtest/gtest.h>

#include "hadath/document.h"

namespace hadath {
namespace {

TEST(TsvTable, ReadsHeaderCommentsAndRows) {
  auto table =
      TsvTable::Parse("# comment\n\nform\tvalue\n# another\nواحد\t1\nاثنان\t2\n", "t.tsv", {"form", "value"});
  ASSERT_TRUE(table.ok()) << table.error();
  ASSERT_EQ(table->rows().size(), 2u);
  EXPECT_EQ(table->rows()[1].Get("form"), "اثنان");
  EXPECT_EQ(table->rows()[1].Get("value"), "2");
  EXPECT_EQ(table->rows()[1].line(), 6);
}

TEST(TsvTable, ErrorsNameFileAndLine) {
  struct Row {
    const char* text;
    const char* error;
  };
  const Row rows[] = {
      {"form\tvalue\nx\t1\ny\n", "t.tsv:3: expected 2 tab-separated fields, found 1"},
      {"form\nx\n", "t.tsv:1: header lacks required column 'value'"},
      {"# only comments\n", "t.tsv: no header line"},
      {"form\tvalue\nx\t1\t2\n", "t.tsv:2: expected 2 tab-separated fields, found 3"},
  };
  for (const Row& row : rows) {
    auto table = TsvTable::Parse(row.text, "t.tsv", {"form", "value"});
    ASSERT_FALSE(table.ok()) << row.text;
    EXPECT_EQ(table.error(), row.error);
  }
}

TEST(TsvTable, RowsSurviveAMove) {
  auto table = TsvTable::Parse("form\tvalue\na\t1\n", "t.tsv", {"form"});
  ASSERT_TRUE(table.ok());
  TsvTable moved = std::move(*table);
  EXPECT_EQ(moved.rows()[0].Get("value"), "1");
  EXPECT_EQ(moved.rows()[0].Where("bad"), "t.tsv:2: bad");
}

TEST(TsvTable, MissingFileIsAnError) {
  auto table = TsvTable::Load("/nonexistent/x.tsv", {});
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().find("/nonexistent/x.tsv: cannot open"), std::string::npos);
}

TEST(PublishedDate, IsoRoundTrips) {
  for (const char* iso : {"2024", "2022-12", "2024-08-23", "2015-07-21T02:51", "2015-07-21T02:51:32",
                          "2020-05-18T18:51+03:00", "2020-05-18T18:51:00Z", "2020-05-18T18:51-04:30"}) {
    PublishedDate date = PublishedDate::FromIso(iso);
    EXPECT_TRUE(date.known()) << iso;
    EXPECT_EQ(date.ToIso(), iso);
  }
  EXPECT_EQ(PublishedDate::FromIso("2024-08-23").precision, DatePrecision::kDay);
  EXPECT_FALSE(PublishedDate::FromIso("").known());
  EXPECT_FALSE(PublishedDate::FromIso("23/08/2024").known());
  EXPECT_FALSE(PublishedDate::FromIso("2024-8-23").known());
}

}  // namespace
}  // namespace hadath

#include <gtest/gtest.h>

#include "hadath/dates.h"

namespace hadath::dates {
namespace {

TEST(CivilDateTest, MakeRejectsDaysThatDoNotExist) {
  EXPECT_TRUE(CivilDate::Make(2024, 2, 29));
  EXPECT_FALSE(CivilDate::Make(2023, 2, 29));
  EXPECT_FALSE(CivilDate::Make(2024, 4, 31));
  EXPECT_FALSE(CivilDate::Make(2024, 13, 1));
  EXPECT_FALSE(CivilDate::Make(2024, 0, 1));
  EXPECT_FALSE(CivilDate::Make(2024, 1, 0));
  EXPECT_FALSE(CivilDate::Make(2024, 1, 300));
  EXPECT_FALSE((CivilDate{2023, 2, 29}.ok()));
  EXPECT_TRUE((CivilDate{2000, 2, 29}.ok()));
}

TEST(CivilDateTest, ToIsoPads) {
  EXPECT_EQ((CivilDate{2020, 5, 7}.ToIso()), "2020-05-07");
  EXPECT_EQ((CivilDate{987, 12, 31}.ToIso()), "0987-12-31");
}

TEST(CivilDateTest, AddDaysCrossesMonthsAndYears) {
  EXPECT_EQ((CivilDate{2020, 12, 31}.AddDays(1)), (CivilDate{2021, 1, 1}));
  EXPECT_EQ((CivilDate{2021, 1, 3}.AddDays(-9)), (CivilDate{2020, 12, 25}));
  EXPECT_EQ((CivilDate{2024, 2, 28}.AddDays(1)), (CivilDate{2024, 2, 29}));
  EXPECT_EQ((CivilDate{2023, 2, 28}.AddDays(1)), (CivilDate{2023, 3, 1}));
  EXPECT_EQ((CivilDate{2024, 8, 23}.AddDays(365)), (CivilDate{2025, 8, 23}));
}

TEST(CivilDateTest, DaysSinceEpoch) {
  EXPECT_EQ((CivilDate{1970, 1, 1}.DaysSinceEpoch()), 0);
  EXPECT_EQ((CivilDate{1969, 12, 31}.DaysSinceEpoch()), -1);
  EXPECT_EQ((CivilDate{2000, 3, 1}.DaysSinceEpoch()), 11017);
  EXPECT_EQ(CivilDate::FromDays(CivilDate{2024, 8, 23}.ToDays()), (CivilDate{2024, 8, 23}));
}

TEST(CivilDateTest, Weekday) {
  EXPECT_EQ((CivilDate{2024, 8, 23}.Weekday()), std::chrono::Friday);
  EXPECT_EQ((CivilDate{2020, 5, 18}.Weekday()), std::chrono::Monday);
  EXPECT_EQ((CivilDate{1970, 1, 1}.Weekday()), std::chrono::Thursday);
}

TEST(CivilDateTest, LastOfMonth) {
  EXPECT_EQ(CivilDate::LastOfMonth(2024, 2), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(CivilDate::LastOfMonth(1900, 2), (CivilDate{1900, 2, 28}));
  EXPECT_EQ(CivilDate::LastOfMonth(2023, 4), (CivilDate{2023, 4, 30}));
  EXPECT_EQ(CivilDate::LastOfMonth(2023, 12), (CivilDate{2023, 12, 31}));
}

TEST(CivilDateTest, OrdersByYearThenMonthThenDay) {
  EXPECT_LT((CivilDate{2020, 12, 31}), (CivilDate{2021, 1, 1}));
  EXPECT_LT((CivilDate{2021, 1, 31}), (CivilDate{2021, 2, 1}));
  EXPECT_LT((CivilDate{2021, 2, 1}), (CivilDate{2021, 2, 2}));
  EXPECT_EQ((CivilDate{2021, 2, 1}), (CivilDate{2021, 2, 1}));
}

TEST(CivilDateTest, Names) {
  EXPECT_STREQ(KindName(Kind::kRelativeDay), "relative_day");
  EXPECT_STREQ(KindName(Kind::kDayMonth), "day_month");
  EXPECT_STREQ(PartOfDayName(PartOfDay::kAfterMidnight), "after_midnight");
  EXPECT_STREQ(PortionName(Portion::kLate), "late");
}

}  // namespace
}  // namespace hadath::dates

// ParseDate: the date forms found in metadata, and the impossible ones.
#include <gtest/gtest.h>

#include "hadath/ingest.h"

namespace hadath::ingest {
namespace {

struct DateCase {
  const char* input;
  const char* expected_iso;  // PublishedDate::ToIso(); "" = unknown
  DatePrecision expected_precision;
};

class DateTable : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateTable, ParsesToTheExpectedDate) {
  PublishedDate date = ParseDate(GetParam().input);
  EXPECT_EQ(date.ToIso(), GetParam().expected_iso) << "input: " << GetParam().input;
  EXPECT_EQ(date.precision, GetParam().expected_precision) << "input: " << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Iso, DateTable,
    ::testing::Values(
        DateCase{"2020-05-18", "2020-05-18", DatePrecision::kDay},
        DateCase{"  2020-05-18\n", "2020-05-18", DatePrecision::kDay},
        DateCase{"2022-12", "2022-12", DatePrecision::kMonth}, DateCase{"2022", "2022", DatePrecision::kYear},
        DateCase{"2015-07-21 02:51:32", "2015-07-21T02:51:32", DatePrecision::kSecond},
        DateCase{"2020-05-18T18:51", "2020-05-18T18:51", DatePrecision::kMinute},
        DateCase{"2020-05-18T18:51:07Z", "2020-05-18T18:51:07Z", DatePrecision::kSecond},
        DateCase{"2020-05-18T18:51:07.123456+03:00", "2020-05-18T18:51:07+03:00", DatePrecision::kSecond},
        DateCase{"2020-05-18T18:51:07+0300", "2020-05-18T18:51:07+03:00", DatePrecision::kSecond},
        DateCase{"2020-05-18T18:51:07-05", "2020-05-18T18:51:07-05:00", DatePrecision::kSecond},
        DateCase{"2020-05-18T18:51+03:00", "2020-05-18T18:51+03:00", DatePrecision::kMinute}));

INSTANTIATE_TEST_SUITE_P(
    OtherForms, DateTable,
    ::testing::Values(
        DateCase{"2020/05/18", "2020-05-18", DatePrecision::kDay},
        DateCase{"2020/5/8", "2020-05-08", DatePrecision::kDay},
        DateCase{"18/05/2020", "2020-05-18", DatePrecision::kDay},
        DateCase{"18-05-2020", "2020-05-18", DatePrecision::kDay},
        DateCase{"18.05.2020 06:51", "2020-05-18T06:51", DatePrecision::kMinute},
        DateCase{"Mon, 18 May 2020 06:51:00 +0300", "2020-05-18T06:51:00+03:00", DatePrecision::kSecond},
        DateCase{"18 May 2020 06:51 GMT", "2020-05-18T06:51Z", DatePrecision::kMinute},
        DateCase{"Thu, 1 Sep 2022 10:00:00 EST", "2022-09-01T10:00:00-05:00", DatePrecision::kSecond},
        DateCase{"18 May 2020", "2020-05-18", DatePrecision::kDay}));

INSTANTIATE_TEST_SUITE_P(Impossible, DateTable,
                         ::testing::Values(DateCase{"", "", DatePrecision::kUnknown},
                                           DateCase{"yesterday", "", DatePrecision::kUnknown},
                                           DateCase{"2020-13-01", "", DatePrecision::kUnknown},
                                           DateCase{"2020-00", "", DatePrecision::kUnknown},
                                           DateCase{"2021-02-29", "", DatePrecision::kUnknown},
                                           DateCase{"2020-04-31", "", DatePrecision::kUnknown},
                                           DateCase{"2020-05-18T25:00", "", DatePrecision::kUnknown},
                                           DateCase{"2020-05-18T10:61", "", DatePrecision::kUnknown},
                                           DateCase{"05/18/2020", "",
                                                    DatePrecision::kUnknown},  // day first: month 18
                                           DateCase{"2020-05-18 garbage", "", DatePrecision::kUnknown},
                                           DateCase{"32 May 2020", "", DatePrecision::kUnknown},
                                           DateCase{"18 Mayo 2020", "", DatePrecision::kUnknown},
                                           DateCase{"20200", "", DatePrecision::kUnknown}));

INSTANTIATE_TEST_SUITE_P(LeapYears, DateTable,
                         ::testing::Values(DateCase{"2020-02-29", "2020-02-29", DatePrecision::kDay},
                                           DateCase{"2000-02-29", "2000-02-29", DatePrecision::kDay},
                                           DateCase{"1900-02-29", "", DatePrecision::kUnknown}));

// ---- former bugs

// A zone after a space ("... 06:51 +0300") was once read as trailing garbage.
TEST(ParseDateFormerBugs, ZoneAfterASpace) {
  EXPECT_EQ(ParseDate("2020-05-18 06:51:00 +0300").ToIso(), "2020-05-18T06:51:00+03:00");
}

}  // namespace
}  // namespace hadath::ingest

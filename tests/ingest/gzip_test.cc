// Gunzip: members, corruption, truncation, limits.
#include <gtest/gtest.h>

#include "hadath/ingest.h"
#include "ingest_test_util.h"

namespace hadath::ingest {
namespace {

using testing::Gzip;

TEST(Gunzip, RoundTrip) {
  std::string text = "خبر عاجل\nsecond line\n";
  Result<std::string> plain = Gunzip(Gzip(text));
  ASSERT_TRUE(plain.ok()) << plain.error();
  EXPECT_EQ(*plain, text);
  EXPECT_TRUE(LooksGzipped(Gzip(text)));
  EXPECT_FALSE(LooksGzipped(text));
}

TEST(Gunzip, ConcatenatedMembersAreReadInTurn) {
  Result<std::string> plain = Gunzip(Gzip("first\n") + Gzip("second\n") + Gzip(""));
  ASSERT_TRUE(plain.ok()) << plain.error();
  EXPECT_EQ(*plain, "first\nsecond\n");
}

TEST(Gunzip, TrailingZeroPaddingIsIgnored) {
  Result<std::string> plain = Gunzip(Gzip("text") + std::string(100, '\0'));
  ASSERT_TRUE(plain.ok()) << plain.error();
  EXPECT_EQ(*plain, "text");
}

TEST(Gunzip, LargeInputCrossesBufferBoundaries) {
  std::string text;
  for (int i = 0; i < 300000; ++i) text += "line " + std::to_string(i) + "\n";
  Result<std::string> plain = Gunzip(Gzip(text));
  ASSERT_TRUE(plain.ok()) << plain.error();
  EXPECT_EQ(*plain, text);
}

struct BadCase {
  const char* name;
  std::string input;
  const char* expected_error_start;
};

class GunzipErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(GunzipErrors, FailWithAReason) {
  Result<std::string> plain = Gunzip(GetParam().input);
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.error().rfind(GetParam().expected_error_start, 0), 0u) << plain.error();
}

std::string Corrupted() {
  std::string bytes = Gzip(std::string(1000, 'x') + "payload");
  bytes[12] = static_cast<char>(bytes[12] ^ 0xFF);
  bytes[13] = static_cast<char>(bytes[13] ^ 0xFF);
  return bytes;
}

INSTANTIATE_TEST_SUITE_P(Rows, GunzipErrors,
                         ::testing::Values(BadCase{"empty", "", "gzip data is truncated"},
                                           BadCase{"not_gzip", "plain text, not gzip", "corrupt gzip data"},
                                           BadCase{"truncated", Gzip("some text to compress").substr(0, 15),
                                                   "gzip data is truncated"},
                                           BadCase{"corrupt", Corrupted(), "corrupt gzip data"},
                                           BadCase{"trailing_garbage", Gzip("abc") + "garbage",
                                                   "corrupt gzip data: trailing garbage"}),
                         [](const ::testing::TestParamInfo<BadCase>& info) { return info.param.name; });

TEST(Gunzip, OutputLimitStopsAZipBomb) {
  Result<std::string> plain = Gunzip(Gzip(std::string(10 << 20, '\0')), 1 << 20);
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.error().rfind("document too large", 0), 0u) << plain.error();
}

}  // namespace
}  // namespace hadath::ingest

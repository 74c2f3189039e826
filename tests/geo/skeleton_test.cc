#include "geo/skeleton.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "hadath/text/normalizer.h"

namespace hadath::geo {
namespace {

struct Pair {
  const char* arabic;
  const char* romanised;
  bool same;
};

TEST(Skeleton, ArabicAndRomanisedNamesMeet) {
  auto skeleton = Skeleton::Load(DataPath("geo/skeleton.tsv"));
  ASSERT_TRUE(skeleton.ok()) << skeleton.error();
  auto normalizer = text::Normalizer::Load();
  ASSERT_TRUE(normalizer.ok()) << normalizer.error();
  const Pair cases[] = {
      {"الشحيل", "Ash Shuḩayl", true}, {"أبريهة", "Burayhah", true},      {"دير الزور", "Dayr az Zawr", true},
      {"هجين", "Ḩajīn", true},         {"مركدة", "Markadah", true},       {"البصيرة", "Al Buşayrah", true},
      {"الطبقة", "Aţ Ţabaqah", true},  {"الشدادي", "Ash Shaddādī", true}, {"خشام", "Khushām", true},
      {"حلب", "Ḩamāh", false},         {"الشحيل", "Shaykh", false},
  };
  for (const Pair& c : cases) {
    std::string arabic = skeleton->Of(normalizer->Normalize(c.arabic));
    std::string romanised = skeleton->Of(normalizer->Normalize(c.romanised));
    EXPECT_FALSE(arabic.empty()) << c.arabic;
    EXPECT_EQ(arabic == romanised, c.same)
        << c.arabic << " " << arabic << " / " << c.romanised << " " << romanised;
  }
}

TEST(Skeleton, BadTableNamesTheLine) {
  std::string path = ::testing::TempDir() + "/skeleton-bad.tsv";
  FILE* file = std::fopen(path.c_str(), "w");
  std::fputs("form\tclass\ttype\nب\tBB\tletter\n", file);
  std::fclose(file);
  auto skeleton = Skeleton::Load(path);
  ASSERT_FALSE(skeleton.ok());
  EXPECT_NE(skeleton.error().find("skeleton-bad.tsv:2:"), std::string::npos) << skeleton.error();
}

}  // namespace
}  // namespace hadath::geo

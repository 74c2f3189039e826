// Random and mutated inputs: the readers must return, never crash, and
// every map they return must fit the text and the bytes it maps to.
#include <gtest/gtest.h>

#include <random>

#include "hadath/ingest.h"
#include "ingest_test_util.h"

namespace hadath::ingest {
namespace {

using testing::RandomBytes;

// Every segment lies inside the source, and the map covers the text.
void ExpectSaneMap(const OffsetMap& map, size_t text_size, size_t source_size) {
  EXPECT_EQ(map.text_length(), text_size);
  for (const OffsetMap::Segment& segment : map.segments())
    EXPECT_LE(segment.source_start + segment.source_length, source_size);
}

// Mutates a valid document: flips, inserts and deletes a few bytes.
std::string Mutate(std::string bytes, std::mt19937& random) {
  int edits = 1 + static_cast<int>(random() % 8);
  for (int i = 0; i < edits && !bytes.empty(); ++i) {
    size_t at = random() % bytes.size();
    switch (random() % 3) {
      case 0: bytes[at] = static_cast<char>(random()); break;
      case 1: bytes.insert(at, 1, "<>&;#\"'\r\n\0\xD8\xFF"[random() % 12]); break;
      default: bytes.erase(at, 1 + random() % 16); break;
    }
  }
  return bytes;
}

const std::string kSeedHtml =
    "<html><head><meta charset='utf-8'><title>عنوان | موقع</title>"
    "<script type='application/ld+json'>{\"@graph\":[{\"datePublished\":\"2020-05-18\"}]}</script></head>"
    "<body><nav>قائمة</nav><article><h1>عنوان</h1><figure><figcaption>صورة</figcaption></figure>"
    "<p>فقرة أولى &amp; ثانية &#1575; &nbsp; طويلة بما يكفي لتكون فقرة.</p><ul><li>بند</li></ul>"
    "<div class='share'>شارك</div></article><footer>حقوق</footer></body></html>";

const std::string kSeedJson =
    R"({"id": 7, "content": "نص \"مقتبس\" \u0627", "title": "t", "published": "2020-05-18T06:51:00+03:00"})";

TEST(Fuzz, DecodeTextOnRandomBytes) {
  for (uint32_t seed = 0; seed < 300; ++seed) {
    std::string bytes = RandomBytes(1 + seed * 7 % 2000, seed);
    Result<Decoded> decoded = DecodeText(bytes);
    if (decoded) ExpectSaneMap(decoded->text_to_input, decoded->text.size(), bytes.size());
  }
}

TEST(Fuzz, DecodeTextOnMutatedArabic) {
  std::mt19937 random(11);
  std::string arabic = "قتل مدني في غارة على البصيرة\r\nريف دير الزور";
  for (const char* encoding : {"UTF-8", "windows-1256", "UTF-16LE"}) {
    std::string bytes = std::string(encoding) == "UTF-8" ? arabic : testing::Encode(arabic, encoding);
    for (int i = 0; i < 300; ++i) {
      std::string mutated = Mutate(bytes, random);
      Result<Decoded> decoded = DecodeText(mutated);
      if (decoded) ExpectSaneMap(decoded->text_to_input, decoded->text.size(), mutated.size());
    }
  }
}

TEST(Fuzz, ExtractHtmlOnRandomAndMutatedPages) {
  Result<HtmlBoilerplate> rules = HtmlBoilerplate::LoadDefault();
  ASSERT_TRUE(rules.ok()) << rules.error();
  std::mt19937 random(5);
  for (int i = 0; i < 400; ++i) {
    std::string page = i % 4 == 0 ? RandomBytes(1 + i * 13 % 3000, i) : Mutate(kSeedHtml, random);
    Result<Article> article = ExtractHtml(page, *rules);
    if (!article) continue;
    ExpectSaneMap(article->decoded_to_raw, article->decoded.size(), article->raw.size());
    for (const DroppedBlock& block : article->dropped) EXPECT_LE(block.source.end, article->raw.size());
  }
}

TEST(Fuzz, JsonRecordsOnRandomAndMutatedLines) {
  JsonRecordParser parser;
  std::mt19937 random(3);
  int parsed = 0;
  for (int i = 0; i < 1000; ++i) {
    std::string line = i % 5 == 0 ? RandomBytes(1 + i % 500, i) : Mutate(kSeedJson, random);
    Result<Article> article = parser.Parse(line, "fuzz:1");
    if (article) {
      ++parsed;
      EXPECT_FALSE(article->raw.empty());
      EXPECT_FALSE(article->key.empty());
    }
  }
  EXPECT_GT(parsed, 0) << "some mutations leave the record valid";
}

TEST(Fuzz, DatesAndGunzipOnRandomBytes) {
  for (uint32_t seed = 0; seed < 300; ++seed) {
    std::string bytes = RandomBytes(seed % 40, seed);
    PublishedDate date = ParseDate(bytes);
    if (date.known()) {
      EXPECT_GE(date.month, date.precision >= DatePrecision::kMonth ? 1 : 0);
    }
    std::string gz = "\x1f\x8b" + RandomBytes(seed % 200, seed + 1);
    Result<std::string> plain = Gunzip(gz, 1 << 20);
    (void)plain;
  }
}

}  // namespace
}  // namespace hadath::ingest

// The fast Normalizer against the slow ReferenceNormalizer (ICU iteration,
// rules applied one character at a time): same text, same offsets.
#include <gtest/gtest.h>

#include <random>

#include "hadath/text/normalizer.h"
#include "text/reference_normalizer.h"
#include "text/test_data.h"

namespace hadath::text {
namespace {

struct Pair {
  Normalizer fast;
  ReferenceNormalizer reference;
};

const Pair& Normalizers() {
  static const Pair pair = [] {
    auto fast = Normalizer::Load(testing::DataDirectory());
    auto reference = ReferenceNormalizer::Load(testing::DataDirectory());
    if (!fast || !reference) std::abort();
    return Pair{std::move(*fast), std::move(*reference)};
  }();
  return pair;
}

// Returns "" when both agree, else where they first differ.
std::string Difference(std::string_view input) {
  NormalizedText fast, reference;
  Normalizers().fast.Normalize(input, &fast);
  Normalizers().reference.Normalize(input, &reference);
  if (fast.text == reference.text && fast.source_offsets == reference.source_offsets) return "";
  size_t at = 0;
  while (at < fast.text.size() && at < reference.text.size() && fast.text[at] == reference.text[at] &&
         fast.source_offsets[at] == reference.source_offsets[at])
    ++at;
  return "first difference at output byte " + std::to_string(at) + " of input of " +
         std::to_string(input.size()) + " bytes";
}

TEST(DifferentialTest, AgreesOnCorpusArticles) {
  std::vector<std::string> articles = testing::CorpusArticles(3 << 20);
  if (articles.empty()) GTEST_SKIP() << "corpus not found under " << testing::SharedDirectory();
  EXPECT_GT(articles.size(), 300u);
  for (size_t i = 0; i < articles.size(); ++i) ASSERT_EQ(Difference(articles[i]), "") << "article " << i;
}

// Every BMP code point and some beyond, one at a time and between letters.
TEST(DifferentialTest, AgreesOnEveryCodePoint) {
  std::string input;
  for (char32_t c = 1; c < 0x11000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    input.clear();
    input += "ب";
    AppendUtf8(c, &input);
    input += "x";
    ASSERT_EQ(Difference(input), "") << "U+" << std::hex << static_cast<uint32_t>(c);
  }
}

// Random bytes biased towards UTF-8 lead and trail bytes: ill-formed input
// must be read the same way (maximal subparts) by both.
TEST(DifferentialTest, AgreesOnRandomBytes) {
  std::mt19937 random(2024);
  const uint8_t interesting[] = {0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xD8, 0xD9, 0xDF, 0xE0,
                                 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x8F, 0x90};
  for (int round = 0; round < 20000; ++round) {
    std::string input(static_cast<size_t>(random() % 12), '\0');
    for (char& byte : input)
      byte = static_cast<char>(random() % 3 ? interesting[random() % sizeof interesting] : random());
    ASSERT_EQ(Difference(input), "") << "round " << round;
  }
}

}  // namespace
}  // namespace hadath::text

#include "hadath/text/tokenizer.h"
#include "text/reference_tokenizer.h"

namespace hadath::text {
namespace {

TEST(DifferentialTest, TokenizerAgreesWithReferenceOnCorpusArticles) {
  std::vector<std::string> articles = testing::CorpusArticles(2 << 20);
  if (articles.empty()) GTEST_SKIP() << "corpus not found under " << testing::SharedDirectory();
  auto tokenizer = Tokenizer::Load(testing::DataDirectory());
  ASSERT_TRUE(tokenizer.ok()) << tokenizer.error();
  TokenizedText tokens;
  for (size_t i = 0; i < articles.size(); ++i) {
    tokenizer->Tokenize(articles[i], &tokens);
    ASSERT_EQ(CompareWithReference(tokens), "") << "article " << i;
  }
}

TEST(DifferentialTest, TokenizerAgreesWithReferenceOnRandomText) {
  auto tokenizer = Tokenizer::Load(testing::DataDirectory());
  ASSERT_TRUE(tokenizer.ok()) << tokenizer.error();
  const char* pieces[] = {"د", "ا", "ع", "ش", " ",      "-",      ".",          "..", "3",      "٣",
                          ",", "٫", "a", "B", "\u064E", "\u0640", "«",          "»",  "\u200C", "\n",
                          "ق", "س", "و", "_", "é",      "\xFF",   "\U0001F600", "Я",  "ل",      "ال"};
  std::mt19937 random(7);
  TokenizedText tokens;
  for (int round = 0; round < 5000; ++round) {
    std::string input;
    for (int i = static_cast<int>(random() % 16); i > 0; --i) input += pieces[random() % std::size(pieces)];
    tokenizer->Tokenize(input, &tokens);
    ASSERT_EQ(CompareWithReference(tokens), "") << input;
    for (const Token& token : tokens.tokens) ASSERT_LE(token.span.end, input.size()) << input;
  }
}

}  // namespace
}  // namespace hadath::text

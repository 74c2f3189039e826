#include "hadath/text/tokenizer.h"

#include <gtest/gtest.h>

#include "text/test_data.h"

namespace hadath::text {
namespace {

const Tokenizer& TheTokenizer() {
  static const Tokenizer tokenizer = [] {
    auto loaded = Tokenizer::Load(testing::DataDirectory());
    if (!loaded) {
      ADD_FAILURE() << loaded.error();
      std::abort();
    }
    return std::move(*loaded);
  }();
  return tokenizer;
}

// "kind:form|surface" per token, space-separated; surface is the input
// slice at the token's span.
std::string Describe(std::string_view input, const Tokenizer& tokenizer = TheTokenizer()) {
  TokenizedText tokens;
  tokenizer.Tokenize(input, &tokens);
  std::string description;
  for (const Token& token : tokens.tokens) {
    if (!description.empty()) description += ' ';
    description.append(KindName(token.kind)).append(":").append(tokens.NormalizedOf(token));
    std::string_view surface = testing::Slice(input, token.span);
    if (surface != tokens.NormalizedOf(token)) description.append("|").append(surface);
  }
  return description;
}

struct TokenCase {
  std::string input;
  std::string expected;
};

const TokenCase kTokenCases[] = {
    {"قتل عنصران", "arabic:قتل arabic:عنصران"},
    {"أعلنت “قسد” مقتل", "arabic:اعلنت|أعلنت punct:\"|“ arabic:قسد punct:\"|” arabic:مقتل"},
    {"الساعة الـ3 فجرًا", "arabic:الساعه|الساعة arabic:ال|الـ number:3 arabic:فجرا|فجرًا"},
    {"عمره ٥٧ سنة", "arabic:عمره number:57|٥٧ arabic:سنه|سنة"},
    {"3.5 كم و1,000 دولار", "number:3.5 arabic:كم arabic:و number:1,000 arabic:دولار"},
    {"٣٫٥ و١٬٠٠٠", "number:3.5|٣٫٥ arabic:و number:1,000|١٬٠٠٠"},
    {"2020/05/18 6:51", "number:2020 punct:/ number:05 punct:/ number:18 number:6 punct:: number:51"},
    {"تنظيم ISIS الإرهابي", "arabic:تنظيم latin:isis|ISIS arabic:الارهابي|الإرهابي"},
    {"الحرب.. ونحن", "arabic:الحرب punct:.. arabic:ونحن"},
    {"ماذا؟! لا.", "arabic:ماذا punct:؟ punct:! arabic:لا punct:."},
    {"(قسد)،", "punct:( arabic:قسد punct:) punct:،"},
    {"نسبة 50% +", "arabic:نسبه|نسبة number:50 punct:% symbol:+"},
    {"It's", "latin:it|It punct:\"|' latin:s"},
    {"Привет мир", "word:Привет word:мир"},  // only Latin case is folded
    {"لـ”هجوم", "arabic:ل|لـ punct:\"|” arabic:هجوم"},
    // Former bugs.
    {"", ""},
    {"   \u200F  ", ""},
    {"قُتِلَ.", "arabic:قتل|قُتِلَ punct:."},
    {"a\xFFz", "latin:a symbol:\xEF\xBF\xBD|\xFF latin:z"},
};

TEST(TokenizerTest, CutsKindsAndForms) {
  for (const TokenCase& row : kTokenCases) EXPECT_EQ(Describe(row.input), row.expected) << row.input;
}

const TokenCase kBrokenWordCases[] = {
    {"قيادي من \"دا-عش\"", "arabic:قيادي arabic:من punct:\" arabic:داعش|دا-عش punct:\""},
    {"د.ا.ع.ش", "arabic:داعش|د.ا.ع.ش"},
    {"دا عش", "arabic:داعش|دا عش"},
    {"دا - عش", "arabic:داعش|دا - عش"},
    {"دا_عش", "arabic:داعش|دا_عش"},
    {"داــعش", "arabic:داعش|داــعش"},
    {"لدا-عش", "arabic:لداعش|لدا-عش"},
    {"ق.س.د", "arabic:قسد|ق.س.د"},
    {"دا—عش", "arabic:داعش|دا—عش"},
    {"دا-عش و ق.س.د معا", "arabic:داعش|دا-عش arabic:و arabic:قسد|ق.س.د arabic:معا"},
    {"دا-عش قتل", "arabic:داعش|دا-عش arabic:قتل"},
    // Pieces that are ordinary words stay apart.
    {"و داعش", "arabic:و arabic:داعش"},
    {"في داعش", "arabic:في arabic:داعش"},
    {"من دا عش", "arabic:من arabic:داعش|دا عش"},
    // Unknown joins stay apart.
    {"دار عش", "arabic:دار arabic:عش"},
    {"قوات-سوريا", "arabic:قوات punct:- arabic:سوريا"},
    {"دا-عشر", "arabic:دا punct:- arabic:عشر"},
    // Former bugs: two connectors, or a newline, do not join.
    {"دا--عش", "arabic:دا punct:-- arabic:عش"},
    {"دا\nعش", "arabic:دا arabic:عش"},
};

TEST(TokenizerTest, RejoinsWordsBrokenOnPurpose) {
  for (const TokenCase& row : kBrokenWordCases) EXPECT_EQ(Describe(row.input), row.expected) << row.input;
}

TEST(TokenizerTest, LexiconWordsCanBeAddedAsSplitWords) {
  Tokenizer extended = TheTokenizer().WithSplitWords({"الحشد"});
  EXPECT_EQ(Describe("الح-شد", extended), "arabic:الحشد|الح-شد");
  EXPECT_EQ(Describe("الح-شد"), "arabic:الح punct:- arabic:شد");
}

TEST(TokenizerTest, MarksWordsWhoseLastLetterWasFolded) {
  TokenizedText tokens;
  TheTokenizer().Tokenize("مدينة مدينه على علي مدينةً قسد ﻻ د.ا.ع.ش", &tokens);
  std::vector<bool> folded;
  for (const Token& token : tokens.tokens) folded.push_back(token.final_letter_folded);
  EXPECT_EQ(folded, (std::vector<bool>{true, false, true, false, true, false, true, false}));
  EXPECT_EQ(tokens.tokens[0].StrippableSides(), kProcliticSide);
  EXPECT_EQ(tokens.tokens[1].StrippableSides(), kBothSides);
}

TEST(TokenizerTest, SpansSliceTheOriginalText) {
  const std::string input = "وأضاف المصدر، أنه بعد ٣ ساعات \u200Fلم تعثر";
  TokenizedText tokens;
  TheTokenizer().Tokenize(input, &tokens);
  std::vector<std::string> surfaces;
  for (const Token& token : tokens.tokens) surfaces.emplace_back(testing::Slice(input, token.span));
  EXPECT_EQ(surfaces,
            (std::vector<std::string>{"وأضاف", "المصدر", "،", "أنه", "بعد", "٣", "ساعات", "لم", "تعثر"}));
}

TEST(TokenizerTest, FormBytesMapBackIntoRejoinedWords) {
  const std::string input = "عناصر لدا-عش";
  TokenizedText tokens;
  TheTokenizer().Tokenize(input, &tokens);
  ASSERT_EQ(tokens.tokens.size(), 2u);
  const Token& word = tokens.tokens[1];
  ASSERT_TRUE(word.rejoined);
  ASSERT_EQ(tokens.NormalizedOf(word), "لداعش");
  // Form bytes [2, 10) are "داعش": in the input, "دا-عش".
  EXPECT_EQ(testing::Slice(input, tokens.SourceOfFormBytes(word, 2, 10)), "دا-عش");
  EXPECT_EQ(testing::Slice(input, tokens.SourceOfFormBytes(word, 0, 2)), "ل");
}

}  // namespace
}  // namespace hadath::text

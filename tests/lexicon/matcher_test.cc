#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "hadath/lexicon.h"
#include "text/test_data.h"

namespace hadath::lexicon {
namespace {

const text::Tokenizer& TheTokenizer() {
  static const text::Tokenizer tokenizer = [] {
    auto loaded = text::Tokenizer::Load(testing::DataDirectory());
    if (!loaded) std::abort();
    return std::move(*loaded);
  }();
  return tokenizer;
}

const Lexicon& Actors() {
  static const Lexicon lexicon = [] {
    auto loaded = Lexicon::Load(std::string(HADATH_TEST_DIR) + "/lexicon/example-actors.tsv", TheTokenizer(),
                                {.required_columns = {"actor"}, .arabic_forms = false});
    if (!loaded) {
      ADD_FAILURE() << loaded.error();
      std::abort();
    }
    return std::move(*loaded);
  }();
  return lexicon;
}

// "actor=surface" per match (surface: the input at the match's span).
std::string Matches(std::string_view input, const text::Tokenizer& tokenizer = TheTokenizer()) {
  text::TokenizedText tokens;
  tokenizer.Tokenize(input, &tokens);
  MatchState state;
  std::vector<Match> matches;
  Actors().matcher().FindAll(tokens, &state, &matches);
  std::string description;
  for (const Match& match : matches) {
    if (!description.empty()) description += " ";
    description.append(Actors().entry(match.entry).Get("actor"))
        .append("=")
        .append(testing::Slice(input, match.span));
  }
  return description;
}

struct MatchCase {
  const char* what;
  std::string input;
  std::string expected;
};

const MatchCase kMatchCases[] = {
    {"multi-word", "أعلنت قوات سوريا الديمقراطية مقتل", "SDF=قوات سوريا الديمقراطية"},
    {"proclitic on the first word", "ودعم لقوات سوريا الديمقراطية", "SDF=لقوات سوريا الديمقراطية"},
    {"enclitic on the last word", "وأعلنت قواتها", "FORCES=قواتها"},
    {"proclitic and enclitic on one word", "لقواتها", "FORCES=لقواتها"},
    {"ta marbuta restored", "في مدينتها", "CITY=مدينتها"},
    {"preposition", "بمدينة البصيرة بريف دير الزور", "CITY=بمدينة COUNTRYSIDE=بريف"},
    {"longest match wins", "قوات التحالف الدولي", "FORCES=قوات COALITION=التحالف الدولي"},
    {"longest match with proclitic", "والتحالف الدولي", "COALITION=والتحالف الدولي"},
    {"the word itself before a stripped stem", "والتحالف", "COALITION=والتحالف"},
    {"article stripped when only the bare stem is listed", "تحالف إقليمي", "ALLIANCE=تحالف"},
    {"lam-lam gives تنظيم back", "للتنظيم الدولة الإسلامية", "ISIS=للتنظيم الدولة الإسلامية"},
    {"spelling variants fold", "تنظيم الدولة الاسلامية", "ISIS=تنظيم الدولة الاسلامية"},
    {"harakat and tatweel", "تنظيـم الدَّولة", "ISIS=تنظيـم الدَّولة"},
    {"broken word", "عناصر من \"دا-عش\"", "ISIS=دا-عش"},
    {"broken word with proclitic", "ولدا-عش", "ISIS=ولدا-عش"},
    {"quotes between words block a multi-word match", "تنظيم “الدولة”", ""},
    {"attach none: exact only", "الحشد والحشد", "PMF=الحشد"},
    {"attach no-article", "قتل اثنين يوم الاثنين", "TWO=اثنين"},
    {"attach no-article still takes a conjunction", "واثنين", "TWO=واثنين"},
    {"attach proclitics takes a preposition", "وصلوا إلى حلب وبحلب", "ALEPPO=حلب ALEPPO=وبحلب"},
    {"attach proclitics takes no pronoun suffix", "حلبهم", ""},
    {"latin alias, case folded", "DAESH fighters", "ISIS=DAESH"},
    {"nothing", "لا شيء هنا", ""},
    // Former bugs.
    {"empty text", "", ""},
    {"entry at the very end", "هاجمت قسد", "SDF=قسد"},
    {"multi-word entry cut by the end of text", "قوات سوريا", "FORCES=قوات"},
};

TEST(MatcherTest, FindsEntries) {
  for (const MatchCase& row : kMatchCases) EXPECT_EQ(Matches(row.input), row.expected) << row.what;
}

TEST(MatcherTest, ReportsTokensSpansAndClitics) {
  const std::string input = "هجوم لقواتها";
  text::TokenizedText tokens;
  TheTokenizer().Tokenize(input, &tokens);
  MatchState state;
  Match match;
  ASSERT_FALSE(Actors().matcher().MatchAt(tokens, 0, &state, &match));
  ASSERT_TRUE(Actors().matcher().MatchAt(tokens, 1, &state, &match));
  EXPECT_EQ(Actors().entry(match.entry).Get("form"), "قوات");
  EXPECT_EQ(match.first_token, 1u);
  EXPECT_EQ(match.end_token, 2u);
  EXPECT_EQ(testing::Slice(input, match.span), "لقواتها");
  EXPECT_EQ(testing::Slice(input, match.core), "قوات");
  EXPECT_EQ(match.proclitic_bytes, 2);
  EXPECT_EQ(match.enclitic_bytes, 4);
}

TEST(MatcherTest, CoreOfMultiWordMatch) {
  const std::string input = "وبقوات سوريا الديمقراطية";
  text::TokenizedText tokens;
  TheTokenizer().Tokenize(input, &tokens);
  MatchState state;
  std::vector<Match> matches;
  Actors().matcher().FindAll(tokens, &state, &matches);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].token_count(), 3u);
  EXPECT_EQ(testing::Slice(input, matches[0].core), "قوات سوريا الديمقراطية");
}

TEST(MatcherTest, SplitWordsOfALexiconExtendTheTokenizer) {
  std::vector<std::string> split = Actors().SplitWords();
  EXPECT_EQ(split, (std::vector<std::string>{"قسد", "داعش", "الحشد"}));
  text::Tokenizer tokenizer = TheTokenizer().WithSplitWords(split);
  EXPECT_EQ(Matches("عناصر الح-شد", tokenizer), "PMF=الح-شد");
  EXPECT_EQ(Matches("عناصر الح-شد"), "");
}

TEST(MatcherTest, BuilderReturnsTheEarlierEntryForTheSameWords) {
  MatcherBuilder builder(TheTokenizer());
  auto first = builder.Add("الدولة الإسلامية", 7);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->has_value());
  auto again = builder.Add("الدَّولة الاسلاميّة", 9);
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(again->has_value());
  EXPECT_EQ(**again, 7u);
  EXPECT_FALSE(builder.Add("«»", 10).ok());
  EXPECT_EQ(builder.KeyOf("الدَّولة الإسلاميّة"), "الدوله الاسلاميه");
  Matcher matcher = std::move(builder).Compile();
  EXPECT_EQ(matcher.size(), 1u);
}

// Former bug: ة folds to ه, and مدينة (city) was read as مدين (debtor) + ه.
TEST(MatcherTest, AFoldedFinalLetterIsNoEnclitic) {
  auto lexicon = Lexicon::Parse("form\tgloss\nمدين\tdebtor\nعل\tmaybe\n", "mem.tsv", TheTokenizer(),
                                {.required_columns = {"gloss"}});
  ASSERT_TRUE(lexicon.ok()) << lexicon.error();
  auto glosses = [&](std::string_view input) {
    text::TokenizedText tokens;
    TheTokenizer().Tokenize(input, &tokens);
    MatchState state;
    std::vector<Match> matches;
    lexicon->matcher().FindAll(tokens, &state, &matches);
    std::string found;
    for (const Match& match : matches) found.append(lexicon->entry(match.entry).Get("gloss")).append(" ");
    return found;
  };
  EXPECT_EQ(glosses("مدينة"), "");
  EXPECT_EQ(glosses("مدينه"), "debtor ");  // written with ha: "his debtor"
  EXPECT_EQ(glosses("على"), "");
  EXPECT_EQ(glosses("علي"), "maybe ");
  EXPECT_EQ(glosses("ومدينة كبيرة"), "");
}

TEST(MatcherTest, MatcherIsSharedAcrossThreads) {
  const std::string input = "أعلنت قوات سوريا الديمقراطية ولقواتها في مدينتها";
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i)
        if (Matches(input) != "SDF=قوات سوريا الديمقراطية FORCES=ولقواتها CITY=مدينتها") ++wrong;
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace hadath::lexicon

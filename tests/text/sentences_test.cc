#include "hadath/text/sentences.h"

#include <gtest/gtest.h>

#include "hadath/tsv.h"
#include "text/test_data.h"

namespace hadath::text {
namespace {

const SentenceSplitter& TheSplitter() {
  static const SentenceSplitter splitter = [] {
    auto loaded = SentenceSplitter::Load(testing::DataDirectory());
    if (!loaded) {
      ADD_FAILURE() << loaded.error();
      std::abort();
    }
    return std::move(*loaded);
  }();
  return splitter;
}

std::vector<std::string> Sentences(std::string_view paragraph) {
  std::vector<std::string> sentences;
  for (Span span : TheSplitter().Split(paragraph)) sentences.emplace_back(testing::Slice(paragraph, span));
  return sentences;
}

struct SplitCase {
  const char* what;
  std::string paragraph;
  std::vector<std::string> sentences;
};

const SplitCase kSplitCases[] = {
    {"full stops", "قتل عنصران. وأصيب ثالث.", {"قتل عنصران.", "وأصيب ثالث."}},
    {"arabic question mark and exclamation", "هل قتل أحد؟ نعم!", {"هل قتل أحد؟", "نعم!"}},
    {"arabic full stop", "انتهى الاجتماع۔ بدأ آخر۔", {"انتهى الاجتماع۔", "بدأ آخر۔"}},
    {"run of marks", "قتل 3 أشخاص!! وأصيب آخرون؟!", {"قتل 3 أشخاص!!", "وأصيب آخرون؟!"}},
    {"closing quote after the stop stays",
     "قال «لاحقنا الهدف ثم اشتبكنا معه طويلا حتى قتل في المكان.» وأضاف شيئا.",
     {"قال «لاحقنا الهدف ثم اشتبكنا معه طويلا حتى قتل في المكان.»", "وأضاف شيئا."}},
    {"stop after the closing quote",
     "وقال إن «القوات لاحقت الهدف». وأشار إلى ذلك.",
     {"وقال إن «القوات لاحقت الهدف».", "وأشار إلى ذلك."}},
    {"closing bracket", "في الرقة (شمال سوريا). وكشف مصدر.", {"في الرقة (شمال سوريا).", "وكشف مصدر."}},
    {"decimal number", "بلغت النسبة 3.5 في المئة.", {"بلغت النسبة 3.5 في المئة."}},
    {"date and time", "في 2020/05/18 عند 6:51 مساء.", {"في 2020/05/18 عند 6:51 مساء."}},
    {"arabic decimal separator", "بلغت ٣٫٥ بالمئة. ثم انخفضت.", {"بلغت ٣٫٥ بالمئة.", "ثم انخفضت."}},
    {"single-letter abbreviation", "قال د. محمد إن الوضع سيئ.", {"قال د. محمد إن الوضع سيئ."}},
    {"letter with tatweel", "في عام 1441 هـ. وقع الحادث.", {"في عام 1441 هـ. وقع الحادث."}},
    {"latin initials", "وصل وفد U.S. أمس.", {"وصل وفد U.S. أمس."}},
    {"listed abbreviation", "Dr. Smith arrived. He left.", {"Dr. Smith arrived.", "He left."}},
    {"a digit is not an abbreviation", "قتل منهم 7. وأصيب آخرون.", {"قتل منهم 7.", "وأصيب آخرون."}},
    {"short quotation", "قال «لن نستسلم!» ثم غادر المكان.", {"قال «لن نستسلم!» ثم غادر المكان."}},
    {"short quotation in brackets", "(قال: نعم. ثم خرج) وانتهى الأمر.", {"(قال: نعم. ثم خرج) وانتهى الأمر."}},
    {"long quotation is split",
     "قال «إن القوات الأمنية لاحقت الهدف المطلوب بعد فراره من منزله. ووجهت له نداءات لتسليم نفسه».",
     {"قال «إن القوات الأمنية لاحقت الهدف المطلوب بعد فراره من منزله.", "ووجهت له نداءات لتسليم نفسه»."}},
    {"headline separator",
     "دير الزور.. “قسد” تعلن مقتل قيادي خطط لـ”هجوم غويران”",
     {"دير الزور.. “قسد” تعلن مقتل قيادي خطط لـ”هجوم غويران”"}},
    {"line without final punctuation is one sentence",
     "اعتقال قيادي بريف الشدادي... واغتيال عنصرين",
     {"اعتقال قيادي بريف الشدادي... واغتيال عنصرين"}},
    {"a long paragraph that lost its final stop is still split",
     "قالت مصادر محلية إن قوات الأمن نفذت حملة مداهمات واسعة في عدة قرى بريف المحافظة الشرقي فجر اليوم. "
     "وأضافت المصادر أن الحملة أسفرت عن اعتقال عدد من الأشخاص بينهم مطلوبون... ولم تعلن القوات عن أسمائهم "
     "بعد",
     {"قالت مصادر محلية إن قوات الأمن نفذت حملة مداهمات واسعة في عدة قرى بريف المحافظة الشرقي فجر اليوم.",
      "وأضافت المصادر أن الحملة أسفرت عن اعتقال عدد من الأشخاص بينهم مطلوبون... ولم تعلن القوات عن أسمائهم "
      "بعد"}},
    {"lines",
     "انتهى الاجتماع.\nعاجل: بدء اجتماع\nبدأ آخر.",
     {"انتهى الاجتماع.", "عاجل: بدء اجتماع", "بدأ آخر."}},
    {"trimmed", "  \u200F نص مع مسافات.\u00A0 ", {"نص مع مسافات."}},
    // Former bugs.
    {"empty", "", {}},
    {"blank lines", " \n\n\t", {}},
    {"stop at the very start", ". نص.", {".", "نص."}},
    {"unbalanced closing quote", "قال» شيئا. وذهب.", {"قال» شيئا.", "وذهب."}},
};

TEST(SentencesTest, SplitsWhereItShould) {
  for (const SplitCase& row : kSplitCases) EXPECT_EQ(Sentences(row.paragraph), row.sentences) << row.what;
}

TEST(SentencesTest, FreeFunctionUsesTheData) {
  std::string paragraph = "التقى Gen. Smith بالوفد. ثم غادر.";
  std::vector<Span> spans = SplitSentences(paragraph);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(testing::Slice(paragraph, spans[0]), "التقى Gen. Smith بالوفد.");
  EXPECT_EQ(TheSplitter().Split(paragraph), spans);
}

// The seed articles, read line by line; split points checked by hand.
std::string Seed(const std::string& name) {
  auto text = ReadFile(testing::SharedDirectory() + "/seeds/" + name);
  return text ? *text : "";
}

std::vector<std::string> SentencesOfLineStartingWith(const std::string& text, std::string_view start) {
  size_t at = text.find(start);
  if (at == std::string::npos) return {"<no such line>"};
  size_t end = text.find('\n', at);
  return Sentences(
      std::string_view(text).substr(at, end == std::string::npos ? std::string::npos : end - at));
}

TEST(SentencesTest, SeedLines) {
  std::string enab = Seed("000_2910613168a8f388.txt");
  std::string awsat = Seed("001_5487bd662f8f8bdc.txt");
  std::string baladi = Seed("004_72f78d3dff17fb88.txt");
  std::string enab2020 = Seed("003_ca033d0e06058526.txt");
  if (enab.empty() || awsat.empty() || baladi.empty() || enab2020.empty()) GTEST_SKIP() << "seeds not found";

  // Headline with ".." and curly quotes used both ways: one sentence.
  auto headline = SentencesOfLineStartingWith(enab, "دير الزور..");
  ASSERT_EQ(headline.size(), 1u);
  EXPECT_TRUE(headline[0].ends_with("غويران”"));

  // First paragraph of 001: a bracket then a stop ends the first sentence.
  auto first = SentencesOfLineStartingWith(awsat, "نفذت قوات التحالف الدولي و«");
  ASSERT_EQ(first.size(), 2u);
  EXPECT_TRUE(first[0].ends_with("والرقة (شمال سوريا)."));
  EXPECT_TRUE(first[1].starts_with("وكشف مصدر عسكري كبير"));
  EXPECT_TRUE(first[1].ends_with("والحسابات التابعة له»."));

  // Second paragraph: three sentences; a quotation closes before its stop.
  auto second = SentencesOfLineStartingWith(awsat, "وأضاف المصدر أن القيادي");
  ASSERT_EQ(second.size(), 3u);
  EXPECT_TRUE(second[0].ends_with("شمال شرقي سوريا."));
  EXPECT_TRUE(second[1].starts_with("وقال إن «القوات الأمنية"));
  EXPECT_TRUE(second[1].ends_with("فأردته قتيلاً»."));
  EXPECT_TRUE(second[2].ends_with("كانت بحوزته."));

  // A subhead with "..." and no final stop stays whole.
  auto subhead = SentencesOfLineStartingWith(awsat, "اعتقال قيادي في التنظيم");
  ASSERT_EQ(subhead.size(), 1u);
  EXPECT_TRUE(subhead[0].ends_with("شرق دير الزور"));

  // A headline ending in "!" after a Latin site name, with "دا-عش" inside.
  auto site = SentencesOfLineStartingWith(baladi, "قوات التحالف تنفذ مداهمات");
  ASSERT_EQ(site.size(), 1u);
  EXPECT_TRUE(site[0].ends_with("Over 9000!"));

  // A date line and a time line: no split inside numbers.
  EXPECT_EQ(SentencesOfLineStartingWith(enab2020, "  • 2020/05/18"),
            (std::vector<std::string>{"• 2020/05/18"}));
  EXPECT_EQ(SentencesOfLineStartingWith(enab2020, "  • 6:51"), (std::vector<std::string>{"• 6:51 م"}));

  // An appeal line with ".." inside and no final stop.
  auto appeal = SentencesOfLineStartingWith(enab, "سوريا بحاجة للصحافة");
  ASSERT_EQ(appeal.size(), 1u);
  EXPECT_TRUE(appeal[0].ends_with("لنبقى مستقلين"));
}

}  // namespace
}  // namespace hadath::text

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <random>

namespace hadath::text {
namespace {

// Characters of `text` that are not white space, controls or format characters.
size_t VisibleCharacters(std::string_view text) {
  icu::UnicodeString string = icu::UnicodeString::fromUTF8(text);
  size_t visible = 0;
  for (int32_t i = 0; i < string.length(); i = string.moveIndex32(i, 1)) {
    UChar32 c = string.char32At(i);
    int8_t category = u_charType(c);
    visible += !u_isUWhiteSpace(c) && category != U_CONTROL_CHAR && category != U_FORMAT_CHAR;
  }
  return visible;
}

// Spans lie inside the paragraph, in order, without overlap, trimmed, and
// every visible character belongs to one of them.
std::string CheckSpans(std::string_view paragraph, const std::vector<Span>& spans) {
  uint32_t previous_end = 0;
  size_t covered = 0;
  for (Span span : spans) {
    if (span.empty() || span.end > paragraph.size() || span.start < previous_end)
      return "bad span order or range";
    std::string_view text = testing::Slice(paragraph, span);
    if (text.front() == ' ' || text.back() == ' ' || text.front() == '\n' || text.back() == '\n')
      return "untrimmed";
    covered += VisibleCharacters(text);
    previous_end = span.end;
  }
  return covered == VisibleCharacters(paragraph) ? "" : "some text is in no sentence";
}

TEST(SentencesTest, SpansAreWellFormedOnRandomText) {
  const char* pieces[] = {"قال", " ", ".", "..", "!",  "؟", "«",  "»", "“", "”", "\"",
                          "(",   ")", "3", "د",  "\n", "U", "هـ", "…", "،", "x", "\xFF"};
  std::mt19937 random(99);
  for (int round = 0; round < 5000; ++round) {
    std::string paragraph;
    for (int i = static_cast<int>(random() % 20); i > 0; --i)
      paragraph += pieces[random() % std::size(pieces)];
    ASSERT_EQ(CheckSpans(paragraph, TheSplitter().Split(paragraph)), "") << paragraph;
  }
}

TEST(SentencesTest, SpansAreWellFormedOnCorpusArticles) {
  std::vector<std::string> articles = testing::CorpusArticles(1 << 20);
  if (articles.empty()) GTEST_SKIP() << "corpus not found";
  size_t sentences = 0;
  for (const std::string& article : articles) {
    std::vector<Span> spans = TheSplitter().Split(article);
    ASSERT_EQ(CheckSpans(article, spans), "") << article.substr(0, 200);
    sentences += spans.size();
  }
  EXPECT_GT(sentences, articles.size() * 3);
}

}  // namespace
}  // namespace hadath::text

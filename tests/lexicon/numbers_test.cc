#include "hadath/numbers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "text/test_data.h"

namespace hadath::lexicon {
namespace {

struct Loaded {
  text::Tokenizer tokenizer;
  NumberReader reader;
};

const Loaded& Resources() {
  static const Loaded loaded = [] {
    auto tokenizer = text::Tokenizer::Load(testing::DataDirectory());
    if (!tokenizer) std::abort();
    auto reader = NumberReader::Load(*tokenizer, testing::DataDirectory());
    if (!reader) {
      ADD_FAILURE() << reader.error();
      std::abort();
    }
    return Loaded{std::move(*tokenizer), std::move(*reader)};
  }();
  return loaded;
}

std::string Format(double value) {
  if (std::isinf(value)) return "inf";
  std::ostringstream out;
  out << value;
  return out.str();
}

// "surface=value[low..high] kind qualifier(qualifier surface)" per number.
std::string Numbers(std::string_view input) {
  text::TokenizedText tokens;
  Resources().tokenizer.Tokenize(input, &tokens);
  MatchState state;
  std::vector<Number> numbers;
  Resources().reader.Read(tokens, &state, &numbers);
  std::string description;
  for (const Number& number : numbers) {
    if (!description.empty()) description += "; ";
    description.append(testing::Slice(input, number.span)).append("=").append(Format(number.value));
    if (number.low != number.value || number.high != number.value)
      description.append("[").append(Format(number.low)).append("..").append(Format(number.high)).append("]");
    description.append(" ").append(NumberKindName(number.kind));
    if (number.qualifier != Qualifier::kExact)
      description.append(" ")
          .append(QualifierName(number.qualifier))
          .append("(")
          .append(testing::Slice(input, number.qualifier_span))
          .append(")");
  }
  return description;
}

struct NumberCase {
  const char* what;
  std::string input;
  std::string expected;
};

const NumberCase kNumberCases[] = {
    // Digits.
    {"ascii digits", "قتل 7 أشخاص", "7=7 cardinal"},
    {"arabic-indic digits", "من العمر ٥٧ سنة", "٥٧=57 cardinal"},
    {"persian digits", "۱۲ عنصرا", "۱۲=12 cardinal"},
    {"thousands separator", "نحو 1,500 لاجئ", "1,500=1500 cardinal about(نحو)"},
    {"arabic separators", "١٬٢٠٠ و٣٫٥", "١٬٢٠٠=1200 cardinal; ٣٫٥=3.5 cardinal"},
    {"decimal comma", "2,5 مليون", "2,5 مليون=2.5e+06 cardinal"},
    // Cardinal words, genders and cases.
    {"one", "دولار واحد", "واحد=1 cardinal"},
    {"one, feminine", "مرة واحدة", "واحدة=1 cardinal"},
    {"two, nominative and oblique", "اثنان واثنين", "اثنان=2 cardinal; واثنين=2 cardinal"},
    {"two, feminine", "اثنتين", "اثنتين=2 cardinal"},
    {"three, masculine and feminine forms", "ثلاثة عناصر وثلاث سيارات", "ثلاثة=3 cardinal; وثلاث=3 cardinal"},
    {"ten", "عشرة نازحين", "عشرة=10 cardinal"},
    {"eleven", "أحد عشر قتيلا", "أحد عشر=11 cardinal"},
    {"fifteen, feminine", "خمس عشرة سيارة", "خمس عشرة=15 cardinal"},
    {"nineteen", "تسعة عشر", "تسعة عشر=19 cardinal"},
    {"tens", "عشرين وثلاثون", "عشرين=20 cardinal; وثلاثون=30 cardinal"},
    {"hundred, both spellings", "مئة ومائة", "مئة=100 cardinal; ومائة=100 cardinal"},
    {"two hundred", "مئتين ومائتي", "مئتين=200 cardinal; ومائتي=200 cardinal"},
    {"three hundred", "ثلاثمئة", "ثلاثمئة=300 cardinal"},
    {"thousand and two thousand", "ألف وألفين", "ألف=1000 cardinal; وألفين=2000 cardinal"},
    {"million", "مليون", "مليون=1e+06 cardinal"},
    // Compounds.
    {"units and tens", "خمسة وعشرون", "خمسة وعشرون=25 cardinal"},
    {"units and tens, oblique", "قتل ثلاثة وأربعين", "ثلاثة وأربعين=43 cardinal"},
    {"and written apart", "خمسة و عشرون", "خمسة و عشرون=25 cardinal"},
    {"hundred and tens", "مئة وعشرون", "مئة وعشرون=120 cardinal"},
    {"hundred, tens and units", "مئة وخمسة وعشرون", "مئة وخمسة=105 cardinal; وعشرون=20 cardinal"},
    {"thousands", "ثلاثة آلاف", "ثلاثة آلاف=3000 cardinal"},
    {"thousands and hundreds", "ثلاثة آلاف وخمسمئة", "ثلاثة آلاف وخمسمئة=3500 cardinal"},
    {"hundred thousand", "مئة ألف", "مئة ألف=100000 cardinal"},
    {"digits and a scale word", "3 ملايين", "3 ملايين=3e+06 cardinal"},
    {"ten and five are two numbers", "عشرة وخمسة", "عشرة=10 cardinal; وخمسة=5 cardinal"},
    // Ordinals.
    {"ordinal", "الأول والثانية", "الأول=1 ordinal; والثانية=2 ordinal"},
    {"compound ordinal", "الحادي عشر", "الحادي عشر=11 ordinal"},
    {"ordinal with tens", "الحادي والعشرون", "الحادي والعشرون=21 ordinal"},
    // Vague quantities.
    {"tens", "عشرات العناصر", "عشرات=10[10..99] vague"},
    {"the tens", "اعتقال العشرات", "العشرات=10[10..99] vague"},
    {"hundreds", "مئات المدنيين", "مئات=100[100..999] vague"},
    {"thousands alone", "آلاف النازحين", "آلاف=1000[1000..9999] vague"},
    {"tens of thousands", "عشرات الآلاف", "عشرات الآلاف=10000[10000..99000] vague"},
    {"a few", "بضعة أيام", "بضعة=3[3..9] vague"},
    {"a number of", "عدد من العناصر", "عدد من=3[2..inf] vague"},
    // Ranges.
    {"between and", "بين 10 و15 قتيلا", "بين 10 و15=10[10..15] range"},
    {"between and, apart", "بين 10 و 15", "بين 10 و 15=10[10..15] range"},
    {"between, words", "بين خمسة وعشرين", "بين خمسة وعشرين=5[5..20] range"},
    {"between, decreasing is no range", "بين عشرين وخمسة", "عشرين=20 cardinal; وخمسة=5 cardinal"},
    {"hyphen", "سقط 10-15 قتيلا", "10-15=10[10..15] range"},
    {"from to", "من 3 إلى 5 أشخاص", "من 3 إلى 5=3[3..5] range"},
    {"to without from", "3 إلى 5", "3 إلى 5=3[3..5] range"},
    {"or", "3 أو 4 قتلى", "3 أو 4=3[3..4] range"},
    // Qualifiers.
    {"at least, after the counted noun", "7 أشخاص على الأقل", "7=7[7..inf] cardinal at_least(على الأقل)"},
    {"at least, right after", "7 على الأقل", "7=7[7..inf] cardinal at_least(على الأقل)"},
    {"no fewer than", "ما لا يقل عن 20 عنصرا", "20=20[20..inf] cardinal at_least(ما لا يقل عن)"},
    {"more than", "أكثر من 30 عملية", "30=30[30..inf] cardinal more_than(أكثر من)"},
    {"about", "حوالي الساعة الواحدة", "الواحدة=1 cardinal"},
    {"about, adjacent", "حوالى 200", "200=200 cardinal about(حوالى)"},
    {"nearly", "قرابة عشرين", "عشرين=20 cardinal about(قرابة)"},
    {"some", "زهاء ألف", "ألف=1000 cardinal about(زهاء)"},
    {"fewer than", "أقل من 10", "10=10[0..10] cardinal less_than(أقل من)"},
    {"qualifier and range", "أكثر من عشرات الآلاف",
     "عشرات الآلاف=10000[10000..inf] vague more_than(أكثر من)"},
    // Clitics on number words.
    {"conjunction", "وثلاثة", "وثلاثة=3 cardinal"},
    {"preposition", "بأربع طائرات", "بأربع=4 cardinal"},
    {"preposition, masculine", "بثلاثة صواريخ", "بثلاثة=3 cardinal"},
    {"lam", "لعشرة أيام", "لعشرة=10 cardinal"},
    {"pronoun", "ثلاثتهم", "ثلاثتهم=3 cardinal"},
    // Words that look like numbers but are not.
    {"Sunday is not one", "الأحد 17 أيار", "17=17 cardinal"},
    {"Monday is not two", "الاثنين الماضي", ""},
    {"one of", "أحد المدنيين", "أحد=1 cardinal"},
    // Former bugs.
    {"empty", "", ""},
    {"a date is not a range", "2020-05-18", "2020=2020 cardinal; 05=5 cardinal; 18=18 cardinal"},
    {"nor a date with slashes", "2020/05-18", "2020=2020 cardinal; 05=5 cardinal; 18=18 cardinal"},
    {"a decreasing pair is not a range", "5 أو 3", "5=5 cardinal; 3=3 cardinal"},
    {"the article and digits", "الساعة الـ3 فجرا", "3=3 cardinal"},
};

TEST(NumbersTest, ReadsEachForm) {
  for (const NumberCase& row : kNumberCases) EXPECT_EQ(Numbers(row.input), row.expected) << row.what;
}

TEST(NumbersTest, TokensOfANumber) {
  const std::string input = "قتل ما لا يقل عن خمسة وعشرين عنصرا";
  text::TokenizedText tokens;
  Resources().tokenizer.Tokenize(input, &tokens);
  MatchState state;
  std::vector<Number> numbers;
  Resources().reader.Read(tokens, &state, &numbers);
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_EQ(numbers[0].first_token, 5u);
  EXPECT_EQ(numbers[0].end_token, 7u);
  EXPECT_EQ(numbers[0].value, 25);
  EXPECT_EQ(testing::Slice(input, numbers[0].qualifier_span), "ما لا يقل عن");
}

}  // namespace
}  // namespace hadath::lexicon

namespace hadath::lexicon {
namespace {

TEST(NumbersTest, CorpusArticlesGiveWellFormedNumbers) {
  std::vector<std::string> articles = testing::CorpusArticles(1 << 20);
  if (articles.empty()) GTEST_SKIP() << "corpus not found";
  text::TokenizedText tokens;
  MatchState state;
  std::vector<Number> numbers;
  size_t found = 0;
  for (const std::string& article : articles) {
    Resources().tokenizer.Tokenize(article, &tokens);
    numbers.clear();
    Resources().reader.Read(tokens, &state, &numbers);
    uint32_t previous_end = 0;
    for (const Number& number : numbers) {
      ASSERT_LE(previous_end, number.span.start);
      ASSERT_LT(number.span.start, number.span.end);
      ASSERT_LE(number.span.end, article.size());
      ASSERT_LE(number.low, number.value);
      ASSERT_LE(number.value, number.high);
      previous_end = number.span.end;
    }
    found += numbers.size();
  }
  EXPECT_GT(found, articles.size());
}

}  // namespace
}  // namespace hadath::lexicon

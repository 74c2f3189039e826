#include "hadath/text/normalizer.h"

#include <gtest/gtest.h>

#include <random>

#include "text/test_data.h"

namespace hadath::text {
namespace {

const Normalizer& TheNormalizer() {
  static const Normalizer normalizer = [] {
    auto loaded = Normalizer::Load(testing::DataDirectory());
    if (!loaded) {
      ADD_FAILURE() << loaded.error();
      std::abort();
    }
    return std::move(*loaded);
  }();
  return normalizer;
}

struct FoldCase {
  const char* what;
  std::string input;
  std::string expected;
};

// One row per fold class of data/text/normalize.tsv.
const FoldCase kFoldCases[] = {
    {"alef with hamza above", "أعلنت", "اعلنت"},
    {"alef with hamza below", "إرهاب", "ارهاب"},
    {"alef with madda", "آلاف", "الاف"},
    {"alef wasla", "\u0671لله", "الله"},
    {"alef maqsura to ya", "على", "علي"},
    {"ta marbuta to ha", "مدينة", "مدينه"},
    {"hamza on waw", "مسؤول", "مسءول"},
    {"hamza on ya", "مسئول", "مسءول"},
    {"bare hamza kept", "شيء", "شيء"},
    {"tatweel removed", "دا\u0640\u0640عش", "داعش"},
    {"harakat removed", "قُتِلَ", "قتل"},
    {"tanween and shadda removed", "عنصرًا مُسلّحًا", "عنصرا مسلحا"},
    {"superscript alef removed", "هٰذا", "هذا"},
    {"quranic marks removed", "الله\u06DB", "الله"},
    {"arabic-indic digits", "٥٧ سنة", "57 سنه"},
    {"persian digits", "۱۲۳", "123"},
    {"arabic decimal separator", "٣٫٥", "3.5"},
    {"arabic thousands separator", "١٬٠٠٠", "1,000"},
    {"guillemets", "«داعش»", "\"داعش\""},
    {"curly double quotes", "“قسد”", "\"قسد\""},
    {"low and single quotes", "„a‘b’c‹d›", "\"a\"b\"c\"d\""},
    {"apostrophe and double prime", "'x″", "\"x\""},
    {"dashes", "a–b—c‐d−e", "a-b-c-d-e"},
    {"arabic comma, semicolon, question mark kept", "نعم، لا؛ لماذا؟", "نعم، لا؛ لماذا؟"},
    {"arabic full stop", "خبر۔", "خبر."},
    {"zero width joiner and non-joiner removed", "قس\u200Dد\u200C", "قسد"},
    {"bidi marks removed", "\u200Fقسد\u200E\u202B\u202C\u2067x\u2069", "قسدx"},
    {"BOM and soft hyphen removed", "\uFEFFab\u00ADc", "abc"},
    {"no-break and other spaces", "a\u00A0b\u2009c\u202Fd\u3000e", "a b c d e"},
    {"persian letters", "ی ک ہ", "ي ك ه"},
    {"latin case", "ISIS Daesh", "isis daesh"},
    {"presentation forms via nfkc", "\uFEDF\uFEE8\uFE92", "لنب"},
    {"lam-alef ligature", "\uFEFB", "لا"},
    {"lam-alef with hamza ligature", "\uFEF7", "لا"},
    {"yeh with hamza presentation form folds twice", "\uFE8B", "ء"},
    {"fullwidth", "ＡＢ１", "ab1"},
    {"ascii untouched", "abc 123 (x) - . ,", "abc 123 (x) - . ,"},
    {"line separators", "a\u2028b", "a\nb"},
    // Former bugs.
    {"empty input", "", ""},
    {"only deleted characters", "\u064E\u0640\u200F", ""},
    {"non-BMP passes through", "a\U0001F600b", "a\U0001F600b"},
};

TEST(NormalizerTest, FoldsEachClass) {
  for (const FoldCase& row : kFoldCases)
    EXPECT_EQ(TheNormalizer().Normalize(row.input), row.expected) << row.what;
}

struct InvalidCase {
  const char* what;
  std::string input;
  std::string expected;
};

const InvalidCase kInvalidCases[] = {
    {"lone continuation byte", "a\x80z", "a\uFFFDz"},
    {"truncated two-byte sequence at end", "a\xD8", "a\uFFFD"},
    {"overlong encoding", "\xC0\xAF", "\uFFFD\uFFFD"},
    {"surrogate", "\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},
    {"truncated three-byte sequence is one error", "\xE2\x80z", "\uFFFDz"},
    {"byte never valid", "\xFF", "\uFFFD"},
    {"beyond U+10FFFF", "\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},
};

TEST(NormalizerTest, InvalidUtf8BecomesReplacementCharacters) {
  for (const InvalidCase& row : kInvalidCases)
    EXPECT_EQ(TheNormalizer().Normalize(row.input), row.expected) << row.what;
}

// Every output byte must come from the right input character: slicing the
// input at the offsets of a normalised word gives the word as written.
TEST(NormalizerTest, OffsetsPointBackIntoTheInput) {
  const std::string input = "قُتِلَ «أحمد»\u200F في ٣ أيّام";
  NormalizedText out;
  TheNormalizer().Normalize(input, &out);
  ASSERT_EQ(out.text, "قتل \"احمد\" في 3 ايام");
  ASSERT_EQ(out.source_offsets.size(), out.text.size() + 1);
  EXPECT_EQ(out.source_offsets.back(), input.size());

  auto original = [&](std::string_view normalized_word) {
    size_t at = out.text.find(normalized_word);
    EXPECT_NE(at, std::string::npos) << normalized_word;
    uint32_t start = out.SourceStart(static_cast<uint32_t>(at));
    uint32_t end = out.SourceEnd(static_cast<uint32_t>(at + normalized_word.size()));
    return std::string(input.substr(start, end - start));
  };
  EXPECT_EQ(original("قتل"), "قُتِلَ");  // the harakat after the last letter stay inside
  EXPECT_EQ(original("\"احمد\""), "«أحمد»\u200F");
  EXPECT_EQ(original("احمد"), "أحمد");
  EXPECT_EQ(original("3"), "٣");
  EXPECT_EQ(original("ايام"), "أيّام");
}

TEST(NormalizerTest, OffsetsOfReplacementsMapToTheReplacedCharacter) {
  const std::string input = "x\uFEFBy";  // ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM
  NormalizedText out;
  TheNormalizer().Normalize(input, &out);
  ASSERT_EQ(out.text, "xلاy");
  EXPECT_EQ(out.source_offsets, (std::vector<uint32_t>{0, 1, 1, 1, 1, 4, 5}));
}

TEST(NormalizerTest, OffsetsAreNonDecreasingOnRandomBytes) {
  std::mt19937 random(12345);
  for (int round = 0; round < 200; ++round) {
    std::string input(static_cast<size_t>(random() % 64), '\0');
    for (char& byte : input) byte = static_cast<char>(random());
    NormalizedText out;
    TheNormalizer().Normalize(input, &out);
    ASSERT_EQ(out.source_offsets.size(), out.text.size() + 1);
    for (size_t i = 1; i < out.source_offsets.size(); ++i)
      ASSERT_LE(out.source_offsets[i - 1], out.source_offsets[i]);
    ASSERT_EQ(out.source_offsets.back(), input.size());
  }
}

TEST(NormalizerTest, ReusedOutputIsReplacedNotAppended) {
  NormalizedText out;
  TheNormalizer().Normalize("طويل جدا جدا", &out);
  TheNormalizer().Normalize("قصير", &out);
  EXPECT_EQ(out.text, "قصير");
  EXPECT_EQ(out.source_offsets.size(), out.text.size() + 1);
}

TEST(NormalizerTest, LoadReportsTheMissingFile) {
  auto loaded = Normalizer::Load("/nonexistent");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().find("/nonexistent/text/normalize.tsv"), std::string::npos) << loaded.error();
}

}  // namespace
}  // namespace hadath::text

#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace hadath::text {
namespace {

// "prefix" + code point + "suffix" in UTF-8.
std::string Around(std::string_view prefix, char32_t code_point, std::string_view suffix) {
  std::string text(prefix);
  icu::UnicodeString(static_cast<UChar32>(code_point)).toUTF8String(text);
  return text.append(suffix);
}

std::string Utf8(char32_t code_point) {
  icu::UnicodeString string(static_cast<UChar32>(code_point));
  std::string utf8;
  string.toUTF8String(utf8);
  return utf8;
}

// The table is data; these checks ask ICU whether it covers what it must.
TEST(NormalizerDataTest, EveryArabicMarkIsDeleted) {
  for (char32_t c = 0x0600; c <= 0x08FF; ++c) {
    if (c >= 0x0700 && c < 0x08A0) continue;  // Syriac, Thaana, NKo, ... not Arabic
    int8_t category = u_charType(static_cast<UChar32>(c));
    if (category != U_NON_SPACING_MARK) continue;
    EXPECT_EQ(TheNormalizer().Normalize(Around("ب", c, "ت")), "بت")
        << "U+" << std::hex << static_cast<uint32_t>(c);
  }
}

TEST(NormalizerDataTest, EveryArabicDigitBecomesAscii) {
  for (char32_t c = 0x0600; c <= 0x06FF; ++c) {
    if (u_charType(static_cast<UChar32>(c)) != U_DECIMAL_DIGIT_NUMBER) continue;
    EXPECT_EQ(TheNormalizer().Normalize(Utf8(c)),
              std::string(1, static_cast<char>('0' + u_charDigitValue(c))))
        << "U+" << std::hex << static_cast<uint32_t>(c);
  }
}

TEST(NormalizerDataTest, EveryFormatCharacterOfTheBmpPunctuationBlockIsDeleted) {
  for (char32_t c = 0x2000; c <= 0x206F; ++c) {
    if (u_charType(static_cast<UChar32>(c)) != U_FORMAT_CHAR) continue;
    EXPECT_EQ(TheNormalizer().Normalize(Around("a", c, "b")), "ab")
        << "U+" << std::hex << static_cast<uint32_t>(c);
  }
}

TEST(NormalizerDataTest, EverySpaceSeparatorBecomesASpace) {
  for (char32_t c = 0x80; c <= 0xFFFF; ++c) {
    if (u_charType(static_cast<UChar32>(c)) != U_SPACE_SEPARATOR) continue;
    EXPECT_EQ(TheNormalizer().Normalize(Utf8(c)), " ") << "U+" << std::hex << static_cast<uint32_t>(c);
  }
}

// No output character of an Arabic text is a contextual or ligature form
// (one with a compatibility decomposition): those all fold to letters.
TEST(NormalizerDataTest, NoPresentationFormSurvives) {
  for (char32_t c = 0x0600; c <= 0xFFFF; ++c) {
    icu::UnicodeString folded = icu::UnicodeString::fromUTF8(TheNormalizer().Normalize(Utf8(c)));
    for (int32_t i = 0; i < folded.length(); ++i) {
      UChar unit = folded.charAt(i);
      bool presentation_block = (unit >= 0xFB50 && unit <= 0xFDFF) || (unit >= 0xFE70 && unit <= 0xFEFF);
      ASSERT_FALSE(presentation_block && u_getIntPropertyValue(unit, UCHAR_DECOMPOSITION_TYPE) != U_DT_NONE)
          << "U+" << std::hex << static_cast<uint32_t>(c);
    }
  }
}

}  // namespace
}  // namespace hadath::text

#include <filesystem>
#include <fstream>

namespace hadath::text {
namespace {

// Writes `rules` as data/text/normalize.tsv of a temporary data folder.
std::string DataDirWithRules(const std::string& rules) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "hadath-normalizer-test";
  std::filesystem::create_directories(dir / "text");
  std::ofstream(dir / "text" / "normalize.tsv") << "from\tto\tclass\tcomment\n" << rules;
  return dir.string();
}

struct RuleErrorCase {
  const char* what;
  std::string rules;
  std::string error;  // expected message after "<dir>/text/normalize.tsv:"
};

const RuleErrorCase kRuleErrors[] = {
    {"bad source", "X+0627\tU+0627\talef\t\n", "2: bad source 'X+0627': expected U+XXXX or U+XXXX..U+YYYY"},
    {"outside the BMP", "U+1F600\t\temoji\t\n",
     "2: source 'U+1F600' is outside the BMP, which the fold table covers"},
    {"bad target", "U+0623\tалеф\talef\t\n",
     "2: bad target 'алеф': expected U+XXXX code points, a range or nfkc"},
    {"range lengths differ", "U+0660..U+0669\tU+0030..U+0035\tdigit\t\n",
     "2: target range 'U+0030..U+0035' is not as long as the source range"},
    {"surrogate target", "U+0623\tU+D800\talef\t\n",
     "2: target 'U+D800' holds a surrogate, which is no character"},
    {"overlap", "U+0622..U+0625\tU+0627\talef\t\nU+0623\tU+0627\talef\t\n", "3: overlaps the rule at "},
    {"cycle", "U+0041\tU+0042\tx\t\nU+0042\tU+0041\tx\t\n", ": folding never ends (a cycle of rules?)"},
};

TEST(NormalizerDataTest, BadRulesAreReportedWithFileAndLine) {
  for (const RuleErrorCase& row : kRuleErrors) {
    std::string dir = DataDirWithRules(row.rules);
    auto loaded = Normalizer::Load(dir);
    ASSERT_FALSE(loaded.ok()) << row.what;
    std::string prefix = dir + "/text/normalize.tsv:";
    EXPECT_EQ(loaded.error().rfind(prefix, 0), 0u) << row.what << ": " << loaded.error();
    EXPECT_NE(loaded.error().find(row.error), std::string::npos) << row.what << ": " << loaded.error();
  }
}

}  // namespace
}  // namespace hadath::text

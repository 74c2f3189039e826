// DecodeText: charsets, BOMs, line ends, bad bytes, and the map back to the input.
#include <gtest/gtest.h>

#include "hadath/ingest.h"
#include "ingest/charset.h"
#include "ingest_test_util.h"

namespace hadath::ingest {
namespace {

using testing::DecodeWithIcu;
using testing::Encode;

const std::string kArabic = "قتل مدني في غارة على البصيرة، ريف دير الزور.";

struct DecodeCase {
  const char* name;
  std::string input;
  std::string expected_text;
  std::string expected_encoding;
  size_t expected_warnings;
};

class DecodeTable : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(DecodeTable, DecodesToTheExpectedText) {
  const DecodeCase& row = GetParam();
  Result<Decoded> decoded = DecodeText(row.input);
  ASSERT_TRUE(decoded.ok()) << decoded.error();
  EXPECT_EQ(decoded->text, row.expected_text);
  EXPECT_EQ(decoded->encoding, row.expected_encoding);
  EXPECT_EQ(decoded->warnings.size(), row.expected_warnings);
  EXPECT_EQ(decoded->text_to_input.text_length(), decoded->text.size());
}

INSTANTIATE_TEST_SUITE_P(
    Rows, DecodeTable,
    ::testing::Values(
        DecodeCase{"ascii", "hello\n", "hello\n", "UTF-8", 0},
        DecodeCase{"utf8_arabic", kArabic, kArabic, "UTF-8", 0},
        DecodeCase{"utf8_bom", "\xEF\xBB\xBF" + kArabic, kArabic, "UTF-8", 0},
        DecodeCase{"crlf", "a\r\nb\r\n", "a\nb\n", "UTF-8", 0},
        DecodeCase{"lone_cr", "a\rb\r", "a\nb\n", "UTF-8", 0},
        DecodeCase{"cr_then_crlf", "a\r\r\nb", "a\n\nb", "UTF-8", 0},
        DecodeCase{"utf16le_bom", Encode("\xEF\xBB\xBF" + kArabic, "UTF-16LE"), kArabic, "UTF-16LE", 0},
        DecodeCase{"utf16be_bom", Encode("\xEF\xBB\xBF" + kArabic, "UTF-16BE"), kArabic, "UTF-16BE", 0},
        // Without a BOM UTF-16 is found from its NUL bytes; the warning says so.
        DecodeCase{"utf16le_no_bom", Encode(kArabic, "UTF-16LE"), kArabic, "UTF-16LE", 1},
        DecodeCase{"utf16be_no_bom", Encode(kArabic, "UTF-16BE"), kArabic, "UTF-16BE", 1},
        DecodeCase{"utf16le_crlf",
                   Encode("\xEF\xBB\xBF"
                          "a\r\nb",
                          "UTF-16LE"),
                   "a\nb", "UTF-16LE", 0},
        DecodeCase{"windows1256", Encode(kArabic, "windows-1256"), kArabic, "windows-1256", 0},
        DecodeCase{"windows1256_crlf", Encode(kArabic + "\r\n" + kArabic, "windows-1256"),
                   kArabic + "\n" + kArabic, "windows-1256", 0},
        DecodeCase{"iso8859_6",
                   Encode(kArabic + "\n" + kArabic + " وقالت مصادر محلية إن الغارة استمرت حتى المساء.",
                          "ISO-8859-6"),
                   kArabic + "\n" + kArabic + " وقالت مصادر محلية إن الغارة استمرت حتى المساء.", "ISO-8859-6",
                   0},
        DecodeCase{"latin1", "caf\xE9 au lait, d\xE9j\xE0 vu, tr\xE8s bien.\n",
                   "café au lait, déjà vu, très bien.\n", "ISO-8859-1", 0}),
    [](const ::testing::TestParamInfo<DecodeCase>& info) { return info.param.name; });

struct ErrorCase {
  const char* name;
  std::string input;
  std::string expected_error_start;
};

class DecodeErrorTable : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(DecodeErrorTable, FailsWithAReason) {
  Result<Decoded> decoded = DecodeText(GetParam().input);
  ASSERT_FALSE(decoded.ok());
  EXPECT_EQ(decoded.error().substr(0, GetParam().expected_error_start.size()),
            GetParam().expected_error_start)
      << decoded.error();
}

INSTANTIATE_TEST_SUITE_P(
    Rows, DecodeErrorTable,
    ::testing::Values(
        ErrorCase{"empty", "", "empty document"}, ErrorCase{"blanks", " \n\t\r\n ", "empty document"},
        ErrorCase{"bom_only", "\xEF\xBB\xBF", "empty document"},
        ErrorCase{"utf16_blanks", Encode("\xEF\xBB\xBF  \n", "UTF-16LE"), "empty document"},
        ErrorCase{"binary_nuls", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\0\0\0\0\0\0\0", 30),
                  "binary data, not text"},
        ErrorCase{"control_junk", "\x01\x02\x03\x04\x05\x06\x07\x08 abc", "binary data, not text"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

// Every character of the decoded text maps onto the bytes that encode it.
void ExpectCharactersMapBack(const Decoded& decoded, const std::string& input, const char* encoding) {
  for (uint32_t at = 0; at < decoded.text.size();) {
    uint32_t length = 1;
    while (at + length < decoded.text.size() && (decoded.text[at + length] & 0xC0) == 0x80) ++length;
    Span source = decoded.text_to_input.ToSource({at, at + length});
    std::string character = decoded.text.substr(at, length);
    if (character != "\n") {
      EXPECT_EQ(DecodeWithIcu(input.substr(source.start, source.size()), encoding), character)
          << "character at text offset " << at;
    }
    at += length;
  }
}

TEST(DecodeText, Windows1256OffsetsPointAtTheSameCharacters) {
  std::string input = Encode(kArabic + "\r\n" + "سطر ثان", "windows-1256");
  Result<Decoded> decoded = DecodeText(input);
  ASSERT_TRUE(decoded.ok()) << decoded.error();
  EXPECT_EQ(decoded->encoding, "windows-1256");
  ExpectCharactersMapBack(*decoded, input, "windows-1256");
  // The word "البصيرة" in the text maps onto its 7 single bytes in the input.
  size_t word = decoded->text.find("البصيرة");
  ASSERT_NE(word, std::string::npos);
  Span source = decoded->text_to_input.ToSource(
      {static_cast<uint32_t>(word), static_cast<uint32_t>(word + std::string("البصيرة").size())});
  EXPECT_EQ(source.size(), 7u);
  EXPECT_EQ(input.substr(source.start, source.size()), Encode("البصيرة", "windows-1256"));
  // CRLF became one LF mapped onto both bytes.
  size_t newline = decoded->text.find('\n');
  Span crlf =
      decoded->text_to_input.ToSource({static_cast<uint32_t>(newline), static_cast<uint32_t>(newline + 1)});
  EXPECT_EQ(input.substr(crlf.start, crlf.size()), "\r\n");
}

TEST(DecodeText, Utf16OffsetsPointAtTheSameCharacters) {
  for (const char* encoding : {"UTF-16LE", "UTF-16BE"}) {
    std::string input = Encode("\xEF\xBB\xBF" + kArabic + "\r\n😀 emoji", encoding);
    Result<Decoded> decoded = DecodeText(input);
    ASSERT_TRUE(decoded.ok()) << decoded.error();
    EXPECT_EQ(decoded->text, kArabic + "\n😀 emoji");
    ExpectCharactersMapBack(*decoded, input, encoding);
    EXPECT_EQ(decoded->text_to_input.SourceStart(0), 2u) << "the BOM is not part of the text";
  }
}

TEST(DecodeText, Utf8BomIsSkippedByTheMap) {
  std::string input = "\xEF\xBB\xBF" + kArabic;
  Result<Decoded> decoded = DecodeText(input);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->text_to_input.ToSource({0, static_cast<uint32_t>(decoded->text.size())}),
            (Span{3, static_cast<uint32_t>(input.size())}));
}

TEST(DecodeText, ValidUtf8IsOneCopySegmentPerRunBetweenLineEnds) {
  std::string input = kArabic + "\r\n" + kArabic;
  Result<Decoded> decoded = DecodeText(input);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->text_to_input.segments().size(), 3u);  // copy, CRLF->LF, copy
}

TEST(DecodeText, TruncatedUtf8IsRepairedWithAWarningNamingTheOffset) {
  std::string input = kArabic + "\xD8";  // first byte of a two-byte letter, then the end
  Result<Decoded> decoded = DecodeText(input);
  ASSERT_TRUE(decoded.ok()) << decoded.error();
  EXPECT_EQ(decoded->encoding, "UTF-8");
  EXPECT_EQ(decoded->text, kArabic + "\xEF\xBF\xBD");
  ASSERT_EQ(decoded->warnings.size(), 1u);
  EXPECT_NE(decoded->warnings[0].find("byte offset " + std::to_string(kArabic.size())), std::string::npos)
      << decoded->warnings[0];
  EXPECT_NE(decoded->warnings[0].find("truncated"), std::string::npos);
}

TEST(DecodeText, AFewInvalidBytesInUtf8StayUtf8) {
  std::string input = kArabic + "\xFF" + kArabic + "\xC0\x80" + kArabic;
  Result<Decoded> decoded = DecodeText(input);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->encoding, "UTF-8");
  EXPECT_EQ(decoded->text, kArabic + "\xEF\xBF\xBD" + kArabic + "\xEF\xBF\xBD\xEF\xBF\xBD" + kArabic);
  ASSERT_EQ(decoded->warnings.size(), 1u);
  EXPECT_NE(decoded->warnings[0].find("first at byte offset " + std::to_string(kArabic.size())),
            std::string::npos)
      << decoded->warnings[0];
  // The replacement character maps onto the one bad byte.
  auto at = static_cast<uint32_t>(kArabic.size());
  EXPECT_EQ(decoded->text_to_input.ToSource({at, at + 3}), (Span{at, at + 1}));
}

TEST(DecodeText, ForcedEncodingWins) {
  std::string input = Encode(kArabic, "ISO-8859-6");
  Result<Decoded> decoded = DecodeText(input, "iso-8859-6");
  ASSERT_TRUE(decoded.ok()) << decoded.error();
  EXPECT_EQ(decoded->text, kArabic);
  EXPECT_EQ(decoded->encoding, "ISO-8859-6");
  Result<Decoded> aliased = DecodeText(Encode(kArabic, "windows-1256"), "cp1256");
  ASSERT_TRUE(aliased.ok());
  EXPECT_EQ(aliased->encoding, "windows-1256");
  EXPECT_EQ(aliased->text, kArabic);
}

TEST(DecodeText, UnknownForcedEncodingIsAnError) {
  Result<Decoded> decoded = DecodeText("abc", "no-such-charset");
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.error().find("unknown encoding 'no-such-charset'"), std::string::npos);
  EXPECT_FALSE(IsKnownEncoding("no-such-charset"));
  EXPECT_TRUE(IsKnownEncoding("windows-1256"));
}

TEST(DecodeText, ForcedUtf16WithoutOrderFindsItFromTheBom) {
  std::string input = Encode("\xEF\xBB\xBF" + kArabic, "UTF-16LE");
  Result<Decoded> decoded = DecodeText(input, "UTF-16");
  ASSERT_TRUE(decoded.ok()) << decoded.error();
  EXPECT_EQ(decoded->text, kArabic);
  EXPECT_EQ(decoded->encoding, "UTF-16LE");
}

TEST(DecodeText, LongArabicWindows1256TextIsNotTakenForIso8859_6) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += kArabic + " ";
  Result<Decoded> decoded = DecodeText(Encode(text, "windows-1256"));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->encoding, "windows-1256");
  EXPECT_EQ(decoded->text, text);
}

struct DeclaredCase {
  const char* html;
  const char* expected;
};

TEST(DeclaredHtmlCharset, FindsTheDeclaration) {
  const DeclaredCase rows[] = {
      {"<html><head><meta charset=\"windows-1256\">", "windows-1256"},
      {"<META CHARSET=UTF-8>", "utf-8"},
      {"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-6'>", "iso-8859-6"},
      {"<?xml version=\"1.0\" encoding=\"windows-1256\"?><html>", "windows-1256"},
      {"<meta name='description' content='about charset in pages'><p>x</p>", ""},
      {"<p>no declaration</p>", ""},
  };
  for (const DeclaredCase& row : rows)
    EXPECT_EQ(internal::DeclaredHtmlCharset(row.html), row.expected) << row.html;
}

// ---- former bugs

// A CRLF pair split by ICU's chunking must still become one LF.
TEST(DecodeTextFormerBugs, CrlfAcrossTranscodingChunksIsOneLineEnd) {
  std::string text(70000, 'a');
  text += "\r\n" + kArabic;
  std::string input = Encode("\xEF\xBB\xBF" + text, "UTF-16LE");
  Result<Decoded> decoded = DecodeText(input);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->text, std::string(70000, 'a') + "\n" + kArabic);
  ExpectCharactersMapBack(*decoded, input, "UTF-16LE");
}

// An unpaired surrogate in UTF-16 is replaced, not passed on as bad UTF-8.
TEST(DecodeTextFormerBugs, UnpairedSurrogateBecomesReplacementCharacter) {
  std::string input(
      "\xFF\xFE"
      "a\0\x00\xD8"
      "b\0",
      8);
  Result<Decoded> decoded = DecodeText(input);
  ASSERT_TRUE(decoded.ok()) << decoded.error();
  EXPECT_EQ(decoded->text,
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(decoded->warnings.size(), 1u);
}

}  // namespace
}  // namespace hadath::ingest

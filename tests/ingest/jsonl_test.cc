// JsonRecordParser and FieldNames: one JSON Lines record -> one Article.
#include <gtest/gtest.h>

#include "hadath/ingest.h"

namespace hadath::ingest {
namespace {

struct RecordCase {
  const char* name;
  std::string line;
  std::string expected_key;
  std::string expected_raw;
  std::string expected_title;
  std::string expected_published;
  std::string expected_outlet;
};

class RecordTable : public ::testing::TestWithParam<RecordCase> {};

TEST_P(RecordTable, ParsesTheRecord) {
  const RecordCase& row = GetParam();
  JsonRecordParser parser;
  Result<Article> article = parser.Parse(row.line, "feed.jsonl:7");
  ASSERT_TRUE(article.ok()) << article.error();
  EXPECT_EQ(article->key, row.expected_key);
  EXPECT_EQ(article->raw, row.expected_raw);
  EXPECT_EQ(article->decoded, article->raw);
  EXPECT_EQ(article->decoded_to_raw, OffsetMap::Identity(static_cast<uint32_t>(article->raw.size())));
  EXPECT_EQ(article->metadata.title, row.expected_title);
  EXPECT_EQ(article->metadata.published.ToIso(), row.expected_published);
  EXPECT_EQ(article->metadata.outlet, row.expected_outlet);
  EXPECT_EQ(article->path, "feed.jsonl:7");
  EXPECT_EQ(article->format, SourceFormat::kJsonLines);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, RecordTable,
    ::testing::Values(
        RecordCase{
            "numeric_id",
            R"({"id": 1, "source": "aawsat", "url": "http://a/1", "date_extracted": "2015-07-21 02:51:32", "title": "عنوان", "content": "نص\nالخبر"})",
            "1", "نص\nالخبر", "عنوان", "2015-07-21T02:51:32", "aawsat"},
        RecordCase{"string_id_and_escapes", R"({"id":"a-7","text":"\"قال\" \u0627\u0644 \ud83d\ude00\t."})",
                   "a-7", "\"قال\" ال 😀\t.", "", "", ""},
        RecordCase{"url_when_no_id", R"({"url":" https://x/2 ","body":"نص"})", "https://x/2", "نص", "", "",
                   ""},
        RecordCase{"where_when_no_id_nor_url", R"({"content":"نص"})", "feed.jsonl:7", "نص", "", "", ""},
        RecordCase{"content_preferred_to_text", R"({"text":"ثاني","content":"أول"})", "feed.jsonl:7", "أول",
                   "", "", ""},
        RecordCase{"empty_content_falls_back_to_text", R"({"content":"","text":"بديل"})", "feed.jsonl:7",
                   "بديل", "", "", ""},
        RecordCase{"published_preferred_to_date_extracted",
                   R"({"content":"x","date_extracted":"2015-07-21","published":"2015-07-20"})",
                   "feed.jsonl:7", "x", "", "2015-07-20", ""},
        RecordCase{"unknown_fields_and_nested_values_are_skipped",
                   R"({"meta":{"a":[1,2,{"b":null}]},"content":"x","origin":true,"outlet":"o"})",
                   "feed.jsonl:7", "x", "", "", "o"},
        RecordCase{"bom_and_trailing_spaces", "\xEF\xBB\xBF{\"content\":\"x\"}  \r", "feed.jsonl:7", "x", "",
                   "", ""}),
    [](const ::testing::TestParamInfo<RecordCase>& info) { return info.param.name; });

struct BadRecordCase {
  const char* name;
  std::string line;
  std::string expected_error_start;
};

class BadRecordTable : public ::testing::TestWithParam<BadRecordCase> {};

TEST_P(BadRecordTable, FailsWithAReason) {
  JsonRecordParser parser;
  Result<Article> article = parser.Parse(GetParam().line, "feed.jsonl:3");
  ASSERT_FALSE(article.ok());
  EXPECT_EQ(article.error().rfind(GetParam().expected_error_start, 0), 0u) << article.error();
}

INSTANTIATE_TEST_SUITE_P(
    Rows, BadRecordTable,
    ::testing::Values(
        BadRecordCase{"truncated", R"({"id":1,"content":"نص)", "invalid JSON"},
        BadRecordCase{"missing_comma", R"({"id":1 "content":"x"})", "invalid JSON"},
        BadRecordCase{"trailing_content", R"({"content":"x"} {"content":"y"})",
                      "invalid JSON: more text after"},
        BadRecordCase{"array", R"(["content","x"])", "not a JSON object (the line holds an array)"},
        BadRecordCase{"number", "42", "not a JSON object (the line holds a number)"},
        BadRecordCase{"no_text", R"({"id":1,"title":"t"})",
                      "no text: none of the fields content, text, body is present"},
        BadRecordCase{"empty_text", R"({"id":1,"content":"  "})", "no text: field 'content' is empty"},
        BadRecordCase{"null_text", R"({"id":1,"content":null})", "no text: field 'content' is null"},
        BadRecordCase{"number_text", R"({"content":5})", "no text: field 'content' is a number"},
        BadRecordCase{"invalid_utf8", "{\"content\":\"\xFF\xFE\"}",
                      "invalid JSON: the line is not valid UTF-8"},
        BadRecordCase{"blank", "   ", "empty line"}),
    [](const ::testing::TestParamInfo<BadRecordCase>& info) { return info.param.name; });

TEST(JsonRecordParser, CustomFieldNames) {
  FieldNames fields;
  ASSERT_TRUE(fields.Set("text", "article_body").ok());
  ASSERT_TRUE(fields.Set("id", "doc_id, guid").ok());
  ASSERT_TRUE(fields.Set("published", "pub").ok());
  JsonRecordParser parser(fields);
  Result<Article> article =
      parser.Parse(R"({"guid":"g","content":"ignored","article_body":"النص","pub":"18/05/2020"})", "f:1");
  ASSERT_TRUE(article.ok()) << article.error();
  EXPECT_EQ(article->raw, "النص");
  EXPECT_EQ(article->key, "g");
  EXPECT_EQ(article->metadata.published.ToIso(), "2020-05-18");
  Result<Article> missing = parser.Parse(R"({"content":"x"})", "f:2");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error(), "no text: none of the fields article_body is present");
}

TEST(FieldNames, SetRejectsUnknownRolesAndEmptyNames) {
  FieldNames fields;
  Status unknown = fields.Set("body", "x");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.message(), "unknown field role 'body' (roles: id, text, title, url, published, outlet)");
  EXPECT_FALSE(fields.Set("text", "").ok());
  EXPECT_FALSE(fields.Set("text", "a,,b").ok());
  EXPECT_EQ(fields.text, (std::vector<std::string>{"content", "text", "body"}))
      << "failed Set changed nothing";
}

TEST(JsonRecordParser, UnreadableDateIsAWarningNotAnError) {
  JsonRecordParser parser;
  Result<Article> article = parser.Parse(R"({"content":"x","published":"أمس"})", "f:1");
  ASSERT_TRUE(article.ok());
  EXPECT_FALSE(article->metadata.published.known());
  ASSERT_EQ(article->warnings.size(), 1u);
  EXPECT_EQ(article->warnings[0], "field 'published': cannot read the date 'أمس'");
}

TEST(JsonRecordParser, ParserIsReusableAfterAnError) {
  JsonRecordParser parser;
  EXPECT_FALSE(parser.Parse("{broken", "f:1").ok());
  Result<Article> article = parser.Parse(R"({"content":"بعد الخطأ"})", "f:2");
  ASSERT_TRUE(article.ok()) << article.error();
  EXPECT_EQ(article->raw, "بعد الخطأ");
}

TEST(JsonRecordParser, FiftyMegabyteLine) {
  std::string body(50 << 20, 'x');
  for (size_t i = 0; i < body.size(); i += 1000) body[i] = ' ';
  std::string line = R"({"id":"big","content":")" + body + R"("})";
  JsonRecordParser parser;
  Result<Article> article = parser.Parse(line, "big.jsonl:1");
  ASSERT_TRUE(article.ok()) << article.error();
  EXPECT_EQ(article->raw.size(), body.size());
  EXPECT_EQ(article->key, "big");
}

// ---- former bugs

// An id that is a number must become the key as written ("1", not "1.0").
TEST(JsonRecordParserFormerBugs, NumericIdKeepsItsDigits) {
  JsonRecordParser parser;
  Result<Article> article = parser.Parse(R"({"id": 31030 , "content":"x"})", "f:1");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->key, "31030");
}

}  // namespace
}  // namespace hadath::ingest

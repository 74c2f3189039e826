// ExtractHtml: main content, furniture, metadata, charsets, and the map from
// every block back to the raw HTML bytes.
#include <gtest/gtest.h>

#include <map>

#include "hadath/ingest.h"
#include "ingest_test_util.h"

namespace hadath::ingest {
namespace {

using testing::Blocks;
using testing::BlockSpans;
using testing::DecodeWithIcu;
using testing::Encode;
using testing::RawOf;

const HtmlBoilerplate& Rules() {
  static const HtmlBoilerplate rules = [] {
    Result<HtmlBoilerplate> loaded = HtmlBoilerplate::LoadDefault();
    EXPECT_TRUE(loaded.ok()) << loaded.error();
    return loaded.ok() ? std::move(*loaded) : HtmlBoilerplate();
  }();
  return rules;
}

// A news page as sites serve them: navigation, breadcrumb, share widget,
// photo caption, related links, tags, sidebar, footer, entities.
const std::string kNewsPage = R"html(<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>مقتل مدني في غارة على البصيرة | شبكة الأخبار</title>
<meta property="og:title" content="مقتل مدني في غارة على البصيرة">
<meta property="og:site_name" content="شبكة الأخبار">
<meta property="og:url" content="https://news.example/og/1234">
<link rel="canonical" href="https://news.example/2024/08/23/1234">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"شبكة الأخبار"},
 {"@type":"NewsArticle","headline":"مقتل مدني","datePublished":"2024-08-23T10:15:00+03:00"}]}
</script>
<style>.share{display:flex}</style>
</head>
<body>
<header class="site-header"><div class="logo"><a href="/">شبكة الأخبار</a></div>
<nav class="main-menu"><ul><li><a href="/syria">سوريا</a></li><li><a href="/world">العالم</a></li></ul></nav>
</header>
<div class="breadcrumb"><a href="/">الرئيسية</a> » <a href="/syria">سوريا</a></div>
<main>
<article class="post has-comments">
<header><h1>مقتل مدني في غارة على البصيرة</h1>
<time datetime="2024-08-24">24 آب 2024</time></header>
<div class="share-buttons"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
<figure><img src="a.jpg" alt=""><figcaption>صورة أرشيفية لمدينة البصيرة (عنب بلدي)</figcaption></figure>
<div class="entry-content">
<p>قُتل مدني، اليوم الجمعة، في غارة جوية استهدفت بلدة البصيرة بريف دير الزور الشرقي.</p>
<p>وقالت مصادر محلية إن الغارة &amp; القصف استمرا حتى المساء،&nbsp;وأسفرا عن دمار كبير.</p>
<p>وذكرت   الشبكة
أن "التحالف" لم يعلّق &#1575;&#x644;&#1570;ن على الحادثة.</p>
<h2>خلفية</h2>
<ul><li>شهدت المنطقة مداهمات سابقة.</li><li>تسيطر "قسد" على البلدة.</li></ul>
<div class="related-posts"><h3>اقرأ أيضًا</h3><a href="/1">خبر آخر عن دير الزور</a></div>
</div>
<div class="post-tags"><a href="/t/1">دير الزور</a><a href="/t/2">البصيرة</a></div>
</article>
</main>
<aside class="sidebar"><h3>الأكثر قراءة</h3><p>عنوان خبر آخر طويل بما يكفي ليبدو فقرة من فقرات الصفحة.</p></aside>
<footer><p>جميع الحقوق محفوظة © شبكة الأخبار 2024</p></footer>
<script>var x = "<p>not text</p>";</script>
</body>
</html>
)html";

// The dateline in the article's <header> is kept: it is the article's own
// text, and the cleaner decides about it as for a .txt file.
const std::vector<std::string> kNewsBlocks = {
    "مقتل مدني في غارة على البصيرة",
    "24 آب 2024",
    "قُتل مدني، اليوم الجمعة، في غارة جوية استهدفت بلدة البصيرة بريف دير الزور الشرقي.",
    "وقالت مصادر محلية إن الغارة & القصف استمرا حتى المساء، وأسفرا عن دمار كبير.",
    "وذكرت الشبكة أن \"التحالف\" لم يعلّق الآن على الحادثة.",
    "خلفية",
    "شهدت المنطقة مداهمات سابقة.",
    "تسيطر \"قسد\" على البلدة.",
};

Article ExtractOrFail(const std::string& html, std::string_view encoding = "") {
  Result<Article> article = ExtractHtml(html, Rules(), encoding);
  EXPECT_TRUE(article.ok()) << article.error();
  return article.ok() ? std::move(*article) : Article{};
}

TEST(ExtractHtml, NewsPageBlocksAreTheArticleParagraphs) {
  Article article = ExtractOrFail(kNewsPage);
  EXPECT_EQ(Blocks(article.decoded), kNewsBlocks);
  EXPECT_EQ(article.format, SourceFormat::kHtml);
  EXPECT_EQ(article.encoding, "UTF-8");
  EXPECT_EQ(article.raw, kNewsPage);
}

TEST(ExtractHtml, EntityFreeBlocksAreTheRawBytesAtTheirSpan) {
  Article article = ExtractOrFail(kNewsPage);
  std::vector<Span> spans = BlockSpans(article.decoded);
  ASSERT_EQ(spans.size(), kNewsBlocks.size());
  for (size_t i : {0, 1, 2, 5, 6, 7}) EXPECT_EQ(RawOf(article, spans[i]), kNewsBlocks[i]) << "block " << i;
}

TEST(ExtractHtml, EntitiesAndCollapsedSpacesMapOntoTheirSource) {
  Article article = ExtractOrFail(kNewsPage);
  std::vector<Span> spans = BlockSpans(article.decoded);
  ASSERT_EQ(spans.size(), kNewsBlocks.size());
  // Each block maps onto the raw <p> content, entities included.
  EXPECT_EQ(RawOf(article, spans[3]),
            "وقالت مصادر محلية إن الغارة &amp; القصف استمرا حتى المساء،&nbsp;وأسفرا عن دمار كبير.");
  EXPECT_EQ(RawOf(article, spans[4]),
            "وذكرت   الشبكة\nأن \"التحالف\" لم يعلّق &#1575;&#x644;&#1570;ن على الحادثة.");
  // One character of the text -> exactly its entity.
  auto at = [&](const std::string& needle) { return static_cast<uint32_t>(article.decoded.find(needle)); };
  uint32_t ampersand = at(" & ") + 1;
  EXPECT_EQ(RawOf(article, {ampersand, ampersand + 1}), "&amp;");
  uint32_t alef = at("الآن");  // ARABIC LETTER ALEF from &#1575;
  EXPECT_EQ(RawOf(article, {alef, alef + 2}), "&#1575;");
  EXPECT_EQ(RawOf(article, {alef + 2, alef + 4}), "&#x644;");
  EXPECT_EQ(RawOf(article, {alef + 4, alef + 6}), "&#1570;");  // ARABIC LETTER ALEF WITH MADDA ABOVE
  uint32_t nbsp = at("، وأسفرا") + 2;                          // after ARABIC COMMA (2 bytes)
  EXPECT_EQ(RawOf(article, {nbsp, nbsp + 1}), "&nbsp;");
  uint32_t spaces = at("وذكرت ") + std::string("وذكرت").size();
  EXPECT_EQ(RawOf(article, {spaces, spaces + 1}), "   ");
}

TEST(ExtractHtml, FurnitureInsideTheArticleIsRecordedAsDropped) {
  Article article = ExtractOrFail(kNewsPage);
  std::map<std::string, std::string> dropped;
  for (const DroppedBlock& block : article.dropped) {
    dropped[block.reason] = block.text;
    // The span is the element in the raw bytes and holds the dropped text.
    std::string raw = article.raw.substr(block.source.start, block.source.size());
    EXPECT_EQ(raw.front(), '<') << block.reason;
    EXPECT_EQ(raw.back(), '>') << block.reason;
  }
  EXPECT_EQ(dropped["html-figcaption"], "صورة أرشيفية لمدينة البصيرة (عنب بلدي)");
  EXPECT_EQ(dropped["html-share"], "فيسبوك تويتر");
  EXPECT_EQ(dropped["html-related"], "اقرأ أيضًا خبر آخر عن دير الزور");
  EXPECT_EQ(dropped["html-tags"], "دير الزورالبصيرة");
  EXPECT_EQ(article.decoded.find("الأكثر قراءة"), std::string::npos) << "sidebar text leaked";
  EXPECT_EQ(article.decoded.find("جميع الحقوق"), std::string::npos) << "footer text leaked";
  EXPECT_EQ(article.decoded.find("not text"), std::string::npos) << "script text leaked";
  EXPECT_EQ(article.decoded.find("سوريا"), std::string::npos) << "navigation leaked";
}

TEST(ExtractHtml, NewsPageMetadata) {
  Article article = ExtractOrFail(kNewsPage);
  EXPECT_EQ(article.metadata.title, "مقتل مدني في غارة على البصيرة");
  EXPECT_EQ(article.metadata.outlet, "شبكة الأخبار");
  EXPECT_EQ(article.metadata.url, "https://news.example/2024/08/23/1234");
  // JSON-LD (inside @graph) beats the <time> element.
  EXPECT_EQ(article.metadata.published.ToIso(), "2024-08-23T10:15:00+03:00");
}

struct MetadataCase {
  const char* name;
  std::string head;
  std::string body;
  std::string expected_title;
  std::string expected_published;
  std::string expected_url;
};

class MetadataTable : public ::testing::TestWithParam<MetadataCase> {};

TEST_P(MetadataTable, ReadsTheExpectedMetadata) {
  const MetadataCase& row = GetParam();
  std::string html = "<html><head>" + row.head + "</head><body>" + row.body +
                     "<p>نص الخبر الرئيسي الذي يكفي طوله ليكون فقرة حقيقية في الصفحة.</p></body></html>";
  Article article = ExtractOrFail(html);
  EXPECT_EQ(article.metadata.title, row.expected_title);
  EXPECT_EQ(article.metadata.published.ToIso(), row.expected_published);
  EXPECT_EQ(article.metadata.url, row.expected_url);
}

INSTANTIATE_TEST_SUITE_P(
    Rows, MetadataTable,
    ::testing::Values(
        MetadataCase{
            "title_suffix_is_site_name",
            "<title>غارة على الزر - عنب بلدي</title><meta property='og:site_name' content='عنب بلدي'>", "",
            "غارة على الزر", "", ""},
        MetadataCase{"title_bar_suffix",
                     "<title>Raid | Site</title><meta property=og:site_name content=Site>", "", "Raid", "",
                     ""},
        MetadataCase{"suffix_kept_when_not_site_name", "<title>Raid - Part 2</title>", "", "Raid - Part 2",
                     "", ""},
        MetadataCase{"h1_when_no_title", "", "<h1>عنوان من الصفحة</h1>", "عنوان من الصفحة", "", ""},
        MetadataCase{"published_time_first",
                     "<meta property='article:published_time' content='2020-05-18T06:51:00Z'>"
                     "<script type='application/ld+json'>{\"datePublished\":\"2019-01-01\"}</script>",
                     "<time datetime='2018-01-01'>x</time>", "", "2020-05-18T06:51:00Z", ""},
        MetadataCase{"itemprop_meta", "<meta itemprop='datePublished' content='2020-05-21'>", "", "",
                     "2020-05-21", ""},
        MetadataCase{"itemprop_time", "", "<time itemprop='datePublished' datetime='2022-12-11'>x</time>", "",
                     "2022-12-11", ""},
        MetadataCase{"json_ld_array",
                     "<script type='application/ld+json'>[{\"@type\":\"Organization\"},"
                     "{\"@type\":\"Article\",\"datePublished\":\"2021-03-04\"}]</script>",
                     "", "", "2021-03-04", ""},
        MetadataCase{"broken_json_ld_is_ignored", "<script type='application/ld+json'>{oops</script>",
                     "<time datetime='2018-01-02'>x</time>", "", "2018-01-02", ""},
        MetadataCase{"og_url_without_canonical", "<meta property='og:url' content='https://x.example/a'>", "",
                     "", "", "https://x.example/a"}),
    [](const ::testing::TestParamInfo<MetadataCase>& info) { return info.param.name; });

TEST(ExtractHtml, WithoutArticleTheElementWithMostParagraphTextWins) {
  std::string html = R"(<html><body>
<div id="top"><p>رابط قصير</p></div>
<div class="col"><div class="text">
<p>الفقرة الأولى من الخبر، وهي طويلة بما يكفي لتحسب فقرة.</p>
<p>الفقرة الثانية من الخبر، وفيها تفاصيل، وأسماء، وأماكن.</p>
<p>الفقرة الثالثة من الخبر تختم القصة بما يكفي من الكلمات.</p>
</div></div>
<div class="list"><a href="/1">رابط رقم واحد إلى خبر آخر طويل جدًا في الموقع</a></div>
</body></html>)";
  Article article = ExtractOrFail(html);
  EXPECT_EQ(Blocks(article.decoded),
            (std::vector<std::string>{"الفقرة الأولى من الخبر، وهي طويلة بما يكفي لتحسب فقرة.",
                                      "الفقرة الثانية من الخبر، وفيها تفاصيل، وأسماء، وأماكن.",
                                      "الفقرة الثالثة من الخبر تختم القصة بما يكفي من الكلمات."}));
}

TEST(ExtractHtml, BrSeparatedTextWithoutParagraphs) {
  std::string html =
      "<html><body><div class='nav-x'>قائمة</div><div class='story'>السطر الأول من نص الخبر الطويل بما "
      "يكفي<br>"
      "<br>السطر الثاني من نص الخبر، وهو طويل أيضًا</div></body></html>";
  Article article = ExtractOrFail(html);
  EXPECT_EQ(Blocks(article.decoded), (std::vector<std::string>{"السطر الأول من نص الخبر الطويل بما يكفي",
                                                               "السطر الثاني من نص الخبر، وهو طويل أيضًا"}));
}

TEST(ExtractHtml, Windows1256PageDeclaredByMetaIsDecodedAndMappedToItsBytes) {
  std::string utf8 =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">"
      "<title>خبر</title></head><body><article><p>قتل مدني في غارة على قرية الزر شرق دير الزور.</p>"
      "<p>وقالت مصادر محلية إن الغارة استهدفت منزلًا.</p></article></body></html>";
  std::string raw = Encode(utf8, "windows-1256");
  Article article = ExtractOrFail(raw);
  EXPECT_EQ(article.encoding, "windows-1256");
  std::vector<std::string> blocks = Blocks(article.decoded);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0], "قتل مدني في غارة على قرية الزر شرق دير الزور.");
  std::vector<Span> spans = BlockSpans(article.decoded);
  for (size_t i = 0; i < spans.size(); ++i) {
    // The span is in the windows-1256 bytes: decoding them gives the block.
    EXPECT_EQ(DecodeWithIcu(RawOf(article, spans[i]), "windows-1256"), blocks[i]);
    EXPECT_EQ(RawOf(article, spans[i]), Encode(blocks[i], "windows-1256"));
  }
}

TEST(ExtractHtml, DeclaredLegacyCharsetButUtf8BytesIsReadAsUtf8) {
  std::string html =
      "<html><head><meta charset='windows-1256'></head><body><p>نص عربي بترميز UTF-8 رغم "
      "التصريح في الصفحة.</p></body></html>";
  Article article = ExtractOrFail(html);
  EXPECT_EQ(article.encoding, "UTF-8");
  EXPECT_EQ(article.decoded, "نص عربي بترميز UTF-8 رغم التصريح في الصفحة.");
  ASSERT_EQ(article.warnings.size(), 1u);
  EXPECT_NE(article.warnings[0].find("valid UTF-8"), std::string::npos);
}

TEST(ExtractHtml, Utf16PageWithBom) {
  std::string utf8 =
      "\xEF\xBB\xBF<html><body><p>خبر بترميز UTF-16 مع علامة ترتيب البايتات.</p></body></html>";
  std::string raw = Encode(utf8, "UTF-16LE");
  Article article = ExtractOrFail(raw);
  EXPECT_EQ(article.encoding, "UTF-16LE");
  EXPECT_EQ(article.decoded, "خبر بترميز UTF-16 مع علامة ترتيب البايتات.");
  Span all{0, static_cast<uint32_t>(article.decoded.size())};
  EXPECT_EQ(DecodeWithIcu(RawOf(article, all), "UTF-16LE"), article.decoded);
}

TEST(ExtractHtml, PageWithoutTextIsAnError) {
  Result<Article> article =
      ExtractHtml("<html><body><nav>قائمة</nav><script>x</script></body></html>", Rules());
  ASSERT_FALSE(article.ok());
  EXPECT_EQ(article.error(), "no article text found in the HTML page");
}

TEST(ExtractHtml, HostileNestingIsRefusedQuickly) {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<div>";
  html += "text";
  Result<Article> article = ExtractHtml(html, Rules());
  ASSERT_FALSE(article.ok());
  EXPECT_NE(article.error().find("nested too deep"), std::string::npos);
}

TEST(ExtractHtml, ModerateNestingIsReadWithAWarning) {
  std::string html = "<html><body>";
  for (int i = 0; i < 1200; ++i) html += "<div>";
  html += "deep text";
  for (int i = 0; i < 1200; ++i) html += "</div>";
  html += "<p>shallow text that is long enough to be a paragraph of the page</p></body></html>";
  Result<Article> article = ExtractHtml(html, Rules());
  ASSERT_TRUE(article.ok()) << article.error();
  EXPECT_NE(article->decoded.find("shallow text"), std::string::npos);
}

TEST(HtmlBoilerplate, LoaderReportsFileAndLine) {
  testing::TempFolder folder;
  std::string path = folder.Write("rules.tsv",
                                  "match\tpattern\tscope\treason\ntag\tnav\teverywhere\thtml-nav\n"
                                  "colour\tx\teverywhere\t\n");
  Result<HtmlBoilerplate> rules = HtmlBoilerplate::Load(path);
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.error().rfind(path + ":3: unknown match 'colour'", 0), 0u) << rules.error();
}

TEST(HtmlBoilerplate, WordAndSubstringRules) {
  const HtmlBoilerplate& rules = Rules();
  ASSERT_NE(rules.Find("div", "post-tags", "", "", true), nullptr);
  EXPECT_EQ(rules.Find("div", "post-tags", "", "", true)->reason, "html-tags");
  EXPECT_EQ(rules.Find("div", "hashtagsy", "", "", true), nullptr);
  EXPECT_EQ(rules.Find("div", "", "sharebar", "", true)->reason, "html-share");
  EXPECT_EQ(rules.Find("div", "head", "", "", true), nullptr);
  EXPECT_EQ(rules.Find("header", "", "", "", true), nullptr) << "header is kept inside the content";
  EXPECT_NE(rules.Find("header", "", "", "", false), nullptr);
  EXPECT_EQ(rules.Find("div", "", "", "navigation", true)->reason, "html-nav");
}

// ---- former bugs

// A class like "has-comments" on the <article> itself must not drop the article.
TEST(ExtractHtmlFormerBugs, FurnitureClassOnTheArticleElementIsIgnored) {
  Article article = ExtractOrFail(
      "<article class='comments-open share'><p>نص المقال الأساسي الذي يجب ألا يضيع أبدًا.</p></article>");
  EXPECT_EQ(article.decoded, "نص المقال الأساسي الذي يجب ألا يضيع أبدًا.");
}

// Two adjacent entities must each map onto their own bytes.
TEST(ExtractHtmlFormerBugs, AdjacentEntitiesKeepSeparateSpans) {
  Article article = ExtractOrFail("<p>&lt;&gt;&#1575;&#1576;</p>");
  EXPECT_EQ(article.decoded, "<>اب");
  EXPECT_EQ(RawOf(article, {0, 1}), "&lt;");
  EXPECT_EQ(RawOf(article, {1, 2}), "&gt;");
  EXPECT_EQ(RawOf(article, {2, 4}), "&#1575;");
  EXPECT_EQ(RawOf(article, {4, 6}), "&#1576;");
}

// A bare '&' that is not an entity is plain text mapping onto itself.
TEST(ExtractHtmlFormerBugs, BareAmpersandAndUnknownEntity) {
  Article article = ExtractOrFail("<p>AT&T &foo; &amp</p>");
  EXPECT_EQ(article.decoded, "AT&T &foo; &");
  EXPECT_EQ(RawOf(article, {0, 10}), "AT&T &foo;");
  EXPECT_EQ(RawOf(article, {11, 12}), "&amp");
}

}  // namespace
}  // namespace hadath::ingest

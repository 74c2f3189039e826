// Table tests of the furniture rules (src/clean/furniture_rules.h). The
// articles here are written for the tests, in the style of Arabic news sites;
// none is taken from the sample articles.
#include "hadath/clean.h"

#include <gtest/gtest.h>

#include <map>

namespace hadath::clean {
namespace {

const Cleaner& TheCleaner() {
  static const Cleaner* cleaner = [] {
    auto loaded = Cleaner::Load();
    if (!loaded) {
      ADD_FAILURE() << loaded.error();
      std::abort();
    }
    return new Cleaner(std::move(*loaded));
  }();
  return *cleaner;
}

Article TextArticle(const std::string& text) {
  Article article;
  article.key = "test";
  article.path = "test.txt";
  article.encoding = "UTF-8";
  article.raw = text;
  article.decoded = text;
  article.decoded_to_raw = OffsetMap::Identity(static_cast<uint32_t>(text.size()));
  return article;
}

// reason of each dropped line, keyed by its text
std::map<std::string, std::string> DroppedReasons(const Document& document) {
  std::map<std::string, std::string> reasons;
  for (const DroppedBlock& block : document.dropped) reasons[block.text] = block.reason;
  return reasons;
}

bool Kept(const Document& document, const std::string& line) {
  return document.text.find(line) != std::string::npos;
}

const std::string kBody1 =
    "قال مسؤول محلي إن قصفا مدفعيا استهدف أطراف البلدة صباح اليوم، ما أدى إلى مقتل مدنيين اثنين.";
const std::string kBody2 =
    "وأضاف المصدر أن فرق الدفاع المدني عملت على إسعاف المصابين ونقلهم إلى المستشفى الوطني في المدينة.";
const std::string kBody3 =
    "ويأتي ذلك بعد أيام من هجوم مماثل استهدف قرية مجاورة وأسفر عن أضرار مادية في عدد من المنازل.";

struct FurnitureCase {
  const char* name;
  std::string line;             // placed between body paragraphs
  const char* expected_reason;  // "" = kept
};

TEST(Cleaner, LineRulesBetweenBodyParagraphs) {
  const FurnitureCase cases[] = {
      {"credit in brackets", "عناصر من الدفاع المدني يخمدون حريقا في سوق المدينة - 3 من آذار 2023 (رويترز)",
       "photo-caption"},
      {"caption cue", "صورة أرشيفية لمقاتلين في ريف المدينة", "photo-caption"},
      {"icon label glued to caption", "camera iconعناصر من الدفاع المدني في سوق المدينة", "ui-residue"},
      {"share buttons", "Facebook Twitter WhatsApp", "ui-residue"},
      {"font size buttons", "ع ع ع", "ui-residue"},
      {"close button", "\xC3\x97", "ui-residue"},
      {"slashes", "//", "ui-residue"},
      {"bullet date", "\xE2\x80\xA2 2021/03/04", "dateline"},
      {"time", "10:45 \xD8\xB5", "dateline"},
      {"donation appeal", "ادعم الصحافة المستقلة", "appeal"},
      {"newsletter appeal", "اشترك الآن في النشرة البريدية", "appeal"},
      {"headline-like subhead kept", "تفاصيل الهجوم", ""},
      {"bracketed sentence kept", "وقال الناطق باسم الدفاع المدني إن الحصيلة غير نهائية (بحسب بيان رسمي).",
       ""},
      {"Latin word inside a long sentence kept",
       "ونشر الناطق صورا على حسابه في Twitter تظهر حجم الأضرار التي لحقت بالمنازل في البلدة.", ""},
  };
  for (const FurnitureCase& row : cases) {
    std::string text = "عنوان خبر عن قصف\n" + kBody1 + "\n" + row.line + "\n" + kBody2 + "\n" + kBody3;
    auto document = TheCleaner().Clean(TextArticle(text));
    ASSERT_TRUE(document.ok()) << row.name << ": " << document.error();
    auto reasons = DroppedReasons(*document);
    if (*row.expected_reason == 0) {
      EXPECT_TRUE(Kept(*document, row.line)) << row.name << " dropped as " << reasons[row.line];
    } else {
      EXPECT_EQ(reasons[row.line], row.expected_reason) << row.name;
      EXPECT_FALSE(Kept(*document, row.line)) << row.name;
    }
    EXPECT_TRUE(Kept(*document, kBody1) && Kept(*document, kBody2)) << row.name;
  }
}

TEST(Cleaner, RelatedHeadingDropsTheListUpToTheNextBodyParagraph) {
  std::string text = "عنوان\n" + kBody1 +
                     "\nاقرأ أيضا:\nمقتل شخصين بانفجار في المدينة\n"
                     "وزير يزور المنطقة الشرقية\n" +
                     kBody2;
  auto document = TheCleaner().Clean(TextArticle(text));
  ASSERT_TRUE(document.ok());
  auto reasons = DroppedReasons(*document);
  EXPECT_EQ(reasons["اقرأ أيضا:"], "related-headlines");
  EXPECT_EQ(reasons["مقتل شخصين بانفجار في المدينة"], "related-headlines");
  EXPECT_EQ(reasons["وزير يزور المنطقة الشرقية"], "related-headlines");
  EXPECT_TRUE(Kept(*document, kBody2));
}

TEST(Cleaner, RepeatedLines) {
  std::string teaser = "مصادر تكشف تفاصيل جديدة عن الهجوم";
  std::string text = "عنوان الخبر الرئيسي\nعنوان الخبر الرئيسي\n" + kBody1 + "\n" + teaser + "\n" + kBody2 +
                     "\n" + teaser + "\n" + kBody3 + "\n" + kBody2;
  auto document = TheCleaner().Clean(TextArticle(text));
  ASSERT_TRUE(document.ok());
  // The title stays once; a teaser seen twice goes everywhere; a repeated
  // body paragraph keeps its first copy.
  EXPECT_EQ(document->TextOf(document->paragraphs[0].text), "عنوان الخبر الرئيسي");
  EXPECT_EQ(document->TextOf(document->paragraphs[1].text), kBody1);
  EXPECT_FALSE(Kept(*document, teaser));
  size_t first = document->text.find(kBody2);
  EXPECT_EQ(document->text.find(kBody2, first + 1), std::string::npos);
  int repeated_paragraphs = 0, repeated_headlines = 0;
  for (const DroppedBlock& block : document->dropped) {
    repeated_paragraphs += block.reason == "repeated-paragraph";
    repeated_headlines += block.reason == "repeated-headline";
  }
  EXPECT_EQ(repeated_paragraphs, 1);
  EXPECT_EQ(repeated_headlines, 3);  // the title's copy and both teasers
}

TEST(Cleaner, TrailingBlockOfShortLinesIsDroppedButALastShortLineAloneIsKept) {
  std::string list =
      "عنوان\n" + kBody1 + "\n" + kBody2 + "\nالصحافة الحرة تحتاجك\nساهم في استمرارنا\nمقال آخر";
  auto with_list = TheCleaner().Clean(TextArticle(list));
  ASSERT_TRUE(with_list.ok());
  auto reasons = DroppedReasons(*with_list);
  EXPECT_EQ(reasons["الصحافة الحرة تحتاجك"], "trailing-headlines");
  EXPECT_EQ(reasons["مقال آخر"], "trailing-headlines");

  std::string last_words = "عنوان\n" + kBody1 + "\n" + kBody2 + "\nوالتحقيقات مستمرة حتى الآن";
  auto single = TheCleaner().Clean(TextArticle(last_words));
  ASSERT_TRUE(single.ok());
  EXPECT_TRUE(Kept(*single, "والتحقيقات مستمرة حتى الآن"));
}

TEST(Cleaner, OutletBylineNearTheTopAndSiteNameAfterTitle) {
  std::string text = "انفجار في سوق شعبي - Example News\nوكالة الأناضول\n" + kBody1 + "\n" + kBody2;
  auto document = TheCleaner().Clean(TextArticle(text));
  ASSERT_TRUE(document.ok());
  auto reasons = DroppedReasons(*document);
  EXPECT_EQ(reasons["وكالة الأناضول"], "outlet-byline");
  EXPECT_EQ(reasons[" - Example News"], "site-name");
  EXPECT_EQ(document->article.metadata.title, "انفجار في سوق شعبي");
  EXPECT_EQ(document->TextOf(document->paragraphs[0].text), "انفجار في سوق شعبي");
  EXPECT_EQ(document->paragraphs[0].kind, BlockKind::kHeadline);
}

TEST(Cleaner, DroppedSpansPointAtTheOriginalBytes) {
  std::string text =
      "عنوان\n" + kBody1 + "\nادعم الصحافة المستقلة\n" + kBody2 + "\nتابعونا على تلغرام\nع ع ع";
  auto document = TheCleaner().Clean(TextArticle(text));
  ASSERT_TRUE(document.ok());
  ASSERT_GE(document->dropped.size(), 2u);
  for (const DroppedBlock& block : document->dropped)
    EXPECT_EQ(text.substr(block.source.start, block.source.size()), block.text) << block.reason;
  for (const Sentence& sentence : document->sentences) {
    Span raw = document->RawSpan(sentence.text);
    EXPECT_EQ(text.substr(raw.start, raw.size()), document->TextOf(sentence.text));
  }
}

TEST(Cleaner, DatelineGivesThePublicationDateWhenNoneIsKnown) {
  std::string text = "عنوان\n\xE2\x80\xA2 2021/03/04\n" + kBody1;
  auto document = TheCleaner().Clean(TextArticle(text));
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(document->article.metadata.published.ToIso(), "2021-03-04");
  ASSERT_FALSE(document->article.warnings.empty());

  Article dated = TextArticle(text);
  dated.metadata.published = PublishedDate::FromIso("2021-03-05");
  auto kept_date = TheCleaner().Clean(std::move(dated));
  EXPECT_EQ(kept_date->article.metadata.published.ToIso(), "2021-03-05");
}

TEST(Cleaner, OutletCodesAndDomainsGetTheirNames) {
  Article coded = TextArticle(kBody1);
  coded.metadata.outlet = "aawsat";
  EXPECT_EQ(TheCleaner().Clean(std::move(coded))->article.metadata.outlet, "Asharq Al-Awsat");
  Article from_url = TextArticle(kBody1);
  from_url.metadata.url = "https://www.enabbaladi.net/archives/1";
  EXPECT_EQ(TheCleaner().Clean(std::move(from_url))->article.metadata.outlet, "Enab Baladi");
}

TEST(Cleaner, EmptyOrAllFurnitureIsAnError) {
  EXPECT_FALSE(TheCleaner().Clean(TextArticle("")).ok());
  EXPECT_FALSE(TheCleaner().Clean(TextArticle("\n \n\xC2\xA0\n")).ok());
  EXPECT_FALSE(TheCleaner().Clean(TextArticle("ع ع ع\n//\n")).ok());
}

TEST(Cleaner, ContentIdIsStableAndDependsOnTheText) {
  EXPECT_EQ(ContentId("abc"), ContentId("abc"));
  EXPECT_NE(ContentId("abc"), ContentId("abd"));
  EXPECT_EQ(ContentId("abc").size(), 16u);
  auto document = TheCleaner().Clean(TextArticle(kBody1));
  EXPECT_EQ(document->id, ContentId(kBody1));
}

// Former bugs: lines of real articles (written anew here) that early rules
// dropped when running the benchmark corpus.
TEST(Cleaner, FormerBugsContentLinesAreKept) {
  const FurnitureCase cases[] = {
      {"list item ending in a bracketed figure", "- السمنة (7 في المائة)", ""},
      {"list item naming a platform", "3. تطبيق «فيسبوك» Facebook", ""},
      {"unpunctuated sentence ending in brackets",
       "وقد شارك في المباراة كل من ( سالم الدوسري وياسر الشهراني )", ""},
      {"a bare number is not a date line", "3601129644", ""},
      {"the verb 'took part' is not a subscription cue", "ومن بينها موضوعات اشترك مجلس الشورى في دراستها",
       ""},
  };
  for (const FurnitureCase& row : cases) {
    std::string text = "عنوان خبر\n" + kBody1 + "\n" + row.line + "\n" + kBody2 + "\n" + kBody3;
    auto document = TheCleaner().Clean(TextArticle(text));
    ASSERT_TRUE(document.ok()) << row.name;
    EXPECT_TRUE(Kept(*document, row.line))
        << row.name << " dropped as " << DroppedReasons(*document)[row.line];
  }
}

TEST(Cleaner, FormerBugsAListAfterTheLastParagraphIsContent) {
  std::string text =
      "عنوان\n" + kBody1 + "\n" + kBody2 + "\n1. الجندي سالم محمد 19 عاما\n2. العريف أحمد علي 33 عاما";
  auto document = TheCleaner().Clean(TextArticle(text));
  ASSERT_TRUE(document.ok());
  EXPECT_TRUE(Kept(*document, "1. الجندي سالم محمد 19 عاما"));
  EXPECT_TRUE(Kept(*document, "2. العريف أحمد علي 33 عاما"));
}

TEST(Cleaner, FormerBugsShortSubheadsMayRecur) {
  std::string text = "عنوان\nالمقادير:\n" + kBody1 + "\nالمقادير:\n" + kBody2;
  auto document = TheCleaner().Clean(TextArticle(text));
  ASSERT_TRUE(document.ok());
  size_t first = document->text.find("المقادير:");
  ASSERT_NE(first, std::string::npos);
  EXPECT_NE(document->text.find("المقادير:", first + 1), std::string::npos);
}

}  // namespace
}  // namespace hadath::clean

// Attribution, contested claims, negation and background, on reports
// written for these tests, against the real gazetteer.
#include <gtest/gtest.h>

#include <algorithm>

#include "events_test_util.h"

namespace hadath::events {
namespace {

using testing_events::MakeDocument;
using testing_events::News;
using testing_events::RealExtractor;

class Claims : public ::testing::Test {
 protected:
  void SetUp() override {
    extractor_ = RealExtractor();
    if (!extractor_) GTEST_SKIP() << "../shared/data/gazetteer is not available";
  }
  std::vector<Event> Extract(const std::string& text, const std::string& published = "2023-06-10") {
    document_ = MakeDocument(text, published);
    return extractor_->Extract(document_);
  }
  const EventExtractor* extractor_ = nullptr;
  Document document_;
};

TEST_F(Claims, SourcesThatDisagreeOnTheVictimMakeOneContestedEvent) {
  auto events = News(Extract(
      "قالت قوات سوريا الديمقراطية إنها قتلت قيادياً في تنظيم داعش خلال مداهمة في بلدة الكشكية بريف دير "
      "الزور الشرقي، أمس.\n"
      "لكن مصادر محلية قالت إن القتيل مدني يعمل في محل لبيع الخضار."));
  ASSERT_EQ(events.size(), 1u);
  const Event& event = events[0];
  EXPECT_TRUE(event.contested);
  EXPECT_EQ(event.fatalities, 1);
  bool combatant = false, civilian = false;
  for (const Claim& claim : event.claims) {
    combatant |= claim.combatant_victims;
    civilian |= claim.civilian_victims;
  }
  EXPECT_TRUE(combatant && civilian) << "both accounts are kept as claims";
  EXPECT_TRUE(std::any_of(event.claims.begin(), event.claims.end(), [](const Claim& claim) {
    return claim.source == "SDF";
  })) << "the SDF's claim names the SDF as its source";
}

TEST_F(Claims, DifferentFiguresGiveTheLowestAndTheRange) {
  auto events = News(
      Extract("قُتل ثلاثة عناصر من قوات النظام بهجوم لتنظيم داعش على نقطة عسكرية قرب مدينة السخنة شرقي حمص، "
              "اليوم.\n"
              "وأفاد المرصد السوري بأن الهجوم أسفر عن مقتل خمسة عناصر."));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].fatalities, 3);
  EXPECT_EQ(events[0].fatalities_low, 3);
  EXPECT_EQ(events[0].fatalities_high, 5);
  EXPECT_TRUE(events[0].contested);
}

TEST_F(Claims, AFailedArrestIsNoArrestAndNoCasualty) {
  auto events =
      News(Extract("داهمت قوات الأمن الداخلي منزلاً في حي الرشيد بمدينة الرقة بحثاً عن مطلوب، لكنها فشلت في "
                   "اعتقاله، دون وقوع أي إصابات."));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_NE(events[0].sub_event_type, "Arrests");
  EXPECT_EQ(events[0].fatalities, 0);
}

TEST_F(Claims, AnOlderIncidentRecalledIsBackground) {
  auto events = Extract(
      "اعتقلت قوى الأمن الداخلي ثلاثة أشخاص في مدينة الحسكة، اليوم السبت.\n"
      "وكان تنظيم داعش قد شن هجوماً على سجن الصناعة في حي غويران بمدينة الحسكة في كانون الثاني 2022.");
  ASSERT_EQ(News(events).size(), 1u);
  EXPECT_EQ(News(events)[0].sub_event_type, "Arrests");
  auto background = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.background; });
  ASSERT_NE(background, events.end());
  EXPECT_EQ(background->date_start, "2022-01-01");
  EXPECT_EQ(background->date_end, "2022-01-31");
}

TEST_F(Claims, ReactionsAndTalliesAreNoIncidents) {
  auto events = Extract(
      "أدانت وزارة الخارجية التفجير الإرهابي الذي استهدف مسجداً في مدينة القامشلي.\n"
      "وأسفرت الحرب عن مقتل أكثر من 300 ألف شخص منذ عام 2011.");
  EXPECT_TRUE(News(events).empty());
}

TEST_F(Claims, WithoutAPublicationDateARelativeDayIsNotGuessed) {
  auto events = News(Extract("قُتل مدني برصاص مسلحين مجهولين في مدينة جاسم بريف درعا أمس.", ""));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].event_date.empty());
  EXPECT_EQ(events[0].time_precision, 0);
  EXPECT_FALSE(events[0].date_reason.empty());
}

}  // namespace
}  // namespace hadath::events

namespace hadath::events {
namespace {

TEST_F(Claims, ARecordOfOneHeadlineLikeLineIsRead) {
  // Sentence-level records often have no final full stop: the cleaner takes
  // the line for a headline, and a document of headlines only is read.
  auto events = News(Extract("قتل عنصران من قوات النظام بانفجار عبوة ناسفة قرب مدينة نوى بريف درعا الغربي"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].sub_event_type, "Remote explosive/landmine/IED");
  EXPECT_EQ(events[0].fatalities, 2);
}

TEST_F(Claims, HeadlinesAboveABodyAreNotReadAgain) {
  auto events =
      News(Extract("مقتل عنصرين من قوات النظام بريف درعا\n"
                   "قُتل عنصران من قوات النظام، اليوم، بانفجار عبوة ناسفة قرب مدينة نوى بريف درعا الغربي."));
  ASSERT_EQ(events.size(), 1u);
  size_t body = document_.text.find('\n');
  ASSERT_NE(body, std::string::npos);
  for (const Evidence& evidence : events[0].evidence) EXPECT_GT(evidence.text.start, body) << evidence.role;
}

}  // namespace
}  // namespace hadath::events

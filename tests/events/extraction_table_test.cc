// Extraction on short reports written for these tests in the style of
// several outlets (SANA, North Press, the Syrian Observatory, Enab Baladi,
// Iraqi and Lebanese agencies), against the real gazetteer. Each row says
// what a careful coder following ACLED's rules would record.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "events_test_util.h"

namespace hadath::events {
namespace {

using testing_events::MakeDocument;
using testing_events::News;
using testing_events::RealExtractor;

struct Expected {
  std::string event_type, sub_event_type;
  std::string actor1, actor2;  // "" = not checked
  std::optional<int> fatalities;
  std::optional<int> civilian_fatalities;
  std::string admin1;      // OCHA P-code; "" = not checked
  std::string event_date;  // "" = not checked
};

struct Row {
  const char* text;
  const char* published;
  std::vector<Expected> news;  // expected news events, in text order
};

const Row kRows[] = {
    // SANA: shelling of a village, civilians killed, yesterday.
    {"استشهد ثلاثة مدنيين وأصيب خمسة آخرون جراء قصف مدفعي نفذته قوات الاحتلال التركي على قرية "
     "تل رفعت بريف حلب الشمالي أمس.",
     "2023-03-15",
     {{"Explosions/Remote violence", "Shelling/artillery/missile attack", "TURKEY", "CIVILIANS", 3, 3, "SY02",
       "2023-03-14"}}},
    // North Press: two SDF fighters killed by gunmen at a checkpoint, today.
    {"قُتل عنصران من قوات سوريا الديمقراطية، اليوم الأحد، بهجوم شنه مسلحون مجهولون على حاجز لهم في "
     "بلدة ذيبان بريف دير الزور الشرقي.",
     "2023-03-12",
     {{"Battles", "Armed clash", "UNIDENTIFIED", "SDF", 2, 0, "SY09", "2023-03-12"}}},
    // Asayish arrests on Tuesday, published on Wednesday.
    {"اعتقلت قوى الأمن الداخلي (الأسايش) خمسة أشخاص بتهمة الانتماء لخلايا داعش في حي غويران بمدينة "
     "الحسكة، الثلاثاء.",
     "2023-03-15",
     {{"Strategic developments", "Arrests", "ASAYISH", "ISIS", 0, 0, "SY08", "2023-03-14"}}},
    // A raid that found nobody and fired no shot: no arrest, no casualty.
    {"داهمت دورية للتحالف الدولي وقسد منزلا في بلدة الصور بريف دير الزور الشمالي، دون وقوع أي إصابات، "
     "وفشلت في اعتقال المطلوب.",
     "2023-03-15",
     {{"Strategic developments", "Change to group/activity", "", "", 0, 0, "SY09", ""}}},
    // Syrian Observatory: a body found after an abduction by gunmen.
    {"عثر الأهالي على جثة شاب مقتولا بطلق ناري في مدينة طفس بريف درعا الغربي، بعد يومين من اختطافه على يد "
     "مسلحين مجهولين.",
     "2023-03-15",
     {{"Violence against civilians", "Attack", "UNIDENTIFIED", "CIVILIANS", 1, 1, "SY12", ""}}},
    // Two incidents in one sentence, cut at بينما.
    {"قتل مدني برصاص مسلحين مجهولين في مدينة جاسم بريف درعا الشمالي، بينما أصيب عنصران من قوات النظام "
     "بانفجار لغم أرضي قرب بلدة اليادودة.",
     "2023-03-15",
     {{"Violence against civilians", "Attack", "UNIDENTIFIED", "CIVILIANS", 1, 1, "SY12", ""},
      {"Explosions/Remote violence", "Remote explosive/landmine/IED", "", "SYRIAN_GOV", 0, 0, "SY12", ""}}},
    // ISIS attack on government forces, the count in words before the noun.
    {"لقي خمسة عناصر من قوات النظام حتفهم إثر هجوم لخلايا تنظيم داعش على نقطة عسكرية في بادية مدينة "
     "الميادين شرق دير الزور فجر اليوم.",
     "2023-03-15",
     {{"Battles", "Armed clash", "ISIS", "SYRIAN_GOV", 5, 0, "SY09", "2023-03-15"}}},
    // A strike on civilians: a woman and two children (three dead).
    {"قتلت امرأة وطفلان بغارة جوية روسية استهدفت منزلا في بلدة كفرنبل بريف إدلب الجنوبي مساء الاثنين.",
     "2023-03-15",
     {{"Explosions/Remote violence", "Air/drone strike", "RUSSIA", "CIVILIANS", 3, 3, "SY07", "2023-03-13"}}},
    // Deaths reported without a number: ACLED's default for a limited attack.
    {"سقط قتلى وجرحى من عناصر قوات النظام بانفجار عبوة ناسفة استهدفت سيارتهم قرب مدينة الصنمين "
     "بريف درعا الشمالي، يوم السبت.",
     "2023-03-15",
     {{"Explosions/Remote violence", "Remote explosive/landmine/IED", "", "SYRIAN_GOV", 3, 0, "SY12",
       "2023-03-11"}}},
    // Two incidents in two governorates, one sentence each (an SOHR digest).
    {"وفي دير الزور، اعتقلت قوات سوريا الديمقراطية 5 أشخاص خلال حملة دهم وتفتيش في بلدة الشحيل بالريف "
     "الشرقي، بتهمة التعامل مع خلايا تنظيم \"الدولة الإسلامية\".\n"
     "في حين انفجر لغم أرضي من مخلفات الحرب بطفل في بادية السخنة شرقي حمص، ما أدى إلى إصابته بجروح بليغة.",
     "2023-10-02",
     {{"Strategic developments", "Arrests", "SDF", "ISIS", 0, 0, "SY09", ""},
      {"Explosions/Remote violence", "Remote explosive/landmine/IED", "", "", 0, 0, "SY04", ""}}},
    // Dead of both sides add up (ACLED counts all deaths of the event).
    {"قُتل 16 مسلحاً حوثياً و9 من عناصر المقاومة الشعبية في معارك عنيفة بمدينة تعز، أمس الخميس.",
     "2015-07-31",
     {{"Battles", "Armed clash", "", "", 25, 0, "", "2015-07-30"}}},
    // Bombing by aircraft is an air strike, whatever the verb.
    {"لقي 12 مسلحاً حوثياً مصرعهم في قصف عنيف شنته طائرات التحالف العربي على معسكر في مدينة زنجبار، أمس.",
     "2015-08-05",
     {{"Explosions/Remote violence", "Air/drone strike", "SAUDI_COALITION", "HOUTHIS", 12, 0, "",
       "2015-08-04"}}},
    // A big city abroad beats a Syrian hamlet of the same name when nothing
    // in the sentence is Syrian; the next sentence is in Syria.
    {"وقال بيان لقوة المهام المشتركة إن خمس غارات قرب الرمادي استهدفت مواقع لتنظيم داعش أمس.\n"
     "وفي سوريا قتل مدني بقصف على مدينة الرستن في ريف حمص أمس.",
     "2015-08-09",
     {{"Explosions/Remote violence", "Air/drone strike", "", "ISIS", 0, 0, "", "2015-08-08"},
      {"Explosions/Remote violence", "Shelling/artillery/missile attack", "", "CIVILIANS", 1, 1, "SY04",
       ""}}},
    // The wounded are not added to the dead.
    {"دارت معارك دامية في مدينة تعز أمس، راح ضحيتها 16 قتيلاً و70 جريحاً من الحوثيين.",
     "2015-07-31",
     {{"Battles", "Armed clash", "", "HOUTHIS", 16, 0, "", "2015-07-30"}}},
    // A habitual statement and an aggregate count are no incidents.
    {"وتنفذ قوات التحالف عمليات إنزال جوي بشكل متكرر في ريف دير الزور.\n"
     "ووثق المرصد مقتل 125 شخصا في عمليات اغتيال خلال العام الماضي بحسب حصيلة نشرها اليوم.",
     "2023-03-15",
     {}},
};

class ExtractionTable : public ::testing::TestWithParam<Row> {};

TEST_P(ExtractionTable, CodesTheIncidentsAsACoderWould) {
  const EventExtractor* extractor = RealExtractor();
  if (!extractor) GTEST_SKIP() << "../shared/data/gazetteer is not available";
  const Row& row = GetParam();
  Document document = MakeDocument(row.text, row.published);
  std::vector<Event> news = News(extractor->Extract(document));
  ASSERT_EQ(news.size(), row.news.size()) << row.text;
  for (size_t i = 0; i < news.size(); ++i) {
    const Event& got = news[i];
    const Expected& want = row.news[i];
    SCOPED_TRACE(ToRecord(got, document, *extractor));
    EXPECT_EQ(got.event_type, want.event_type);
    EXPECT_EQ(got.sub_event_type, want.sub_event_type);
    if (!want.actor1.empty()) EXPECT_EQ(got.actor1, want.actor1);
    if (!want.actor2.empty()) EXPECT_EQ(got.actor2, want.actor2);
    if (want.fatalities) EXPECT_EQ(got.fatalities, want.fatalities);
    if (want.civilian_fatalities) EXPECT_EQ(got.civilian_fatalities, want.civilian_fatalities);
    if (!want.admin1.empty()) EXPECT_EQ(got.location.admin1.pcode, want.admin1);
    if (!want.event_date.empty()) EXPECT_EQ(got.event_date, want.event_date);
  }
}

INSTANTIATE_TEST_SUITE_P(Reports, ExtractionTable, ::testing::ValuesIn(kRows));

}  // namespace
}  // namespace hadath::events

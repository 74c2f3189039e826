// Table-driven tests of the link stage's merge / no-merge decisions, of
// Group() (order independence, no bridging across a veto) and of
// MergeRecords() on a two-report cluster.
//
// Every report is a per-article event record (../shared/eval/FORMAT.md) made
// by Record() from a Spec, with an Arabic evidence text written in the style
// of the outlet it is attributed to. Places are real Syrian places with their
// GeoNames ids and coordinates.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hadath/link.h"

namespace hadath::link {
namespace {

using Json = nlohmann::json;

const Linker& TheLinker() {
  static const Linker* linker = [] {
    auto loaded = Linker::Load();
    if (!loaded) {
      ADD_FAILURE() << "Linker::Load: " << loaded.error();
      std::abort();
    }
    return new Linker(std::move(*loaded));
  }();
  return *linker;
}

// ---------------------------------------------------------------------------
// Building reports.

struct Place {
  std::string admin1, admin2, gazetteer_id, location, location_ar;
  int geo_precision = 1;
  double latitude = 0, longitude = 0;
  bool gap = false;
};

// Villages and towns (GeoNames), and districts' countryside (OpenSyria).
// clang-format off
const Place kBinnish{"Idlib", "Idlib", "geonames:171451", "Binnish", "بنش", 1, 35.95664, 36.7138};
const Place kTaftanaz{"Idlib", "Idlib", "geonames:163799", "Taftanaz", "تفتناز", 1, 35.99832, 36.78579};
const Place kTaum{"Idlib", "Idlib", "geonames:4705", "Ta'um", "طعوم", 1, 35.97326, 36.74953};  // ~4 km from Taftanaz
const Place kSarmin{"Idlib", "Idlib", "geonames:164782", "Sarmin", "سرمين", 1, 35.90403, 36.72501};
const Place kEastIdlib{"Idlib", "Idlib", "opensyria:sy-idlib-idlib", "Idlib countryside", "ريف إدلب الشرقي", 2,
                       35.90691, 36.75677};
const Place kKafranbel{"Idlib", "Maarrat al-Nu'man", "geonames:168661", "Kafranbel", "كفرنبل", 1,
                       35.61376, 36.56449};
const Place kHass{"Idlib", "Maarrat al-Nu'man", "geonames:169835", "Hass", "حاس", 1, 35.6161, 36.59066};
const Place kSouthIdlib{"Idlib", "Maarrat al-Nu'man", "opensyria:sy-idlib-maarrat-al-numan",
                        "Maarrat al-Nu'man countryside", "ريف إدلب الجنوبي", 2, 35.53858, 36.79193};
const Place kKafrTakharim{"Idlib", "Harem", "geonames:168629", "Kafr Takharim", "كفر تخاريم", 1,
                          36.1168, 36.51522};
const Place kAtarib{"Aleppo", "Mount Simeon", "geonames:174030", "Al Atarib", "الأتارب", 1, 36.13907, 36.82504};
const Place kTafas{"Daraa", "Daraa", "geonames:163806", "Tafas", "طفس", 1, 32.73709, 36.06654};
const Place kMuzayrib{"Daraa", "Daraa", "geonames:166503", "Al Muzayrib", "المزيريب", 1, 32.71084, 36.02751};
const Place kYadudah{"Daraa", "Daraa", "geonames:162623", "Al Yadudah", "اليادودة", 1, 32.67515, 36.05647};
const Place kWestDaraa{"Daraa", "Daraa", "opensyria:sy-daraa-daraa", "Daraa countryside", "ريف درعا الغربي", 2,
                       32.63144, 36.20352};
const Place kJasim{"Daraa", "Izra", "geonames:165997", "Jasim", "جاسم", 1, 32.99125, 36.06093};
// clang-format on

struct When {
  std::string date_start, date_end, event_date;
  int time_precision = 0;
  std::string date_basis;
};

// A day written out in the text.
When OnDay(const std::string& day) { return {day, day, day, 1, "text"}; }
// A day counted from the publication date ("أمس", "اليوم", "الخميس").
When Counted(const std::string& day) { return {day, day, day, 1, "relative"}; }
When Week(const std::string& from, const std::string& to) { return {from, to, from, 2, "text"}; }
// "خلال شهر آذار": ACLED's month precision.
When Month(const std::string& first, const std::string& last) { return {first, last, first, 3, "text"}; }
When Undated() { return {}; }

struct Type {
  std::string event_type, sub_event_type;
};
const Type kAirStrike{"Explosions/Remote violence", "Air/drone strike"};
const Type kShelling{"Explosions/Remote violence", "Shelling/artillery/missile attack"};
const Type kIed{"Explosions/Remote violence", "Remote explosive/landmine/IED"};
const Type kClash{"Battles", "Armed clash"};
const Type kAttack{"Violence against civilians", "Attack"};
const Type kProtest{"Protests", "Peaceful protest"};

enum class Victims { kNone, kCivilians, kFighters };

struct Spec {
  std::string id, doc_id, outlet, published;
  Type type;
  When when;
  std::string actor1, actor2;
  std::vector<std::string> assoc1, assoc2;
  Place place;
  int fatalities = 0;
  Victims victims = Victims::kNone;
  double confidence = 0.8;
  std::string text;  // the evidence, in the outlet's words
};

Json OrNull(const std::string& text) { return text.empty() ? Json() : Json(text); }

// The per-article record of `spec`, with the fields Describe() and
// MergeRecords() read.
std::string Record(const Spec& s) {
  Json claims = Json::array();
  if (!s.text.empty()) {
    Json claim{{"text", s.text},
               {"source", Json()},
               {"civilian_victims", s.victims == Victims::kCivilians},
               {"combatant_victims", s.victims == Victims::kFighters}};
    claim["fatalities"] = s.fatalities > 0 ? Json(s.fatalities) : Json();
    claims.push_back(claim);
  }
  Json record{
      {"event_id", s.id},
      {"event_id_cnty", "SYR1"},
      {"country", "Syria"},
      {"event_type", s.type.event_type},
      {"sub_event_type", s.type.sub_event_type},
      {"date_start", OrNull(s.when.date_start)},
      {"date_end", OrNull(s.when.date_end)},
      {"event_date", OrNull(s.when.event_date)},
      {"time_precision", s.when.time_precision},
      {"date_basis", OrNull(s.when.date_basis)},
      {"actor1_id", s.actor1},
      {"actor2_id", s.actor2},
      {"assoc_actor_1_ids", s.assoc1},
      {"assoc_actor_2_ids", s.assoc2},
      {"admin1", s.place.admin1},
      {"admin2", s.place.admin2},
      {"gazetteer_id", s.place.gazetteer_id},
      {"location", s.place.location},
      {"location_ar", s.place.location_ar},
      {"location_gap", s.place.gap},
      {"geo_precision", s.place.geo_precision},
      {"latitude", s.place.latitude},
      {"longitude", s.place.longitude},
      {"fatalities", s.fatalities},
      {"fatalities_low", s.fatalities},
      {"fatalities_high", s.fatalities},
      {"civilian_fatalities", s.victims == Victims::kCivilians ? s.fatalities : 0},
      {"contested", false},
      {"claims", claims},
      {"background", false},
      {"confidence", s.confidence},
      {"documents",
       Json::array({{{"doc_id", s.doc_id}, {"outlet", s.outlet}, {"published", OrNull(s.published)}}})},
  };
  return record.dump();
}

Report MakeReport(const Spec& s) {
  return Report{.id = s.id,
                .doc_id = s.doc_id,
                .identity = "https://example.org/" + s.doc_id,
                .record = Record(s),
                .text = s.text,
                .event_id = ""};
}

// ---------------------------------------------------------------------------
// The reports.

// Row 1: one Russian raid on Binnish, told by two outlets (2 and 3 killed).
const Spec kBinnishSohr{
    .id = "r01a",
    .doc_id = "d01a",
    .outlet = "Syrian Observatory for Human Rights",
    .published = "2020-01-16",
    .type = kAirStrike,
    .when = OnDay("2020-01-15"),
    .actor1 = "RUSSIA",
    .actor2 = "CIVILIANS",
    .place = kBinnish,
    .fatalities = 2,
    .victims = Victims::kCivilians,
    .confidence = 0.8,
    .text =
        "وثّق المرصد السوري لحقوق الإنسان مقتل مواطنَين اثنين وإصابة آخرين بجروح، جراء غارات نفذتها طائرات "
        "حربية روسية على أطراف مدينة بنش في ريف إدلب الشمالي الشرقي، فجر الأربعاء الخامس عشر من كانون "
        "الثاني."};
const Spec kBinnishEnab{
    .id = "r01b",
    .doc_id = "d01b",
    .outlet = "Enab Baladi",
    .published = "2020-01-15",
    .type = kAirStrike,
    .when = Counted("2020-01-15"),
    .actor1 = "RUSSIA",
    .actor2 = "CIVILIANS",
    .place = kBinnish,
    .fatalities = 3,
    .victims = Victims::kCivilians,
    .confidence = 0.7,
    .text =
        "قُتل ثلاثة مدنيين، بينهم امرأة وطفل، بقصف جوي روسي استهدف حيًا سكنيًا في بلدة بنش شرقي إدلب صباح "
        "اليوم، بحسب ما قاله الدفاع المدني السوري لمراسل عنب بلدي."};

// Row 2: an IED on the Tafas road; one outlet dates it, the other counts "أمس"
// from a publication two days later.
const Spec kTafasSana{
    .id = "r02a",
    .doc_id = "d02a",
    .outlet = "SANA",
    .published = "2021-11-21",
    .type = kIed,
    .when = OnDay("2021-11-20"),
    .actor1 = "UNIDENTIFIED",
    .actor2 = "SYRIAN_GOV",
    .place = kTafas,
    .fatalities = 2,
    .victims = Victims::kFighters,
    .confidence = 0.8,
    .text =
        "ارتقى شهيدان من أفراد الجيش العربي السوري وأصيب ثالث جراء انفجار عبوة ناسفة زرعها إرهابيون على طريق "
        "طفس بريف درعا الغربي، يوم السبت العشرين من تشرين الثاني، أثناء مرور آلية عسكرية."};
const Spec kTafasHoran{.id = "r02b",
                       .doc_id = "d02b",
                       .outlet = "Horan Free League",
                       .published = "2021-11-22",
                       .type = kIed,
                       .when = Counted("2021-11-21"),
                       .actor1 = "UNIDENTIFIED",
                       .actor2 = "SYRIAN_GOV",
                       .place = kTafas,
                       .fatalities = 2,
                       .victims = Victims::kFighters,
                       .confidence = 0.7,
                       .text =
                           "انفجرت عبوة ناسفة أمس بسيارة عسكرية تابعة لقوات النظام عند المدخل الشرقي لمدينة "
                           "طفس غربي درعا، ما أدى "
                           "لمقتل عنصرين وإصابة ثالث بجروح خطيرة، وفق ما رصده مراسل تجمع أحرار حوران."};

// Row 3: an assassination in al-Yadudah; both name the victim, one in full.
const Spec kYadudahEnab{.id = "r03a",
                        .doc_id = "d03a",
                        .outlet = "Enab Baladi",
                        .published = "2022-03-05",
                        .type = kAttack,
                        .when = OnDay("2022-03-04"),
                        .actor1 = "UNIDENTIFIED",
                        .actor2 = "CIVILIANS",
                        .place = kYadudah,
                        .fatalities = 1,
                        .victims = Victims::kCivilians,
                        .confidence = 0.8,
                        .text =
                            "اغتال مجهولون الشاب ياسر عبد الكريم النعيمات بإطلاق النار عليه أمام منزله في "
                            "بلدة اليادودة بريف درعا "
                            "الغربي، مساء الجمعة الرابع من آذار، وفق ما أفاد به مراسل عنب بلدي في درعا."};
const Spec kYadudahSyriaTv{
    .id = "r03b",
    .doc_id = "d03b",
    .outlet = "Syria TV",
    .published = "2022-03-05",
    .type = kAttack,
    .when = Counted("2022-03-04"),
    .actor1 = "UNIDENTIFIED",
    .actor2 = "CIVILIANS",
    .place = kYadudah,
    .fatalities = 1,
    .victims = Victims::kCivilians,
    .confidence = 0.7,
    .text =
        "قُتل ياسر النعيمات، وهو مدني من أبناء اليادودة، برصاص مسلحين ملثمين كانوا يستقلون دراجة نارية، مساء "
        "أمس، في حين لم تتبنَّ أي جهة عملية الاغتيال حتى الآن."};

// Row 4: a clash at Kafranbel; a pro-government paper places it no closer
// than "the southern Idlib countryside".
const Spec kKafranbelStep{
    .id = "r04a",
    .doc_id = "d04a",
    .outlet = "Step News Agency",
    .published = "2019-12-21",
    .type = kClash,
    .when = OnDay("2019-12-20"),
    .actor1 = "SYRIAN_GOV",
    .actor2 = "HTS",
    .place = kKafranbel,
    .fatalities = 4,
    .victims = Victims::kFighters,
    .confidence = 0.8,
    .text =
        "اندلعت اشتباكات عنيفة بين قوات النظام من جهة وهيئة تحرير الشام من جهة أخرى على أطراف مدينة كفرنبل، "
        "ليل الجمعة العشرين من كانون الأول، إثر محاولة تقدم للقوات المهاجمة، ما أسفر عن مقتل أربعة عناصر من "
        "الهيئة."};
const Spec kSouthIdlibWatan{.id = "r04b",
                            .doc_id = "d04b",
                            .outlet = "Al-Watan",
                            .published = "2019-12-21",
                            .type = kClash,
                            .when = Counted("2019-12-20"),
                            .actor1 = "SYRIAN_GOV",
                            .actor2 = "HTS",
                            .assoc2 = {"NATIONAL_LIBERATION_FRONT"},
                            .place = kSouthIdlib,
                            .fatalities = 6,
                            .victims = Victims::kFighters,
                            .confidence = 0.6,
                            .text =
                                "تصدت وحدات من الجيش العربي السوري أمس لهجوم شنه إرهابيو «هيئة تحرير الشام» "
                                "و«الجبهة الوطنية للتحرير» "
                                "على نقاطها في ريف إدلب الجنوبي، وقتلت ستة منهم ودمرت عربات كانت تقلهم."};

// Row 5: one government push on Hass: an air-strike report and a clash report.
const Spec kHassSohr{.id = "r05a",
                     .doc_id = "d05a",
                     .outlet = "Syrian Observatory for Human Rights",
                     .published = "2020-01-03",
                     .type = kAirStrike,
                     .when = OnDay("2020-01-02"),
                     .actor1 = "SYRIAN_GOV",
                     .actor2 = "HTS",
                     .assoc1 = {"RUSSIA"},
                     .place = kHass,
                     .fatalities = 3,
                     .victims = Victims::kFighters,
                     .confidence = 0.8,
                     .text =
                         "استهدفت الطائرات الحربية التابعة للنظام والطائرات الروسية بأكثر من عشرين غارة "
                         "مواقع هيئة تحرير الشام في "
                         "بلدة حاس ومحيطها جنوبي إدلب، الخميس الثاني من كانون الثاني، بالتزامن مع هجوم بري "
                         "لقوات النظام، ما أدى "
                         "لمقتل ثلاثة من عناصر الهيئة."};
const Spec kHassOrient{
    .id = "r05b",
    .doc_id = "d05b",
    .outlet = "Orient News",
    .published = "2020-01-02",
    .type = kClash,
    .when = Counted("2020-01-02"),
    .actor1 = "SYRIAN_GOV",
    .actor2 = "HTS",
    .place = kHass,
    .fatalities = 5,
    .victims = Victims::kFighters,
    .confidence = 0.7,
    .text =
        "صدّت هيئة تحرير الشام محاولة تقدم لميليشيات أسد على محور بلدة حاس في ريف إدلب الجنوبي اليوم الخميس، "
        "وقُتل خلال الاشتباكات خمسة من المقاتلين المدافعين عن البلدة، وسط غطاء جوي روسي مكثف."};

// Row 6: two killings in Jasim, two days apart.
const Spec kJasimTuesday{.id = "r06a",
                         .doc_id = "d06a",
                         .outlet = "Enab Baladi",
                         .published = "2022-05-11",
                         .type = kAttack,
                         .when = OnDay("2022-05-10"),
                         .actor1 = "UNIDENTIFIED",
                         .actor2 = "CIVILIANS",
                         .place = kJasim,
                         .fatalities = 1,
                         .victims = Victims::kCivilians,
                         .confidence = 0.8,
                         .text =
                             "قُتل شاب برصاص مجهولين وسط مدينة جاسم شمالي درعا، مساء الثلاثاء العاشر من أيار، "
                             "في أحدث حلقة من سلسلة "
                             "الاغتيالات التي تشهدها المدينة منذ أشهر."};
const Spec kJasimThursday{.id = "r06b",
                          .doc_id = "d06b",
                          .outlet = "Horan Free League",
                          .published = "2022-05-13",
                          .type = kAttack,
                          .when = OnDay("2022-05-12"),
                          .actor1 = "UNIDENTIFIED",
                          .actor2 = "CIVILIANS",
                          .place = kJasim,
                          .fatalities = 1,
                          .victims = Victims::kCivilians,
                          .confidence = 0.7,
                          .text =
                              "عُثر صباح الخميس الثاني عشر من أيار على جثة شاب مقتولًا بطلقات نارية في الحي "
                              "الغربي من مدينة جاسم بريف "
                              "درعا الشمالي، وسط تصاعد عمليات القتل المجهولة في المنطقة."};

// A campaign, not an incident: clashes in one town through a week, told by
// two outlets with no day, no toll and nothing else in common.
const Spec kSarminClashesMonday{
    .id = "r20a",
    .doc_id = "d20a",
    .outlet = "Enab Baladi",
    .published = "2020-02-10",
    .type = kClash,
    .when = Week("2020-02-04", "2020-02-10"),
    .actor1 = "SYRIAN_GOV",
    .actor2 = "HTS",
    .place = kSarmin,
    .text =
        "تتواصل المعارك بين قوات النظام وهيئة تحرير الشام على محاور مدينة سرمين، وسط قصف متبادل "
        "ومحاولات تقدم لم تتوقف منذ أيام."};
const Spec kSarminClashesThursday{
    .id = "r20b",
    .doc_id = "d20b",
    .outlet = "Al-Watan",
    .published = "2020-02-13",
    .type = kClash,
    .when = Week("2020-02-07", "2020-02-13"),
    .actor1 = "SYRIAN_GOV",
    .actor2 = "HTS",
    .place = kSarmin,
    .text =
        "وحدات الجيش العربي السوري تكبد الإرهابيين خسائر فادحة في العتاد خلال عملياتها في محيط سرمين "
        "بالريف الشرقي لإدلب."};

// Row 7: shelling of Taftanaz and of Ta'um, ~4 km apart, on one day.
const Spec kTaftanazSohr{
    .id = "r07a",
    .doc_id = "d07a",
    .outlet = "Syrian Observatory for Human Rights",
    .published = "2020-01-29",
    .type = kShelling,
    .when = OnDay("2020-01-28"),
    .actor1 = "SYRIAN_GOV",
    .actor2 = "CIVILIANS",
    .place = kTaftanaz,
    .fatalities = 1,
    .victims = Victims::kCivilians,
    .confidence = 0.8,
    .text =
        "قضى مواطن جراء قصف صاروخي نفذته قوات النظام على بلدة تفتناز في ريف إدلب الشرقي، يوم الثلاثاء الثامن "
        "والعشرين من كانون الثاني، وسط استمرار التصعيد على المنطقة."};
const Spec kTaumEnab{.id = "r07b",
                     .doc_id = "d07b",
                     .outlet = "Enab Baladi",
                     .published = "2020-01-29",
                     .type = kShelling,
                     .when = OnDay("2020-01-28"),
                     .actor1 = "SYRIAN_GOV",
                     .actor2 = "CIVILIANS",
                     .place = kTaum,
                     .fatalities = 2,
                     .victims = Victims::kCivilians,
                     .confidence = 0.7,
                     .text =
                         "استهدفت قوات النظام بقذائف المدفعية قرية طعوم شرقي إدلب، الثلاثاء 28 من كانون "
                         "الثاني، ما أدى إلى مقتل "
                         "مدنيَّين اثنين، بحسب ما أفاد به مراسل عنب بلدي في ريف إدلب الشرقي."};
// A district-level round-up of the same day's shelling: it links to both.
const Spec kEastIdlibOrient{.id = "r07c",
                            .doc_id = "d07c",
                            .outlet = "Orient News",
                            .published = "2020-01-28",
                            .type = kShelling,
                            .when = Counted("2020-01-28"),
                            .actor1 = "SYRIAN_GOV",
                            .actor2 = "CIVILIANS",
                            .place = kEastIdlib,
                            .fatalities = 2,
                            .victims = Victims::kCivilians,
                            .confidence = 0.6,
                            .text =
                                "قصفت ميليشيات أسد بالمدفعية الثقيلة وراجمات الصواريخ بلدات ريف إدلب الشرقي "
                                "اليوم الثلاثاء، ما أدى إلى "
                                "مقتل مدنيَّين وجرح آخرين، بينما واصلت فرق الدفاع المدني انتشال العالقين."};

// Row 8: a protest and a clash in Kafr Takharim on one Friday.
const Spec kKafrTakharimProtest{
    .id = "r08a",
    .doc_id = "d08a",
    .outlet = "Zaman al-Wasl",
    .published = "2019-11-09",
    .type = kProtest,
    .when = OnDay("2019-11-08"),
    .actor1 = "PROTESTERS",
    .place = kKafrTakharim,
    .confidence = 0.8,
    .text =
        "خرج العشرات من أهالي بلدة كفر تخاريم في مظاهرة بعد صلاة الجمعة الثامن من تشرين الثاني، رفضًا للضرائب "
        "التي تفرضها حكومة الإنقاذ على محصول الزيتون، ورفعوا لافتات تطالب بإخراج الأمنيين من البلدة."};
const Spec kKafrTakharimClash{
    .id = "r08b",
    .doc_id = "d08b",
    .outlet = "Syrian Observatory for Human Rights",
    .published = "2019-11-08",
    .type = kClash,
    .when = Counted("2019-11-08"),
    .actor1 = "HTS",
    .actor2 = "AHRAR_AL_SHAM",
    .place = kKafrTakharim,
    .fatalities = 2,
    .victims = Victims::kFighters,
    .confidence = 0.7,
    .text =
        "دارت اشتباكات بالأسلحة الرشاشة بين عناصر من هيئة تحرير الشام ومسلحين من حركة أحرار الشام عند الحاجز "
        "الجنوبي لبلدة كفر تخاريم بريف إدلب الشمالي الغربي اليوم الجمعة، أسفرت عن مقتل عنصرين من الهيئة."};

// The same day in the same town, another clash between other sides.
const Spec kKafrTakharimOtherClash{
    .id = "r21b",
    .doc_id = "d21b",
    .outlet = "Step News Agency",
    .published = "2019-11-08",
    .type = kClash,
    .when = Counted("2019-11-08"),
    .actor1 = "SYRIAN_GOV",
    .actor2 = "NATIONAL_LIBERATION_FRONT",
    .place = kKafrTakharim,
    .fatalities = 1,
    .victims = Victims::kFighters,
    .confidence = 0.7,
    .text =
        "قُتل مقاتل من الجبهة الوطنية للتحرير برصاص قناص من قوات النظام على أطراف كفر تخاريم، اليوم، "
        "في خرق جديد لاتفاق وقف إطلاق النار."};

// Row 9: one morning's rocket fire on al-Atarib (Aleppo) and on Sarmin (Idlib).
const Spec kAtaribSohr{.id = "r09a",
                       .doc_id = "d09a",
                       .outlet = "Syrian Observatory for Human Rights",
                       .published = "2020-02-02",
                       .type = kShelling,
                       .when = OnDay("2020-02-02"),
                       .actor1 = "SYRIAN_GOV",
                       .actor2 = "CIVILIANS",
                       .place = kAtarib,
                       .fatalities = 2,
                       .victims = Victims::kCivilians,
                       .confidence = 0.8,
                       .text =
                           "قُتل مواطنان جراء قصف صاروخي لقوات النظام استهدف مدينة الأتارب في ريف حلب الغربي، "
                           "صباح الأحد الثاني من "
                           "شباط، وسط حركة نزوح واسعة للأهالي نحو المناطق الحدودية."};
const Spec kSarminEnab{.id = "r09b",
                       .doc_id = "d09b",
                       .outlet = "Enab Baladi",
                       .published = "2020-02-02",
                       .type = kShelling,
                       .when = OnDay("2020-02-02"),
                       .actor1 = "SYRIAN_GOV",
                       .actor2 = "CIVILIANS",
                       .place = kSarmin,
                       .fatalities = 2,
                       .victims = Victims::kCivilians,
                       .confidence = 0.7,
                       .text =
                           "قُتل مدنيان وأصيب آخرون جراء قصف صاروخي لقوات النظام على مدينة سرمين في ريف إدلب "
                           "الشرقي، الأحد الثاني "
                           "من شباط، بحسب ما أفاد به الدفاع المدني السوري."};

// Row 10: one article, two raids on Binnish (dawn and evening).
const Spec kBinnishDawn{
    .id = "r10a",
    .doc_id = "d10",
    .outlet = "Syrian Observatory for Human Rights",
    .published = "2020-01-21",
    .type = kAirStrike,
    .when = OnDay("2020-01-20"),
    .actor1 = "RUSSIA",
    .actor2 = "CIVILIANS",
    .place = kBinnish,
    .fatalities = 1,
    .victims = Victims::kCivilians,
    .confidence = 0.8,
    .text =
        "استهدفت طائرة حربية روسية فجر الإثنين العشرين من كانون الثاني سوق الخضار في مدينة بنش، ما أدى لمقتل "
        "امرأة وإصابة عدد من الباعة."};
const Spec kBinnishEvening{
    .id = "r10b",
    .doc_id = "d10",
    .outlet = "Syrian Observatory for Human Rights",
    .published = "2020-01-21",
    .type = kAirStrike,
    .when = OnDay("2020-01-20"),
    .actor1 = "RUSSIA",
    .actor2 = "CIVILIANS",
    .place = kBinnish,
    .fatalities = 2,
    .victims = Victims::kCivilians,
    .confidence = 0.8,
    .text =
        "وعند مساء اليوم ذاته عادت الطائرات الروسية لتقصف محيط مدرسة في مدينة بنش، ما أسفر عن مقتل طفلين "
        "شقيقين."};

// Row 11: clashes at al-Muzayrib; one report gives no date at all.
const Spec kMuzayribUndated{.id = "r11a",
                            .doc_id = "d11a",
                            .outlet = "Syria TV",
                            .published = "2021-07-30",
                            .type = kClash,
                            .when = Undated(),
                            .actor1 = "SYRIAN_GOV",
                            .actor2 = "UNIDENTIFIED",
                            .place = kMuzayrib,
                            .confidence = 0.6,
                            .text =
                                "شهدت بلدة المزيريب اشتباكات متقطعة بين مسلحين محليين وقوات النظام المتمركزة "
                                "في محيط البحيرة، دون ورود "
                                "أنباء عن خسائر بشرية."};
const Spec kMuzayribDated{.id = "r11b",
                          .doc_id = "d11b",
                          .outlet = "Horan Free League",
                          .published = "2021-07-30",
                          .type = kClash,
                          .when = OnDay("2021-07-29"),
                          .actor1 = "SYRIAN_GOV",
                          .actor2 = "UNIDENTIFIED",
                          .place = kMuzayrib,
                          .confidence = 0.7,
                          .text =
                              "اندلعت مواجهات بين أبناء المزيريب وعناصر من قوات النظام قرب بحيرة المزيريب، "
                              "يوم الخميس التاسع والعشرين "
                              "من تموز، عقب محاولة القوات اقتحام البلدة."};

// Row 12: a monthly tally mentions an attack in Tafas that a daily report dates.
const Spec kTafasMonthly{
    .id = "r12a",
    .doc_id = "d12a",
    .outlet = "Daraa Martyrs Documentation Office",
    .published = "2022-04-02",
    .type = kClash,
    .when = Month("2022-03-01", "2022-03-31"),
    .actor1 = "UNIDENTIFIED",
    .actor2 = "SYRIA_MILITARY_INTEL",
    .place = kTafas,
    .fatalities = 2,
    .victims = Victims::kFighters,
    .confidence = 0.6,
    .text =
        "شهدت مدينة طفس خلال شهر آذار الماضي هجومًا مسلحًا على مقر للأمن العسكري أسفر عن مقتل عنصرين، بحسب "
        "التقرير الشهري لمكتب توثيق الشهداء في درعا."};
const Spec kTafasDaily{
    .id = "r12b",
    .doc_id = "d12b",
    .outlet = "Horan Free League",
    .published = "2022-03-16",
    .type = kClash,
    .when = OnDay("2022-03-15"),
    .actor1 = "UNIDENTIFIED",
    .actor2 = "SYRIA_MILITARY_INTEL",
    .place = kTafas,
    .fatalities = 2,
    .victims = Victims::kFighters,
    .confidence = 0.7,
    .text =
        "هاجم مسلحون مجهولون مقر فرع الأمن العسكري في مدينة طفس بالأسلحة الخفيفة والقذائف، مساء الثلاثاء "
        "الخامس عشر من آذار، ما أدى لمقتل عنصرين من الفرع."};

// For MergeRecords: a dated report placed only in the western Daraa
// countryside, and a weekly round-up that names al-Muzayrib.
const Spec kWestDaraaSana{
    .id = "r13a",
    .doc_id = "d13a",
    .outlet = "SANA",
    .published = "2021-06-24",
    .type = kIed,
    .when = OnDay("2021-06-23"),
    .actor1 = "UNIDENTIFIED",
    .actor2 = "SYRIAN_GOV",
    .place = kWestDaraa,
    .fatalities = 2,
    .victims = Victims::kFighters,
    .confidence = 0.8,
    .text =
        "ارتقى شهيدان من عناصر الجيش العربي السوري جراء انفجار عبوة ناسفة زرعها إرهابيون بآلية عسكرية في ريف "
        "درعا الغربي، يوم الأربعاء الثالث والعشرين من حزيران."};
const Spec kMuzayribWeekly{
    .id = "r13b",
    .doc_id = "d13b",
    .outlet = "Syrian Network for Human Rights",
    .published = "2021-06-28",
    .type = kIed,
    .when = Week("2021-06-21", "2021-06-27"),
    .actor1 = "UNIDENTIFIED",
    .actor2 = "SYRIAN_GOV",
    .place = kMuzayrib,
    .fatalities = 3,
    .victims = Victims::kFighters,
    .confidence = 0.7,
    .text =
        "سجّلنا في الأسبوع الماضي انفجار عبوة ناسفة بآلية عسكرية لقوات النظام السوري على أطراف بلدة المزيريب "
        "بريف درعا الغربي، أسفر عن مقتل ثلاثة من عناصرها."};

// ---------------------------------------------------------------------------
// The table.

struct Row {
  std::string name;
  std::string reason;
  Spec a, b;
  bool linked;
  std::string veto_word;  // for no-merge rows: a word of the veto
  std::string part;       // a Part the score must hold ("" none; "!feature": must not hold)
};

const std::vector<Row>& Rows() {
  static const std::vector<Row> rows = {
      {"TwoOutletsOneRaid", "one Russian raid on Binnish, 2 vs 3 killed, told in different words",
       kBinnishSohr, kBinnishEnab, true, "", "close fatalities"},
      {"YesterdayOneDayOff", "\"أمس\" counted from a late publication lands a day after the written date",
       kTafasSana, kTafasHoran, true, "", "!same day"},
      {"VictimNamedInBoth", "both name the victim of the al-Yadudah killing, one in full", kYadudahEnab,
       kYadudahSyriaTv, true, "", "shared rare words"},
      {"DistrictHoldsVillage", "\"southern Idlib countryside\" holds Kafranbel, where the same clash was",
       kKafranbelStep, kSouthIdlibWatan, true, "", "one place holds the other"},
      {"AirStrikeAndClash", "the air strikes and the ground clash of one push on Hass", kHassSohr,
       kHassOrient, true, "", "related event types"},
      {"SamePlaceTwoDaysApart", "two killings in Jasim on the 10th and the 12th", kJasimTuesday,
       kJasimThursday, false, "different days", ""},
      {"NeighbouringVillages", "Taftanaz and Ta'um are ~4 km apart: two shellings, not one", kTaftanazSohr,
       kTaumEnab, false, "different places", ""},
      {"ProtestAndClash", "a protest and a clash between factions in one town on one Friday",
       kKafrTakharimProtest, kKafrTakharimClash, false, "different kinds", ""},
      {"DifferentGovernorates", "al-Atarib (Aleppo) and Sarmin (Idlib) shelled the same morning", kAtaribSohr,
       kSarminEnab, false, "different governorates", ""},
      {"SameArticle", "one article telling of two raids on Binnish", kBinnishDawn, kBinnishEvening, false,
       "one article", ""},
      {"Undated", "a report without a date cannot be placed in time", kMuzayribUndated, kMuzayribDated, false,
       "undated", ""},
      {"MonthOnly", "a monthly tally's attack cannot be told from the month's others", kTafasMonthly,
       kTafasDaily, false, "month", ""},
      {"SameDayDifferentActors",
       "one Friday in Kafr Takharim: a clash of HTS and Ahrar, a sniper of the army", kKafrTakharimClash,
       kKafrTakharimOtherClash, false, "below", "no shared actor"},
      {"CampaignNotIncident", "a week of clashes around Sarmin: same town, sides and type, nothing more",
       kSarminClashesMonday, kSarminClashesThursday, false, "nothing only one incident has", ""},
  };
  return rows;
}

std::string Explain(const PairScore& score) {
  std::string out = "veto: '" + score.veto + "', score " + std::to_string(score.score) + " / " +
                    std::to_string(score.threshold);
  for (const Part& part : score.parts)
    out += "\n  " + part.feature + " " + std::to_string(part.points) + " (" + part.detail + ")";
  return out;
}

class LinkTableTest : public ::testing::TestWithParam<Row> {};

TEST_P(LinkTableTest, Decision) {
  const Row& row = GetParam();
  const Linker& linker = TheLinker();
  Report ra = MakeReport(row.a), rb = MakeReport(row.b);
  Profile pa = linker.Describe(ra), pb = linker.Describe(rb);
  PairScore ab = linker.Score(pa, pb), ba = linker.Score(pb, pa);
  SCOPED_TRACE(row.reason + "\n" + Explain(ab));
  EXPECT_EQ(ab.linked(), row.linked);
  // The decision and its points do not depend on which report comes first.
  EXPECT_EQ(ba.linked(), ab.linked());
  EXPECT_NEAR(ba.score, ab.score, 1e-9);
  if (row.linked) {
    EXPECT_EQ(ab.veto, "");
    EXPECT_GE(ab.score, ab.threshold);
  } else {
    std::string why = !ab.veto.empty()             ? ab.veto
                      : !ab.uncorroborated.empty() ? ab.uncorroborated
                                                   : "score below the threshold";
    EXPECT_NE(why.find(row.veto_word), std::string::npos) << "why not: " << why;
  }
  if (!row.part.empty()) {
    bool absent = row.part[0] == '!';
    std::string feature = absent ? row.part.substr(1) : row.part;
    bool found =
        std::any_of(ab.parts.begin(), ab.parts.end(), [&](const Part& p) { return p.feature == feature; });
    EXPECT_EQ(found, !absent) << "part '" << feature << "'";
  }
  if (std::getenv("HADATH_LINK_TABLE_VERBOSE")) std::cout << row.name << ": " << Explain(ab) << "\n";
  // Group() agrees with the pair's decision.
  auto clusters = linker.Group({pa, pb});
  EXPECT_EQ(clusters.size(), row.linked ? 1u : 2u);
}

INSTANTIATE_TEST_SUITE_P(Rows, LinkTableTest, ::testing::ValuesIn(Rows()),
                         [](const ::testing::TestParamInfo<Row>& info) { return info.param.name; });

// The name both reports give is what "shared rare words" found.
TEST(LinkTableExtras, SharedRareWordsHoldTheVictimsName) {
  const Linker& linker = TheLinker();
  Report ra = MakeReport(kYadudahEnab), rb = MakeReport(kYadudahSyriaTv);
  PairScore score = linker.Score(linker.Describe(ra), linker.Describe(rb));
  auto part = std::find_if(score.parts.begin(), score.parts.end(),
                           [](const Part& p) { return p.feature == "shared rare words"; });
  ASSERT_NE(part, score.parts.end()) << Explain(score);
  EXPECT_NE(part->detail.find("النعيمات"), std::string::npos) << part->detail;
}

// Reports that can link to nothing have no candidate window.
TEST(LinkTableExtras, NoWindowForUndatedOrMonthOnly) {
  const Linker& linker = TheLinker();
  Report undated = MakeReport(kMuzayribUndated), monthly = MakeReport(kTafasMonthly),
         daily = MakeReport(kTafasDaily);
  EXPECT_FALSE(linker.CandidateWindow(linker.Describe(undated)));
  EXPECT_FALSE(linker.CandidateWindow(linker.Describe(monthly)));
  auto window = linker.CandidateWindow(linker.Describe(daily));
  ASSERT_TRUE(window);
  EXPECT_EQ(window->admin1, "Daraa");
  EXPECT_LE(window->date_from, "2022-03-15");
  EXPECT_GE(window->date_to, "2022-03-15");
}

// ---------------------------------------------------------------------------
// Group().

using IdClusters = std::set<std::set<std::string>>;

IdClusters ClusterIds(const std::vector<Cluster>& clusters, const std::vector<Profile>& profiles) {
  IdClusters out;
  for (const Cluster& cluster : clusters) {
    std::set<std::string> ids;
    for (size_t member : cluster.members) ids.insert(profiles[member].report->id);
    out.insert(ids);
  }
  return out;
}

std::string Show(const IdClusters& clusters) {
  std::string out;
  for (const auto& cluster : clusters) {
    out += "{";
    for (const std::string& id : cluster) out += id + " ";
    out += "} ";
  }
  return out;
}

TEST(LinkGroup, IndependentOfInputOrder) {
  const Linker& linker = TheLinker();
  std::vector<Report> reports;
  for (const Spec* spec : {&kBinnishSohr, &kBinnishEnab, &kKafranbelStep, &kSouthIdlibWatan, &kTaftanazSohr,
                           &kTaumEnab, &kEastIdlibOrient, &kTafasSana, &kTafasHoran})
    reports.push_back(MakeReport(*spec));
  std::vector<Profile> profiles;
  for (const Report& report : reports) profiles.push_back(linker.Describe(report));

  std::vector<Cluster> first = linker.Group(profiles);
  IdClusters expected = ClusterIds(first, profiles);
  // Every profile is in exactly one cluster.
  size_t members = 0;
  for (const auto& cluster : expected) members += cluster.size();
  EXPECT_EQ(members, profiles.size()) << Show(expected);
  // The pairs of the table's merge rows are together.
  auto together = [&](const std::string& x, const std::string& y) {
    return std::any_of(expected.begin(), expected.end(),
                       [&](const auto& cluster) { return cluster.contains(x) && cluster.contains(y); });
  };
  EXPECT_TRUE(together("r01a", "r01b")) << Show(expected);
  EXPECT_TRUE(together("r02a", "r02b")) << Show(expected);
  EXPECT_TRUE(together("r04a", "r04b")) << Show(expected);
  EXPECT_FALSE(together("r07a", "r07b")) << Show(expected);

  for (unsigned seed : {1u, 7u, 42u, 2024u, 31337u, 99991u}) {
    std::vector<Profile> shuffled = profiles;
    std::mt19937 random(seed);
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    std::vector<Cluster> clusters = linker.Group(shuffled);
    EXPECT_EQ(ClusterIds(clusters, shuffled), expected)
        << "seed " << seed << ": " << Show(ClusterIds(clusters, shuffled));
    // The canonical (first) member and the order of the clusters do not move either.
    ASSERT_EQ(clusters.size(), first.size());
    for (size_t i = 0; i < clusters.size(); ++i)
      EXPECT_EQ(shuffled[clusters[i].members.front()].report->id,
                profiles[first[i].members.front()].report->id)
          << "seed " << seed << ", cluster " << i;
  }
}

TEST(LinkGroup, NoBridgeAcrossAVeto) {
  const Linker& linker = TheLinker();
  // A: Taftanaz, C: Ta'um (~4 km apart), B: "the eastern Idlib countryside",
  // which holds both.
  std::vector<Report> reports = {MakeReport(kTaftanazSohr), MakeReport(kEastIdlibOrient),
                                 MakeReport(kTaumEnab)};
  std::vector<Profile> profiles;
  for (const Report& report : reports) profiles.push_back(linker.Describe(report));
  const Profile &a = profiles[0], &b = profiles[1], &c = profiles[2];
  PairScore ab = linker.Score(a, b), bc = linker.Score(b, c), ac = linker.Score(a, c);
  ASSERT_TRUE(ab.linked()) << Explain(ab);
  ASSERT_TRUE(bc.linked()) << Explain(bc);
  ASSERT_NE(ac.veto.find("different places"), std::string::npos) << Explain(ac);
  if (std::getenv("HADATH_LINK_TABLE_VERBOSE"))
    std::cout << "A-B: " << Explain(ab) << "\nB-C: " << Explain(bc) << "\n";

  for (unsigned seed : {0u, 3u, 11u}) {
    std::vector<Profile> shuffled = profiles;
    std::mt19937 random(seed);
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    IdClusters clusters = ClusterIds(linker.Group(shuffled), shuffled);
    SCOPED_TRACE(Show(clusters));
    EXPECT_EQ(clusters.size(), 2u);
    for (const auto& cluster : clusters) EXPECT_FALSE(cluster.contains("r07a") && cluster.contains("r07b"));
    // The round-up joins one of them: the stronger link.
    int with_b = 0;
    for (const auto& cluster : clusters)
      if (cluster.contains("r07c")) with_b = static_cast<int>(cluster.size());
    EXPECT_EQ(with_b, 2);
  }
}

// ---------------------------------------------------------------------------
// MergeRecords().

TEST(LinkMerge, TwoReportCluster) {
  const Linker& linker = TheLinker();
  std::vector<Report> reports = {MakeReport(kMuzayribWeekly), MakeReport(kWestDaraaSana)};
  std::vector<Profile> profiles;
  for (const Report& report : reports) profiles.push_back(linker.Describe(report));
  // The two as one group, as Group() would give it (in canonical order):
  // whether they are linked is the table's business, merging them is this test's.
  std::vector<Cluster> clusters = {Cluster{{0, 1}, {Join{1, 0, linker.Score(profiles[1], profiles[0])}}}};
  std::sort(clusters[0].members.begin(), clusters[0].members.end(),
            [&](size_t x, size_t y) { return CanonicalBefore(profiles[x], profiles[y]); });

  int notes_written = 0;
  NoteWriter notes = [&](const events::NoteFacts& facts) {
    ++notes_written;
    EXPECT_EQ(facts.fatalities, 2);
    return std::string("NOTE");
  };
  const std::string event_id = "ev-5e1f0a2b3c4d5e6f";
  Json merged = Json::parse(MergeRecords(clusters[0], profiles, event_id, notes));
  EXPECT_EQ(notes_written, 1);

  EXPECT_EQ(merged["event_id"], event_id);
  EXPECT_EQ(merged["event_id_cnty"], "SYR407602765");  // 0x5e1f0a2b3c4d mod 10^9
  // The lowest count, with the span of both.
  EXPECT_EQ(merged["fatalities"], 2);
  EXPECT_EQ(merged["fatalities_low"], 2);
  EXPECT_EQ(merged["fatalities_high"], 3);
  // Both articles, both outlets, both reports; the earliest published first.
  ASSERT_EQ(merged["documents"].size(), 2u);
  std::set<std::string> docs;
  for (const Json& document : merged["documents"]) docs.insert(document["doc_id"].get<std::string>());
  EXPECT_EQ(docs, (std::set<std::string>{"d13a", "d13b"}));
  EXPECT_EQ(merged["source"], "SANA; Syrian Network for Human Rights");
  EXPECT_EQ(merged["reports"], Json::array({"r13a", "r13b"}));
  ASSERT_EQ(merged["claims"].size(), 2u);
  // Place from the more precise report (al-Muzayrib, a village)...
  EXPECT_EQ(merged["location_ar"], "المزيريب");
  EXPECT_EQ(merged["gazetteer_id"], "geonames:166503");
  EXPECT_EQ(merged["geo_precision"], 1);
  EXPECT_DOUBLE_EQ(merged["latitude"].get<double>(), 32.71084);
  // ...date from the more precise date (a day, not a week).
  EXPECT_EQ(merged["event_date"], "2021-06-23");
  EXPECT_EQ(merged["date_start"], "2021-06-23");
  EXPECT_EQ(merged["date_end"], "2021-06-23");
  EXPECT_EQ(merged["time_precision"], 1);
  EXPECT_EQ(merged["date_basis"], "text");
  // 1 - (1 - 0.8)(1 - 0.7).
  EXPECT_DOUBLE_EQ(merged["confidence"].get<double>(), 0.94);
  EXPECT_EQ(merged["notes"], "NOTE 2 reports linked.");
  EXPECT_EQ(merged["contested"], false);
}

// Each outlet names some of the allies: the event names them all, each on
// the side its report gives it, none twice.
TEST(LinkMerge, AlliesOfEveryReportAreKept) {
  const Linker& linker = TheLinker();
  Spec one = kBinnishSohr, two = kBinnishEnab;
  one.assoc1 = {"IRAN"};
  two.assoc1 = {"SYRIAN_GOV", "IRAN"};
  two.assoc2 = {"HTS"};
  std::vector<Report> reports = {MakeReport(one), MakeReport(two)};
  std::vector<Profile> profiles;
  for (const Report& report : reports) profiles.push_back(linker.Describe(report));
  Cluster cluster{{0, 1}, {Join{1, 0, linker.Score(profiles[1], profiles[0])}}};
  NoteWriter notes = [](const events::NoteFacts&) { return std::string("NOTE"); };
  Json merged = Json::parse(MergeRecords(cluster, profiles, "ev-0123456789abcdef", notes));
  std::vector<std::string> allies = merged["assoc_actor_1_ids"];
  std::sort(allies.begin(), allies.end());
  EXPECT_EQ(allies, (std::vector<std::string>{"IRAN", "SYRIAN_GOV"}));
  EXPECT_EQ(merged["assoc_actor_2_ids"], Json::array({"HTS"}));
  EXPECT_EQ(merged["actor1_id"], "RUSSIA");
}

}  // namespace
}  // namespace hadath::link

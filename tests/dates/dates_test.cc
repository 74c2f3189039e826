// Time expressions in sentences written in the manner of Syrian, Iraqi,
// Lebanese and pan-Arab outlets, each with a publication date and the
// dates a human coder following ACLED would give. Expected values were
// worked out by hand (weekdays checked against a calendar), not copied
// from the reader's output.
#include "hadath/dates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "text/test_data.h"

namespace hadath::dates {
namespace {

struct Loaded {
  text::Tokenizer tokenizer;
  DateReader reader;
};

const Loaded& Resources() {
  static const Loaded loaded = [] {
    auto tokenizer = text::Tokenizer::Load(testing::DataDirectory());
    if (!tokenizer) std::abort();
    auto reader = DateReader::Load(*tokenizer, testing::DataDirectory());
    if (!reader) {
      ADD_FAILURE() << reader.error();
      std::abort();
    }
    return Loaded{std::move(*tokenizer), std::move(*reader)};
  }();
  return loaded;
}

std::vector<DateMention> Read(std::string_view published, std::string_view input) {
  text::TokenizedText tokens;
  Resources().tokenizer.Tokenize(input, &tokens);
  lexicon::MatchState state;
  std::vector<DateMention> mentions;
  Resources().reader.Read(input, tokens, PublishedDate::FromIso(published), &state, &mentions);
  return mentions;
}

std::string Iso(const std::optional<CivilDate>& date) { return date ? date->ToIso() : "-"; }

// "span [kind] 2024-08-23 p1" for a single day,
// "span [kind] start..end best B p3" for a range,
// "span [kind] unresolved: reason" when unresolved; then " note: ..." if any.
std::string Describe(std::string_view input, const DateMention& mention) {
  std::string out(testing::Slice(input, mention.span));
  out.append(" [").append(KindName(mention.kind)).append("] ");
  if (!mention.resolved()) {
    out.append("unresolved: ").append(mention.reason);
  } else if (mention.start == mention.end && mention.end == mention.best) {
    out.append(Iso(mention.best)).append(" p").append(std::to_string(mention.time_precision));
  } else {
    out.append(Iso(mention.start)).append("..").append(Iso(mention.end));
    out.append(" best ")
        .append(Iso(mention.best))
        .append(" p")
        .append(std::to_string(mention.time_precision));
  }
  if (!mention.note.empty()) out.append(" note: ").append(mention.note);
  return out;
}

std::string Dates(std::string_view published, std::string_view input) {
  std::string description;
  for (const DateMention& mention : Read(published, input)) {
    if (!description.empty()) description += "; ";
    description += Describe(input, mention);
  }
  return description;
}

struct DateCase {
  const char* what;
  const char* published;  // PublishedDate::FromIso; "" = unknown
  std::string input;
  std::string expected;
};

// 2024-08-23 is a Friday, 2020-05-18 a Monday, 2022-12-11 a Sunday,
// 2021-01-03 a Sunday, 2023-03-15 a Wednesday, 2019-10-10 a Thursday,
// 2018-02-05 a Monday, 2016-07-01 a Friday, 2015-07-20 a Monday.
const DateCase kDateCases[] = {
    // Relative days (SANA, Enab Baladi).
    {"dawn today", "2024-08-23", "استشهد مدنيان جراء عدوان إسرائيلي فجر اليوم على ريف حماة",
     "فجر اليوم [relative_day] 2024-08-23 p1"},
    {"evening yesterday", "2024-08-23", "ارتقى شهيد بقذائف صاروخية مساء أمس على حي الحمدانية",
     "مساء أمس [relative_day] 2024-08-22 p1"},
    {"night yesterday spans two days", "2024-08-23", "ووقع الهجوم ليل أمس في ريف دير الزور",
     "ليل أمس [relative_day] 2024-08-22..2024-08-23 best 2024-08-22 p1"},
    {"after midnight is the next day", "2024-08-23", "اندلعت اشتباكات بعد منتصف ليل أمس",
     "بعد منتصف ليل أمس [relative_day] 2024-08-22..2024-08-23 best 2024-08-23 p1"},
    {"day before yesterday", "2024-08-23", "نفذت قوات التحالف إنزالا جويا أول من أمس في البصيرة",
     "أول من أمس [relative_day] 2024-08-21 p1"},
    {"yesterday with its weekday", "2019-10-10", "وثق المرصد مقتل 5 عناصر، يوم أمس الأربعاء، في ريف إدلب",
     "يوم أمس الأربعاء [relative_day] 2019-10-09 p1"},
    {"the other word for yesterday", "2019-10-10", "سمع دوي انفجار مساء البارحة في المدينة",
     "مساء البارحة [relative_day] 2019-10-09 p1"},
    {"last night", "2016-07-01", "شنت الطائرات غارات الليلة الماضية على جرود عرسال",
     "الليلة الماضية [relative_day] 2016-06-30..2016-07-01 best 2016-06-30 p1"},
    {"today restated with weekday and date", "2020-05-18",
     "نقل عن شهود عيان اليوم، الاثنين 18 من أيار، قولهم إن العملية فشلت",
     "اليوم، الاثنين 18 من أيار [day_month] 2020-05-18 p1"},
    {"today with weekday in parentheses", "2015-07-20", "قال الرئيس اليمني اليوم (الاثنين) إن الحكومة عادت",
     "اليوم (الاثنين) [relative_day] 2015-07-20 p1"},
    {"yesterday with weekday in parentheses", "2015-07-20", "وفي تصريحات أمس (الأحد)، قال كاميرون",
     "أمس (الأحد) [relative_day] 2015-07-19 p1"},
    {"midday today with weekday", "2023-03-15", "سقطت قذيفة ظهر اليوم الأربعاء على بلدة تل تمر",
     "ظهر اليوم الأربعاء [relative_day] 2023-03-15 p1"},
    {"today with the Iraqi weekday", "2018-02-05",
     "أعلنت خلية الإعلام الأمني، اليوم الاثنين، مقتل ثلاثة إرهابيين",
     "اليوم الاثنين [relative_day] 2018-02-05 p1"},
    {"weekday disagreeing with yesterday", "2024-08-23", "قصف منتصف ليل أمس السبت",
     "منتصف ليل أمس السبت [relative_day] 2024-08-22..2024-08-23 best 2024-08-22 p1 note: weekday does not "
     "match the "
     "date"},
    {"after midnight yesterday Saturday", "2022-12-11", "نفذت مروحية أمريكية غارة بعد منتصف ليل أمس السبت",
     "بعد منتصف ليل أمس السبت [relative_day] 2022-12-10..2022-12-11 best 2022-12-11 p1"},
    {"two days ago", "2019-10-10", "قتل عنصران قبل يومين بكمين", "قبل يومين [relative_day] 2019-10-08 p1"},
    {"the day after tomorrow", "2019-10-10", "تنتهي المهلة بعد غد السبت",
     "بعد غد السبت [relative_day] 2019-10-12 p1"},
    {"newspaper named tomorrow", "2019-10-10", "نقلت صحيفة الغد الأردنية", ""},
    {"yesterday with a preposition and article", "2024-08-23", "وصلت التعزيزات بالأمس إلى المنطقة",
     "بالأمس [relative_day] 2024-08-22 p1"},

    // Weekdays.
    {"bare weekday between commas", "2024-08-23",
     "قتل القيادي خلال عملية أمنية لقواتها، الخميس، بدعم من التحالف", "الخميس [weekday] 2024-08-22 p1"},
    {"weekday on publication day", "2024-08-23", "خرجت مظاهرات يوم الجمعة في إدلب",
     "يوم الجمعة [weekday] 2024-08-23 p1"},
    {"last Monday", "2024-08-23", "داهمت القوات منزلا الاثنين الماضي",
     "الاثنين الماضي [weekday] 2024-08-19 p1"},
    {"last Friday is strictly before", "2024-08-23", "سقط صاروخ الجمعة الماضية قرب المطار",
     "الجمعة الماضية [weekday] 2024-08-16 p1"},
    {"morning of a weekday", "2023-03-15", "استهدفت مسيرة تركية سيارة صباح الثلاثاء في القامشلي",
     "صباح الثلاثاء [weekday] 2023-03-14 p1"},
    {"dawn of a weekday", "2016-07-01", "فجر الخميس هاجم انتحاريون بلدة القاع",
     "فجر الخميس [weekday] 2016-06-30 p1"},
    {"night from Thursday to Friday", "2023-03-15", "دارت اشتباكات ليلة الخميس على الجمعة في دير حافر",
     "ليلة الخميس على الجمعة [weekday] 2023-03-09..2023-03-10 best 2023-03-09 p1"},
    {"two weekdays with clitic", "2024-08-23", "قتل مدنيان الخميس والجمعة بقصف مدفعي",
     "الخميس [weekday] 2024-08-22 p1; والجمعة [weekday] 2024-08-23 p1"},
    {"evening of Friday after و في", "2024-08-23", "وفي مساء الجمعة سقطت قذيفة",
     "مساء الجمعة [weekday] 2024-08-23 p1"},
    {"Monday last week and Sunday with a date", "2020-05-21",
     "داهمت القوات الاثنين الماضي منزلا في الزر، والأحد 17 أيار بلدة الشحيل",
     "الاثنين الماضي [weekday] 2020-05-18 p1; والأحد 17 أيار [day_month] 2020-05-17 p1"},

    // Day and month.
    {"weekday and day of month (Enab Baladi)", "2024-08-23",
     "وقالت عبر بيان، الجمعة 23 من آب، إن القيادي قتل", "الجمعة 23 من آب [day_month] 2024-08-23 p1"},
    {"weekday picks last year", "2025-08-29", "وقالت عبر بيان، الجمعة 23 من آب، إن القيادي قتل",
     "الجمعة 23 من آب [day_month] 2024-08-23 p1"},
    {"weekday picks a year five years back", "2023-09-01", "جرت المداهمة الخميس 23 من آب",
     "الخميس 23 من آب [day_month] 2018-08-23 p1"},
    {"day of the current month", "2020-05-18", "وكانت القوات نفذت إنزالا في 7 من أيار الحالي",
     "7 من أيار الحالي [day_month] 2020-05-07 p1"},
    {"year boundary", "2021-01-03", "قتل عنصران في 25 كانون الأول بهجوم على حاجز",
     "25 كانون الأول [day_month] 2020-12-25 p1"},
    {"two days after publication is allowed", "2021-01-03", "من المقرر أن يعقد الاجتماع في 5 كانون الثاني",
     "5 كانون الثاني [day_month] 2021-01-05 p1"},
    {"three days after publication is last year", "2021-01-03", "وقعت المجزرة في 6 كانون الثاني",
     "6 كانون الثاني [day_month] 2020-01-06 p1"},
    {"night of a date", "2021-01-03", "انفجرت عبوة ليلة 31 كانون الأول في جرابلس",
     "ليلة 31 كانون الأول [day_month] 2020-12-31..2021-01-01 best 2020-12-31 p1"},
    {"western and levantine month pair", "2022-12-11",
     "وكانت القيادة أعلنت في 18 نوفمبر/ تشرين الثاني 2022 مقتل قيادي",
     "18 نوفمبر/ تشرين الثاني 2022 [date] 2022-11-18 p1"},
    {"pair with current month", "2022-12-11", "نفذت قوات التحالف عملية في 3 ديسمبر/ كانون الأول الجاري",
     "3 ديسمبر/ كانون الأول الجاري [day_month] 2022-12-03 p1"},
    {"pair in parentheses, month of last year", "2015-07-20", "أعلن التحالف في 29 مايو (أيار) الماضي",
     "29 مايو (أيار) الماضي [day_month] 2015-05-29 p1"},
    {"day with article prefix and current month", "2023-03-15", "في الـ10 من الشهر الجاري قتل ثلاثة",
     "الـ10 من الشهر الجاري [day_month] 2023-03-10 p1"},
    {"day of the current month without the month", "2023-03-15", "شهدت البلدة في 12 الجاري قصفا",
     "12 الجاري [day_month] 2023-03-12 p1"},
    {"ordinal day", "2023-03-15", "اغتيل مختار القرية في الخامس من آذار",
     "الخامس من آذار [day_month] 2023-03-05 p1"},
    {"compound ordinal day", "2021-09-20", "في الحادي عشر من أيلول شن التنظيم هجوما",
     "الحادي عشر من أيلول [day_month] 2021-09-11 p1"},
    {"ordinal day of last month", "2018-02-05",
     "في التاسع عشر من كانون الثاني الماضي استهدف انتحاري سوق الطيران",
     "التاسع عشر من كانون الثاني الماضي [day_month] 2018-01-19 p1"},
    {"afternoon of a weekday with a date", "2019-10-10",
     "عصر الثلاثاء 8 تشرين الأول سقطت قذائف على رأس العين",
     "عصر الثلاثاء 8 تشرين الأول [day_month] 2019-10-08 p1"},
    {"Maghrebi month of last year", "2021-06-20", "في 3 أوت وقعت حرائق", "3 أوت [day_month] 2020-08-03 p1"},
    {"Al Jazeera's pair without spaces", "2023-10-09", "منذ السابع من أكتوبر/تشرين الأول",
     "السابع من أكتوبر/تشرين الأول [day_month] 2023-10-07 p1"},

    // Full dates.
    {"day month year in words", "2024-08-23", "في كانون الثاني عام 2022 هاجم التنظيم سجن الصناعة",
     "كانون الثاني عام 2022 [month] 2022-01-01..2022-01-31 best 2022-01-15 p3"},
    {"Maghrebi date with day noun", "2021-06-20", "يوم 12 جوان 2021 اندلعت الحرائق",
     "يوم 12 جوان 2021 [date] 2021-06-12 p1"},
    {"date with era letter", "2015-07-20", "في 12 أغسطس 2014م", "12 أغسطس 2014م [date] 2014-08-12 p1"},
    {"weekday not matching an explicit date", "2024-08-30", "قصف الأحد 23 آب 2024",
     "الأحد 23 آب 2024 [date] 2024-08-23 p1 note: weekday does not match the date"},
    {"Arabic-Indic digits", "2020-06-01", "وفي ١٥ أيار ٢٠٢٠ قتل شخصان", "١٥ أيار ٢٠٢٠ [date] 2020-05-15 p1"},

    // Numeric dates.
    {"day/month/year", "2020-05-20", "بتاريخ 17/5/2020 داهمت دورية", "17/5/2020 [date] 2020-05-17 p1"},
    {"day-month-year", "2020-05-20", "وفي 17-05-2020 داهمت دورية", "17-05-2020 [date] 2020-05-17 p1"},
    {"year-month-day", "2020-05-20", "التاريخ 2020-05-17", "2020-05-17 [date] 2020-05-17 p1"},
    {"dotted", "2020-05-20", "بتاريخ 17.5.2020", "17.5.2020 [date] 2020-05-17 p1"},
    {"Arabic-Indic numeric", "2020-05-20", "بتاريخ ١٧/٥/٢٠٢٠", "١٧/٥/٢٠٢٠ [date] 2020-05-17 p1"},
    {"dateline year first", "2020-05-18", "• 2020/05/18", "2020/05/18 [date] 2020-05-18 p1"},
    {"Hijri numeric date is not read", "2015-06-26", "الموافق 9/9/1436", ""},

    // Months.
    {"early current month (Enab Baladi)", "2020-05-18",
     "تشهد المحافظة، منذ مطلع أيار الحالي، تزايدا في العمليات",
     "مطلع أيار الحالي [month] 2020-05-01..2020-05-10 best 2020-05-01 p3"},
    {"month alone", "2024-08-23", "نزح آلاف المدنيين في أيار",
     "أيار [month] 2024-05-01..2024-05-31 best 2024-05-15 p3"},
    {"month alone lies before publication", "2024-08-23", "وقعت المعارك في تشرين الأول",
     "تشرين الأول [month] 2023-10-01..2023-10-31 best 2023-10-15 p3"},
    {"mid month with month noun", "2024-08-23", "في منتصف شهر آب",
     "منتصف شهر آب [month] 2024-08-11..2024-08-20 best 2024-08-15 p3"},
    {"late last month (named)", "2023-03-15", "تصاعدت الهجمات أواخر شباط الفائت",
     "أواخر شباط الفائت [month] 2023-02-21..2023-02-28 best 2023-02-28 p3"},
    {"August last year when said in August", "2024-08-23", "قتل في هجوم لشهر آب الماضي",
     "لشهر آب الماضي [month] 2023-08-01..2023-08-31 best 2023-08-15 p3"},
    {"early month with a clitic", "2024-08-23", "بمطلع أيار سيطرت القوات",
     "بمطلع أيار [month] 2024-05-01..2024-05-10 best 2024-05-01 p3"},
    {"month of last year", "2015-07-20", "سجلت في مايو من العام الماضي",
     "مايو من العام الماضي [month] 2014-05-01..2014-05-31 best 2014-05-15 p3"},
    {"Maghrebi month last", "2021-06-20", "في أفريل الماضي",
     "أفريل الماضي [month] 2021-04-01..2021-04-30 best 2021-04-15 p3"},
    {"last month", "2024-08-23", "تراجعت الهجمات خلال الشهر الماضي",
     "الشهر الماضي [month] 2024-07-01..2024-07-31 best 2024-07-15 p3"},
    {"early current month", "2024-08-23", "منذ مطلع الشهر الحالي",
     "مطلع الشهر الحالي [month] 2024-08-01..2024-08-10 best 2024-08-01 p3"},
    {"late last month", "2024-08-23", "في أواخر الشهر الماضي",
     "أواخر الشهر الماضي [month] 2024-07-21..2024-07-31 best 2024-07-31 p3"},
    {"this month ends on publication", "2023-10-09", "قتل هذا الشهر أكثر من مئة",
     "هذا الشهر [month] 2023-10-01..2023-10-09 best 2023-10-09 p3"},
    {"last month across a year", "2021-01-03", "في الشهر الماضي",
     "الشهر الماضي [month] 2020-12-01..2020-12-31 best 2020-12-15 p3"},

    // Weeks.
    {"last week", "2024-08-23", "قتل الأسبوع الماضي ثلاثة عناصر",
     "الأسبوع الماضي [week] 2024-08-10..2024-08-16 best 2024-08-13 p2"},
    {"this week up to Friday", "2024-08-23", "خلال الأسبوع الحالي",
     "الأسبوع الحالي [week] 2024-08-17..2024-08-23 best 2024-08-20 p2"},
    {"this week ends on publication", "2023-03-15", "خلال الأسبوع الجاري",
     "الأسبوع الجاري [week] 2023-03-11..2023-03-15 best 2023-03-13 p2"},

    // Years.
    {"last year", "2024-08-23", "مقارنة بالعام الماضي",
     "بالعام الماضي [year] 2023-01-01..2023-12-31 best - p3"},
    {"beginning of this year", "2024-08-23", "منذ بداية العام الحالي",
     "بداية العام الحالي [year] 2024-01-01..2024-03-31 best 2024-01-01 p3"},
    {"this year ends on publication", "2024-08-23", "في العام الحالي",
     "العام الحالي [year] 2024-01-01..2024-08-23 best - p3"},
    {"year with noun", "2024-08-23", "منذ عام 2011", "عام 2011 [year] 2011-01-01..2011-12-31 best - p3"},
    {"early year with article noun (SOHR)", "2019-10-10", "منذ مطلع العام 2019",
     "مطلع العام 2019 [year] 2019-01-01..2019-03-31 best 2019-01-01 p3"},
    {"last year across a year boundary", "2021-01-03", "خلال العام الماضي",
     "العام الماضي [year] 2020-01-01..2020-12-31 best - p3"},

    // Publication date unknown or imprecise.
    {"unknown: yesterday", "", "قتل شخص أمس",
     "أمس [relative_day] unresolved: relative date and no publication date"},
    {"unknown: weekday and date", "", "الجمعة 23 من آب",
     "الجمعة 23 من آب [day_month] unresolved: no year and no publication date"},
    {"unknown: full date", "", "في 23 آب 2024", "23 آب 2024 [date] 2024-08-23 p1"},
    {"unknown: weekday", "", "الخميس", "الخميس [weekday] unresolved: relative date and no publication date"},
    {"unknown: last month", "", "الشهر الماضي",
     "الشهر الماضي [month] unresolved: relative date and no publication date"},
    {"unknown: year", "", "عام 2022", "عام 2022 [year] 2022-01-01..2022-12-31 best - p3"},
    {"year only: day and month", "2020", "في 7 أيار", "7 أيار [day_month] 2020-05-07 p1"},
    {"year only: weekday", "2020", "الخميس",
     "الخميس [weekday] unresolved: relative date needs the publication day"},
    {"year only: last year", "2020", "العام الماضي", "العام الماضي [year] 2019-01-01..2019-12-31 best - p3"},
    {"year only: last May", "2020", "أيار الماضي",
     "أيار الماضي [month] unresolved: relative date needs the publication month"},
    {"month only: last month", "2020-05", "الشهر الماضي",
     "الشهر الماضي [month] 2020-04-01..2020-04-30 best 2020-04-15 p3"},
    {"month only: later month is last year", "2020-05", "في حزيران",
     "حزيران [month] 2019-06-01..2019-06-30 best 2019-06-15 p3"},
    {"month only: yesterday", "2020-05", "أمس",
     "أمس [relative_day] unresolved: relative date needs the publication day"},
    {"published with a time", "2015-07-21T02:51:32", "قال أمس", "أمس [relative_day] 2015-07-20 p1"},

    // Not dates.
    {"one of the civilians", "2024-08-23", "قتل أحد المدنيين برصاص قناص", ""},
    {"practised as a verb", "2024-08-23", "مارس الضغط على الأهالي", ""},
    {"father", "2024-08-23", "قتل أب وابنه في القصف", ""},
    {"held (أمسك)", "2024-08-23", "وأمسك المسلح بالرهينة", ""},
    {"touched (لامس)", "2024-08-23", "لامس الصاروخ الأرض", ""},
    {"eleven", "2024-08-23", "الأحد عشر لاعبا", ""},
    {"third day of the fighting", "2024-08-23", "في اليوم الثالث من المعارك", ""},
    {"second Friday of Ramadan", "2015-07-20", "في الجمعة الثانية من شهر رمضان", ""},
    {"Lebanese coalition", "2016-07-01", "قالت قوى 14 آذار في بيان", ""},
    {"Iraqi revolution", "2018-02-05", "ذكرى ثورة 14 تموز", ""},
    {"Tammuz reactor", "2018-02-05", "قصف مفاعل تموز", ""},
    {"the two together", "2024-08-23", "اعتقل الاثنين معا", ""},
    {"part of day alone", "2024-08-23", "في الساعة الثالثة فجرا", ""},
    {"a general, not a year", "2024-08-23", "قال المدير العام للشرطة", ""},
};

void PrintTo(const DateCase& row, std::ostream* out) { *out << row.what; }

class DateTableTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateTableTest, ReadsAndResolves) {
  const DateCase& row = GetParam();
  EXPECT_EQ(Dates(row.published, row.input), row.expected) << row.what << "\n  published " << row.published;
}

INSTANTIATE_TEST_SUITE_P(Cases, DateTableTest, ::testing::ValuesIn(kDateCases));

TEST(DateReaderTest, MentionFieldsOfASeedSentence) {
  std::string input = "وأضافت أن القيادي قتل فجر أمس الخميس بمدينة البصيرة";
  auto mentions = Read("2024-08-23", input);
  ASSERT_EQ(mentions.size(), 1u);
  const DateMention& mention = mentions[0];
  EXPECT_EQ(testing::Slice(input, mention.span), "فجر أمس الخميس");
  EXPECT_EQ(mention.kind, Kind::kRelativeDay);
  EXPECT_EQ(mention.part, PartOfDay::kDawn);
  EXPECT_TRUE(mention.anchored);
  EXPECT_TRUE(mention.reason.empty());
  EXPECT_TRUE(mention.note.empty());
  EXPECT_EQ(mention.end_token - mention.first_token, 3u);
}

TEST(DateReaderTest, PortionAndAnchorFlags) {
  auto early = Read("2020-05-18", "مطلع أيار الحالي");
  ASSERT_EQ(early.size(), 1u);
  EXPECT_EQ(early[0].portion, Portion::kEarly);
  EXPECT_TRUE(early[0].anchored);
  auto explicit_date = Read("2020-05-18", "17/5/2020");
  ASSERT_EQ(explicit_date.size(), 1u);
  EXPECT_FALSE(explicit_date[0].anchored);
}

TEST(DateReaderTest, AppendsToExistingMentions) {
  std::string input = "أمس";
  text::TokenizedText tokens;
  Resources().tokenizer.Tokenize(input, &tokens);
  lexicon::MatchState state;
  std::vector<DateMention> mentions(1);
  Resources().reader.Read(input, tokens, PublishedDate::FromIso("2024-08-23"), &state, &mentions);
  EXPECT_EQ(mentions.size(), 2u);
}

TEST(DateReaderTest, ReadsFromSeveralThreads) {
  const std::string input = "قتل مدني فجر أمس، ونزح آخرون مطلع أيار الحالي، وفي 17/5/2020";
  const std::string expected = Dates("2020-05-18", input);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::string& result : results)
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) result = Dates("2020-05-18", input);
    });
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) EXPECT_EQ(result, expected);
  EXPECT_EQ(std::count(expected.begin(), expected.end(), ';'), 2);
}

// Properties that hold for any text: spans in order and apart, dates in
// their range, precision set iff resolved.
void CheckInvariants(std::string_view input, const std::vector<DateMention>& mentions) {
  uint32_t previous_end = 0;
  for (const DateMention& mention : mentions) {
    SCOPED_TRACE(std::string(testing::Slice(input, mention.span)));
    EXPECT_GE(mention.span.start, previous_end);
    EXPECT_LT(mention.span.start, mention.span.end);
    EXPECT_LE(mention.span.end, input.size());
    previous_end = mention.span.end;
    EXPECT_EQ(mention.resolved(), mention.start.has_value());
    EXPECT_EQ(mention.start.has_value(), mention.end.has_value());
    EXPECT_EQ(mention.resolved(), mention.reason.empty());
    if (mention.start) {
      EXPECT_LE(*mention.start, *mention.end);
    }
    if (mention.best) {
      EXPECT_TRUE(*mention.start <= *mention.best && *mention.best <= *mention.end);
    }
    EXPECT_TRUE(mention.time_precision >= 0 && mention.time_precision <= 3);
  }
}

TEST(DateReaderTest, SeedArticlesKeepInvariants) {
  const char* seeds[][2] = {{"000_2910613168a8f388.txt", "2024-08-23"},
                            {"001_5487bd662f8f8bdc.txt", ""},
                            {"002_4558aacfd8fbec32.txt", "2022-12-11"},
                            {"003_ca033d0e06058526.txt", "2020-05-18"},
                            {"004_72f78d3dff17fb88.txt", "2020-05-21"}};
  for (const auto& [file, published] : seeds) {
    auto text = ReadFile(testing::SharedDirectory() + "/seeds/" + file);
    if (!text) GTEST_SKIP() << text.error();
    auto mentions = Read(published, *text);
    EXPECT_FALSE(mentions.empty()) << file;
    CheckInvariants(*text, mentions);
  }
}

TEST(DateReaderTest, CorpusKeepsInvariants) {
  auto articles = testing::CorpusArticles(2'000'000);
  if (articles.empty()) GTEST_SKIP() << "no corpus";
  size_t total = 0;
  for (const std::string& article : articles) {
    auto mentions = Read("2015-07-20", article);
    total += mentions.size();
    CheckInvariants(article, mentions);
  }
  EXPECT_GT(total, articles.size() / 2);  // news is full of dates
}

}  // namespace
}  // namespace hadath::dates

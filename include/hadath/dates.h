// hadath/dates.h — time expressions in Arabic news text ("فجر أمس",
// "الجمعة 23 من آب", "مطلع أيار الحالي", "17/5/2020"), each with its byte
// span and the dates it stands for, resolved against the publication date
// the way ACLED codes event dates.
//
//   auto tokenizer = hadath::text::Tokenizer::Load();
//   auto dates = hadath::dates::DateReader::Load(*tokenizer);
//   if (!dates) { std::cerr << dates.error() << "\n"; return 1; }  // "months.tsv:12: ..."
//   std::string input = "قتل مدني بقصف مدفعي فجر أمس الخميس";
//   hadath::text::TokenizedText tokens;
//   tokenizer->Tokenize(input, &tokens);
//   hadath::lexicon::MatchState state;                // per thread, reused
//   std::vector<hadath::dates::DateMention> found;
//   dates->Read(input, tokens, hadath::PublishedDate::FromIso("2024-08-23"), &state, &found);
//   // found[0]: span "فجر أمس الخميس", kind relative_day, best 2024-08-22,
//   //           start = end = best, time_precision 1, anchored
//
// What is read (words from data/time/*.tsv, format in data/time/README.md):
//   weekdays (والجمعة، يوم الاثنين الماضي), relative days (اليوم، أمس،
//   أول من أمس، غدا), parts of the day before them (فجر، مساء، ليل،
//   منتصف ليل، بعد منتصف ليل), day + month (+ year) in digits or ordinal
//   words (23 من آب، الـ15 من أيار الجاري، الخامس من مايو 2020), Levantine,
//   western, Maghrebi and Moroccan month names, paired ("18 نوفمبر/ تشرين
//   الثاني 2022"), months (أيار 2020، شهر آب، مطلع أيار الحالي), relative
//   periods (الشهر الماضي، الأسبوع الحالي، العام الماضي، هذا العام), years
//   (عام 2022، العام 2020), numeric dates (17/5/2020, 17-05-2020,
//   2020-05-17, 17.5.2020; digits of any script). Hijri dates are not read.
//
// Spans: byte spans in `input`, the text given to the tokenizer. A span
// runs from the first word of the expression (with its proclitics:
// "والجمعة", "بمطلع") to its last word or digit; prepositions before it
// (في، منذ، بتاريخ) are outside. "يوم" and a part of the day belong to the
// expression. A comma or parentheses between a relative day or a weekday
// and the day that restates it ("اليوم، الاثنين 18 من أيار", "اليوم
// (الاثنين)") are inside one mention.
//
// Resolution (ACLED time_precision: 1 day, 2 week, 3 month):
//   a day (explicit, relative, weekday)   start = end = best, precision 1;
//   a night (ليل أمس، ليلة الجمعة)         start = the evening's day, end = the
//                                         next day, best = start (after
//                                         midnight: best = end), precision 1;
//   a bare weekday                        the latest such day on or before
//                                         publication ("الماضي": strictly
//                                         before; "المقبل": the next one after);
//   day + month without a year            the latest such date no later than
//                                         two days after publication; with a
//                                         weekday, the latest such year (up to
//                                         ten years back) where the weekday fits;
//   a month with a relation               "أيار الحالي": the publication's year;
//                                         "أيار الماضي": the latest May before
//                                         the publication month; "المقبل": the
//                                         next one after it;
//   a month                               the whole month, best the 15th;
//                                         early (بداية، مطلع، أوائل) days 1-10,
//                                         best the 1st; mid (منتصف) 11-20, best
//                                         the 15th; late (أواخر، نهاية) 21-last,
//                                         best the last day; precision 3;
//   a week                                Saturday to Friday (the week of Arab
//                                         calendars), best its middle, precision 2;
//   a year                                1 January to 31 December, best none,
//                                         precision 3 (with a portion: early =
//                                         January-March, best 1 January; mid =
//                                         May-August, best 1 July; late =
//                                         October-December, best 31 December).
// Ranges that straddle the publication day end on it (no event is reported
// before it happens). What needs an anchor the publication date lacks (a
// weekday with a month-precise date, anything relative with none) is left
// unresolved: no dates, time_precision 0, and `reason` says why.
//
// Thread safety: a loaded DateReader is immutable; Read() may be called from
// many threads, each with its own MatchState and output vector.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/document.h"
#include "hadath/lexicon.h"
#include "hadath/offsets.h"
#include "hadath/status.h"
#include "hadath/text/tokenizer.h"

namespace hadath::dates {

// A day of the proleptic Gregorian calendar.
struct CivilDate {
  int year = 0, month = 0, day = 0;

  // The date, or nullopt when it does not exist (31 April, 29 February 2023).
  static std::optional<CivilDate> Make(int year, int month, int day);
  static CivilDate FromDays(std::chrono::sys_days days);
  // The last day of `month` in `year`.
  static CivilDate LastOfMonth(int year, int month);

  std::chrono::sys_days ToDays() const;
  // Days since 1970-01-01.
  int64_t DaysSinceEpoch() const { return ToDays().time_since_epoch().count(); }
  std::chrono::weekday Weekday() const { return std::chrono::weekday(ToDays()); }
  CivilDate AddDays(int days) const { return FromDays(ToDays() + std::chrono::days(days)); }
  // Returns true iff the fields name a real day.
  bool ok() const;
  // "2024-08-23".
  std::string ToIso() const;

  auto operator<=>(const CivilDate&) const = default;
};

// What the expression names.
enum class Kind : uint8_t {
  kDate,         // day, month and year written: "23 آب 2024", "17/5/2020"
  kDayMonth,     // day and month, year inferred: "الجمعة 23 من آب", "15 الجاري"
  kRelativeDay,  // "اليوم", "أمس", "ليل أمس"
  kWeekday,      // "الخميس", "يوم الجمعة الماضي"
  kMonth,        // "أيار 2020", "مطلع آب الماضي", "الشهر الحالي"
  kWeek,         // "الأسبوع الماضي"
  kYear,         // "عام 2022", "العام الماضي", "بداية العام الحالي"
};
// "date", "day_month", "relative_day", "weekday", "month", "week", "year".
const char* KindName(Kind kind);

enum class PartOfDay : uint8_t {
  kNone,
  kDawn,
  kMorning,
  kNoon,
  kAfternoon,
  kEvening,
  kNight,
  kMidnight,
  kAfterMidnight
};
// "", "dawn", "morning", "noon", "afternoon", "evening", "night", "midnight", "after_midnight".
const char* PartOfDayName(PartOfDay part);

// Part of a month or year: بداية/مطلع/أوائل, منتصف, أواخر/نهاية.
enum class Portion : uint8_t { kWhole, kEarly, kMid, kLate };
// "whole", "early", "mid", "late".
const char* PortionName(Portion portion);

struct DateMention {
  Span span;                                // input bytes of the whole expression
  uint32_t first_token = 0, end_token = 0;  // tokens of `span`
  std::optional<CivilDate> start, end;      // the range the text allows (inclusive)
  std::optional<CivilDate> best;            // the single day to code, if any
  int time_precision = 0;                   // ACLED: 1 day, 2 week, 3 month; 0 unresolved
  Kind kind = Kind::kDate;
  PartOfDay part = PartOfDay::kNone;
  Portion portion = Portion::kWhole;
  bool anchored = false;  // the publication date was used (relative words, inferred year)
  std::string reason;     // why unresolved, e.g. "relative date and no publication date"
  std::string note;       // resolved but worth a look, e.g. "weekday does not match the date"

  bool resolved() const { return time_precision != 0; }
};

class DateReader {
 public:
  // Reads weekdays.tsv, months.tsv and time-words.tsv under `data_dir`/time/,
  // and the number words of `data_dir`/text/ (for "الخامس من أيار").
  // `tokenizer` is used only while loading; read text tokenised by a
  // Tokenizer loaded from the same data. Errors read "path:line: ...".
  static Result<DateReader> Load(const text::Tokenizer& tokenizer, const std::string& data_dir = DataDir());

  // Appends the time expressions of `input` (tokenised as `tokens`) to
  // `out`, in text order, resolved against `published` (which may be
  // unknown, or known only to the year or month).
  void Read(std::string_view input, const text::TokenizedText& tokens, const PublishedDate& published,
            lexicon::MatchState* state, std::vector<DateMention>* out) const;

  struct Words;  // the lexicons and their decoded columns, defined in reader.cc

 private:
  explicit DateReader(std::shared_ptr<const Words> words) : words_(std::move(words)) {}
  std::shared_ptr<const Words> words_;
};

}  // namespace hadath::dates

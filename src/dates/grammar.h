// The grammar of time expressions, over pieces (dates/pieces.h):
//
//   expression := [يوم] [part-of-day [يوم]] anchor
//               | [portion] (month-ref | period relation | this period | year)
//   anchor     := relative-day [appositive]        اليوم، الاثنين 18 من أيار
//               | night relation(last)             الليلة الماضية
//               | day-anchor
//   appositive := [،] [يوم] day-anchor | ( day-anchor )   اليوم (الاثنين)
//   day-anchor := weekday [relation] [night-pair] [[،] day-date | numeric]
//               | day-date | numeric
//   night-pair := [على | - | /] weekday           (after ليل/ليلة only)
//   day-date   := [الـ] day [من] (month-ref | [شهر] relation)
//   month-ref  := [شهر] month [pair] [relation | year | من year-ref]
//   year-ref   := year | العام relation           مايو من العام الماضي
//   pair       := (/ | -) month | ( month )        the same month in another naming
//   year       := [عام] yyyy [era]                 (عام required when alone)
//   numeric    := d/m/yyyy | d-m-yyyy | yyyy-m-d | d.m.yyyy
//
// An ordinal word qualifying the noun before it is no day of the month
// (IsOrdinalAdjective). A month that needs a cue (months.tsv) is kept only when a day, a year, a
// relation, شهر, a portion or a pair stands next to it.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "dates/pieces.h"
#include "dates/words.h"
#include "hadath/dates.h"

namespace hadath::dates {

// Returns true iff `part` is a night (ليل، منتصف ليل، بعد منتصف ليل), which
// runs from one day's evening into the next day.
inline bool IsNight(PartOfDay part) {
  return part == PartOfDay::kNight || part == PartOfDay::kMidnight || part == PartOfDay::kAfterMidnight;
}

// What one expression says, before it is resolved to dates.
struct Expression {
  size_t first_piece = 0, end_piece = 0;  // pieces [first_piece, end_piece)
  bool day_noun = false;
  PartOfDay part = PartOfDay::kNone;
  std::optional<int> day_offset;  // relative day
  std::optional<int> weekday;     // 0 = Sunday
  std::optional<Relation> weekday_relation;
  std::optional<int> second_weekday;  // ليلة الخميس على الجمعة
  std::optional<int> day, month, year;
  std::optional<Relation> month_relation;  // أيار الحالي, 15 الجاري
  std::optional<Relation> year_relation;   // مايو من العام الماضي
  std::optional<Period> period;            // a period relative to publication
  std::optional<Relation> period_relation;
  Portion portion = Portion::kWhole;
  std::optional<CivilDate> numeric;
};

class Grammar {
 public:
  explicit Grammar(const std::vector<Piece>& pieces) : pieces_(pieces) {}

  // Returns true iff an expression starts at piece `first`; `*expression`
  // then holds the longest one.
  bool Parse(size_t first, Expression* expression) const;

 private:
  bool ParseAnchor(Expression* e) const;
  bool ParseRelativeDay(Expression* e) const;
  void TakeAppositive(Expression* e) const;
  bool ParseDayAnchor(Expression* e) const;
  bool ParseWeekday(Expression* e) const;
  void TakeNightPair(Expression* e) const;
  bool ParseDayDate(Expression* e) const;
  bool TakeDay(Expression* e) const;
  bool ParseMonthRef(Expression* e, bool cued) const;
  bool TakeMonthPair(Expression* e) const;
  bool ParseYear(Expression* e, bool noun_required) const;
  bool ParseYearOfMonth(Expression* e) const;
  bool ParseNumeric(Expression* e) const;
  bool ParseMonthOrPeriod(Expression* e) const;
  bool ParseRelativePeriod(Expression* e) const;

  // Returns true iff piece `piece` is an ordinal word right after a weekday,
  // a period or a relative day, which it qualifies: "الجمعة الثانية" (the
  // second Friday), "الأسبوع الأول", "اليوم الثالث" (the third day). Neither
  // is a date, unless a month follows ("اليوم الثالث من أيار").
  bool IsOrdinalAdjective(size_t piece) const;
  // The next piece if it directly follows the expression, else null.
  const Piece* Next(const Expression& e) const;
  // Takes the next piece if it is a word of `role` (and of `value`, when
  // given); its value goes to `*value_out`.
  bool TakeWord(Expression* e, Role role, int* value_out = nullptr) const;
  bool TakeWordOf(Expression* e, Role role, int value) const;
  bool TakePunct(Expression* e, char punct) const;
  const Piece* Take(Expression* e, Piece::Type type) const;

  const std::vector<Piece>& pieces_;
};

}  // namespace hadath::dates

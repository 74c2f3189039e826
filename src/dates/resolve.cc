#include "dates/resolve.h"

#include <algorithm>
#include <chrono>
#include <string>

namespace hadath::dates {
namespace {

// A day-and-month with no year may lie this many days after publication
// (the publication date is often the crawler's, in another time zone).
constexpr int kSlackDays = 2;
// How far back a weekday may push the year of a day-and-month.
constexpr int kWeekdayYears = 10;
// Which weekday starts a week: Saturday, as on Syrian and Iraqi calendars.
constexpr std::chrono::weekday kFirstDayOfWeek = std::chrono::Saturday;

struct YearMonth {
  int year, month;
};

int Delta(Relation relation) {
  switch (relation) {
    case Relation::kLast: return -1;
    case Relation::kCurrent: return 0;
    case Relation::kNext: return 1;
  }
  return 0;
}

YearMonth ShiftMonth(int year, int month, int months) {
  std::chrono::year_month shifted =
      std::chrono::year(year) / std::chrono::month(month) + std::chrono::months(months);
  return {static_cast<int>(shifted.year()), static_cast<int>(static_cast<unsigned>(shifted.month()))};
}

// Why `anchor` cannot resolve what needs a publication date of `needed` precision.
std::string MissingAnchor(const Anchor& anchor, DatePrecision needed) {
  if (anchor.precision == DatePrecision::kUnknown) return "relative date and no publication date";
  if (needed == DatePrecision::kDay) return "relative date needs the publication day";
  return "relative date needs the publication month";
}

// The latest day a date without a year may be.
CivilDate Limit(const Anchor& anchor) {
  return anchor.KnowsDay() ? anchor.high.AddDays(kSlackDays) : anchor.high;
}

// The latest year in which `month`/`day` is on or before Limit(anchor).
std::optional<int> LatestYear(int day, int month, const Anchor& anchor) {
  CivilDate limit = Limit(anchor);
  for (int year = limit.year; year > limit.year - 8; --year)  // 29 February needs up to 8 years
    if (auto date = CivilDate::Make(year, month, day); date && *date <= limit) return year;
  return std::nullopt;
}

// The latest year, at most kWeekdayYears back, in which `month`/`day` is on
// or before Limit(anchor) and falls on `weekday`.
std::optional<int> LatestYearOnWeekday(int day, int month, int weekday, const Anchor& anchor) {
  CivilDate limit = Limit(anchor);
  for (int year = limit.year; year >= limit.year - kWeekdayYears; --year) {
    auto date = CivilDate::Make(year, month, day);
    if (date && *date <= limit && date->Weekday().c_encoding() == static_cast<unsigned>(weekday)) return year;
  }
  return std::nullopt;
}

// The year of a month named with a relation: "أيار الماضي", "7 من أيار الحالي".
std::optional<int> YearOfRelativeMonth(int month, Relation relation, const Anchor& anchor,
                                       std::string* reason) {
  if (relation == Relation::kCurrent) {
    if (anchor.KnowsYear()) return anchor.low.year;
    *reason = MissingAnchor(anchor, DatePrecision::kYear);
    return std::nullopt;
  }
  if (!anchor.KnowsMonth()) {
    *reason = MissingAnchor(anchor, DatePrecision::kMonth);
    return std::nullopt;
  }
  int year = anchor.low.year, published_month = anchor.low.month;
  if (relation == Relation::kLast) return month < published_month ? year : year - 1;
  return month > published_month ? year : year + 1;
}

// The year of a day (or, for a month alone, day 1) and month written without one.
std::optional<int> YearOf(const Expression& e, int month, const Anchor& anchor, DateMention* mention) {
  if (e.year_relation) {
    if (anchor.KnowsYear()) return anchor.low.year + Delta(*e.year_relation);
    mention->reason = MissingAnchor(anchor, DatePrecision::kYear);
    return std::nullopt;
  }
  if (e.month_relation) return YearOfRelativeMonth(month, *e.month_relation, anchor, &mention->reason);
  if (!anchor.KnowsYear()) {
    mention->reason = "no year and no publication date";
    return std::nullopt;
  }
  int day = e.day.value_or(1);
  if (e.weekday && e.day) {
    if (auto year = LatestYearOnWeekday(day, month, *e.weekday, anchor)) return year;
    mention->note = "weekday fits this date in none of the ten years before publication";
  }
  return LatestYear(day, month, anchor);
}

void Unresolved(DateMention* mention, std::string reason) {
  mention->start = mention->end = mention->best = std::nullopt;
  mention->time_precision = 0;
  mention->reason = std::move(reason);
}

void SetRange(DateMention* mention, CivilDate start, CivilDate end, std::optional<CivilDate> best,
              int precision) {
  mention->start = start;
  mention->end = end;
  mention->best = best;
  mention->time_precision = precision;
}

// A known day; a night runs from its evening to the next day.
void SetDay(DateMention* mention, CivilDate day, PartOfDay part) {
  CivilDate next = day.AddDays(1);
  SetRange(mention, day, IsNight(part) ? next : day, part == PartOfDay::kAfterMidnight ? next : day, 1);
}

void SetMonth(DateMention* mention, int year, int month, Portion portion) {
  CivilDate first{year, month, 1}, last = CivilDate::LastOfMonth(year, month);
  switch (portion) {
    case Portion::kWhole: return SetRange(mention, first, last, CivilDate{year, month, 15}, 3);
    case Portion::kEarly: return SetRange(mention, first, CivilDate{year, month, 10}, first, 3);
    case Portion::kMid:
      return SetRange(mention, CivilDate{year, month, 11}, CivilDate{year, month, 20},
                      CivilDate{year, month, 15}, 3);
    case Portion::kLate: return SetRange(mention, CivilDate{year, month, 21}, last, last, 3);
  }
}

void SetYear(DateMention* mention, int year, Portion portion) {
  CivilDate first{year, 1, 1}, last{year, 12, 31};
  switch (portion) {
    case Portion::kWhole: return SetRange(mention, first, last, std::nullopt, 3);
    case Portion::kEarly: return SetRange(mention, first, CivilDate{year, 3, 31}, first, 3);
    case Portion::kMid:
      return SetRange(mention, CivilDate{year, 5, 1}, CivilDate{year, 8, 31}, CivilDate{year, 7, 1}, 3);
    case Portion::kLate: return SetRange(mention, CivilDate{year, 10, 1}, last, last, 3);
  }
}

// A range straddling the publication day ends on it.
void ClipToPublication(const Anchor& anchor, DateMention* mention) {
  if (!anchor.KnowsDay() || !mention->start) return;
  const CivilDate& published = anchor.high;
  if (*mention->start > published || *mention->end <= published) return;
  mention->end = published;
  if (mention->best && *mention->best > published) mention->best = published;
}

void CheckWeekday(const Expression& e, CivilDate day, DateMention* mention) {
  if (e.weekday && day.Weekday().c_encoding() != static_cast<unsigned>(*e.weekday) && mention->note.empty())
    mention->note = "weekday does not match the date";
}

void ResolveDayOfMonth(const Expression& e, const Anchor& anchor, DateMention* mention) {
  mention->kind = e.year ? Kind::kDate : Kind::kDayMonth;
  mention->anchored = !e.year;
  std::optional<YearMonth> month;
  if (e.month) {
    std::optional<int> year = e.year ? e.year : YearOf(e, *e.month, anchor, mention);
    if (year) month = YearMonth{*year, *e.month};
  } else if (anchor.KnowsMonth()) {  // "15 الجاري": the month is the publication's, shifted
    month = ShiftMonth(anchor.low.year, anchor.low.month, Delta(*e.month_relation));
  } else {
    mention->reason = MissingAnchor(anchor, DatePrecision::kMonth);
  }
  if (!month) return Unresolved(mention, mention->reason);
  auto day = CivilDate::Make(month->year, month->month, *e.day);
  if (!day) return Unresolved(mention, "no such day in that month");
  SetDay(mention, *day, e.part);
  CheckWeekday(e, *day, mention);
  if (e.day_offset && anchor.KnowsDay() && *day != anchor.low.AddDays(*e.day_offset) && mention->note.empty())
    mention->note = "relative day does not match the date";
}

void ResolveRelativeDay(const Expression& e, const Anchor& anchor, DateMention* mention) {
  mention->kind = Kind::kRelativeDay;
  mention->anchored = true;
  if (!anchor.KnowsDay()) return Unresolved(mention, MissingAnchor(anchor, DatePrecision::kDay));
  CivilDate day = anchor.low.AddDays(*e.day_offset);
  SetDay(mention, day, e.part);
  CheckWeekday(e, day, mention);
}

void ResolveWeekday(const Expression& e, const Anchor& anchor, DateMention* mention) {
  mention->kind = Kind::kWeekday;
  mention->anchored = true;
  if (!anchor.KnowsDay()) return Unresolved(mention, MissingAnchor(anchor, DatePrecision::kDay));
  const CivilDate& published = anchor.low;
  std::chrono::weekday weekday(static_cast<unsigned>(*e.weekday));
  int back = static_cast<int>((published.Weekday() - weekday).count());  // 0..6
  int ahead = static_cast<int>((weekday - published.Weekday()).count());
  Relation relation = e.weekday_relation.value_or(Relation::kCurrent);
  CivilDate day = published.AddDays(-back);
  if (relation == Relation::kLast && back == 0) day = published.AddDays(-7);
  if (relation == Relation::kNext) day = published.AddDays(ahead == 0 ? 7 : ahead);
  SetDay(mention, day, e.part);
}

void ResolveMonth(const Expression& e, const Anchor& anchor, DateMention* mention) {
  mention->kind = Kind::kMonth;
  mention->anchored = !e.year;
  std::optional<int> year = e.year ? e.year : YearOf(e, *e.month, anchor, mention);
  if (!year) return Unresolved(mention, mention->reason);
  SetMonth(mention, *year, *e.month, e.portion);
  ClipToPublication(anchor, mention);
}

void ResolveRelativeMonth(const Expression& e, const Anchor& anchor, DateMention* mention) {
  mention->kind = Kind::kMonth;
  mention->anchored = true;
  if (!anchor.KnowsMonth()) return Unresolved(mention, MissingAnchor(anchor, DatePrecision::kMonth));
  YearMonth month = ShiftMonth(anchor.low.year, anchor.low.month, Delta(*e.period_relation));
  SetMonth(mention, month.year, month.month, e.portion);
  ClipToPublication(anchor, mention);
}

// Saturday-to-Friday weeks; a portion of a week is not read.
void ResolveWeek(const Expression& e, const Anchor& anchor, DateMention* mention) {
  mention->kind = Kind::kWeek;
  mention->anchored = true;
  if (!anchor.KnowsDay()) return Unresolved(mention, MissingAnchor(anchor, DatePrecision::kDay));
  int since_start = static_cast<int>((anchor.low.Weekday() - kFirstDayOfWeek).count());
  CivilDate start = anchor.low.AddDays(7 * Delta(*e.period_relation) - since_start);
  SetRange(mention, start, start.AddDays(6), std::nullopt, 2);
  ClipToPublication(anchor, mention);
  int length = static_cast<int>(mention->end->DaysSinceEpoch() - start.DaysSinceEpoch());
  mention->best = start.AddDays(length / 2);
}

void ResolveYear(const Expression& e, const Anchor& anchor, DateMention* mention) {
  mention->kind = Kind::kYear;
  mention->anchored = !e.year;
  std::optional<int> year = e.year;
  if (!year && anchor.KnowsYear()) year = anchor.low.year + Delta(*e.period_relation);
  if (!year) return Unresolved(mention, MissingAnchor(anchor, DatePrecision::kYear));
  SetYear(mention, *year, e.portion);
  ClipToPublication(anchor, mention);
}

}  // namespace

Anchor AnchorOf(const PublishedDate& published) {
  Anchor anchor;
  std::optional<CivilDate> low, high;
  switch (published.precision) {
    case DatePrecision::kUnknown: return anchor;
    case DatePrecision::kYear:
      low = CivilDate::Make(published.year, 1, 1);
      high = CivilDate::Make(published.year, 12, 31);
      break;
    case DatePrecision::kMonth:
      low = CivilDate::Make(published.year, published.month, 1);
      if (low) high = CivilDate::LastOfMonth(published.year, published.month);
      break;
    default: low = high = CivilDate::Make(published.year, published.month, published.day);
  }
  if (!low || !high) return anchor;
  anchor.precision = std::min(published.precision, DatePrecision::kDay);
  anchor.low = *low;
  anchor.high = *high;
  return anchor;
}

void Resolve(const Expression& e, const Anchor& anchor, DateMention* mention) {
  mention->part = e.part;
  mention->portion = e.portion;
  if (e.numeric) {
    mention->kind = Kind::kDate;
    SetDay(mention, *e.numeric, e.part);
    CheckWeekday(e, *e.numeric, mention);
  } else if (e.day) {
    ResolveDayOfMonth(e, anchor, mention);
  } else if (e.day_offset) {
    ResolveRelativeDay(e, anchor, mention);
  } else if (e.weekday) {
    ResolveWeekday(e, anchor, mention);
  } else if (e.month) {
    ResolveMonth(e, anchor, mention);
  } else if (e.period == Period::kWeek) {
    ResolveWeek(e, anchor, mention);
  } else if (e.period == Period::kMonth) {
    ResolveRelativeMonth(e, anchor, mention);
  } else {
    ResolveYear(e, anchor, mention);
  }
}

}  // namespace hadath::dates

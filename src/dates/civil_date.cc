#include <cstdio>

#include "hadath/dates.h"

namespace hadath::dates {
namespace {

std::chrono::year_month_day ToYmd(int year, int month, int day) {
  return {std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
          std::chrono::day(static_cast<unsigned>(day))};
}

CivilDate FromYmd(const std::chrono::year_month_day& ymd) {
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

std::optional<CivilDate> CivilDate::Make(int year, int month, int day) {
  // Out-of-range fields would wrap in chrono's unsigned month and day.
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  if (!ToYmd(year, month, day).ok()) return std::nullopt;
  return CivilDate{year, month, day};
}

CivilDate CivilDate::FromDays(std::chrono::sys_days days) {
  return FromYmd(std::chrono::year_month_day(days));
}

CivilDate CivilDate::LastOfMonth(int year, int month) {
  using std::chrono::last;
  return FromYmd(std::chrono::year(year) / std::chrono::month(static_cast<unsigned>(month)) / last);
}

std::chrono::sys_days CivilDate::ToDays() const { return std::chrono::sys_days(ToYmd(year, month, day)); }

bool CivilDate::ok() const { return Make(year, month, day).has_value(); }

std::string CivilDate::ToIso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kDate: return "date";
    case Kind::kDayMonth: return "day_month";
    case Kind::kRelativeDay: return "relative_day";
    case Kind::kWeekday: return "weekday";
    case Kind::kMonth: return "month";
    case Kind::kWeek: return "week";
    case Kind::kYear: return "year";
  }
  return "?";
}

const char* PartOfDayName(PartOfDay part) {
  switch (part) {
    case PartOfDay::kNone: return "";
    case PartOfDay::kDawn: return "dawn";
    case PartOfDay::kMorning: return "morning";
    case PartOfDay::kNoon: return "noon";
    case PartOfDay::kAfternoon: return "afternoon";
    case PartOfDay::kEvening: return "evening";
    case PartOfDay::kNight: return "night";
    case PartOfDay::kMidnight: return "midnight";
    case PartOfDay::kAfterMidnight: return "after_midnight";
  }
  return "?";
}

const char* PortionName(Portion portion) {
  switch (portion) {
    case Portion::kWhole: return "whole";
    case Portion::kEarly: return "early";
    case Portion::kMid: return "mid";
    case Portion::kLate: return "late";
  }
  return "?";
}

}  // namespace hadath::dates

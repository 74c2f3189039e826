#include "dates/grammar.h"

namespace hadath::dates {
namespace {

constexpr int kMonthPeriod = static_cast<int>(Period::kMonth);
constexpr int kYearPeriod = static_cast<int>(Period::kYear);
constexpr int kLastRelation = static_cast<int>(Relation::kLast);

}  // namespace

bool Grammar::Parse(size_t first, Expression* expression) const {
  if (IsOrdinalAdjective(first)) return false;
  Expression e;
  e.first_piece = e.end_piece = first;
  e.day_noun = TakeWord(&e, Role::kDayNoun);
  int part = 0;
  if (TakeWord(&e, Role::kPartOfDay, &part)) {
    e.part = static_cast<PartOfDay>(part);
    if (TakeWord(&e, Role::kDayNoun)) e.day_noun = true;
  }
  bool found = ParseAnchor(&e);
  // "يوم" or a part of the day must lead to a day ("صباحا" alone is no date).
  if (!found && !e.day_noun && e.part == PartOfDay::kNone) found = ParseMonthOrPeriod(&e);
  if (found) *expression = e;
  return found;
}

bool Grammar::ParseAnchor(Expression* e) const { return ParseRelativeDay(e) || ParseDayAnchor(e); }

bool Grammar::ParseRelativeDay(Expression* e) const {
  Expression attempt = *e;
  int offset = 0;
  if (TakeWord(&attempt, Role::kRelativeDay, &offset))
    attempt.day_offset = offset;
  else if (IsNight(attempt.part) && TakeWordOf(&attempt, Role::kRelation, kLastRelation))
    attempt.day_offset = -1;  // الليلة الماضية
  else
    return false;
  TakeAppositive(&attempt);
  if (IsOrdinalAdjective(attempt.end_piece)) return false;  // "اليوم الثالث" (of the fighting)
  *e = attempt;
  return true;
}

// "أمس الخميس", "اليوم، الاثنين 18 من أيار": the same day restated.
void Grammar::TakeAppositive(Expression* e) const {
  Expression attempt = *e;
  if (TakePunct(&attempt, '(')) {  // Asharq Al-Awsat's "اليوم (الاثنين)"
    if (ParseDayAnchor(&attempt) && TakePunct(&attempt, ')')) *e = attempt;
    return;
  }
  TakePunct(&attempt, ',');
  TakeWord(&attempt, Role::kDayNoun);
  if (ParseDayAnchor(&attempt)) *e = attempt;
}

bool Grammar::ParseDayAnchor(Expression* e) const {
  return ParseWeekday(e) || ParseDayDate(e) || ParseNumeric(e);
}

bool Grammar::ParseWeekday(Expression* e) const {
  Expression attempt = *e;
  const Piece* weekday = Take(&attempt, Piece::Type::kWeekday);
  if (!weekday) return false;
  attempt.weekday = weekday->value;
  int relation = 0;
  if (TakeWord(&attempt, Role::kRelation, &relation))
    attempt.weekday_relation = static_cast<Relation>(relation);
  if (IsNight(attempt.part)) TakeNightPair(&attempt);
  Expression dated = attempt;
  TakePunct(&dated, ',');
  if (ParseDayDate(&dated) || ParseNumeric(&dated)) attempt = dated;
  if (IsOrdinalAdjective(attempt.end_piece)) return false;  // "الجمعة الثانية" (of Ramadan)
  *e = attempt;
  return true;
}

// "ليلة الخميس على الجمعة", "ليل الخميس - الجمعة", "ليلة الخميس الجمعة".
void Grammar::TakeNightPair(Expression* e) const {
  Expression attempt = *e;
  if (!TakeWord(&attempt, Role::kTo) && !TakePunct(&attempt, '-')) TakePunct(&attempt, '/');
  const Piece* weekday = Take(&attempt, Piece::Type::kWeekday);
  if (!weekday) return;
  attempt.second_weekday = weekday->value;
  *e = attempt;
}

bool Grammar::ParseDayDate(Expression* e) const {
  Expression attempt = *e;
  TakeWord(&attempt, Role::kDayArticle);
  if (!TakeDay(&attempt)) return false;
  TakeWord(&attempt, Role::kOf);
  if (ParseMonthRef(&attempt, /*cued=*/true)) {
    // 31 شباط is no date: the number was something else.
    if (*attempt.day > CivilDate::LastOfMonth(2000, *attempt.month).day) return false;
    *e = attempt;
    return true;
  }
  TakeWordOf(&attempt, Role::kPeriod, kMonthPeriod);  // "15 من الشهر الجاري"
  int relation = 0;
  if (!TakeWord(&attempt, Role::kRelation, &relation)) return false;
  attempt.month_relation = static_cast<Relation>(relation);  // "15 الجاري"
  *e = attempt;
  return true;
}

bool Grammar::TakeDay(Expression* e) const {
  const Piece* piece = Next(*e);
  if (!piece || !piece->IsDay()) return false;
  e->day = piece->value;
  ++e->end_piece;
  return true;
}

bool Grammar::ParseMonthRef(Expression* e, bool cued) const {
  Expression attempt = *e;
  bool cue = cued;
  if (TakeWordOf(&attempt, Role::kPeriod, kMonthPeriod)) cue = true;  // شهر آب
  const Piece* month = Take(&attempt, Piece::Type::kMonth);
  if (!month) return false;
  attempt.month = month->value;
  if (TakeMonthPair(&attempt)) cue = true;
  int relation = 0;
  if (TakeWord(&attempt, Role::kRelation, &relation)) {
    attempt.month_relation = static_cast<Relation>(relation);
    cue = true;
  } else if (ParseYear(&attempt, /*noun_required=*/false) || ParseYearOfMonth(&attempt)) {
    cue = true;
  }
  if (month->needs_cue && !cue) return false;
  *e = attempt;
  return true;
}

// "نوفمبر/ تشرين الثاني", "أيار (مايو)": the same month in another naming.
bool Grammar::TakeMonthPair(Expression* e) const {
  Expression attempt = *e;
  bool parenthesis = TakePunct(&attempt, '(');
  if (!parenthesis && !TakePunct(&attempt, '/') && !TakePunct(&attempt, '-')) return false;
  const Piece* month = Take(&attempt, Piece::Type::kMonth);
  if (!month || month->value != *attempt.month) return false;
  if (parenthesis && !TakePunct(&attempt, ')')) return false;
  *e = attempt;
  return true;
}

bool Grammar::ParseYear(Expression* e, bool noun_required) const {
  Expression attempt = *e;
  bool noun = TakeWordOf(&attempt, Role::kPeriod, kYearPeriod);
  if (!noun && noun_required) return false;
  const Piece* year = Next(attempt);
  if (!year || !year->IsYear()) return false;
  attempt.year = year->value;
  ++attempt.end_piece;
  TakeWord(&attempt, Role::kEra);
  *e = attempt;
  return true;
}

// "مايو من العام 2014", "مايو من العام الماضي".
bool Grammar::ParseYearOfMonth(Expression* e) const {
  Expression attempt = *e;
  if (!TakeWord(&attempt, Role::kOf)) return false;
  if (ParseYear(&attempt, /*noun_required=*/true)) {
    *e = attempt;
    return true;
  }
  int relation = 0;
  if (!TakeWordOf(&attempt, Role::kPeriod, kYearPeriod) || !TakeWord(&attempt, Role::kRelation, &relation))
    return false;
  attempt.year_relation = static_cast<Relation>(relation);
  *e = attempt;
  return true;
}

bool Grammar::ParseNumeric(Expression* e) const {
  Expression attempt = *e;
  if (const Piece* dotted = Take(&attempt, Piece::Type::kNumericDate)) {
    attempt.numeric = dotted->date;
  } else {
    const Piece* first = Take(&attempt, Piece::Type::kNumber);
    const Piece* separator = first ? Next(attempt) : nullptr;
    if (!separator || !(separator->IsPunct('/') || separator->IsPunct('-'))) return false;
    ++attempt.end_piece;
    const Piece* second = Take(&attempt, Piece::Type::kNumber);
    if (!second || !TakePunct(&attempt, separator->punct)) return false;
    const Piece* third = Take(&attempt, Piece::Type::kNumber);
    if (!third) return false;
    attempt.numeric = NumericDate(first->value, first->digits, second->value, third->value, third->digits);
    if (!attempt.numeric) return false;
  }
  TakeWord(&attempt, Role::kEra);
  *e = attempt;
  return true;
}

bool Grammar::ParseMonthOrPeriod(Expression* e) const {
  Expression attempt = *e;
  int portion = 0;
  bool has_portion = TakeWord(&attempt, Role::kPortion, &portion);
  attempt.portion = static_cast<Portion>(portion);
  if (!ParseMonthRef(&attempt, /*cued=*/has_portion) && !ParseRelativePeriod(&attempt) &&
      !ParseYear(&attempt, /*noun_required=*/!has_portion))
    return false;
  *e = attempt;
  return true;
}

// "الشهر الماضي", "العام الحالي", "هذا الأسبوع".
bool Grammar::ParseRelativePeriod(Expression* e) const {
  Expression attempt = *e;
  int period = 0, relation = 0;
  if (TakeWord(&attempt, Role::kThis, &relation)) {
    if (!TakeWord(&attempt, Role::kPeriod, &period)) return false;
  } else if (!TakeWord(&attempt, Role::kPeriod, &period) || !TakeWord(&attempt, Role::kRelation, &relation)) {
    return false;
  }
  attempt.period = static_cast<Period>(period);
  attempt.period_relation = static_cast<Relation>(relation);
  *e = attempt;
  return true;
}

bool Grammar::IsOrdinalAdjective(size_t piece) const {
  if (piece == 0 || piece >= pieces_.size() || pieces_[piece].type != Piece::Type::kDay) return false;
  const Piece& head = pieces_[piece - 1];
  if (head.end_token != pieces_[piece].first_token) return false;
  return head.type == Piece::Type::kWeekday || head.IsWord(Role::kPeriod) || head.IsWord(Role::kRelativeDay);
}

const Piece* Grammar::Next(const Expression& e) const {
  size_t next = e.end_piece;
  if (next >= pieces_.size()) return nullptr;
  if (next > e.first_piece && pieces_[next].first_token != pieces_[next - 1].end_token) return nullptr;
  return &pieces_[next];
}

bool Grammar::TakeWord(Expression* e, Role role, int* value_out) const {
  const Piece* piece = Next(*e);
  if (!piece || !piece->IsWord(role)) return false;
  if (value_out) *value_out = piece->value;
  ++e->end_piece;
  return true;
}

bool Grammar::TakeWordOf(Expression* e, Role role, int value) const {
  const Piece* piece = Next(*e);
  if (!piece || !piece->IsWord(role, value)) return false;
  ++e->end_piece;
  return true;
}

bool Grammar::TakePunct(Expression* e, char punct) const {
  const Piece* piece = Next(*e);
  if (!piece || !piece->IsPunct(punct)) return false;
  ++e->end_piece;
  return true;
}

const Piece* Grammar::Take(Expression* e, Piece::Type type) const {
  const Piece* piece = Next(*e);
  if (!piece || piece->type != type) return nullptr;
  ++e->end_piece;
  return piece;
}

}  // namespace hadath::dates

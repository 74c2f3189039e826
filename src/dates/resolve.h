// Resolving a parsed expression (dates/grammar.h) to dates, against the
// publication date, following the rules at the top of hadath/dates.h.
#pragma once

#include "dates/grammar.h"
#include "hadath/dates.h"
#include "hadath/document.h"

namespace hadath::dates {

// What the publication date allows: the days it may be, [low, high].
struct Anchor {
  DatePrecision precision = DatePrecision::kUnknown;  // kDay for anything finer
  CivilDate low, high;

  bool KnowsYear() const { return precision >= DatePrecision::kYear; }
  bool KnowsMonth() const { return precision >= DatePrecision::kMonth; }
  bool KnowsDay() const { return precision >= DatePrecision::kDay; }
};

// The anchor of `published`; unknown when its fields name no real date.
Anchor AnchorOf(const PublishedDate& published);

// Fills the dates, precision, kind, part, portion, anchored, reason and
// note of `*mention` (not its span) from `expression`.
void Resolve(const Expression& expression, const Anchor& anchor, DateMention* mention);

}  // namespace hadath::dates

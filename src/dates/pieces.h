// The pieces a time expression is built from: the date words, numbers and
// punctuation of a tokenised text, in text order. Tokens that are none of
// these produce no piece, so two pieces are adjacent iff no token lies
// between them.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "dates/words.h"
#include "hadath/dates.h"
#include "hadath/offsets.h"
#include "hadath/text/tokenizer.h"

namespace hadath::dates {

struct Piece {
  enum class Type : uint8_t {
    kWord,         // time-words.tsv: `role`, `value`
    kWeekday,      // `value` 0 = Sunday
    kMonth,        // `value` 1..12, `needs_cue`
    kDay,          // an ordinal word of 1..31 (الخامس، الحادي والعشرين): `value`
    kNumber,       // a whole number in digits: `value`, `digits`
    kNumericDate,  // one token "17.5.2020": `date`
    kPunct,        // `punct`: '/', '-', ',' (either comma), '(' or ')'
  };
  Type type = Type::kWord;
  uint32_t first_token = 0, end_token = 0;
  Span span;
  Role role = Role::kNotDate;
  int value = 0;
  int digits = 0;
  bool needs_cue = false;
  char punct = 0;
  CivilDate date;

  bool IsWord(Role wanted) const { return type == Type::kWord && role == wanted; }
  bool IsWord(Role wanted, int wanted_value) const { return IsWord(wanted) && value == wanted_value; }
  // A four-digit year of 1900..2100.
  bool IsYear() const { return type == Type::kNumber && digits == 4 && value >= 1900 && value <= 2100; }
  // An ordinal word, or one or two digits, of 1..31.
  bool IsDay() const {
    return type == Type::kDay || (type == Type::kNumber && digits <= 2 && value >= 1 && value <= 31);
  }
  bool IsPunct(char wanted) const { return type == Type::kPunct && punct == wanted; }
};

// Appends the pieces of `text` to `out`.
void BuildPieces(const DateReader::Words& words, const text::TokenizedText& text, lexicon::MatchState* state,
                 std::vector<Piece>* out);

// The date written as three numbers (with their digit counts) in the order
// given: year first when the first has four digits, else day-month-year,
// else (when that is no date) month-day-year. Years must be 1900..2100.
std::optional<CivilDate> NumericDate(int first, int first_digits, int second, int third, int third_digits);

}  // namespace hadath::dates

// The vocabulary of time expressions: data/time/*.tsv loaded into lexicons,
// with their columns decoded once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hadath/dates.h"
#include "hadath/lexicon.h"
#include "hadath/numbers.h"

namespace hadath::dates {

// The `role` column of time-words.tsv.
enum class Role : uint8_t {
  kRelativeDay,  // value: days from the publication day
  kPartOfDay,    // value: a PartOfDay
  kPeriod,       // value: a Period
  kRelation,     // value: a Relation, written after its noun
  kThis,         // value: Relation::kCurrent, written before its noun
  kPortion,      // value: a Portion
  kDayNoun,
  kOf,
  kTo,
  kDayArticle,
  kEra,
  kNotDate,
};

enum class Period : uint8_t { kWeek, kMonth, kYear };
enum class Relation : uint8_t { kLast, kCurrent, kNext };

struct TimeWord {
  Role role;
  int value;  // see Role
};

struct MonthWord {
  int month;       // 1..12
  bool needs_cue;  // an ordinary word too: a month only next to a cue
};

struct DateReader::Words {
  lexicon::Lexicon time_words, weekdays, months;
  std::vector<TimeWord> time_word_of;  // by entry of `time_words`
  std::vector<int> weekday_of;         // by entry of `weekdays`; 0 = Sunday
  std::vector<MonthWord> month_of;     // by entry of `months`
  lexicon::NumberReader numbers;       // ordinal day words: الخامس من أيار
};

// Loads data_dir/time/*.tsv and the number words of data_dir/text/.
Result<DateReader::Words> LoadWords(const text::Tokenizer& tokenizer, const std::string& data_dir);

}  // namespace hadath::dates

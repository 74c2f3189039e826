#include "dates/words.h"

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace hadath::dates {
namespace {

// Looks `text` up in a table of (name, value) pairs.
template <typename T, size_t N>
std::optional<T> Lookup(const std::array<std::pair<std::string_view, T>, N>& table, std::string_view text) {
  for (const auto& [name, value] : table)
    if (name == text) return value;
  return std::nullopt;
}

constexpr std::array<std::pair<std::string_view, Role>, 12> kRoles = {{
    {"relative-day", Role::kRelativeDay},
    {"part-of-day", Role::kPartOfDay},
    {"period", Role::kPeriod},
    {"relation", Role::kRelation},
    {"this", Role::kThis},
    {"portion", Role::kPortion},
    {"day-noun", Role::kDayNoun},
    {"of", Role::kOf},
    {"to", Role::kTo},
    {"day-article", Role::kDayArticle},
    {"era", Role::kEra},
    {"not-date", Role::kNotDate},
}};

constexpr std::array<std::pair<std::string_view, PartOfDay>, 8> kParts = {{
    {"dawn", PartOfDay::kDawn},
    {"morning", PartOfDay::kMorning},
    {"noon", PartOfDay::kNoon},
    {"afternoon", PartOfDay::kAfternoon},
    {"evening", PartOfDay::kEvening},
    {"night", PartOfDay::kNight},
    {"midnight", PartOfDay::kMidnight},
    {"after-midnight", PartOfDay::kAfterMidnight},
}};

constexpr std::array<std::pair<std::string_view, Period>, 3> kPeriods = {{
    {"week", Period::kWeek},
    {"month", Period::kMonth},
    {"year", Period::kYear},
}};

constexpr std::array<std::pair<std::string_view, Relation>, 3> kRelations = {{
    {"last", Relation::kLast},
    {"current", Relation::kCurrent},
    {"next", Relation::kNext},
}};

constexpr std::array<std::pair<std::string_view, Portion>, 3> kPortions = {{
    {"early", Portion::kEarly},
    {"mid", Portion::kMid},
    {"late", Portion::kLate},
}};

// chrono's C encoding: 0 = Sunday.
constexpr std::array<std::pair<std::string_view, int>, 7> kWeekdays = {{
    {"sunday", 0},
    {"monday", 1},
    {"tuesday", 2},
    {"wednesday", 3},
    {"thursday", 4},
    {"friday", 5},
    {"saturday", 6},
}};

template <typename T, size_t N>
std::optional<int> LookupInt(const std::array<std::pair<std::string_view, T>, N>& table,
                             std::string_view text) {
  auto value = Lookup(table, text);
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

std::optional<int> Exactly(std::string_view text, std::string_view expected, int value) {
  if (text != expected) return std::nullopt;
  return value;
}

// A time word's `value` decoded for its role, and what was expected.
struct DecodedValue {
  std::optional<int> value;
  const char* expected;
};

DecodedValue DecodeValue(Role role, std::string_view text) {
  switch (role) {
    case Role::kRelativeDay: return {ParseNumber<int>(text), "a whole number of days"};
    case Role::kPartOfDay:
      return {LookupInt(kParts, text),
              "dawn, morning, noon, afternoon, evening, night, midnight or after-midnight"};
    case Role::kPeriod: return {LookupInt(kPeriods, text), "week, month or year"};
    case Role::kRelation: return {LookupInt(kRelations, text), "last, current or next"};
    case Role::kThis: return {Exactly(text, "current", static_cast<int>(Relation::kCurrent)), "current"};
    case Role::kPortion: return {LookupInt(kPortions, text), "early, mid or late"};
    case Role::kEra: return {Exactly(text, "gregorian", 0), "gregorian"};
    default: return {Exactly(text, "", 0), "empty"};
  }
}

Result<std::vector<TimeWord>> ReadTimeWords(const lexicon::Lexicon& lexicon) {
  std::vector<TimeWord> words;
  for (uint32_t i = 0; i < lexicon.size(); ++i) {
    const TsvRow& row = lexicon.entry(i);
    auto role = Lookup(kRoles, row.Get("role"));
    if (!role) return Status::Error(row.Where("unknown role '" + row.Get("role") + "'"));
    auto [value, expected] = DecodeValue(*role, row.Get("value"));
    if (!value)
      return Status::Error(row.Where("value of a " + row.Get("role") + " must be " + expected + ", not '" +
                                     row.Get("value") + "'"));
    words.push_back({*role, *value});
  }
  return words;
}

Result<std::vector<int>> ReadWeekdays(const lexicon::Lexicon& lexicon) {
  std::vector<int> weekdays;
  for (uint32_t i = 0; i < lexicon.size(); ++i) {
    const TsvRow& row = lexicon.entry(i);
    auto weekday = Lookup(kWeekdays, row.Get("weekday"));
    if (!weekday)
      return Status::Error(
          row.Where("weekday must be sunday ... saturday, not '" + row.Get("weekday") + "'"));
    weekdays.push_back(*weekday);
  }
  return weekdays;
}

bool IsNaming(std::string_view naming) {
  return naming == "levantine" || naming == "western" || naming == "maghrebi" || naming == "moroccan";
}

Result<std::vector<MonthWord>> ReadMonths(const lexicon::Lexicon& lexicon) {
  std::vector<MonthWord> months;
  for (uint32_t i = 0; i < lexicon.size(); ++i) {
    const TsvRow& row = lexicon.entry(i);
    auto month = ParseNumber<int>(row.Get("month"));
    if (!month || *month < 1 || *month > 12)
      return Status::Error(row.Where("month must be 1..12, not '" + row.Get("month") + "'"));
    if (!IsNaming(row.Get("naming")))
      return Status::Error(row.Where("naming must be levantine, western, maghrebi or moroccan"));
    const std::string& needs_cue = row.Get("needs_cue");
    if (needs_cue != "yes" && needs_cue != "no")
      return Status::Error(row.Where("needs_cue must be yes or no"));
    months.push_back({*month, needs_cue == "yes"});
  }
  return months;
}

}  // namespace

Result<DateReader::Words> LoadWords(const text::Tokenizer& tokenizer, const std::string& data_dir) {
  const std::string dir = data_dir + "/time/";
  auto time_words =
      lexicon::Lexicon::Load(dir + "time-words.tsv", tokenizer, {.required_columns = {"role", "value"}});
  if (!time_words) return time_words.status();
  auto weekdays = lexicon::Lexicon::Load(dir + "weekdays.tsv", tokenizer, {.required_columns = {"weekday"}});
  if (!weekdays) return weekdays.status();
  auto months = lexicon::Lexicon::Load(dir + "months.tsv", tokenizer,
                                       {.required_columns = {"month", "naming", "needs_cue"}});
  if (!months) return months.status();
  auto time_word_of = ReadTimeWords(*time_words);
  if (!time_word_of) return time_word_of.status();
  auto weekday_of = ReadWeekdays(*weekdays);
  if (!weekday_of) return weekday_of.status();
  auto month_of = ReadMonths(*months);
  if (!month_of) return month_of.status();
  auto numbers = lexicon::NumberReader::Load(tokenizer, data_dir);
  if (!numbers) return numbers.status();
  return DateReader::Words{std::move(*time_words),   std::move(*weekdays),   std::move(*months),
                           std::move(*time_word_of), std::move(*weekday_of), std::move(*month_of),
                           std::move(*numbers)};
}

}  // namespace hadath::dates

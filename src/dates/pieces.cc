#include "dates/pieces.h"

#include <charconv>
#include <cmath>
#include <string_view>

namespace hadath::dates {
namespace {

constexpr std::string_view kArabicComma = "\u060C";  // ARABIC COMMA

std::optional<int> ParseWholeNumber(std::string_view digits) {
  int value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

// The longest entry of the three lexicons at `token` (time words first on a tie).
bool MatchWord(const DateReader::Words& words, const text::TokenizedText& text, uint32_t token,
               lexicon::MatchState* state, Piece* piece) {
  const lexicon::Lexicon* lexicons[] = {&words.time_words, &words.weekdays, &words.months};
  std::optional<lexicon::Match> best;
  const lexicon::Lexicon* best_lexicon = nullptr;
  lexicon::Match match;
  for (const lexicon::Lexicon* lexicon : lexicons) {
    if (!lexicon->matcher().MatchAt(text, token, state, &match)) continue;
    if (best && match.end_token <= best->end_token) continue;
    best = match;
    best_lexicon = lexicon;
  }
  // No date word carries a pronoun suffix: أمسك "he held" is not أمس + ك,
  // مايوه "swimsuit" is not مايو + ه.
  if (!best || best->enclitic_bytes > 0) return false;
  piece->first_token = best->first_token;
  piece->end_token = best->end_token;
  piece->span = best->span;
  if (best_lexicon == &words.time_words) {
    piece->type = Piece::Type::kWord;
    piece->role = words.time_word_of[best->entry].role;
    piece->value = words.time_word_of[best->entry].value;
  } else if (best_lexicon == &words.weekdays) {
    piece->type = Piece::Type::kWeekday;
    piece->value = words.weekday_of[best->entry];
  } else {
    piece->type = Piece::Type::kMonth;
    piece->value = words.month_of[best->entry].month;
    piece->needs_cue = words.month_of[best->entry].needs_cue;
  }
  return true;
}

// "17.5.2020": the tokenizer keeps digits joined by single dots as one number.
std::optional<CivilDate> DottedDate(std::string_view form) {
  size_t first_dot = form.find('.'), second_dot = form.find('.', first_dot + 1);
  if (first_dot == std::string_view::npos || second_dot == std::string_view::npos) return std::nullopt;
  std::string_view a = form.substr(0, first_dot), b = form.substr(first_dot + 1, second_dot - first_dot - 1);
  std::string_view c = form.substr(second_dot + 1);
  auto first = ParseWholeNumber(a), second = ParseWholeNumber(b), third = ParseWholeNumber(c);
  if (!first || !second || !third) return std::nullopt;
  return NumericDate(*first, static_cast<int>(a.size()), *second, *third, static_cast<int>(c.size()));
}

bool DigitPiece(const text::TokenizedText& text, uint32_t token, Piece* piece) {
  std::string_view form = text.NormalizedOf(text.tokens[token]);
  if (auto value = ParseWholeNumber(form)) {
    piece->type = Piece::Type::kNumber;
    piece->value = *value;
    piece->digits = static_cast<int>(form.size());
    return true;
  }
  if (auto date = DottedDate(form)) {
    piece->type = Piece::Type::kNumericDate;
    piece->date = *date;
    return true;
  }
  return false;
}

bool PunctPiece(const text::TokenizedText& text, uint32_t token, Piece* piece) {
  std::string_view form = text.NormalizedOf(text.tokens[token]);
  piece->type = Piece::Type::kPunct;
  if (form == kArabicComma) {
    piece->punct = ',';
    return true;
  }
  if (form.size() != 1 || std::string_view("/-,()").find(form[0]) == std::string_view::npos) return false;
  piece->punct = form[0];
  return true;
}

// Ordinal words that can be a day of the month, in text order.
std::vector<lexicon::Number> OrdinalDays(const DateReader::Words& words, const text::TokenizedText& text,
                                         lexicon::MatchState* state) {
  std::vector<lexicon::Number> numbers, days;
  words.numbers.Read(text, state, &numbers);
  for (const lexicon::Number& number : numbers) {
    bool in_words = text.tokens[number.first_token].kind != text::TokenKind::kNumber;
    bool day = number.value >= 1 && number.value <= 31 && std::floor(number.value) == number.value;
    if (in_words && day && number.kind == lexicon::NumberKind::kOrdinal) days.push_back(number);
  }
  return days;
}

}  // namespace

std::optional<CivilDate> NumericDate(int first, int first_digits, int second, int third, int third_digits) {
  auto is_year = [](int value, int digits) { return digits == 4 && value >= 1900 && value <= 2100; };
  if (is_year(first, first_digits)) return CivilDate::Make(first, second, third);
  if (!is_year(third, third_digits)) return std::nullopt;
  if (auto day_first = CivilDate::Make(third, second, first)) return day_first;
  return CivilDate::Make(third, first, second);
}

void BuildPieces(const DateReader::Words& words, const text::TokenizedText& text, lexicon::MatchState* state,
                 std::vector<Piece>* out) {
  std::vector<lexicon::Number> ordinals = OrdinalDays(words, text, state);
  size_t next_ordinal = 0;
  for (uint32_t token = 0; token < text.tokens.size();) {
    while (next_ordinal < ordinals.size() && ordinals[next_ordinal].first_token < token) ++next_ordinal;
    const lexicon::Number* ordinal =
        next_ordinal < ordinals.size() && ordinals[next_ordinal].first_token == token
            ? &ordinals[next_ordinal]
            : nullptr;
    Piece piece;
    piece.first_token = token;
    piece.end_token = token + 1;
    piece.span = text.tokens[token].span;
    bool found = MatchWord(words, text, token, state, &piece);
    if (!found && ordinal) {
      piece.type = Piece::Type::kDay;
      piece.value = static_cast<int>(ordinal->value);
      piece.end_token = ordinal->end_token;
      piece.span = ordinal->span;
      found = true;
    } else if (!found && text.tokens[token].kind == text::TokenKind::kNumber) {
      found = DigitPiece(text, token, &piece);
    } else if (!found && text.tokens[token].kind == text::TokenKind::kPunctuation) {
      found = PunctPiece(text, token, &piece);
    }
    if (found) out->push_back(piece);
    token = piece.end_token;
  }
}

}  // namespace hadath::dates

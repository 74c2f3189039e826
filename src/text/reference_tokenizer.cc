#include "text/reference_tokenizer.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace hadath::text {
namespace {

enum class Kind { kSeparator, kLetter, kMark, kDigit, kPunctuation, kSymbol };

struct Character {
  UChar32 code_point;
  int32_t start, end;
};

Kind KindOf(UChar32 c) {
  int8_t category = u_charType(c);
  if (category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK || category == U_ENCLOSING_MARK)
    return Kind::kMark;
  if (u_isUWhiteSpace(c) || category == U_CONTROL_CHAR || category == U_FORMAT_CHAR) return Kind::kSeparator;
  if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) return Kind::kLetter;
  if (category == U_DECIMAL_DIGIT_NUMBER) return Kind::kDigit;
  if (u_ispunct(c)) return Kind::kPunctuation;
  return Kind::kSymbol;
}

TokenKind WordKind(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  if (script == USCRIPT_ARABIC) return TokenKind::kArabicWord;
  if (script == USCRIPT_LATIN) return TokenKind::kLatinWord;
  return TokenKind::kOtherWord;
}

std::vector<Character> Characters(std::string_view text) {
  std::vector<Character> characters;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size()), at = 0;
  while (at < length) {
    int32_t start = at;
    UChar32 c;
    U8_NEXT(bytes, at, length, c);
    characters.push_back({c < 0 ? 0xFFFD : c, start, at});
  }
  return characters;
}

}  // namespace

std::vector<ReferenceToken> ReferenceTokenize(std::string_view text) {
  std::vector<Character> chars = Characters(text);
  std::vector<ReferenceToken> tokens;
  size_t i = 0;
  while (i < chars.size()) {
    Kind kind = KindOf(chars[i].code_point);
    size_t j = i + 1;
    TokenKind token_kind = TokenKind::kSymbol;
    if (kind == Kind::kSeparator) {
      i = j;
      continue;
    } else if (kind == Kind::kLetter) {
      token_kind = WordKind(chars[i].code_point);
      while (j < chars.size() &&
             (KindOf(chars[j].code_point) == Kind::kMark ||
              (KindOf(chars[j].code_point) == Kind::kLetter && WordKind(chars[j].code_point) == token_kind)))
        ++j;
    } else if (kind == Kind::kDigit) {
      token_kind = TokenKind::kNumber;
      while (j < chars.size() && (KindOf(chars[j].code_point) == Kind::kDigit ||
                                  ((chars[j].code_point == '.' || chars[j].code_point == ',') &&
                                   j + 1 < chars.size() && KindOf(chars[j + 1].code_point) == Kind::kDigit)))
        ++j;
    } else if (kind == Kind::kPunctuation) {
      token_kind = TokenKind::kPunctuation;
      while (j < chars.size() && chars[j].code_point == chars[i].code_point) ++j;
    }
    tokens.push_back(
        {{static_cast<uint32_t>(chars[i].start), static_cast<uint32_t>(chars[j - 1].end)}, token_kind});
    i = j;
  }
  return tokens;
}

std::string CompareWithReference(const TokenizedText& tokens) {
  std::vector<ReferenceToken> reference = ReferenceTokenize(tokens.normalized.text);
  size_t r = 0;
  for (size_t t = 0; t < tokens.tokens.size(); ++t) {
    const Token& token = tokens.tokens[t];
    std::string where =
        "token " + std::to_string(t) + " at normalised byte " + std::to_string(token.normalized.start);
    if (r >= reference.size() || reference[r].normalized.start != token.normalized.start)
      return where + ": no reference token starts there";
    if (!token.rejoined && !(reference[r] == ReferenceToken{token.normalized, token.kind}))
      return where + ": reference token differs";
    while (r < reference.size() && reference[r].normalized.end < token.normalized.end) ++r;
    if (r >= reference.size() || reference[r].normalized.end != token.normalized.end)
      return where + ": rejoined word does not end on a reference token";
    ++r;
  }
  return r == reference.size() ? "" : "reference has tokens after the last one";
}

}  // namespace hadath::text

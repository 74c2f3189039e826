// LatinKey: how Latin-script place names are matched ("Al Buşayrah",
// "al-Busayrah", "Busayrah" meet). Diacritics go by ICU: NFD, then every
// non-spacing mark dropped; case by ICU case folding.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "hadath/gazetteer.h"

namespace hadath::geo {
namespace {

// Apostrophes and the ayn/hamza signs of romanisations vanish inside a word
// ("Ma‘arrat" -> "maarrat") rather than splitting it.
bool IsWordInternalSign(UChar32 c) {
  int8_t type = u_charType(c);
  return type == U_MODIFIER_LETTER || type == U_MODIFIER_SYMBOL || type == U_INITIAL_PUNCTUATION ||
         type == U_FINAL_PUNCTUATION || c == U'\'' || c == U'`';
}

// `name` in Unicode NFD (ICU), or as it is if ICU cannot say.
icu::UnicodeString Decomposed(std::string_view name) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  icu::UnicodeString decomposed = U_SUCCESS(error) ? nfd->normalize(text, error) : text;
  return U_FAILURE(error) ? text : decomposed;
}

bool Dropped(UChar32 c) { return u_charType(c) == U_NON_SPACING_MARK || IsWordInternalSign(c); }

// The folded words of `name`: letters and digits, lowercase, no marks.
std::vector<std::string> FoldedWords(std::string_view name) {
  icu::UnicodeString decomposed = Decomposed(name);
  std::vector<std::string> words(1);
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (Dropped(c)) continue;
    if (!u_isalnum(c)) {
      if (!words.back().empty()) words.emplace_back();
      continue;
    }
    icu::UnicodeString folded(u_foldCase(c, U_FOLD_CASE_DEFAULT));
    folded.toUTF8String(words.back());
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

}  // namespace

std::string PlainLatin(std::string_view name) {
  icu::UnicodeString decomposed = Decomposed(name);
  icu::UnicodeString plain;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (!Dropped(c)) plain.append(c);
  }
  std::string out;
  plain.toUTF8String(out);
  return out;
}

std::string LatinKey(std::string_view name, const std::set<std::string, std::less<>>& articles) {
  std::vector<std::string> words = FoldedWords(name);
  std::string key;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string& word = words[i];
    if (i + 1 < words.size() && articles.count(word)) continue;
    if (word.size() > 2 && word.back() == 'h' &&
        std::string_view("aeiou").find(word[word.size() - 2]) != std::string_view::npos)
      word.pop_back();
    key += word;
  }
  return key;
}

}  // namespace hadath::geo

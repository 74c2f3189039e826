#include "text/char_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <vector>

namespace hadath::text {
namespace {

CharClass LetterClass(UChar32 code_point) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(code_point, &status);
  if (script == USCRIPT_ARABIC) return CharClass::kArabicLetter;
  if (script == USCRIPT_LATIN) return CharClass::kLatinLetter;
  return CharClass::kOtherLetter;
}

CharClass ComputeClass(UChar32 code_point) {
  int8_t category = u_charType(code_point);
  if (category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK || category == U_ENCLOSING_MARK)
    return CharClass::kMark;
  if (u_hasBinaryProperty(code_point, UCHAR_WHITE_SPACE) || category == U_CONTROL_CHAR ||
      category == U_FORMAT_CHAR)
    return CharClass::kSpace;
  if (u_hasBinaryProperty(code_point, UCHAR_ALPHABETIC)) return LetterClass(code_point);
  if (category == U_DECIMAL_DIGIT_NUMBER) return CharClass::kDigit;
  if (U_GET_GC_MASK(code_point) & U_GC_P_MASK) return CharClass::kPunctuation;
  return CharClass::kSymbol;
}

std::vector<CharClass> BuildTable() {
  std::vector<CharClass> table(0x10000);
  for (UChar32 code_point = 0; code_point < 0x10000; ++code_point)
    table[code_point] = ComputeClass(code_point);
  return table;
}

}  // namespace

const CharClass* BmpClassTable() {
  static const std::vector<CharClass> table = BuildTable();
  return table.data();
}

CharClass ClassOf(char32_t code_point) {
  if (code_point < 0x10000) return BmpClassTable()[code_point];
  return ComputeClass(static_cast<UChar32>(code_point));
}

}  // namespace hadath::text

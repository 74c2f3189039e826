// Internal: what the tokeniser needs to know about a character, computed
// once from ICU's properties (general category, script, White_Space) into a
// flat table over the BMP; characters beyond it are asked of ICU directly.
#pragma once

#include <cstdint>

namespace hadath::text {

enum class CharClass : uint8_t {
  kSpace,         // White_Space, and controls / format characters (separators)
  kArabicLetter,  // Alphabetic, script Arabic
  kLatinLetter,   // Alphabetic, script Latin
  kOtherLetter,   // Alphabetic, any other script
  kMark,          // Mn, Mc, Me: continues the word before it
  kDigit,         // Nd
  kPunctuation,   // P*
  kSymbol,        // S*, No, Nl, and anything else
};

// The class of `code_point`. Thread-safe; the table is built on first use.
CharClass ClassOf(char32_t code_point);

// The BMP table itself, for hot loops: table[cp] for cp <= 0xFFFF.
const CharClass* BmpClassTable();

}  // namespace hadath::text

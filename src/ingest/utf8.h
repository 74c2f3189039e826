// Internal UTF-8 helpers of the ingest stage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include <string_view>
#include "common/utf8.h"

namespace hadath::ingest::internal {

// Length (2-4) of the well-formed UTF-8 sequence starting with the non-ASCII
// byte text[at], or 0 when it is ill-formed. On 0, *bad_length is the length
// of the maximal ill-formed subpart to replace by one U+FFFD (at least 1),
// and *truncated tells whether that subpart is a valid prefix cut off by the
// end of `text`.
inline int Utf8SequenceLength(std::string_view text, size_t at, size_t* bad_length, bool* truncated) {
  auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  uint8_t lead = byte(at);
  int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  *truncated = false;
  *bad_length = 1;
  if (lead < 0xC2 || lead > 0xF4) return 0;
  // Bounds of the second byte exclude overlong forms and surrogates.
  uint8_t low = 0x80, high = 0xBF;
  if (lead == 0xE0) low = 0xA0;
  if (lead == 0xED) high = 0x9F;
  if (lead == 0xF0) low = 0x90;
  if (lead == 0xF4) high = 0x8F;
  for (int i = 1; i < length; ++i) {
    if (at + i >= text.size()) {
      *truncated = true;
      *bad_length = static_cast<size_t>(i);
      return 0;
    }
    uint8_t next = byte(at + i);
    bool in_range = i == 1 ? (next >= low && next <= high) : (next >= 0x80 && next <= 0xBF);
    if (!in_range) {
      *bad_length = static_cast<size_t>(i);
      return 0;
    }
  }
  return length;
}

using ::hadath::AppendUtf8;

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER

// Returns true iff `c` is HTML/ASCII whitespace (space, tab, LF, FF, CR).
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\v';
}

// Returns true iff `text` holds nothing but ASCII whitespace.
inline bool IsBlank(std::string_view text) {
  for (char c : text)
    if (!IsAsciiSpace(c)) return false;
  return true;
}

// Number of code points in valid UTF-8 `text` (continuation bytes not counted).
inline size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return count;
}

// ASCII lower case of `text`.
inline std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

// `text` without leading and trailing ASCII whitespace.
inline std::string_view TrimAscii(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace hadath::ingest::internal

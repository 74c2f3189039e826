// Internal: a hand-written UTF-8 decoder for the hot loops of the normaliser
// and tokeniser. ICU's U8_NEXT does the same job; this one is inlined into
// the loops and tuned for the 2-byte sequences of Arabic text. It follows
// the same rule for ill-formed input (one error per "maximal subpart"), which
// the differential test against ICU checks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/utf8.h"

namespace hadath::text {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;  // REPLACEMENT CHARACTER

struct Decoded {
  char32_t code_point;  // kReplacementCharacter when `valid` is false
  uint32_t length;      // bytes consumed, at least 1
  bool valid;
};

inline bool IsTrail(uint8_t byte) { return (byte & 0xC0) == 0x80; }

// Decodes the sequence starting at p[0] (p < end; p[0] >= 0x80 or not).
inline Decoded DecodeUtf8(const uint8_t* p, const uint8_t* end) {
  uint8_t lead = p[0];
  if (lead < 0x80) return {lead, 1, true};
  size_t available = static_cast<size_t>(end - p);
  if (lead >= 0xC2 && lead <= 0xDF) {
    if (available >= 2 && IsTrail(p[1])) return {(char32_t(lead & 0x1F) << 6) | (p[1] & 0x3F), 2, true};
    return {kReplacementCharacter, 1, false};
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    uint8_t low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
    if (available < 2 || p[1] < low || p[1] > high) return {kReplacementCharacter, 1, false};
    if (available < 3 || !IsTrail(p[2])) return {kReplacementCharacter, 2, false};
    return {(char32_t(lead & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F), 3, true};
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    uint8_t low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
    if (available < 2 || p[1] < low || p[1] > high) return {kReplacementCharacter, 1, false};
    if (available < 3 || !IsTrail(p[2])) return {kReplacementCharacter, 2, false};
    if (available < 4 || !IsTrail(p[3])) return {kReplacementCharacter, 3, false};
    return {(char32_t(lead & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) | (char32_t(p[2] & 0x3F) << 6) |
                (p[3] & 0x3F),
            4, true};
  }
  return {kReplacementCharacter, 1, false};
}

// Returns true iff p[0..1] is a well-formed two-byte sequence (U+0080..U+07FF,
// where the Arabic block lies).
inline bool IsTwoByteSequence(const uint8_t* p, const uint8_t* end) {
  return p[0] >= 0xC2 && p[0] <= 0xDF && end - p >= 2 && IsTrail(p[1]);
}
inline char32_t TwoByteCodePoint(const uint8_t* p) { return (char32_t(p[0] & 0x1F) << 6) | (p[1] & 0x3F); }

using ::hadath::AppendUtf8;

}  // namespace hadath::text

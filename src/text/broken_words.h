// Internal: rejoining words broken on purpose ("دا-عش" -> "داعش").
//
// The tokeniser's scanner computes, for each Arabic word it cuts, a key of
// its first letters (StartKey) and asks SplitWords::MayStart; only the words
// that pass are looked at again by RejoinBrokenWords. This keeps the cost
// on ordinary text to a few instructions per word.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "hadath/text/tokenizer.h"
#include "text/string_hash.h"
#include "text/utf8.h"

namespace hadath::text {

// A hash of the first one to four code points of a word, and their count.
class StartKey {
 public:
  static constexpr int kLetters = 4;

  void Add(char32_t code_point) {
    if (count_ == kLetters) return;
    hash_ = hash_ * 0x9E3779B1u + (code_point & 0xFF) + 1;  // low bytes tell Arabic letters apart
    ++count_;
  }
  // The key of the first letters of `word` (normalised UTF-8), and with
  // `each_prefix`, called with the key after each of those letters.
  template <typename EachPrefix>
  static StartKey Of(std::string_view word, EachPrefix each_prefix) {
    StartKey key;
    const auto* p = reinterpret_cast<const uint8_t*>(word.data());
    for (const auto* end = p + word.size(); p < end && key.count() < kLetters;) {
      Decoded letter = DecodeUtf8(p, end);
      key.Add(letter.code_point);
      each_prefix(key);
      p += letter.length;
    }
    return key;
  }
  static StartKey Of(std::string_view word) {
    return Of(word, [](const StartKey&) {});
  }

  int count() const { return count_; }
  uint32_t Key() const {
    uint32_t key = hash_ ^ (static_cast<uint32_t>(count_) * 0x85EBCA6Bu);
    return (key ^ (key >> 16)) & 0xFFFF;
  }

 private:
  uint32_t hash_ = 0;
  int count_ = 0;
};

struct Tokenizer::SplitWords {
  StringSet known;     // normalised split words, bare and after plain proclitics
  StringSet prefixes;  // proper prefixes of `known`, cut at character boundaries
  StringSet common;    // ordinary words, never a piece
  // Bloom-style bits: the StartKey of the first one to four letters of
  // every known form.
  std::array<uint64_t, 1024> starts{};
  size_t longest = 0;  // bytes of the longest form in `known`

  void Add(const std::string& normalized_form, const std::vector<std::string>& proclitics);
  // Returns false when no known form can start with a word of
  // `form_length` bytes whose first letters give `key`.
  bool MayStart(const StartKey& key, uint32_t form_length) const {
    uint32_t bit = key.Key();
    return form_length < longest && ((starts[bit >> 6] >> (bit & 63)) & 1);
  }
};

// Merges each run of tokens that spells a known split word into one token.
// `candidates` are the indices of the tokens that passed MayStart, in order.
void RejoinBrokenWords(const Tokenizer::SplitWords& split_words, const std::vector<uint32_t>& candidates,
                       TokenizedText* text);

}  // namespace hadath::text

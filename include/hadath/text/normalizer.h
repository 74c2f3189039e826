// hadath/text/normalizer.h — folds Arabic news text into the form every
// matcher compares, keeping a map from each output byte back to the input.
//
//   auto normalizer = hadath::text::Normalizer::Load();   // data/text/normalize.tsv
//   if (!normalizer) { report(normalizer.error()); return; }
//   hadath::text::NormalizedText folded;
//   normalizer->Normalize("قُتِلَ «أحمد»", &folded);
//   // folded.text == "قتل \"احمد\""
//   // folded.source_offsets[i] is the input byte folded.text[i] came from;
//   // source_offsets.back() == input length.
//
// What is folded is data (data/text/normalize.tsv, documented there): alef
// forms (أ إ آ ٱ -> ا), alef maqsura (ى -> ي), ta marbuta (ة -> ه), hamza
// carriers (ؤ ئ -> ء, so that مسؤول and مسئول meet), tatweel, harakat and
// Quranic marks (deleted), Arabic-Indic and Persian digits (-> 0-9, with
// ٫ -> '.' and ٬ -> ','), every quote mark (-> '"'), every dash (-> '-'),
// invisible format characters (ZWJ, ZWNJ, bidi marks, BOM, soft hyphen:
// deleted), exotic spaces (-> ' '), Persian/Urdu letters (ی ک ہ -> ي ك ه),
// presentation forms and ligatures (via ICU NFKC) and Latin capitals.
// The Arabic comma, semicolon and question mark are kept as they are.
//
// Invalid UTF-8 never stops the normaliser: each ill-formed sequence
// (ICU's "maximal subpart", as U8_NEXT reads it) becomes one U+FFFD
// REPLACEMENT CHARACTER whose three bytes map to the sequence's first byte.
// Code points outside the BMP are copied unchanged.
//
// Thread safety: a loaded Normalizer is immutable; Normalize() may be called
// from many threads at once. Copies are cheap (the tables are shared).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/status.h"
#include "hadath/tsv.h"

namespace hadath::text {

// A normalised text and where each of its bytes came from.
struct NormalizedText {
  std::string text;
  // text.size() + 1 entries, non-decreasing; the last is the input's length.
  // A character kept as it was maps byte for byte (source_offsets[i] is the
  // input byte text[i] was copied from); every byte of a replacement maps to
  // the first input byte of the character it replaced.
  std::vector<uint32_t> source_offsets;

  // The input span that produced text[start, end): from the first byte of
  // the character behind text[start] to where the character after
  // text[end - 1] begins (so marks deleted right after a word stay inside).
  uint32_t SourceStart(uint32_t text_offset) const { return source_offsets[text_offset]; }
  uint32_t SourceEnd(uint32_t text_end) const { return source_offsets[text_end]; }
};

class Normalizer {
 public:
  // Reads `data_dir`/text/normalize.tsv. Fails with "file:line: ..." on a
  // malformed or overlapping rule, or a rule whose folding never ends.
  static Result<Normalizer> Load(const std::string& data_dir = DataDir());

  // Replaces `out` with the normalised form of `utf8`. `out` may be reused
  // across calls to avoid allocations.
  void Normalize(std::string_view utf8, NormalizedText* out) const;
  // The normalised text alone.
  std::string Normalize(std::string_view utf8) const;

  struct Tables;  // compiled fold table, defined in normalizer.cc

 private:
  explicit Normalizer(std::shared_ptr<const Tables> tables) : tables_(std::move(tables)) {}
  std::shared_ptr<const Tables> tables_;
};

}  // namespace hadath::text

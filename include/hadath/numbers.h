// hadath/numbers.h — numbers in Arabic news text, in digits or in words,
// with ranges and qualifiers, each with its byte span.
//
//   auto tokenizer = hadath::text::Tokenizer::Load();
//   auto numbers = hadath::lexicon::NumberReader::Load(*tokenizer);
//   hadath::text::TokenizedText tokens;
//   tokenizer->Tokenize("قتل ما لا يقل عن خمسة وعشرين عنصرا", &tokens);
//   hadath::lexicon::MatchState state;
//   std::vector<hadath::lexicon::Number> found;
//   numbers->Read(tokens, &state, &found);
//   // found[0]: value 25, kind cardinal, qualifier at_least,
//   //           span "خمسة وعشرين", qualifier_span "ما لا يقل عن"
//
// What is read:
//   digits in any Arabic script, with thousands separators and decimals
//     ("1,500", "٣٫٥", "2.5 مليون"); a comma before exactly three digits
//     groups thousands, otherwise it is a decimal comma;
//   number words (data/text/numbers.tsv) with clitics (وثلاثة، بأربع، لعشرة);
//   compounds: "خمسة وعشرون", "مئة وعشرون", "ثلاثة آلاف", "3 ملايين",
//     "الحادي والعشرون" (ordinal);
//   vague quantities: عشرات 10, مئات 100, آلاف 1000, بضعة 3, عدد من 3
//     (ACLED's codes; low/high give the range the word allows);
//   ranges: "بين 10 و15", "10-15", "من 3 إلى 5", "3 أو 4" (words from
//     data/text/number-links.tsv): value = low end (ACLED's conservative figure);
//   qualifiers (data/text/number-qualifiers.tsv): "على الأقل", "ما لا يقل
//     عن", "أكثر من", "نحو", "حوالي", "قرابة", "زهاء", "أقل من", ...
// Dual nouns ("عنصرين") are left to the extraction stage.
//
// Number words are a lexicon, matched by the same clitic-aware Matcher as
// any other; that is why the reader lives here and not in hadath::text.
//
// Thread safety: immutable after Load; Read() is safe from many threads,
// each with its own MatchState.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hadath/lexicon.h"
#include "hadath/offsets.h"
#include "hadath/status.h"
#include "hadath/text/tokenizer.h"

namespace hadath::lexicon {

enum class NumberKind : uint8_t { kCardinal, kOrdinal, kVague, kRange };
enum class Qualifier : uint8_t { kExact, kAtLeast, kMoreThan, kAbout, kAtMost, kLessThan };

// "cardinal", "ordinal", "vague", "range".
const char* NumberKindName(NumberKind kind);
// "exact", "at_least", "more_than", "about", "at_most", "less_than".
const char* QualifierName(Qualifier qualifier);

struct Number {
  Span span;                                // input bytes of the number (both ends of a range included)
  Span qualifier_span;                      // input bytes of the qualifier words; empty when none
  uint32_t first_token = 0, end_token = 0;  // tokens of `span`
  double value = 0;                         // the figure to use: a range's low end, a vague word's code;
                                            // a qualifier changes the bounds, not the value
  double low = 0;                           // bounds; high is +infinity when open ("أكثر من 30"),
  double high = 0;                          // low is 0 for "أقل من 10"
  NumberKind kind = NumberKind::kCardinal;
  Qualifier qualifier = Qualifier::kExact;
};

class NumberReader {
 public:
  // Reads numbers.tsv, number-qualifiers.tsv and number-links.tsv under
  // `data_dir`/text/. `tokenizer` is used only while loading; read text
  // tokenised by a Tokenizer loaded from the same data.
  static Result<NumberReader> Load(const text::Tokenizer& tokenizer, const std::string& data_dir = DataDir());

  // Appends the numbers of `text` to `out`, in text order.
  void Read(const text::TokenizedText& text, MatchState* state, std::vector<Number>* out) const;

  struct Words;  // the three lexicons, defined in numbers.cc

 private:
  explicit NumberReader(std::shared_ptr<const Words> words) : words_(std::move(words)) {}
  std::shared_ptr<const Words> words_;
};

}  // namespace hadath::lexicon

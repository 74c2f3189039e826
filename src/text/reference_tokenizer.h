// Internal: a slow, obviously correct tokeniser used only to check the fast
// one (tests/text differential test, bench/text_bench.cc). It reads the
// normalised text with ICU's U8_NEXT and asks ICU for each character's
// properties, applying the rules stated in hadath/text/tokenizer.h; it does
// not rejoin broken words.
#pragma once

#include <vector>

#include "hadath/offsets.h"
#include "hadath/text/tokenizer.h"

namespace hadath::text {

struct ReferenceToken {
  Span normalized;
  TokenKind kind;
  bool operator==(const ReferenceToken&) const = default;
};

std::vector<ReferenceToken> ReferenceTokenize(std::string_view normalized_text);

// Returns "" iff `tokens` (from Tokenizer::Tokenize) agrees with
// ReferenceTokenize on its normalised text: each token is one reference
// token, or, when rejoined, a run of them. Else says where they differ.
std::string CompareWithReference(const TokenizedText& tokens);

}  // namespace hadath::text

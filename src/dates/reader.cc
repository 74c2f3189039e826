#include <cassert>

#include "dates/grammar.h"
#include "dates/pieces.h"
#include "dates/resolve.h"
#include "dates/words.h"
#include "hadath/dates.h"

namespace hadath::dates {

Result<DateReader> DateReader::Load(const text::Tokenizer& tokenizer, const std::string& data_dir) {
  auto words = LoadWords(tokenizer, data_dir);
  if (!words) return words.status();
  return DateReader(std::make_shared<const Words>(std::move(*words)));
}

void DateReader::Read(std::string_view input, const text::TokenizedText& tokens,
                      const PublishedDate& published, lexicon::MatchState* state,
                      std::vector<DateMention>* out) const {
  assert(tokens.tokens.empty() || tokens.tokens.back().span.end <= input.size());
  std::vector<Piece> pieces;
  BuildPieces(*words_, tokens, state, &pieces);
  Grammar grammar(pieces);
  Anchor anchor = AnchorOf(published);
  for (size_t first = 0; first < pieces.size();) {
    Expression expression;
    if (!grammar.Parse(first, &expression)) {
      ++first;
      continue;
    }
    const Piece& head = pieces[expression.first_piece];
    const Piece& tail = pieces[expression.end_piece - 1];
    DateMention mention;
    mention.span = {head.span.start, tail.span.end};
    mention.first_token = head.first_token;
    mention.end_token = tail.end_token;
    Resolve(expression, anchor, &mention);
    out->push_back(std::move(mention));
    first = expression.end_piece;
  }
}

}  // namespace hadath::dates

#include "text/broken_words.h"

#include "text/utf8.h"

namespace hadath::text {
namespace {

constexpr size_t kMaxPieces = 12;

bool IsConnector(char c) { return c == '-' || c == '.' || c == '_' || c == '*'; }

// Returns true iff the normalised text between two pieces is a space, a
// connector, or a connector with one space on either side.
bool IsJoinableGap(std::string_view gap) {
  if (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
  if (!gap.empty() && gap.back() == ' ') gap.remove_suffix(1);
  return gap.empty() || (gap.size() == 1 && IsConnector(gap[0]));
}

class Joiner {
 public:
  Joiner(const Tokenizer::SplitWords& words, TokenizedText* text) : words_(words), text_(*text) {}

  // Number of tokens from `first` that spell a known word (0 if none).
  size_t JoinableTokens(size_t first) {
    if (!words_.prefixes.contains(Form(first)) || !IsPiece(first)) return 0;
    joined_.assign(Form(first));
    size_t best = 0;
    size_t piece = first;
    for (size_t pieces = 1; pieces < kMaxPieces; ++pieces) {
      size_t next = NextPiece(piece);
      if (next == 0) break;
      joined_ += Form(next);
      if (joined_.size() > words_.longest) break;
      if (words_.known.contains(joined_)) best = next + 1 - first;
      if (!words_.prefixes.contains(joined_)) break;
      piece = next;
    }
    return best;
  }

  // One token standing for tokens [first, first + count).
  Token Joined(size_t first, size_t count) {
    const Token& head = text_.tokens[first];
    const Token& tail = text_.tokens[first + count - 1];
    Token token = head;
    token.span = {head.span.start, tail.span.end};
    token.normalized = {head.normalized.start, tail.normalized.end};
    token.rejoined = true;
    token.final_letter_folded = tail.final_letter_folded;
    token.form_start = static_cast<uint32_t>(text_.rejoined_forms.size());
    for (size_t i = first; i < first + count; ++i)
      if (text_.tokens[i].kind == TokenKind::kArabicWord) text_.rejoined_forms += Form(i);
    token.form_length = static_cast<uint32_t>(text_.rejoined_forms.size()) - token.form_start;
    return token;
  }

 private:
  std::string_view Form(size_t index) const { return text_.NormalizedOf(text_.tokens[index]); }

  bool IsPiece(size_t index) const {
    return text_.tokens[index].kind == TokenKind::kArabicWord && !words_.common.contains(Form(index));
  }

  bool IsConnectorToken(size_t index) const {
    const Token& token = text_.tokens[index];
    return token.kind == TokenKind::kPunctuation && token.form_length == 1 &&
           IsConnector(text_.normalized.text[token.form_start]);
  }

  // The token index of the piece after `piece`, or 0 when the run ends.
  size_t NextPiece(size_t piece) const {
    size_t next = piece + 1;
    if (next < text_.tokens.size() && IsConnectorToken(next)) ++next;
    if (next >= text_.tokens.size() || !IsPiece(next)) return 0;
    uint32_t gap_start = text_.tokens[piece].normalized.end, gap_end = text_.tokens[next].normalized.start;
    std::string_view gap = std::string_view(text_.normalized.text).substr(gap_start, gap_end - gap_start);
    return IsJoinableGap(gap) ? next : 0;
  }

  const Tokenizer::SplitWords& words_;
  TokenizedText& text_;
  std::string joined_;
};

}  // namespace

// Variants behind every plain proclitic are listed so that "لدا-عش" is
// found; a few of them are never written (ل + القاعدة is spelt للقاعدة),
// which costs nothing but a little room.
void Tokenizer::SplitWords::Add(const std::string& normalized_form,
                                const std::vector<std::string>& proclitics) {
  std::vector<std::string> variants = {normalized_form};
  for (const std::string& proclitic : proclitics) variants.push_back(proclitic + normalized_form);
  for (const std::string& variant : variants) {
    known.insert(variant);
    longest = std::max(longest, variant.size());
    for (size_t cut = 1; cut < variant.size(); ++cut)
      if ((variant[cut] & 0xC0) != 0x80) prefixes.insert(variant.substr(0, cut));
    StartKey::Of(variant, [this](const StartKey& key) {
      uint32_t bit = key.Key();
      starts[bit >> 6] |= uint64_t{1} << (bit & 63);
    });
  }
}

void RejoinBrokenWords(const Tokenizer::SplitWords& split_words, const std::vector<uint32_t>& candidates,
                       TokenizedText* text) {
  if (split_words.known.empty()) return;
  Joiner joiner(split_words, text);
  std::vector<Token>& tokens = text->tokens;
  size_t kept = 0, next = 0;  // tokens[next...] move down to tokens[kept...] once a join happened
  for (uint32_t candidate : candidates) {
    if (candidate < next) continue;  // inside a word joined already
    size_t count = joiner.JoinableTokens(candidate);
    if (count < 2) continue;
    if (kept == next) kept = next = candidate;  // nothing moved yet: skip the tokens before
    while (next < candidate) tokens[kept++] = tokens[next++];
    tokens[kept++] = joiner.Joined(candidate, count);
    next = candidate + count;
  }
  if (next == 0) return;  // no join
  while (next < tokens.size()) tokens[kept++] = tokens[next++];
  tokens.resize(kept);
}

}  // namespace hadath::text

// hadath/text/tokenizer.h — words, numbers and punctuation of a UTF-8 text,
// each with its byte span in the input and its normalised form.
//
//   auto tokenizer = hadath::text::Tokenizer::Load();     // data/text/*.tsv
//   if (!tokenizer) { report(tokenizer.error()); return; }
//   hadath::text::TokenizedText tokens;                   // reuse across calls
//   tokenizer->Tokenize("قتل 3 من «دا-عش».", &tokens);
//   for (const hadath::text::Token& token : tokens.tokens)
//     print(token.span, KindName(token.kind), tokens.NormalizedOf(token));
//   // قتل/arabic/قتل  3/number/3  من/arabic/من  «/punct/"  دا-عش/arabic/داعش  »/punct/"  ./punct/.
//
// Steps: the text is normalised (Normalizer), cut where the character class
// changes (classes come from ICU properties), and words that were broken on
// purpose to dodge filters ("دا-عش", "د.ا.ع.ش", "دا عش") are rejoined into
// one token whose span covers the whole broken form, when the joined word is
// a known split word (data/text/split-words.tsv plus WithSplitWords()) and no
// piece is an ordinary word on its own (data/text/common-words.tsv).
//
// A word token is a run of letters of one script (with any combining marks);
// a number token is a run of digits with single '.' or ',' between digits
// (Arabic-Indic digits and separators are folded first: "٣٫٥" -> "3.5"); a
// run of one repeated punctuation character ("..", "!!") is one token; any
// other character is a symbol token. Spaces and invisible characters
// separate tokens and produce none.
//
// Thread safety: a loaded Tokenizer is immutable; Tokenize() may be called
// from many threads, each with its own TokenizedText.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/offsets.h"
#include "hadath/status.h"
#include "hadath/text/clitics.h"
#include "hadath/text/normalizer.h"
#include "hadath/tsv.h"

namespace hadath::text {

enum class TokenKind : uint8_t { kArabicWord, kLatinWord, kOtherWord, kNumber, kPunctuation, kSymbol };

// "arabic", "latin", "word", "number", "punct", "symbol".
const char* KindName(TokenKind kind);

struct Token {
  Span span;                 // bytes in the tokenised input (marks deleted by normalisation included)
  Span normalized;           // bytes in TokenizedText::normalized.text; for a rejoined
                             // word, from its first piece to its last, connectors included
  uint32_t form_start = 0;   // the form is normalized.text[form_start, +form_length),
  uint32_t form_length = 0;  // or rejoined_forms[...] when `rejoined`
  TokenKind kind = TokenKind::kSymbol;
  bool rejoined = false;  // a broken word put back together
  // The last letter of the form was changed by normalisation (ة -> ه,
  // ى -> ي): as written it is no pronoun suffix, so no enclitic may be
  // taken off (مدينة is not مدين + ه, على is not عل + ي).
  bool final_letter_folded = false;

  bool is_word() const { return kind <= TokenKind::kOtherWord; }
  // The clitic sides a segmenter may strip from this token.
  uint8_t StrippableSides() const { return final_letter_folded ? kProcliticSide : kBothSides; }
};

struct TokenizedText {
  NormalizedText normalized;
  std::vector<Token> tokens;
  std::string rejoined_forms;               // arena holding the forms of rejoined words
  std::vector<uint32_t> rejoin_candidates;  // scratch space of Tokenize(), not a result

  // The token's normalised form; valid until the next Tokenize() into this object.
  std::string_view NormalizedOf(const Token& token) const {
    const std::string& arena = token.rejoined ? rejoined_forms : normalized.text;
    return std::string_view(arena).substr(token.form_start, token.form_length);
  }
  // The input span behind bytes [begin, end) of the token's form, e.g. the
  // stem of a word once clitics are split off.
  Span SourceOfFormBytes(const Token& token, uint32_t begin, uint32_t end) const;
};

class Tokenizer {
 public:
  // Reads normalize.tsv, clitics.tsv, split-words.tsv and common-words.tsv
  // under `data_dir`/text/.
  static Result<Tokenizer> Load(const std::string& data_dir = DataDir());

  // A copy that also rejoins `words` (any spelling; normalised here), e.g.
  // the lexicon entries that people break on purpose. Forms of several
  // words are skipped: only one word can be broken into pieces.
  Tokenizer WithSplitWords(const std::vector<std::string>& words) const;

  // Replaces `out` with the tokens of `utf8`.
  void Tokenize(std::string_view utf8, TokenizedText* out) const;

  const Normalizer& normalizer() const { return normalizer_; }
  const CliticSegmenter& clitics() const { return clitics_; }

  struct SplitWords;  // defined in broken_words.h

 private:
  Tokenizer(Normalizer normalizer, CliticSegmenter clitics, std::shared_ptr<const SplitWords> split_words)
      : normalizer_(std::move(normalizer)),
        clitics_(std::move(clitics)),
        split_words_(std::move(split_words)) {}

  Normalizer normalizer_;
  CliticSegmenter clitics_;
  std::shared_ptr<const SplitWords> split_words_;
};

}  // namespace hadath::text

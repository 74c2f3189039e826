// hadath/lexicon.h — word lists in TSV files, and a matcher that finds their
// entries in tokenised Arabic text, inflected or not.
//
// A lexicon is a TSV file (format: data/lexicon/README.md) with a `form`
// column holding an Arabic surface form of one or more words, plus columns
// of its own (an actor id, a trigger's event type, a number's value...):
//
//   auto tokenizer = hadath::text::Tokenizer::Load();
//   auto actors = hadath::lexicon::Lexicon::Load("data/lexicon/actors.tsv", *tokenizer,
//                                                {.required_columns = {"actor"}});
//   if (!actors) { std::cerr << actors.error() << "\n"; return 1; }   // "actors.tsv:12: ..."
//
//   hadath::text::TokenizedText tokens;
//   tokenizer->Tokenize("وأعلنت لقوات سوريا الديمقراطية", &tokens);
//   hadath::lexicon::MatchState state;          // per thread, reused
//   std::vector<hadath::lexicon::Match> matches;
//   actors->matcher().FindAll(tokens, &state, &matches);
//   for (const auto& match : matches)
//     use(actors->entry(match.entry).Get("actor"), match.span);  // span in the input text
//
// Matching works on normalised tokens (hadath/text/tokenizer.h). The first
// token of a match may carry proclitics (و ب ل ال ...), the last an enclitic
// (ها هم ...), as analysed by hadath::text::CliticSegmenter; analyses are
// tried from the least stripped, so a word that is itself an entry is never
// split; a word whose last letter was folded (ة -> ه, ى -> ي) loses no
// enclitic (Token::final_letter_folded: مدينة is not مدين + ه). An entry may
// restrict clitics further with the optional `attach` column. The
// longest match (in tokens) wins; FindAll reports leftmost-longest,
// non-overlapping matches.
//
// Lifecycle (Add -> Compile -> const Match): MatcherBuilder collects forms,
// Compile() freezes them into a Matcher. A Matcher and a Lexicon are
// immutable and safe to share between threads; each thread passes its own
// MatchState. Text must be tokenised by a Tokenizer loaded from the same
// data as the one given to the builder (its normalisation and clitics).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/offsets.h"
#include "hadath/status.h"
#include "hadath/text/tokenizer.h"
#include "hadath/tsv.h"

namespace hadath::lexicon {

// Which clitics an entry accepts around its words.
enum class Attach : uint8_t {
  kAny,         // proclitics on the first word, an enclitic on the last (default)
  kNoArticle,   // as kAny, except proclitics holding the article: اثنين must
                // not match الاثنين (Monday), أحد not الأحد (Sunday)
  kNone,        // the words exactly as listed
  kProclitics,  // proclitics on the first word, no enclitic (names: بحلب, never حلبي)
};

// Parses "", "any", "no-article", "none", "proclitics".
std::optional<Attach> ParseAttach(std::string_view text);

struct Match {
  uint32_t entry = 0;        // the id given to MatcherBuilder::Add (a Lexicon: the row index)
  uint32_t first_token = 0;  // tokens [first_token, end_token) of the TokenizedText
  uint32_t end_token = 0;
  Span span;                     // input bytes of those tokens, clitics included
  Span core;                     // input bytes without the first token's proclitics
                                 // and the last token's enclitic
  uint16_t proclitic_bytes = 0;  // bytes of the first token's form taken by proclitics
  uint16_t enclitic_bytes = 0;   // bytes of the last token's form taken by the enclitic

  uint32_t token_count() const { return end_token - first_token; }
};

// Scratch space for matching; one per thread, reused across calls.
class MatchState {
 public:
  MatchState() = default;

 private:
  friend class Matcher;
  // Analyses of the last first-token word, kept while the next call asks
  // about the same word with the same segmenter (several lexicons tried at
  // one token).
  std::vector<text::CliticAnalysis> first_analyses_;
  std::string analyzed_word_;
  uint8_t analyzed_sides_ = 0;
  const void* analyzed_by_ = nullptr;
  std::vector<text::CliticAnalysis> last_analyses_;
};

class Matcher {
 public:
  // Appends to `out` the leftmost-longest, non-overlapping matches in `text`.
  void FindAll(const text::TokenizedText& text, MatchState* state, std::vector<Match>* out) const;
  // Returns true iff an entry matches tokens starting at `first_token`;
  // `*match` then holds the longest such match.
  bool MatchAt(const text::TokenizedText& text, uint32_t first_token, MatchState* state, Match* match) const;

  // Number of distinct forms.
  size_t size() const;

  struct Trie;  // defined in matcher.cc

 private:
  friend class MatcherBuilder;
  explicit Matcher(std::shared_ptr<const Trie> trie) : trie_(std::move(trie)) {}
  std::shared_ptr<const Trie> trie_;
};

class MatcherBuilder {
 public:
  // `tokenizer` cuts and normalises the forms; it must outlive the builder.
  explicit MatcherBuilder(const text::Tokenizer& tokenizer);
  ~MatcherBuilder();
  MatcherBuilder(MatcherBuilder&&) noexcept;
  MatcherBuilder& operator=(MatcherBuilder&&) noexcept;

  // Adds `form` (words as written, any spelling) for `entry`. Fails when the
  // form holds no word. When the same normalised words were already added,
  // nothing is added and the earlier entry is returned.
  Result<std::optional<uint32_t>> Add(std::string_view form, uint32_t entry, Attach attach = Attach::kAny);
  // The normalised words of `form`, space-separated: two forms are the same
  // entry iff their keys are equal.
  std::string KeyOf(std::string_view form) const;

  Matcher Compile() &&;

 private:
  const text::Tokenizer* tokenizer_;
  std::unique_ptr<Matcher::Trie> trie_;
};

// What Lexicon::Load checks besides the TSV format.
struct LexiconOptions {
  std::vector<std::string> required_columns;  // besides `form`
  bool arabic_forms = true;                   // every form must hold an Arabic letter
};

// A loaded lexicon: its rows and a matcher over their forms.
class Lexicon {
 public:
  // Reads the TSV at `path`. Errors read "path:line: what is wrong": empty
  // form, no Arabic letter in a form (when options.arabic_forms), a form
  // with no word, a bad `attach`, a form repeated with different values.
  // A form repeated with the same values is kept once, with a warning.
  static Result<Lexicon> Load(const std::string& path, const text::Tokenizer& tokenizer,
                              const LexiconOptions& options = {});
  // Same, from text in memory; `path` is used in messages only.
  static Result<Lexicon> Parse(std::string_view tsv, const std::string& path,
                               const text::Tokenizer& tokenizer, const LexiconOptions& options = {});

  size_t size() const { return table_.rows().size(); }
  // Row `index` (a Match's `entry`): Get(column), line().
  const TsvRow& entry(uint32_t index) const { return table_.rows()[index]; }
  const std::string& path() const { return table_.path(); }
  const Matcher& matcher() const { return matcher_; }
  // Non-fatal findings, "path:line: ...".
  const std::vector<std::string>& warnings() const { return warnings_; }
  // Forms of rows whose optional `split` column says yes: words people break
  // on purpose, for Tokenizer::WithSplitWords().
  std::vector<std::string> SplitWords() const;

 private:
  Lexicon(TsvTable table, Matcher matcher, std::vector<std::string> warnings)
      : table_(std::move(table)), matcher_(std::move(matcher)), warnings_(std::move(warnings)) {}

  TsvTable table_;
  Matcher matcher_;
  std::vector<std::string> warnings_;
};

}  // namespace hadath::lexicon

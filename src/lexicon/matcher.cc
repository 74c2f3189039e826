#include <unordered_map>

#include "hadath/lexicon.h"
#include "text/string_hash.h"

namespace hadath::lexicon {

// A trie over interned word ids: node 0 is the root; `children` maps
// (node, word) to the next node; `terminals[node]` holds the entry ending there.
struct Matcher::Trie {
  struct Terminal {
    uint32_t entry;
    Attach attach;
  };
  text::StringMap<uint32_t> vocabulary;
  std::unordered_map<uint64_t, uint32_t> children;
  std::vector<std::optional<Terminal>> terminals = {std::nullopt};
  size_t forms = 0;
  std::optional<text::CliticSegmenter> clitics;  // how text words are analysed

  std::optional<uint32_t> WordId(std::string_view word) const {
    auto found = vocabulary.find(word);
    if (found == vocabulary.end()) return std::nullopt;
    return found->second;
  }
  std::optional<uint32_t> Child(uint32_t node, uint32_t word) const {
    auto found = children.find(Key(node, word));
    if (found == children.end()) return std::nullopt;
    return found->second;
  }
  uint32_t AddWord(std::string_view word) {
    return vocabulary.try_emplace(std::string(word), static_cast<uint32_t>(vocabulary.size())).first->second;
  }
  uint32_t AddChild(uint32_t node, uint32_t word) {
    auto [found, added] = children.try_emplace(Key(node, word), static_cast<uint32_t>(terminals.size()));
    if (added) terminals.emplace_back();
    return found->second;
  }
  static uint64_t Key(uint32_t node, uint32_t word) { return (uint64_t{node} << 32) | word; }
};

std::optional<Attach> ParseAttach(std::string_view text) {
  if (text.empty() || text == "any") return Attach::kAny;
  if (text == "no-article") return Attach::kNoArticle;
  if (text == "none") return Attach::kNone;
  if (text == "proclitics") return Attach::kProclitics;
  return std::nullopt;
}

namespace {

bool Allows(Attach attach, const text::CliticAnalysis& first, uint16_t enclitic_bytes) {
  switch (attach) {
    case Attach::kAny: return true;
    case Attach::kNoArticle: return !first.proclitic_has_article;
    case Attach::kNone: return first.proclitic_bytes == 0 && enclitic_bytes == 0;
    case Attach::kProclitics: return enclitic_bytes == 0;
  }
  return false;
}

// Finds the longest match from one first token, trying each analysis of it.
class Search {
 public:
  Search(const Matcher::Trie& trie, const text::TokenizedText& text, uint32_t first,
         std::vector<text::CliticAnalysis>* last_analyses)
      : trie_(trie), text_(text), first_(first), last_analyses_(*last_analyses) {}

  void From(const text::CliticAnalysis& analysis) {
    auto word = trie_.WordId(analysis.stem);
    if (!word) return;
    auto node = trie_.Child(0, *word);
    if (!node) return;
    Consider(*node, first_ + 1, analysis, analysis.enclitic_bytes);
    if (analysis.enclitic_bytes == 0) Extend(*node, analysis);
  }

  bool found() const { return found_; }
  const Match& best() const { return best_; }

 private:
  void Extend(uint32_t node, const text::CliticAnalysis& first) {
    for (uint32_t next = first_ + 1; next < text_.tokens.size(); ++next) {
      const text::Token& token = text_.tokens[next];
      std::string_view form = text_.NormalizedOf(token);
      auto word = trie_.WordId(form);
      std::optional<uint32_t> child = word ? trie_.Child(node, *word) : std::nullopt;
      if (child) Consider(*child, next + 1, first, 0);
      if (token.is_word() && !token.final_letter_folded) TryEnclitics(node, next, form, first);
      if (!child) return;
      node = *child;
    }
  }

  void TryEnclitics(uint32_t node, uint32_t token, std::string_view form, const text::CliticAnalysis& first) {
    trie_.clitics->Analyze(form, text::kEncliticSide, &last_analyses_);
    for (size_t i = 1; i < last_analyses_.size(); ++i) {
      auto word = trie_.WordId(last_analyses_[i].stem);
      std::optional<uint32_t> child = word ? trie_.Child(node, *word) : std::nullopt;
      if (child) Consider(*child, token + 1, first, last_analyses_[i].enclitic_bytes);
    }
  }

  // Keeps the match ending at `node` if it is strictly longer than the best
  // so far (earlier, less stripped analyses win ties).
  void Consider(uint32_t node, uint32_t end_token, const text::CliticAnalysis& first,
                uint16_t enclitic_bytes) {
    const auto& terminal = trie_.terminals[node];
    if (!terminal || (found_ && end_token <= best_.end_token)) return;
    if (!Allows(terminal->attach, first, enclitic_bytes)) return;
    found_ = true;
    best_.entry = terminal->entry;
    best_.first_token = first_;
    best_.end_token = end_token;
    best_.proclitic_bytes = first.proclitic_bytes;
    best_.enclitic_bytes = enclitic_bytes;
  }

  const Matcher::Trie& trie_;
  const text::TokenizedText& text_;
  uint32_t first_;
  std::vector<text::CliticAnalysis>& last_analyses_;
  Match best_;
  bool found_ = false;
};

void FillSpans(const text::TokenizedText& text, Match* match) {
  const text::Token& first = text.tokens[match->first_token];
  const text::Token& last = text.tokens[match->end_token - 1];
  match->span = {first.span.start, last.span.end};
  match->core = {text.SourceOfFormBytes(first, match->proclitic_bytes, first.form_length).start,
                 text.SourceOfFormBytes(last, 0, last.form_length - match->enclitic_bytes).end};
}

}  // namespace

bool Matcher::MatchAt(const text::TokenizedText& text, uint32_t first_token, MatchState* state,
                      Match* match) const {
  const text::Token& token = text.tokens[first_token];
  if (!token.is_word()) return false;
  std::string_view word = text.NormalizedOf(token);
  uint8_t sides = token.StrippableSides();
  if (state->analyzed_by_ != trie_->clitics->Identity() || state->analyzed_word_ != word ||
      state->analyzed_sides_ != sides) {
    trie_->clitics->Analyze(word, sides, &state->first_analyses_);
    state->analyzed_word_.assign(word);
    state->analyzed_sides_ = sides;
    state->analyzed_by_ = trie_->clitics->Identity();
  }
  Search search(*trie_, text, first_token, &state->last_analyses_);
  for (const text::CliticAnalysis& analysis : state->first_analyses_) search.From(analysis);
  if (!search.found()) return false;
  *match = search.best();
  FillSpans(text, match);
  return true;
}

void Matcher::FindAll(const text::TokenizedText& text, MatchState* state, std::vector<Match>* out) const {
  Match match;
  for (uint32_t token = 0; token < text.tokens.size();) {
    if (MatchAt(text, token, state, &match)) {
      out->push_back(match);
      token = match.end_token;
    } else {
      ++token;
    }
  }
}

size_t Matcher::size() const { return trie_->forms; }

MatcherBuilder::MatcherBuilder(const text::Tokenizer& tokenizer)
    : tokenizer_(&tokenizer), trie_(std::make_unique<Matcher::Trie>()) {
  trie_->clitics = tokenizer.clitics();
}
MatcherBuilder::~MatcherBuilder() = default;
MatcherBuilder::MatcherBuilder(MatcherBuilder&&) noexcept = default;
MatcherBuilder& MatcherBuilder::operator=(MatcherBuilder&&) noexcept = default;

std::string MatcherBuilder::KeyOf(std::string_view form) const {
  text::TokenizedText tokens;
  tokenizer_->Tokenize(form, &tokens);
  std::string key;
  for (const text::Token& token : tokens.tokens) {
    if (!key.empty()) key += ' ';
    key += tokens.NormalizedOf(token);
  }
  return key;
}

Result<std::optional<uint32_t>> MatcherBuilder::Add(std::string_view form, uint32_t entry, Attach attach) {
  text::TokenizedText tokens;
  tokenizer_->Tokenize(form, &tokens);
  if (tokens.tokens.empty() || !tokens.tokens.front().is_word() || !tokens.tokens.back().is_word())
    return Status::Error("form '" + std::string(form) + "' must begin and end with a word");
  uint32_t node = 0;
  for (const text::Token& token : tokens.tokens)
    node = trie_->AddChild(node, trie_->AddWord(tokens.NormalizedOf(token)));
  auto& terminal = trie_->terminals[node];
  if (terminal) return std::optional<uint32_t>(terminal->entry);
  terminal = Matcher::Trie::Terminal{entry, attach};
  ++trie_->forms;
  return std::optional<uint32_t>();
}

Matcher MatcherBuilder::Compile() && {
  return Matcher(std::shared_ptr<const Matcher::Trie>(std::move(trie_)));
}

}  // namespace hadath::lexicon

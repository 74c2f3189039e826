#include "actors/nationality.h"

#include "actors/forms.h"

namespace hadath::actors {
namespace {

constexpr uint8_t kHead = 1, kModifier = 2, kConjunction = 4;
constexpr int kMaxModifiers = 3;

std::optional<uint8_t> ParseRole(std::string_view text) {
  if (text == "head") return kHead;
  if (text == "modifier") return kModifier;
  if (text == "both") return kHead | kModifier;
  if (text == "conjunction") return kConjunction;
  return std::nullopt;
}

Result<bool> ParseInflect(const TsvRow& row) {
  const std::string& inflect = row.Get("inflect");
  if (inflect != "yes" && inflect != "no") return Status::Error(row.Where("inflect must be yes or no"));
  return inflect == "yes";
}

}  // namespace

namespace {

struct ForceWords {
  lexicon::Matcher matcher;               // heads and modifiers
  std::vector<uint8_t> roles;             // by matcher entry
  std::vector<std::string> conjunctions;  // normalised proclitic forms
};

struct Adjectives {
  lexicon::Matcher matcher;
  std::vector<const Actor*> actors;  // by matcher entry
};

}  // namespace

struct NationalityPhrases::Words {
  ForceWords force_words;
  Adjectives adjectives;
  text::CliticSegmenter clitics;
  std::vector<std::string> plain_proclitics;
};

namespace {

// Adds a form (and its inflections) with `value`, merging with an equal form
// already added: `merge` decides, or returns an error message.
template <typename Value, typename Merge>
Status AddForms(const TsvRow& row, const std::vector<std::string>& forms, Value value,
                lexicon::MatcherBuilder* builder, std::vector<Value>* values, Merge merge) {
  for (const std::string& form : forms) {
    auto added = builder->Add(form, static_cast<uint32_t>(values->size()));
    if (!added) return Status::Error(row.Where(added.error()));
    if (!*added) {
      values->push_back(value);
      continue;
    }
    std::string problem = merge(&(*values)[**added], value);
    if (!problem.empty()) return Status::Error(row.Where("form '" + form + "' " + problem));
  }
  return Status::Ok();
}

Result<ForceWords> ReadForceWords(const std::string& path, const text::Tokenizer& tokenizer) {
  auto table = LoadFormTable(path, {"role", "inflect"});
  if (!table) return table.status();
  lexicon::MatcherBuilder builder(tokenizer);
  std::vector<uint8_t> roles;
  std::vector<std::string> conjunctions;
  for (const TsvRow& row : table->rows()) {
    const std::string& form = row.Get("form");
    Status checked = CheckForm(row, form, tokenizer);
    if (!checked.ok()) return checked;
    auto role = ParseRole(row.Get("role"));
    if (!role) return Status::Error(row.Where("role must be head, modifier, both or conjunction"));
    auto inflect = ParseInflect(row);
    if (!inflect) return inflect.status();
    if (*role == kConjunction) {
      conjunctions.push_back(tokenizer.normalizer().Normalize(form));
      continue;
    }
    std::vector<std::string> forms = *inflect ? NisbaForms(form) : std::vector<std::string>{form};
    Status added = AddForms(row, forms, *role, &builder, &roles, [](uint8_t* earlier, uint8_t role) {
      *earlier |= role;
      return std::string();
    });
    if (!added.ok()) return added;
  }
  return ForceWords{std::move(builder).Compile(), std::move(roles), std::move(conjunctions)};
}

Result<Adjectives> ReadAdjectives(const std::string& path, const text::Tokenizer& tokenizer,
                                  const ActorRegistry& registry) {
  auto table = LoadFormTable(path, {"country", "actor", "inflect"});
  if (!table) return table.status();
  lexicon::MatcherBuilder builder(tokenizer);
  std::vector<const Actor*> actors;
  for (const TsvRow& row : table->rows()) {
    const std::string& form = row.Get("form");
    Status checked = CheckForm(row, form, tokenizer);
    if (!checked.ok()) return checked;
    if (!registry.FindCountry(row.Get("country")))
      return Status::Error(row.Where("unknown country '" + row.Get("country") + "' (countries.tsv)"));
    const Actor* actor = registry.Find(row.Get("actor"));
    if (!actor) return Status::Error(row.Where("unknown actor '" + row.Get("actor") + "' (registry.tsv)"));
    auto inflect = ParseInflect(row);
    if (!inflect) return inflect.status();
    std::vector<std::string> forms = *inflect ? NisbaForms(form) : std::vector<std::string>{form};
    Status added =
        AddForms(row, forms, actor, &builder, &actors, [](const Actor** earlier, const Actor* actor) {
          return *earlier == actor ? std::string() : "is already an adjective of " + (*earlier)->id;
        });
    if (!added.ok()) return added;
  }
  return Adjectives{std::move(builder).Compile(), std::move(actors)};
}

}  // namespace

Result<NationalityPhrases> NationalityPhrases::Load(const std::string& data_dir,
                                                    const text::Tokenizer& tokenizer,
                                                    const ActorRegistry& registry) {
  auto force_words = ReadForceWords(data_dir + "/actors/force-heads.tsv", tokenizer);
  if (!force_words) return force_words.status();
  auto adjectives = ReadAdjectives(data_dir + "/actors/nationality.tsv", tokenizer, registry);
  if (!adjectives) return adjectives.status();
  return NationalityPhrases(
      std::make_shared<Words>(Words{std::move(*force_words), std::move(*adjectives), tokenizer.clitics(),
                                    tokenizer.clitics().PlainProclitics()}));
}

namespace {

class PhraseReader {
 public:
  PhraseReader(const NationalityPhrases::Words& words, const text::TokenizedText& text,
               lexicon::MatchState* state, std::vector<text::CliticAnalysis>* scratch)
      : words_(words), text_(text), state_(state), scratch_(scratch) {}

  // A force word with `role` at `token`, its proclitics allowed by `any_proclitic`
  // (the head) or the article only (words agreeing with the head).
  bool ForceWordAt(uint32_t token, uint8_t role, bool any_proclitic, lexicon::Match* match) const {
    if (token >= text_.tokens.size() || !words_.force_words.matcher.MatchAt(text_, token, state_, match))
      return false;
    return (words_.force_words.roles[match->entry] & role) &&
           (any_proclitic || !Proclitics(*match).has_other);
  }

  // An adjective at `token` with the article or nothing before it.
  bool AdjectiveAt(uint32_t token, lexicon::Match* match) const {
    if (token >= text_.tokens.size() || !words_.adjectives.matcher.MatchAt(text_, token, state_, match))
      return false;
    return !Proclitics(*match).has_other;
  }

  // An adjective at `token` after a conjunction ("والسورية").
  bool CoordinatedAdjectiveAt(uint32_t token, lexicon::Match* match) const {
    if (token >= text_.tokens.size() || !words_.adjectives.matcher.MatchAt(text_, token, state_, match))
      return false;
    std::string_view proclitic = Proclitics(*match).text;
    for (const std::string& conjunction : words_.force_words.conjunctions)
      if (!conjunction.empty() && proclitic.starts_with(conjunction)) return true;
    return false;
  }

 private:
  actors::Proclitics Proclitics(const lexicon::Match& match) const {
    return ProcliticsOf(text_, match, words_.clitics, words_.plain_proclitics, scratch_);
  }

  const NationalityPhrases::Words& words_;
  const text::TokenizedText& text_;
  lexicon::MatchState* state_;
  std::vector<text::CliticAnalysis>* scratch_;
};

}  // namespace

bool NationalityPhrases::MatchAt(const text::TokenizedText& text, uint32_t first, lexicon::MatchState* state,
                                 std::vector<text::CliticAnalysis>* scratch,
                                 std::vector<NationalityHit>* hits) const {
  hits->clear();
  PhraseReader reader(*words_, text, state, scratch);
  lexicon::Match head, word;
  if (!reader.ForceWordAt(first, kHead, /*any_proclitic=*/true, &head)) return false;
  uint32_t next = head.end_token;
  for (int i = 0; i < kMaxModifiers && reader.ForceWordAt(next, kModifier, false, &word); ++i)
    next = word.end_token;
  if (!reader.AdjectiveAt(next, &word)) return false;
  hits->push_back({head.first_token,
                   word.end_token,
                   {head.span.start, word.span.end},
                   {head.core.start, word.core.end},
                   words_->adjectives.actors[word.entry]});
  for (next = word.end_token; reader.CoordinatedAdjectiveAt(next, &word); next = word.end_token)
    hits->push_back(
        {word.first_token, word.end_token, word.span, word.core, words_->adjectives.actors[word.entry]});
  return true;
}

}  // namespace hadath::actors

#include <algorithm>

#include "actors/aliases.h"
#include "actors/nationality.h"
#include "actors/roles.h"
#include "hadath/actors.h"

namespace hadath::actors {

const char* MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kName: return "name";
    case MentionKind::kNationality: return "nationality";
    case MentionKind::kCountryName: return "country";
  }
  return "?";
}

const char* RoleClassName(RoleClass role_class) {
  switch (role_class) {
    case RoleClass::kCivilian: return "civilian";
    case RoleClass::kCombatant: return "combatant";
    case RoleClass::kOfficial: return "official";
    case RoleClass::kSuspect: return "suspect";
    case RoleClass::kProtester: return "protester";
    case RoleClass::kPerson: return "person";
  }
  return "?";
}

struct ActorRecognizer::Resources {
  ActorRegistry registry;
  AliasTable aliases;
  NationalityPhrases nationality;
  RoleLexicon roles;
  std::vector<std::string> warnings;
};

Result<ActorRecognizer> ActorRecognizer::Load(const text::Tokenizer& tokenizer, const std::string& data_dir) {
  auto registry = ActorRegistry::Load(data_dir);
  if (!registry) return registry.status();
  auto aliases = AliasTable::Load(data_dir + "/actors/aliases.tsv", tokenizer, *registry);
  if (!aliases) return aliases.status();
  auto nationality = NationalityPhrases::Load(data_dir, tokenizer, *registry);
  if (!nationality) return nationality.status();
  auto roles = RoleLexicon::Load(data_dir, tokenizer);
  if (!roles) return roles.status();
  std::vector<std::string> warnings = aliases->warnings();
  return ActorRecognizer(std::make_shared<Resources>(Resources{std::move(*registry), std::move(*aliases),
                                                               std::move(*nationality), std::move(*roles),
                                                               std::move(warnings)}));
}

const ActorRegistry& ActorRecognizer::registry() const { return resources_->registry; }
std::vector<std::string> ActorRecognizer::SplitWords() const { return resources_->aliases.split_words(); }
const std::vector<std::string>& ActorRecognizer::warnings() const { return resources_->warnings; }

namespace {

// Returns true iff the token is nothing but quote marks (all fold to '"'
// or '\''): skipped between the words of a name ("تنظيم “الدولة”").
bool IsQuote(const text::TokenizedText& text, const text::Token& token) {
  if (token.kind != text::TokenKind::kPunctuation) return false;
  std::string_view form = text.NormalizedOf(token);
  return !form.empty() && form.find_first_not_of("\"'") == std::string_view::npos;
}

// The text without its quote tokens, and where each remaining token was.
class QuotelessText {
 public:
  explicit QuotelessText(const text::TokenizedText& text) : original_(text) {
    bool any = std::any_of(text.tokens.begin(), text.tokens.end(),
                           [&](const text::Token& token) { return IsQuote(text, token); });
    if (!any) return;
    copy_.emplace();
    copy_->normalized = text.normalized;
    copy_->rejoined_forms = text.rejoined_forms;
    for (uint32_t i = 0; i < text.tokens.size(); ++i) {
      if (IsQuote(text, text.tokens[i])) continue;
      copy_->tokens.push_back(text.tokens[i]);
      positions_.push_back(i);
    }
  }

  const text::TokenizedText& text() const { return copy_ ? *copy_ : original_; }
  uint32_t First(uint32_t token) const { return copy_ ? positions_[token] : token; }
  uint32_t End(uint32_t end_token) const { return copy_ ? positions_[end_token - 1] + 1 : end_token; }

 private:
  const text::TokenizedText& original_;
  std::optional<text::TokenizedText> copy_;
  std::vector<uint32_t> positions_;
};

// A mention before contextual aliases are resolved.
struct Candidate {
  ActorMention mention;
  const AliasEntry* entry = nullptr;  // an alias whose reading depends on the context
};

// What the text and the caller name for sure: actors and countries.
class Context {
 public:
  Context(const ActorRegistry& registry, const ActorContext& given)
      : registry_(registry), actor_ids_(given.actor_ids), countries_(given.countries) {}

  void Add(const Actor& actor) {
    actor_ids_.push_back(actor.id);
    if (!actor.country.empty() && actor.inter != 8) countries_.push_back(actor.country);
  }

  bool Holds(const ContextCondition& condition) const {
    for (const std::string& country : condition.countries)
      if (std::find(countries_.begin(), countries_.end(), country) != countries_.end()) return true;
    for (const std::string& wanted : condition.actor_ids)
      for (const std::string& named : actor_ids_)
        if (registry_.IsWithin(named, wanted)) return true;
    return false;
  }

 private:
  const ActorRegistry& registry_;
  std::vector<std::string> actor_ids_;
  std::vector<std::string> countries_;
};

class MentionFinder {
 public:
  MentionFinder(const ActorRecognizer::Resources& resources, const QuotelessText& text,
                lexicon::MatchState* state)
      : resources_(resources), text_(text), state_(state) {}

  // Leftmost-longest: at each token the longer of the alias and the
  // nationality phrase starting there (the alias on a tie).
  std::vector<Candidate> Scan() {
    const text::TokenizedText& text = text_.text();
    std::vector<Candidate> candidates;
    lexicon::Match alias;
    for (uint32_t token = 0; token < text.tokens.size();) {
      bool has_alias = resources_.aliases.matcher().MatchAt(text, token, state_, &alias);
      bool has_phrase = resources_.nationality.MatchAt(text, token, state_, &scratch_, &hits_);
      if (has_phrase && (!has_alias || hits_.front().end_token > alias.end_token)) {
        AddPhrase(&candidates);
        token = hits_.back().end_token;
      } else if (has_alias) {
        AddAlias(alias, &candidates);
        token = alias.end_token;
      } else {
        ++token;
      }
    }
    return candidates;
  }

 private:
  void AddPhrase(std::vector<Candidate>* candidates) const {
    for (const NationalityHit& hit : hits_) {
      Candidate candidate;
      Fill(hit.first_token, hit.end_token, hit.span, hit.core, hit.actor, &candidate.mention);
      candidate.mention.kind = MentionKind::kNationality;
      candidates->push_back(std::move(candidate));
    }
  }

  void AddAlias(const lexicon::Match& match, std::vector<Candidate>* candidates) const {
    const AliasEntry& entry = resources_.aliases.entry(match.entry);
    if (entry.rows.size() == 1 && entry.rows[0].strength == Strength::kNone) return;
    Candidate candidate;
    Fill(match.first_token, match.end_token, match.span, match.core, nullptr, &candidate.mention);
    if (entry.IsSure()) {
      SetActor(entry.rows[0].actor, &candidate.mention);
      if (entry.rows[0].strength == Strength::kMetonym) candidate.mention.kind = MentionKind::kCountryName;
    } else {
      candidate.entry = &entry;
    }
    candidates->push_back(std::move(candidate));
  }

  void Fill(uint32_t first, uint32_t end, Span span, Span core, const Actor* actor,
            ActorMention* mention) const {
    mention->first_token = text_.First(first);
    mention->end_token = text_.End(end);
    mention->span = span;
    mention->core = core;
    if (actor) SetActor(actor, mention);
  }

  static void SetActor(const Actor* actor, ActorMention* mention) {
    mention->actor = actor;
    mention->actor_id = actor->id;
  }

  const ActorRecognizer::Resources& resources_;
  const QuotelessText& text_;
  lexicon::MatchState* state_;
  std::vector<text::CliticAnalysis> scratch_;
  std::vector<NationalityHit> hits_;
};

// The row of a form with several readings that applies, or nullptr.
const AliasRow* Resolve(const AliasEntry& entry, const Context& context) {
  for (const AliasRow& row : entry.rows) {
    if (row.strength == Strength::kNone) return nullptr;
    if (row.strength != Strength::kContextual || context.Holds(row.context)) return &row;
  }
  return nullptr;
}

}  // namespace

void ActorRecognizer::Find(std::string_view input, const text::TokenizedText& text,
                           lexicon::MatchState* state, std::vector<ActorMention>* out) const {
  Find(input, text, ActorContext{}, state, out);
}

void ActorRecognizer::Find(std::string_view input, const text::TokenizedText& text,
                           const ActorContext& context, lexicon::MatchState* state,
                           std::vector<ActorMention>* out) const {
  QuotelessText quoteless(text);
  std::vector<Candidate> candidates = MentionFinder(*resources_, quoteless, state).Scan();
  Context known(resources_->registry, context);
  for (const Candidate& candidate : candidates)
    if (!candidate.entry) known.Add(*candidate.mention.actor);
  for (Candidate& candidate : candidates) {
    if (candidate.entry) {
      const AliasRow* row = Resolve(*candidate.entry, known);
      if (!row) continue;
      candidate.mention.actor = row->actor;
      candidate.mention.actor_id = row->actor->id;
      candidate.mention.contextual = row->strength == Strength::kContextual;
      if (row->strength == Strength::kMetonym) candidate.mention.kind = MentionKind::kCountryName;
    }
    out->push_back(std::move(candidate.mention));
  }
}

void ActorRecognizer::FindRoles(std::string_view input, const text::TokenizedText& text,
                                lexicon::MatchState* state, std::vector<RoleMention>* out) const {
  resources_->roles.Find(text, state, out);
}

}  // namespace hadath::actors

#include "events/clauses.h"

#include <algorithm>
#include <map>
#include <set>

namespace hadath::events {
namespace {

// Tokens between a cue and the actor it governs, at most.
constexpr uint32_t kLinkGap = 3;
// "برصاص قناص من إحدى طائرات التحالف": the shooter may come a few words on.
constexpr uint32_t kPerpetratorReach = 5;
// A date told between a reporting verb and its أن/إن is the day of the
// statement; the verb comes at most this many tokens before.
constexpr uint32_t kStatementReach = 8;

// Everything found in one sentence before it is cut into clauses.
struct SentenceHits : Mentions {
  std::vector<std::pair<uint32_t, std::string>> countries;  // (first token, ISO code) of country names
};

class SentenceReader {
 public:
  SentenceReader(const Document& document, const Resources& resources)
      : document_(document), resources_(resources) {}

  // Tokenises sentence `index` and finds what the lexicons and recognisers
  // see in it; places are recognised here and resolved later, with the
  // article's context.
  void Read(uint32_t index, std::vector<extract::PlaceMention>* places, SentenceHits* hits);
  // Collects the actors the article names outright, so that contextual
  // names ("التنظيم") in other sentences can be read.
  void CollectNamedActors();
  // Token index holding byte `offset` of the current sentence.
  uint32_t TokenAt(uint32_t offset) const;
  const text::TokenizedText& tokens() const { return tokens_; }
  Span ToText(Span sentence_span) const { return {base_ + sentence_span.start, base_ + sentence_span.end}; }

 private:
  void ReadTriggers(SentenceHits* hits);
  void ReadCues(SentenceHits* hits);

  const Document& document_;
  const Resources& resources_;
  text::TokenizedText tokens_;
  lexicon::MatchState state_;
  std::vector<lexicon::Match> matches_;
  std::string_view sentence_;
  uint32_t base_ = 0;
  actors::ActorContext context_;
  std::vector<text::TokenizedText> tokenized_;  // each sentence, until Read takes it
};

void SentenceReader::CollectNamedActors() {
  std::vector<actors::ActorMention> found;
  tokenized_.resize(document_.sentences.size());
  for (size_t i = 0; i < document_.sentences.size(); ++i) {
    std::string_view text = document_.TextOf(document_.sentences[i].text);
    resources_.tokenizer.Tokenize(text, &tokenized_[i]);
    resources_.actors->Find(text, tokenized_[i], &state_, &found);
  }
  for (const actors::ActorMention& mention : found)
    if (!mention.contextual && std::find(context_.actor_ids.begin(), context_.actor_ids.end(),
                                         mention.actor_id) == context_.actor_ids.end())
      context_.actor_ids.push_back(mention.actor_id);
}

// A force word with a nationality written with the instrumental ب
// ("بغارة جوية روسية", "بقصف تركي"): the weapon of the one who struck.
bool IsInstrument(const actors::ActorMention& actor, std::string_view sentence) {
  if (actor.kind != actors::MentionKind::kNationality) return false;
  std::string_view proclitics = sentence.substr(actor.span.start, actor.core.start - actor.span.start);
  return proclitics.find("\xD8\xA8") != std::string_view::npos;  // ب (U+0628)
}

uint32_t SentenceReader::TokenAt(uint32_t offset) const {
  auto after = std::upper_bound(tokens_.tokens.begin(), tokens_.tokens.end(), offset,
                                [](uint32_t at, const text::Token& token) { return at < token.span.start; });
  if (after == tokens_.tokens.begin()) return 0;
  return static_cast<uint32_t>(after - tokens_.tokens.begin() - 1);
}

void SentenceReader::ReadTriggers(SentenceHits* hits) {
  matches_.clear();
  resources_.triggers->matcher().FindAll(tokens_, &state_, &matches_);
  for (const lexicon::Match& match : matches_) {
    const TsvRow& row = resources_.triggers->entry(match.entry);
    TriggerHit hit;
    hit.first = match.first_token;
    hit.end = match.end_token;
    hit.span = ToText(match.span);
    hit.cls = resources_.ClassOf(row.Get("trigger"));
    hit.strong = row.Get("strength") == "strong";
    hit.many = row.Get("number") == "many";
    hit.victims = row.Get("victims").empty() ? 0 : std::stoi(row.Get("victims"));
    const text::Token& last = tokens_.tokens[match.end_token - 1];
    std::string_view last_form = tokens_.NormalizedOf(last);
    hit.enclitic = std::string(last_form.substr(last_form.size() - match.enclitic_bytes));
    for (uint32_t t = match.first_token; t < match.end_token; ++t) {
      if (!hit.form.empty()) hit.form += ' ';
      hit.form += tokens_.NormalizedOf(tokens_.tokens[t]);
    }
    // "عمليات اغتيال": a word after a plural trigger is counted by it.
    if (!hits->triggers.empty() && hits->triggers.back().many && hits->triggers.back().end == hit.first)
      hit.many = true;
    hits->triggers.push_back(std::move(hit));
  }
}

void SentenceReader::ReadCues(SentenceHits* hits) {
  matches_.clear();
  resources_.cues->matcher().FindAll(tokens_, &state_, &matches_);
  for (const lexicon::Match& match : matches_)
    hits->cues.push_back(
        {match.first_token, match.end_token, ToText(match.span), resources_.cue_words[match.entry]});
}

void SentenceReader::Read(uint32_t index, std::vector<extract::PlaceMention>* places, SentenceHits* hits) {
  const Sentence& sentence = document_.sentences[index];
  sentence_ = document_.TextOf(sentence.text);
  base_ = sentence.text.start;
  if (index < tokenized_.size())
    tokens_ = std::move(tokenized_[index]);  // tokenised once, by CollectNamedActors
  else
    resources_.tokenizer.Tokenize(sentence_, &tokens_);
  ReadTriggers(hits);
  ReadCues(hits);

  std::vector<lexicon::Number> numbers;
  resources_.numbers->Read(tokens_, &state_, &numbers);
  for (const lexicon::Number& number : numbers)
    hits->numbers.push_back({number.first_token, number.end_token, ToText(number.span), number});

  std::vector<dates::DateMention> dates;
  resources_.dates->Read(sentence_, tokens_, document_.article.metadata.published, &state_, &dates);
  for (const dates::DateMention& date : dates)
    hits->dates.push_back({date.first_token, date.end_token, ToText(date.span), date, false});

  std::vector<actors::ActorMention> actors;
  resources_.actors->Find(sentence_, tokens_, context_, &state_, &actors);
  for (const actors::ActorMention& actor : actors)
    hits->actors.push_back({actor.first_token, actor.end_token, ToText(actor.span), actor.actor_id,
                            actor.contextual, Side::kUnknown, IsInstrument(actor, sentence_)});

  std::vector<actors::RoleMention> roles;
  resources_.actors->FindRoles(sentence_, tokens_, &state_, &roles);
  for (const actors::RoleMention& role : roles)
    hits->roles.push_back({role.first_token, role.end_token, ToText(role.span), role});

  matches_.clear();
  resources_.country_names->FindAll(tokens_, &state_, &matches_);
  for (const lexicon::Match& match : matches_)
    hits->countries.emplace_back(match.first_token, resources_.country_codes[match.entry]);

  *places = resources_.toponyms->Find(sentence_, tokens_);
  for (const extract::PlaceMention& mention : *places) {
    PlaceHit hit;
    hit.first = TokenAt(mention.span.start);
    hit.end = TokenAt(mention.span.end - 1) + 1;
    hit.span = ToText(mention.name_span);
    hits->places.push_back(std::move(hit));
  }
}

// --- clause-level reading -----------------------------------------------------

// The cue of `kind` that governs token `token` (comes before it, within its
// scope or `reach` tokens when its scope is the rest of the clause).
const CueHit* GoverningCue(const Clause& clause, CueKind kind, uint32_t token, uint32_t reach) {
  const CueHit* nearest = nullptr;
  for (const CueHit& cue : clause.cues) {
    if (cue.cue.kind != kind || cue.end > token) continue;
    uint32_t limit = cue.cue.scope > 0 ? static_cast<uint32_t>(cue.cue.scope) : reach;
    if (token - cue.end <= limit) nearest = &cue;
  }
  return nearest;
}

bool Between(uint32_t from, uint32_t to, const std::vector<TriggerHit>& triggers) {
  return std::any_of(triggers.begin(), triggers.end(),
                     [&](const TriggerHit& t) { return t.first >= from && t.end <= to && t.strong; });
}

void MarkNegations(Clause* clause) {
  for (TriggerHit& trigger : clause->triggers)
    trigger.negated = GoverningCue(*clause, CueKind::kNegation, trigger.first, 4) != nullptr;
}

// "قصف عنيف شنته طائرات التحالف": shelling with an aircraft word after it
// is an air strike.
void MarkBombingFromTheAir(Clause* clause, const Resources& resources) {
  const TriggerClass* air = resources.ClassOf("air-strike");
  for (TriggerHit& trigger : clause->triggers) {
    if (trigger.cls->name != "shelling" || !air) continue;
    bool by_air = std::any_of(clause->cues.begin(), clause->cues.end(), [&](const CueHit& cue) {
      return cue.cue.kind == CueKind::kAircraft && cue.first >= trigger.end &&
             cue.first - trigger.end <= static_cast<uint32_t>(cue.cue.scope);
    });
    if (by_air) trigger.cls = air;
  }
}

// "عمليات اغتيال في منطقة X": a plural trigger with no count before it
// tells a pattern, and the place after it is where the pattern is.
bool UnderUncountedPlural(const Clause& clause, const PlaceHit& place) {
  constexpr uint32_t kReach = 6;
  const TriggerHit* nearest = nullptr;
  for (const TriggerHit& trigger : clause.triggers)
    if (trigger.strong && trigger.end <= place.first && place.first - trigger.end <= kReach)
      nearest = &trigger;
  if (!nearest || !nearest->many) return false;
  return std::none_of(clause.numbers.begin(), clause.numbers.end(),
                      [&](const NumberHit& number) { return number.end == nearest->first; });
}

void MarkPlaceRoles(Clause* clause) {
  for (PlaceHit& place : clause->places) {
    for (auto [kind, reach] :
         {std::pair{CueKind::kOrigin, 4u}, {CueKind::kReporter, 6u}, {CueKind::kDirection, 3u}}) {
      const CueHit* cue = GoverningCue(*clause, kind, place.first, reach);
      if (cue && !Between(cue->end, place.first, clause->triggers)) place.elsewhere = true;
    }
    if (UnderUncountedPlural(*clause, place)) place.elsewhere = true;
  }
}

// A reporting verb before `date` with no incident word between them.
bool ReportedWithoutTriggerBetween(const Clause& clause, const DateHit& date) {
  return std::any_of(clause.cues.begin(), clause.cues.end(), [&](const CueHit& cue) {
    return cue.cue.kind == CueKind::kReport && cue.end <= date.first &&
           !Between(cue.end, date.first, clause.triggers);
  });
}

// "وقالت، الجمعة 23 من آب، إن ...": the date sits between a reporting verb
// and its complementizer. With a long source between them ("قال مركز ...
// التابع لـ...، أمس، إن") the date must stand right before the
// complementizer.
void MarkStatementDates(Clause* clause) {
  for (DateHit& date : clause->dates) {
    auto complementizer_within = [&](uint32_t gap) {
      return std::any_of(clause->cues.begin(), clause->cues.end(), [&](const CueHit& cue) {
        return cue.cue.kind == CueKind::kComplementizer && cue.first >= date.end &&
               cue.first - date.end <= gap;
      });
    };
    bool near_report = GoverningCue(*clause, CueKind::kReport, date.first, kStatementReach) != nullptr;
    bool trigger_between = Between(date.first, date.end + 4, clause->triggers);
    bool short_source = near_report && complementizer_within(3);
    bool long_source = complementizer_within(1) && ReportedWithoutTriggerBetween(*clause, date);
    date.statement = (short_source || long_source) && !trigger_between;
  }
}

// Word tokens strictly between tokens `from` and `to` (punctuation and
// quote marks do not count).
uint32_t WordsBetween(const text::TokenizedText& tokens, uint32_t from, uint32_t to) {
  uint32_t words = 0;
  for (uint32_t t = from; t < to && t < tokens.tokens.size(); ++t) words += tokens.tokens[t].is_word();
  return words;
}

// "عنصران من قسد", "قيادي في التنظيم", "عنصرا بالتنظيم", "خلية داعشية",
// "مقتل اثنين من التنظيم", "مقاتلين من قوات «قسد»": a victim noun or count,
// then at most two words.
bool VictimJustBefore(const Clause& clause, const text::TokenizedText& tokens, uint32_t token) {
  constexpr uint32_t kGap = 2;
  auto just_before = [&](uint32_t end) { return end <= token && WordsBetween(tokens, end, token) <= kGap; };
  return std::any_of(clause.roles.begin(), clause.roles.end(),
                     [&](const RoleHit& role) { return just_before(role.end); }) ||
         std::any_of(clause.numbers.begin(), clause.numbers.end(),
                     [&](const NumberHit& number) { return just_before(number.end) && number.end < token; });
}

// "وقتلوا قيادياً كان ينشط في الخلايا التابعة للتنظيم": an actor a few
// words after the victim of a killing or an arrest, with no other trigger
// between, is the victim's side.
bool AfterTriggerVictim(const Clause& clause, const text::TokenizedText& tokens, uint32_t token) {
  constexpr uint32_t kObjectGap = 2, kAffiliationGap = 8;
  auto harms = [](const TriggerHit& t) {
    const std::string& name = t.cls->name;
    return !t.negated && (name == "death" || name == "arrest" || name == "abduction");
  };
  for (const TriggerHit& trigger : clause.triggers) {
    if (!harms(trigger) || trigger.end > token) continue;
    for (const RoleHit& role : clause.roles) {
      if (role.first < trigger.end || role.end > token) continue;
      if (WordsBetween(tokens, trigger.end, role.first) > kObjectGap) continue;
      if (WordsBetween(tokens, role.end, token) > kAffiliationGap) continue;
      bool interrupted =
          std::any_of(clause.triggers.begin(), clause.triggers.end(), [&](const TriggerHit& other) {
            return other.strong && other.first >= role.end && other.first < token;
          });
      if (!interrupted) return true;
    }
  }
  return false;
}

// Which side each actor is on, from the words around it.
void MarkActorSides(Clause* clause, const text::TokenizedText& tokens) {
  Side previous = Side::kUnknown;
  uint32_t previous_end = 0;
  for (ActorHit& actor : clause->actors) {
    if (GoverningCue(*clause, CueKind::kSupport, actor.first, kLinkGap))
      actor.side = Side::kSupport;
    else if (GoverningCue(*clause, CueKind::kPerpetrator, actor.first, kPerpetratorReach))
      actor.side = Side::kInitiator;
    else if (GoverningCue(*clause, CueKind::kTarget, actor.first, kLinkGap))
      actor.side = Side::kTarget;
    else if (actor.instrument)
      actor.side = Side::kInitiator;  // "بغارة روسية": the means names who struck
    else if (VictimJustBefore(*clause, tokens, actor.first) ||
             AfterTriggerVictim(*clause, tokens, actor.first))
      actor.side = Side::kVictim;
    else if (GoverningCue(*clause, CueKind::kSourceOf, actor.first, kLinkGap))
      actor.side = Side::kSpokesman;
    else if (GoverningCue(*clause, CueKind::kReport, actor.first, 1))
      actor.side = Side::kSource;
    // "بدعم من التحالف وقسد": an actor joined to the one before shares its side.
    if (actor.side == Side::kUnknown && previous != Side::kUnknown && actor.first - previous_end <= 1)
      actor.side = previous;
    previous = actor.side;
    previous_end = actor.end;
  }
}

// The trigger a date most likely dates: the nearest strong one before it.
uint32_t DatedFrom(const Clause& clause, const DateHit& date) {
  constexpr uint32_t kReach = 12;
  uint32_t from = date.first > kReach ? date.first - kReach : 0;
  for (const TriggerHit& trigger : clause.triggers)
    if (trigger.strong && trigger.end <= date.first && trigger.first >= from) from = trigger.first;
  return from;
}

void MarkBackground(Clause* clause, uint32_t clause_end, std::optional<dates::CivilDate> published) {
  for (const CueHit& cue : clause->cues) {
    if (cue.cue.kind != CueKind::kBackground) continue;
    uint32_t end = cue.cue.scope > 0 ? std::min(clause_end, cue.end + cue.cue.scope) : clause_end;
    clause->background.emplace_back(cue.first, end);
  }
  if (!published) return;
  const dates::CivilDate cutoff = published->AddDays(-kBackgroundDays);
  auto old = [&](const DateHit& date) {
    return !date.statement && date.mention.end && *date.mention.end < cutoff;
  };
  auto recent = [&](const DateHit& date) { return !date.statement && date.mention.end && !old(date); };
  // With no recent date beside it, an old date dates the whole clause
  // ("في 5 نيسان عام 1988 تم اختطاف طائرة").
  if (std::none_of(clause->dates.begin(), clause->dates.end(), recent)) {
    if (std::any_of(clause->dates.begin(), clause->dates.end(), old))
      clause->background.emplace_back(0, clause_end);
    return;
  }
  for (const DateHit& date : clause->dates)
    if (old(date)) clause->background.emplace_back(DatedFrom(*clause, date), date.end);
}

std::optional<dates::CivilDate> PublishedDay(const Document& document) {
  const PublishedDate& published = document.article.metadata.published;
  if (published.precision < DatePrecision::kDay) return std::nullopt;
  return dates::CivilDate::Make(published.year, published.month, published.day);
}

// Who the clause reports: the actor or noun after its reporting verb
// ("قالت قسد"), or before it when أن/إن follows at once ("مصادر محلية قالت إن").
std::string SourceOf(const Clause& clause, const text::TokenizedText& tokens) {
  auto word = [&](uint32_t t) { return std::string(tokens.NormalizedOf(tokens.tokens[t])); };
  for (const CueHit& cue : clause.cues) {
    if (cue.cue.kind != CueKind::kReport) continue;
    for (const ActorHit& actor : clause.actors)
      if (actor.first >= cue.end && actor.first - cue.end <= 2) return actor.id;
    bool complement_next = std::any_of(clause.cues.begin(), clause.cues.end(), [&](const CueHit& other) {
      return other.cue.kind == CueKind::kComplementizer && other.first == cue.end;
    });
    if (!complement_next && cue.end < tokens.tokens.size() && tokens.tokens[cue.end].is_word())
      return word(cue.end);
    for (const ActorHit& actor : clause.actors)
      if (actor.end <= cue.first && cue.first - actor.end <= 1) return actor.id;
    // "مصادر محلية قالت": the noun and its adjective before the verb.
    if (cue.first >= 2 && tokens.tokens[cue.first - 2].is_word() && tokens.tokens[cue.first - 1].is_word())
      return word(cue.first - 2);
    if (cue.first >= 1 && tokens.tokens[cue.first - 1].is_word()) return word(cue.first - 1);
  }
  return "";
}

template <typename Hit>
void TakeInside(std::vector<Hit>& from, uint32_t first, uint32_t end, std::vector<Hit>* to) {
  for (Hit& hit : from)
    if (hit.first >= first && hit.first < end) to->push_back(std::move(hit));
}

// Token indices where a clause ends: clause-break cues and ';'.
std::vector<uint32_t> ClauseEnds(const SentenceHits& hits, const text::TokenizedText& tokens) {
  std::vector<uint32_t> ends;
  for (const CueHit& cue : hits.cues)
    if (cue.cue.kind == CueKind::kClauseBreak && cue.first > 0) ends.push_back(cue.first);
  for (uint32_t t = 0; t < tokens.tokens.size(); ++t)
    if (tokens.tokens[t].kind == text::TokenKind::kPunctuation &&
        tokens.NormalizedOf(tokens.tokens[t]) == ";")
      ends.push_back(t + 1);
  ends.push_back(static_cast<uint32_t>(tokens.tokens.size()));
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  return ends;
}

// The country an article is about, when its unambiguous place names say so
// more often than they name Syria (the geocoder's home country): a report
// from Yemen names Aden and Abyan, whose Syrian namesakes must not win.
struct ArticleCountry {
  std::string code;      // "" when the article is about Syria or nothing says
  bool no_home = false;  // it names no Syrian place unambiguously, nor Syria
};

// A Syrian hamlet loses to a city abroad of this size when the article
// gives no sign of being about Syria (نجران: the Saudi city, not the village).
constexpr int64_t kCityAbroad = 100000;
constexpr int64_t kHamlet = 10000;

ArticleCountry DominantCountry(const std::vector<std::vector<extract::PlaceMention>>& mentions,
                               const std::vector<SentenceHits>& hits, const geo::Gazetteer& gazetteer) {
  std::map<std::string, int> votes;
  for (const SentenceHits& sentence : hits)
    for (const auto& [token, code] : sentence.countries) ++votes[code];
  for (const auto& sentence : mentions)
    for (const extract::PlaceMention& mention : sentence) {
      std::set<std::string> countries;
      for (uint32_t id : mention.candidates) countries.insert(gazetteer.place(id).country);
      if (countries.size() == 1) ++votes[*countries.begin()];
    }
  auto top = std::max_element(votes.begin(), votes.end(),
                              [](const auto& a, const auto& b) { return a.second < b.second; });
  int home = votes[std::string(resolve::kHomeCountry)];
  if (top == votes.end() || top->first == resolve::kHomeCountry) return {"", home == 0};
  if ((top->second >= 2 && top->second > home) || (top->second >= 1 && home == 0))
    return {top->first, home == 0};
  return {};
}

// Mention `index` resolved among its candidates in `country` only.
resolve::Location ResolveIn(const std::string& country, std::vector<extract::PlaceMention> mentions,
                            size_t index, const resolve::ArticlePlaces& context, const Resources& resources) {
  std::erase_if(mentions[index].candidates,
                [&](uint32_t id) { return resources.gazetteer->place(id).country != country; });
  return resources.geocoder->Resolve(mentions, index, context);
}

// A place written inside another country than its own ("بلدة سروج بجنوب
// شرقي تركيا" where the gazetteer knows only a Syrian سروج) is not that
// namesake: it is coded to the place that contains it, as a gap.
void CodeToForeignParent(const std::vector<extract::PlaceMention>& mentions,
                         std::vector<resolve::Location>* locations) {
  for (size_t m = 0; m < mentions.size(); ++m) {
    if (!mentions[m].parent) continue;
    const resolve::Location& parent = (*locations)[*mentions[m].parent];
    resolve::Location& where = (*locations)[m];
    if (parent.geo_precision == 0 || parent.country.empty() || where.geo_precision == 0 ||
        where.country == parent.country)
      continue;
    resolve::Location coded = parent;
    coded.location_ar = where.location_ar;
    coded.gap = true;
    coded.geo_precision = std::max(parent.geo_precision, 2);
    coded.coded_at = parent.location_en;
    coded.location_en = where.location_ar + " (" + parent.location_en + ")";
    coded.confidence = parent.confidence * 0.6;
    coded.how = "a namesake lies in another country than the place named around it; coded to that place";
    where = std::move(coded);
  }
}

// "سروج بجنوب شرقي تركيا": a country named just after a place says where
// it is; and in an article about another country, with no Syrian place
// named unambiguously, a place found only in Syria is a namesake. Such a
// place is left unplaced rather than put in the wrong country.
void DropNamesakesAbroad(const SentenceHits& hits, const ArticleCountry& article,
                         std::vector<resolve::Location>* locations) {
  constexpr uint32_t kCountryReach = 4;
  for (size_t m = 0; m < locations->size(); ++m) {
    resolve::Location& where = (*locations)[m];
    if (where.geo_precision == 0) continue;
    const PlaceHit& place = hits.places[m];
    bool told_abroad = std::any_of(hits.countries.begin(), hits.countries.end(), [&](const auto& country) {
      return country.first >= place.end && country.first - place.end <= kCountryReach &&
             country.second != where.country;
    });
    bool article_abroad = article.no_home && !article.code.empty() && where.country != article.code;
    if (!told_abroad && !article_abroad) continue;
    resolve::Location unplaced;
    unplaced.location_ar = where.location_ar;
    unplaced.gap = true;
    unplaced.how = "the gazetteer's place of this name lies in another country than the text says";
    where = std::move(unplaced);
  }
}

// The locations of one sentence's place mentions, in the country the
// article is about when it has a candidate there.
// Without any sign of Syria in the article, the country of a big city
// abroad that shares the name of a Syrian hamlet the geocoder chose.
std::string BigCityAbroad(const extract::PlaceMention& mention, const resolve::Location& where,
                          const Resources& resources) {
  if (!where.place || where.country != resolve::kHomeCountry) return "";
  if (resources.gazetteer->place(*where.place).population >= kHamlet) return "";
  for (uint32_t id : mention.candidates) {
    const geo::Place& place = resources.gazetteer->place(id);
    if (place.country != resolve::kHomeCountry && place.population >= kCityAbroad) return place.country;
  }
  return "";
}

// Whether one of the sentence's place names is found only in Syria.
bool NamesSyria(const std::vector<extract::PlaceMention>& mentions, const Resources& resources) {
  return std::any_of(mentions.begin(), mentions.end(), [&](const extract::PlaceMention& mention) {
    return !mention.candidates.empty() &&
           std::all_of(mention.candidates.begin(), mention.candidates.end(), [&](uint32_t id) {
             return resources.gazetteer->place(id).country == resolve::kHomeCountry;
           });
  });
}

std::vector<resolve::Location> ResolveSentence(const std::vector<extract::PlaceMention>& mentions,
                                               const resolve::ArticlePlaces& context,
                                               const ArticleCountry& article, const Resources& resources) {
  const std::string& country = article.code;
  std::vector<resolve::Location> locations;
  for (size_t m = 0; m < mentions.size(); ++m) {
    resolve::Location where = resources.geocoder->Resolve(mentions, m, context);
    bool elsewhere = !country.empty() && where.country != country;
    if (elsewhere &&
        std::any_of(mentions[m].candidates.begin(), mentions[m].candidates.end(),
                    [&](uint32_t id) { return resources.gazetteer->place(id).country == country; }))
      where = ResolveIn(country, mentions, m, context, resources);
    else if (std::string abroad = article.no_home || !NamesSyria(mentions, resources)
                                      ? BigCityAbroad(mentions[m], where, resources)
                                      : "";
             !abroad.empty())
      where = ResolveIn(abroad, mentions, m, context, resources);
    locations.push_back(std::move(where));
  }
  CodeToForeignParent(mentions, &locations);
  return locations;
}

// The governorate most placed mentions of the article lie in, and a
// mention coded to it as a whole (a governorate or a region of it), if any.
const resolve::Location* ArticleGovernorate(const std::vector<Clause>& clauses) {
  std::map<std::string, int> votes;
  for (const Clause& clause : clauses)
    for (const PlaceHit& place : clause.places)
      if (place.location.geo_precision > 0 && !place.location.admin1.name_en.empty())
        ++votes[place.location.admin1.name_en];
  if (votes.empty()) return nullptr;
  auto top = std::max_element(votes.begin(), votes.end(),
                              [](const auto& a, const auto& b) { return a.second < b.second; });
  for (const Clause& clause : clauses)
    for (const PlaceHit& place : clause.places)
      if (place.location.geo_precision == 3 && place.location.admin1.name_en == top->first)
        return &place.location;
  return nullptr;
}

// A village the gazetteer lacks, named without a parent ("بمنطقة الزر"),
// is coded to the article's governorate at precision 3, its own name kept
// (a gap an analyst can see and fix).
void PlaceOrphanGaps(std::vector<Clause>* clauses) {
  const resolve::Location* governorate = ArticleGovernorate(*clauses);
  if (!governorate) return;
  const resolve::Location region = *governorate;
  for (Clause& clause : *clauses)
    for (PlaceHit& place : clause.places) {
      resolve::Location& where = place.location;
      if (where.geo_precision != 0 || !where.gap || where.location_ar.empty()) continue;
      resolve::Location coded = region;
      coded.location_ar = where.location_ar;
      coded.location_en = (where.location_en.empty() ? where.location_ar : where.location_en);
      coded.gap = true;
      coded.geo_precision = 3;
      coded.coded_at = region.location_en;
      coded.confidence = region.confidence * 0.5;
      coded.how = "not in the gazetteer; coded to the governorate the article is about";
      where = std::move(coded);
    }
}

}  // namespace

bool Clause::HasCue(CueKind kind) const {
  return std::any_of(cues.begin(), cues.end(), [&](const CueHit& cue) { return cue.cue.kind == kind; });
}

std::vector<Clause> ReadClauses(const Document& document, const Resources& resources) {
  SentenceReader reader(document, resources);
  reader.CollectNamedActors();
  const uint32_t count = static_cast<uint32_t>(document.sentences.size());
  std::vector<SentenceHits> hits(count);
  std::vector<std::vector<extract::PlaceMention>> mentions(count);
  std::vector<std::vector<uint32_t>> ends(count);
  std::vector<std::vector<Span>> token_spans(count);
  std::vector<Clause> clauses;
  const std::optional<dates::CivilDate> published = PublishedDay(document);
  for (uint32_t i = 0; i < count; ++i) {
    reader.Read(i, &mentions[i], &hits[i]);
    ends[i] = ClauseEnds(hits[i], reader.tokens());
    for (const text::Token& token : reader.tokens().tokens)
      token_spans[i].push_back(reader.ToText(token.span));
    uint32_t first = 0;
    for (uint32_t end : ends[i]) {
      if (end <= first) continue;
      Clause clause;
      clause.sentence = i;
      clause.headline = document.sentences[i].kind == BlockKind::kHeadline;
      clause.text = {token_spans[i][first].start, token_spans[i][end - 1].end};
      TakeInside(hits[i].triggers, first, end, &clause.triggers);
      TakeInside(hits[i].cues, first, end, &clause.cues);
      TakeInside(hits[i].dates, first, end, &clause.dates);
      TakeInside(hits[i].actors, first, end, &clause.actors);
      TakeInside(hits[i].roles, first, end, &clause.roles);
      TakeInside(hits[i].numbers, first, end, &clause.numbers);
      MarkNegations(&clause);
      MarkBombingFromTheAir(&clause, resources);
      MarkStatementDates(&clause);
      MarkActorSides(&clause, reader.tokens());
      for (RoleHit& role : clause.roles)
        role.perpetrator =
            GoverningCue(clause, CueKind::kPerpetrator, role.first, kPerpetratorReach) != nullptr;
      MarkBackground(&clause, end, published);
      clause.habitual = clause.HasCue(CueKind::kHabitual);
      // "منذ مطلع العام تنفذ قسد عمليات أمنية": a plural over a period is a tally.
      clause.aggregate =
          clause.HasCue(CueKind::kAggregate) ||
          (clause.HasCue(CueKind::kBackground) && std::any_of(clause.triggers.begin(), clause.triggers.end(),
                                                              [](const TriggerHit& t) { return t.many; }));
      clause.new_incident = clause.HasCue(CueKind::kNewIncident);
      clause.not_conflict = clause.HasCue(CueKind::kNotConflict) || clause.HasCue(CueKind::kReaction);
      clause.source = SourceOf(clause, reader.tokens());
      clauses.push_back(std::move(clause));
      first = end;
    }
  }
  // Places last: the geocoder weighs each mention against the whole article.
  resolve::ArticlePlaces context = resources.geocoder->Context(mentions);
  const ArticleCountry country = DominantCountry(mentions, hits, *resources.gazetteer);
  std::vector<std::vector<resolve::Location>> locations(count);
  for (uint32_t i = 0; i < count; ++i) {
    locations[i] = ResolveSentence(mentions[i], context, country, resources);
    DropNamesakesAbroad(hits[i], country, &locations[i]);
  }
  for (Clause& clause : clauses) {
    const uint32_t i = clause.sentence;
    for (size_t m = 0; m < mentions[i].size(); ++m) {
      PlaceHit hit = hits[i].places[m];
      if (hit.span.start < clause.text.start || hit.span.start >= clause.text.end) continue;
      hit.location = locations[i][m];
      clause.places.push_back(std::move(hit));
    }
    MarkPlaceRoles(&clause);
  }
  PlaceOrphanGaps(&clauses);
  return clauses;
}

}  // namespace hadath::events

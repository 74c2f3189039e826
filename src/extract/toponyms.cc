#include "hadath/toponyms.h"

#include <algorithm>
#include <unordered_map>

#include "hadath/lexicon.h"

namespace hadath::extract {
namespace {

constexpr std::string_view kBa = "\xD8\xA8";   // U+0628 ARABIC LETTER BEH (ب, "in/at")
constexpr std::string_view kWaw = "\xD9\x88";  // U+0648 ARABIC LETTER WAW (و, "and")

std::optional<Relation> ParseRelation(std::string_view name) {
  static const std::unordered_map<std::string_view, Relation> relations = {
      {"in", Relation::kIn},
      {"near", Relation::kNear},
      {"north", Relation::kNorth},
      {"south", Relation::kSouth},
      {"east", Relation::kEast},
      {"west", Relation::kWest},
      {"northeast", Relation::kNortheast},
      {"northwest", Relation::kNorthwest},
      {"southeast", Relation::kSoutheast},
      {"southwest", Relation::kSouthwest},
      {"distance", Relation::kDistance}};
  auto found = relations.find(name);
  if (found == relations.end()) return std::nullopt;
  return found->second;
}

// A lexicon whose every row's `column` must parse with `parse`.
template <typename Parse>
Status CheckColumn(const lexicon::Lexicon& lexicon, const char* column, Parse parse) {
  for (uint32_t i = 0; i < lexicon.size(); ++i)
    if (!parse(lexicon.entry(i).Get(column)))
      return Status::Error(
          lexicon.entry(i).Where(std::string("bad ") + column + " '" + lexicon.entry(i).Get(column) + "'"));
  return Status::Ok();
}

}  // namespace

const char* RelationName(Relation relation) {
  switch (relation) {
    case Relation::kIn: return "in";
    case Relation::kNear: return "near";
    case Relation::kNorth: return "north";
    case Relation::kSouth: return "south";
    case Relation::kEast: return "east";
    case Relation::kWest: return "west";
    case Relation::kNortheast: return "northeast";
    case Relation::kNorthwest: return "northwest";
    case Relation::kSoutheast: return "southeast";
    case Relation::kSouthwest: return "southwest";
    case Relation::kDistance: return "distance";
  }
  return "?";
}

bool IsDirection(Relation relation) {
  return relation != Relation::kIn && relation != Relation::kNear && relation != Relation::kDistance;
}

struct ToponymRecognizer::Resources {
  const geo::Gazetteer* gazetteer;
  lexicon::Lexicon place_types;
  lexicon::Lexicon spatial;
  lexicon::Lexicon guards;
  lexicon::Lexicon name_heads;
  lexicon::Lexicon demonyms;
  lexicon::Lexicon common_nouns;        // names that are also common nouns: need a place-type word
  lexicon::Lexicon function_words;      // never a name: في، على، التي ...
  lexicon::Matcher names;               // every Arabic name of the gazetteer
  std::vector<std::string> name_forms;  // entry -> the name as the gazetteer writes it
};

namespace {

Result<lexicon::Matcher> CompileNames(const geo::Gazetteer& gazetteer, const text::Tokenizer& tokenizer,
                                      std::vector<std::string>* forms) {
  lexicon::MatcherBuilder builder(tokenizer);
  for (uint32_t id = 0; id < gazetteer.size(); ++id) {
    for (const std::string& name : gazetteer.place(id).names_ar) {
      // A place name takes prepositions (بحلب، وفي) but no pronoun suffix:
      // "حي شعبي" is a popular quarter, not "شعب" + "ي".
      auto earlier = builder.Add(name, static_cast<uint32_t>(forms->size()), lexicon::Attach::kProclitics);
      if (!earlier) continue;                 // a name with no word (digits only): nothing to match
      if (!*earlier) forms->push_back(name);  // a new form, entered under this index
    }
  }
  return std::move(builder).Compile();
}

// The scan of one sentence: cues seen since the last name, and the mentions
// found so far.
class Scan {
 public:
  Scan(const ToponymRecognizer::Resources& resources, std::string_view input, const text::TokenizedText& text)
      : resources_(resources), input_(input), text_(text) {}

  std::vector<PlaceMention> Run() {
    uint32_t token = 0;
    while (token < text_.tokens.size()) token = Step(token);
    return std::move(mentions_);
  }

 private:
  // Reads what starts at `token`; returns the next token to read.
  uint32_t Step(uint32_t token) {
    lexicon::Match match;
    if (resources_.demonyms.matcher().MatchAt(text_, token, &state_, &match)) return Demonym(match);
    if (resources_.guards.matcher().MatchAt(text_, token, &state_, &match)) return Guard(match);
    if (resources_.place_types.matcher().MatchAt(text_, token, &state_, &match)) {
      // A gazetteer name may begin with a place-type word: "سجن غويران", "مخيم الهول".
      lexicon::Match name;
      if (resources_.names.MatchAt(text_, token, &state_, &name) && name.end_token > match.end_token) {
        PlaceType(match);
        phrase_start_ = kNoPhrase;
        return KnownName(name);
      }
      return PlaceType(match);
    }
    if (resources_.spatial.matcher().MatchAt(text_, token, &state_, &match)) {
      // A region named with a direction ("شرق الفرات", "شمال شرق سوريا") is a
      // name, not "east of الفرات".
      lexicon::Match name;
      if (resources_.names.MatchAt(text_, token, &state_, &name) && name.end_token > match.end_token &&
          NamesARegion(name)) {
        OpenPhrase(match);
        introduced_ = true;
        region_phrase_ = true;  // "الشحيل شرق الفرات": the region holds the place before it
        return KnownName(name);
      }
      return SpatialCue(match);
    }
    if (resources_.names.MatchAt(text_, token, &state_, &match) && Accepts(match)) return KnownName(match);
    if (typed_ && IsNameWord(token)) return UnknownName(token);
    return Other(token);
  }

  // "مدينة الهرمل اللبنانية", "العاصمة العراقية بغداد": the country of the
  // place named just before, or of the one a pending cue introduces.
  uint32_t Demonym(const lexicon::Match& match) {
    const std::string& country = resources_.demonyms.entry(match.entry).Get("country");
    if (introduced_) {
      country_ = country;
      return match.end_token;
    }
    if (chain_open_ && !mentions_.empty()) {
      mentions_[last_mention_].country = country;
      mentions_[last_mention_].span.end = match.span.end;
      return match.end_token;
    }
    return Other(match.first_token);
  }

  uint32_t Guard(const lexicon::Match& match) {
    ResetCues();
    guarded_ = true;
    chain_open_ = false;
    return match.end_token;
  }

  uint32_t PlaceType(const lexicon::Match& match) {
    guarded_ = false;  // a guard covers the name right after it, not one a cue introduces
    auto kind = geo::ParsePlaceKind(resources_.place_types.entry(match.entry).Get("kind"));
    OpenPhrase(match);
    cue_words_ = Normalized(match.core);
    if (resources_.place_types.entry(match.entry).Get("kind") == "countryside") {
      countryside_ = true;
    } else if (kind) {
      cue_kind_ = kind;
    }
    introduced_ = true;
    typed_ = true;
    return match.end_token;
  }

  uint32_t SpatialCue(const lexicon::Match& match) {
    const TsvRow& row = resources_.spatial.entry(match.entry);
    Relation relation = *ParseRelation(row.Get("relation"));
    if (row.Get("position") == "after") {  // a direction adjective with no name before it
      return Other(match.first_token);
    }
    guarded_ = false;
    OpenPhrase(match);
    // "حي المغاير في حلب القديمة": "in" right after a place the text calls a
    // neighbourhood, village, camp ... names the place that holds it.
    if (relation == Relation::kIn && chain_open_ && !mentions_.empty() && mentions_[last_mention_].cue_kind)
      in_typed_place_ = true;
    if (IsDirection(relation))
      side_ = relation;
    else if (relation != Relation::kIn || relation_ == Relation::kIn)
      relation_ = relation;
    introduced_ = true;
    if (relation == Relation::kDistance) return SkipDistance(match.end_token);
    return match.end_token;
  }

  // "على بعد نحو 35 كيلومتراً شرق X": the figure and its unit are skipped.
  uint32_t SkipDistance(uint32_t token) {
    lexicon::Match match;
    for (int skipped = 0; skipped < 4 && token < text_.tokens.size(); ++skipped, ++token) {
      if (resources_.spatial.matcher().MatchAt(text_, token, &state_, &match)) break;
      if (resources_.names.MatchAt(text_, token, &state_, &match)) break;
    }
    relation_ = Relation::kNear;
    return token;
  }

  bool ProcliticHas(const lexicon::Match& match, std::string_view letter) const {
    std::string_view form = text_.NormalizedOf(text_.tokens[match.first_token]);
    return form.substr(0, match.proclitic_bytes).find(letter) != std::string_view::npos;
  }

  // A gazetteer name is a place when something introduces it. A bare ب
  // ("بالبصيرة", "بحلب") introduces a name with the article or a city's name;
  // otherwise "بادر" (a verb) would be "ب" + a village called ادر.
  bool Accepts(const lexicon::Match& match) const {
    if (guarded_) return false;
    if (introduced_) return true;
    // A region named in two words or more ("الغوطة الشرقية", "سهل الغاب")
    // needs no cue; a one-word one ("الجزيرة", also a TV channel) does.
    if (match.end_token - match.first_token >= 2 && NamesARegion(match)) return true;
    if (ProcliticHas(match, kBa)) return StemIsDefinite(match) || NamesACity(match);
    return list_open_ && ProcliticHas(match, kWaw);  // الزر والبصيرة
  }

  bool StemIsDefinite(const lexicon::Match& match) const {
    std::string_view form = text_.NormalizedOf(text_.tokens[match.first_token]);
    std::string_view stem = form.substr(match.proclitic_bytes);
    return stem.substr(0, 4) == "\xD8\xA7\xD9\x84" ||  // stem written with ال
           form.substr(0, match.proclitic_bytes).find("\xD8\xA7\xD9\x84") != std::string_view::npos;
  }

  bool NamesACity(const lexicon::Match& match) const {
    for (const geo::Place* place : resources_.gazetteer->FindByName(resources_.name_forms[match.entry]))
      if (place->kind == geo::PlaceKind::kCity || place->kind == geo::PlaceKind::kGovernorate) return true;
    return false;
  }

  bool NamesARegion(const lexicon::Match& match) const {
    for (const geo::Place* place : resources_.gazetteer->FindByName(resources_.name_forms[match.entry]))
      if (place->kind == geo::PlaceKind::kRegion) return true;
    return false;
  }

  uint32_t KnownName(const lexicon::Match& match) {
    coordinated_ = !introduced_ && list_open_ && ProcliticHas(match, kWaw);
    std::vector<uint32_t> candidates =
        Plausible(resources_.gazetteer->FindByName(resources_.name_forms[match.entry]));
    if (candidates.empty() || SpellingDiffers(match) || CommonNounWithoutCue(match) ||
        ShortNameLostItsArticle(match))  // not this place; after a place-type word, an unknown one
      return typed_ && IsNameWord(match.first_token) ? UnknownName(match.first_token)
                                                     : Other(match.first_token);

    OpenPhrase(match);
    PlaceMention mention = StartMention(NameSpan(match));
    mention.candidates = std::move(candidates);
    return FinishMention(std::move(mention), match.end_token);
  }

  // Without a place-type word, a name abroad must be a city or an admin
  // unit: "في بغداد" is a place, "بالتحالف" is not a Yemeni hamlet.
  std::vector<uint32_t> Plausible(const std::vector<const geo::Place*>& places) const {
    std::vector<uint32_t> ids;
    for (const geo::Place* place : places) {
      bool abroad = !place->country.empty() && place->country != "SY";
      bool major = place->kind == geo::PlaceKind::kCity || place->kind == geo::PlaceKind::kGovernorate ||
                   place->kind == geo::PlaceKind::kCountry;
      if (cue_kind_ || countryside_ || !abroad || major || place->country == country_)
        ids.push_back(place->id);
    }
    return ids;
  }

  // The name as written: the match without its proclitics, but with the
  // article ("بالجزرة" -> "الجزرة").
  Span NameSpan(const lexicon::Match& match) const {
    constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ALEF LAM
    const text::Token& first = text_.tokens[match.first_token];
    std::string_view proclitics = text_.NormalizedOf(first).substr(0, match.proclitic_bytes);
    if (proclitics.size() < kArticle.size() ||
        proclitics.substr(proclitics.size() - kArticle.size()) != kArticle)
      return match.core;
    uint32_t article = match.proclitic_bytes - static_cast<uint32_t>(kArticle.size());
    return {text_.SourceOfFormBytes(first, article, match.proclitic_bytes).start, match.core.end};
  }

  bool CommonNounWithoutCue(const lexicon::Match& match) const {
    if (typed_ || cue_kind_ || countryside_) return false;  // after any place-type word, منطقة included
    lexicon::Match noun;
    return resources_.common_nouns.matcher().MatchAt(text_, match.first_token, &state_, &noun) &&
           noun.end_token == match.end_token;
  }

  // "الزر" is not the village "زر" elsewhere: a name of one or two letters
  // must be written as the gazetteer writes it, article included.
  bool ShortNameLostItsArticle(const lexicon::Match& match) const {
    constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ALEF LAM
    std::string_view form = resources_.name_forms[match.entry];
    bool form_definite = form.substr(0, kArticle.size()) == kArticle;
    if (form_definite || form.size() > 4) return false;  // more than two (two-byte) letters
    std::string_view token = text_.NormalizedOf(text_.tokens[match.first_token]);
    return token.substr(0, match.proclitic_bytes).find(kArticle) != std::string_view::npos;
  }

  // The gazetteer writes the name with a final ta marbuta (ة) and the text
  // with ha (ه), which normalisation folds together: "منزله" ("his house")
  // is not the village منزلة.
  bool SpellingDiffers(const lexicon::Match& match) const {
    const std::string& form = resources_.name_forms[match.entry];
    constexpr std::string_view kTaMarbuta = "\xD8\xA9";  // U+0629 ARABIC LETTER TEH MARBUTA
    bool name_ends_in_ta = form.size() >= 2 && std::string_view(form).substr(form.size() - 2) == kTaMarbuta;
    const text::Token& last = text_.tokens[match.end_token - 1];
    return name_ends_in_ta && match.enclitic_bytes == 0 && !last.final_letter_folded;
  }

  uint32_t UnknownName(uint32_t token) {
    uint32_t end = token + 1;
    lexicon::Match head;
    bool two_words = resources_.name_heads.matcher().MatchAt(text_, token, &state_, &head) &&
                     end < text_.tokens.size() && IsNameWord(end);
    if (two_words) ++end;
    Span name{text_.tokens[token].span.start, text_.tokens[end - 1].span.end};
    if (phrase_start_ == kNoPhrase) phrase_start_ = name.start;
    return FinishMention(StartMention(name), end);
  }

  PlaceMention StartMention(Span name) {
    PlaceMention mention;
    mention.name_span = name;
    mention.span = {phrase_start_ == kNoPhrase ? name.start : phrase_start_, name.end};
    mention.cue_kind = cue_kind_;
    mention.relation = relation_;
    mention.countryside = countryside_;
    mention.side = side_;
    mention.country = country_;
    return mention;
  }

  uint32_t FinishMention(PlaceMention mention, uint32_t next) {
    mention.surface = std::string(Source(mention.name_span));
    mention.name = Normalized(mention.name_span);
    AddNamesWithCue(&mention);
    next = TakeSideAdjective(&mention, next);
    uint32_t index = static_cast<uint32_t>(mentions_.size());
    bool holds_previous = mention.countryside || mention.side || mention.relation != Relation::kIn ||
                          connector_has_ba_ || region_phrase_ || (in_typed_place_ && !mention.cue_kind);
    if (chain_open_ && holds_previous) {
      // "الزر والبصيرة في ريف دير الزور": the places listed share the parent.
      for (uint32_t sibling : siblings_)
        if (!mentions_[sibling].parent) mentions_[sibling].parent = index;
    }
    if (!coordinated_) siblings_.clear();
    siblings_.push_back(index);
    coordinated_ = false;
    mentions_.push_back(std::move(mention));
    last_mention_ = index;
    chain_open_ = true;
    list_open_ = true;
    ResetCues();
    return next;
  }

  // "سجن “الصناعة”": the gazetteer may know the place by the cue and the
  // name together ("سجن الصناعة"); such places come first.
  void AddNamesWithCue(PlaceMention* mention) const {
    if (cue_words_.empty()) return;
    std::vector<uint32_t> combined =
        IdsOf(resources_.gazetteer->FindByNormalizedName(cue_words_ + " " + mention->name));
    if (combined.empty()) return;
    for (uint32_t id : mention->candidates)
      if (std::find(combined.begin(), combined.end(), id) == combined.end()) combined.push_back(id);
    mention->candidates = std::move(combined);
  }

  // "ريف دير الزور الشرقي": a direction adjective after the name.
  uint32_t TakeSideAdjective(PlaceMention* mention, uint32_t next) {
    lexicon::Match match;
    if (next >= text_.tokens.size() || !resources_.spatial.matcher().MatchAt(text_, next, &state_, &match))
      return next;
    const TsvRow& row = resources_.spatial.entry(match.entry);
    if (row.Get("position") != "after") return next;
    mention->side = ParseRelation(row.Get("relation"));
    mention->span.end = match.span.end;
    return match.end_token;
  }

  uint32_t Other(uint32_t token) {
    const text::Token& current = text_.tokens[token];
    bool quote_or_comma = current.kind == text::TokenKind::kPunctuation &&
                          (text_.NormalizedOf(current) == "\"" || text_.NormalizedOf(current) == "\xD8\x8C" ||
                           text_.NormalizedOf(current) == ",");
    bool quote = quote_or_comma && text_.NormalizedOf(current) == "\"";
    if (!quote) {  // quotes may stand around a name: "شارع “العشرين”"
      ResetCues();
      guarded_ = false;
      chain_open_ = false;
      if (!quote_or_comma) list_open_ = false;
    }
    return token + 1;
  }

  void OpenPhrase(const lexicon::Match& match) {
    if (phrase_start_ == kNoPhrase) phrase_start_ = match.span.start;
    if (ProcliticHas(match, kBa)) connector_has_ba_ = true;
  }

  void ResetCues() {
    typed_ = false;
    country_.clear();
    cue_kind_.reset();
    cue_words_.clear();
    relation_ = Relation::kIn;
    side_.reset();
    countryside_ = false;
    introduced_ = false;
    connector_has_ba_ = false;
    in_typed_place_ = false;
    region_phrase_ = false;
    phrase_start_ = kNoPhrase;
  }

  bool IsNameWord(uint32_t token) const {
    const text::Token& candidate = text_.tokens[token];
    if (candidate.kind != text::TokenKind::kArabicWord) return false;
    lexicon::Match match;
    return !resources_.spatial.matcher().MatchAt(text_, token, &state_, &match) &&
           !resources_.function_words.matcher().MatchAt(text_, token, &state_, &match) &&
           !resources_.place_types.matcher().MatchAt(text_, token, &state_, &match) &&
           !resources_.guards.matcher().MatchAt(text_, token, &state_, &match);
  }

  std::string_view Source(Span span) const { return input_.substr(span.start, span.size()); }

  std::string Normalized(Span span) const {
    std::string out;
    for (const text::Token& token : text_.tokens) {
      if (token.span.start < span.start || token.span.end > span.end || !token.is_word()) continue;
      if (!out.empty()) out += ' ';
      out += text_.NormalizedOf(token);
    }
    return out;
  }

  static std::vector<uint32_t> IdsOf(const std::vector<const geo::Place*>& places) {
    std::vector<uint32_t> ids;
    for (const geo::Place* place : places) ids.push_back(place->id);
    return ids;
  }

  static constexpr uint32_t kNoPhrase = UINT32_MAX;

  const ToponymRecognizer::Resources& resources_;
  std::string_view input_;
  const text::TokenizedText& text_;
  mutable lexicon::MatchState state_;
  std::vector<PlaceMention> mentions_;

  std::optional<geo::PlaceKind> cue_kind_;
  std::string cue_words_;  // the place-type word(s), normalised, without clitics
  std::string country_;    // from a nationality adjective after the cue
  Relation relation_ = Relation::kIn;
  std::optional<Relation> side_;
  bool countryside_ = false;
  bool introduced_ = false;
  bool typed_ = false;  // a place-type word (of any kind, "منطقة" too) introduces the name
  bool connector_has_ba_ = false;
  bool in_typed_place_ = false;  // "في" right after a place introduced by a place-type word
  bool region_phrase_ = false;   // the name is a region named with a direction ("شرق الفرات")
  bool guarded_ = false;
  bool chain_open_ = false;
  bool list_open_ = false;
  uint32_t last_mention_ = 0;
  std::vector<uint32_t> siblings_;  // the mentions of the current list ("الزر والبصيرة")
  bool coordinated_ = false;        // the mention being finished continues a list
  uint32_t phrase_start_ = kNoPhrase;
};

}  // namespace

// Common nouns that name places: the hand-written list and the one
// tools/common-place-words.py derives from the news corpus, read as one
// lexicon (both have the columns form and comment).
Result<lexicon::Lexicon> LoadCommonNouns(const std::string& data_dir, const text::Tokenizer& tokenizer) {
  const std::string written = data_dir + "/places/common-nouns.tsv";
  const std::string generated = data_dir + "/places/common-words-generated.tsv";
  auto text = ReadFile(written);
  if (!text) return text.status();
  auto more = TsvTable::Load(generated, {"form", "comment"});
  if (!more) return more.status();
  std::string joined = *text;
  if (!joined.empty() && joined.back() != '\n') joined += '\n';
  for (const TsvRow& row : more->rows()) joined += row.Get("form") + "\t" + row.Get("comment") + "\n";
  return lexicon::Lexicon::Parse(joined, written + " + " + generated, tokenizer);
}

Result<ToponymRecognizer> ToponymRecognizer::Load(const geo::Gazetteer& gazetteer,
                                                  const text::Tokenizer& tokenizer,
                                                  const std::string& data_dir) {
  auto place_types = lexicon::Lexicon::Load(data_dir + "/places/place-types.tsv", tokenizer, {{"kind"}});
  if (!place_types) return place_types.status();
  if (Status checked = CheckColumn(*place_types, "kind",
                                   [](const std::string& kind) {
                                     return kind == "countryside" || kind == "area" ||
                                            geo::ParsePlaceKind(kind).has_value();
                                   });
      !checked)
    return checked;
  auto spatial =
      lexicon::Lexicon::Load(data_dir + "/places/spatial-cues.tsv", tokenizer, {{"relation", "position"}});
  if (!spatial) return spatial.status();
  if (Status checked =
          CheckColumn(*spatial, "relation",
                      [](const std::string& relation) { return ParseRelation(relation).has_value(); });
      !checked)
    return checked;
  auto guards = lexicon::Lexicon::Load(data_dir + "/places/name-guards.tsv", tokenizer, {{"guard"}});
  if (!guards) return guards.status();
  auto heads = lexicon::Lexicon::Load(data_dir + "/places/name-heads.tsv", tokenizer);
  if (!heads) return heads.status();
  auto demonyms = lexicon::Lexicon::Load(data_dir + "/places/demonyms.tsv", tokenizer, {{"country"}});
  if (!demonyms) return demonyms.status();
  auto common_nouns = LoadCommonNouns(data_dir, tokenizer);
  if (!common_nouns) return common_nouns.status();
  auto function_words = lexicon::Lexicon::Load(data_dir + "/text/common-words.tsv", tokenizer);
  if (!function_words) return function_words.status();
  std::vector<std::string> forms;
  auto names = CompileNames(gazetteer, tokenizer, &forms);
  if (!names) return names.status();
  auto resources = std::make_shared<Resources>(
      Resources{&gazetteer, std::move(*place_types), std::move(*spatial), std::move(*guards),
                std::move(*heads), std::move(*demonyms), std::move(*common_nouns), std::move(*function_words),
                std::move(*names), std::move(forms)});
  return ToponymRecognizer(std::move(resources));
}

std::vector<PlaceMention> ToponymRecognizer::Find(std::string_view input,
                                                  const text::TokenizedText& text) const {
  Scan scan(*resources_, input, text);
  return scan.Run();
}

}  // namespace hadath::extract

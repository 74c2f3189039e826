// hadath/actors.h — who fights whom: the actor registry (canonical ids,
// ACLED names and actor types), actor mentions in Arabic news text ("قسد",
// "لتنظيم الدولة", "مروحية عسكرية أمريكية") and victim/role words ("مدني",
// "عنصرين", "أحد المقاتلين") with the head count their form carries.
//
//   auto tokenizer = hadath::text::Tokenizer::Load();
//   auto actors = hadath::actors::ActorRecognizer::Load(*tokenizer);   // data/actors/*.tsv
//   if (!actors) { std::cerr << actors.error() << "\n"; return 1; }    // "aliases.tsv:12: ..."
//   // Words people break on purpose ("دا-عش") are rejoined by a tokenizer that knows them:
//   hadath::text::Tokenizer reader = tokenizer->WithSplitWords(actors->SplitWords());
//   hadath::text::TokenizedText tokens;
//   reader.Tokenize(article, &tokens);
//   hadath::lexicon::MatchState state;                                  // per thread, reused
//   std::vector<hadath::actors::ActorMention> mentions;
//   actors->Find(article, tokens, &state, &mentions);
//   // "نفذت قوات التحالف وقسد مداهمة ضد خلايا داعش":
//   //   "قوات التحالف" COALITION (contextual: confirmed by داعش/قسد), "وقسد" SDF, "داعش" ISIS
//   std::vector<hadath::actors::RoleMention> roles;
//   actors->FindRoles(article, tokens, &state, &roles);
//   // "مقتل عنصرين وأحد المدنيين": "عنصرين" combatant count 2, "المدنيين" civilian count 1
//   const hadath::actors::Actor* sdf = actors->registry().Find("SDF");   // inter 2, "SDF: ..."
//
// Actor mentions come from three sources (data/actors/README.md):
//   aliases (aliases.tsv): names, acronyms and adjectives of an actor
//     (قوات سوريا الديمقراطية، قسد، داعشية). Each alias row says how far it can
//     be trusted alone: `strong` names the actor anywhere; `contextual` only
//     when the text (or the caller's ActorContext) also names an actor or
//     country of the row's context ("التنظيم" is ISIS only when ISIS is named;
//     "قوى الأمن" is the Asayish in an article about the SDF); `metonym` is a
//     country or capital standing for its state (تركيا، واشنطن), which may as
//     well be a place; `none` blocks a shorter alias inside a longer name
//     ("مجلس سوريا الديمقراطية" is a political body, not the SDF). One form may
//     have several rows for several actors ("قوى الأمن الداخلي": Lebanon's ISF
//     in a Lebanese context, else the Asayish): the first row whose context
//     holds wins; a strong row last is the fallback.
//   nationality phrases: a force word (force-heads.tsv: قوات، مروحية، طيران،
//     غارة ...), optional modifiers (عسكرية، حربية، مسيرة ...) and a
//     nationality adjective (nationality.tsv: أمريكي -> US_FORCES), with the
//     adjective's feminine and plural generated ("طائرات حربية روسية",
//     "الطيران الإسرائيلي"); a second adjective after "و" is a second
//     actor ("القوات الروسية والسورية").
//   Quote marks between words are skipped ("تنظيم “الدولة الإسلامية”").
// Mentions do not overlap: at each token the longest of the alias and the
// nationality phrase starting there wins (an alias on a tie).
//
// Role mentions: the nouns of roles.tsv, singular as listed, with their
// plurals (listed), and forms generated here: the indefinite accusative
// (قيادياً), the dual (عنصران/عنصرين، مدنيتان/مدنيتين), the construct of the
// dual before a pronoun (عنصرينا "our two members") and of sound plurals
// (مقاتلي داعش). `count` is:
//   1 for a singular (قتلوا قيادياً، استشهد مدني، القيادي) and after the number
//     one (أحد المدنيين، إحدى النساء، واحد من العناصر);
//   2 for a dual; the form X+ين of a noun whose sound plural is written the
//     same (مقاتلين، مدنيين) is read as the dual when indefinite and not
//     counted by a number or quantifier (dual_or_plural tells), as the
//     plural with the article (المقاتلين);
//   unset for plurals, and for any noun counted by a number or quantifier
//     before it ("3 عناصر", "خمسة عشر عنصراً", "عدد من المدنيين"): the
//     number is the number reader's (hadath/numbers.h); `determiner` spans it.
//
// Thread safety: ActorRegistry and ActorRecognizer are immutable after Load;
// Find() and FindRoles() may run on many threads, each with its own
// MatchState. Text must be tokenised by a Tokenizer loaded from the same data
// as the one given to Load (WithSplitWords copies are fine). Pointers to
// Actor objects live as long as the registry (or a copy of the recognizer).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/lexicon.h"
#include "hadath/offsets.h"
#include "hadath/status.h"
#include "hadath/text/tokenizer.h"
#include "hadath/tsv.h"

namespace hadath::actors {

// ---------------------------------------------------------------------------
// Registry

// A country actors belong to or operate in (data/actors/countries.tsv).
struct Country {
  std::string iso2;     // ISO 3166 alpha-2, "SY"
  std::string iso3;     // ISO 3166 alpha-3, "SYR": the prefix of ACLED's event_id_cnty
  int iso_numeric = 0;  // ISO 3166 numeric, ACLED's `iso` column (Syria 760)
  std::string name_en;  // ACLED's country name, "Syria"
  std::string name_ar;  // "سوريا"
  std::string region;   // ACLED's region, "Middle East"
};

struct Actor {
  std::string id;          // stable UPPER_SNAKE id, "SDF"
  std::string name_en;     // "Syrian Democratic Forces"
  std::string acled_name;  // as an ACLED export writes it; may hold "{country}":
                           // "Islamic State ({country})" (see ActorRegistry::AcledName)
  std::string name_ar;     // "قوات سوريا الديمقراطية"
  std::string kind;        // state, police, intelligence, paramilitary, rebel, militia,
                           // external, authority, civilians, protesters, rioters, unidentified
  std::string country;     // ISO alpha-2: the state whose forces these are; for other actors
                           // the country they mainly operate in; "" for placeholders
                           // (civilians, unidentified) and transnational groups (ISIS)
  std::string parent;      // id of the body this one answers to, or ""
  std::string source;      // where the naming comes from
  int inter = 0;           // ACLED actor type 1..8 in the actor's usual theatre

  // Returns true iff the actor is the armed forces, police or intelligence of
  // a state: kind state, police, intelligence or paramilitary, and inter 1
  // or 8 (the police of a de facto authority, the Asayish, is coded 2).
  bool IsStateForce() const;
  // The ACLED inter code in an event in `event_country` (ISO alpha-2): a
  // state's forces are 1 at home and 8 abroad (ACLED: "state forces active
  // outside their main country of operation"); others keep `inter`. An empty
  // `event_country` gives `inter`.
  int InterIn(std::string_view event_country) const;
};

class ActorRegistry {
 public:
  // Reads `data_dir`/actors/countries.tsv and registry.tsv. Errors read
  // "path:line: what is wrong": a bad or repeated id, inter not in 1..8, an
  // unknown kind, country or parent, a parent cycle, an empty name or source.
  static Result<ActorRegistry> Load(const std::string& data_dir = DataDir());

  // The actor with this id, or nullptr.
  const Actor* Find(std::string_view id) const;
  // All actors, in file order.
  const std::vector<Actor>& actors() const;
  // The country with this ISO alpha-2 code, or nullptr.
  const Country* FindCountry(std::string_view iso2) const;
  const std::vector<Country>& countries() const;

  // Returns true iff `id` is `ancestor` or answers to it through parents
  // (DEIR_EZZOR_MILITARY_COUNCIL is within SDF).
  bool IsWithin(std::string_view id, std::string_view ancestor) const;
  // The actor's ACLED name for an event in `event_country`: "{country}" is
  // replaced by the English name of `event_country`, else of the actor's own
  // country; with neither, " ({country})" is dropped ("Civilians").
  std::string AcledName(const Actor& actor, std::string_view event_country = "") const;

  struct Tables;  // defined in src/actors/registry.cc

 private:
  explicit ActorRegistry(std::shared_ptr<const Tables> tables) : tables_(std::move(tables)) {}
  std::shared_ptr<const Tables> tables_;
};

// ---------------------------------------------------------------------------
// Mentions

enum class MentionKind : uint8_t {
  kName,         // an alias: name, acronym, adjective of a group (قسد، داعشية)
  kNationality,  // force word + nationality adjective (مروحية أمريكية)
  kCountryName,  // a country or capital standing for its state (تركيا، واشنطن)
};
// "name", "nationality", "country".
const char* MentionKindName(MentionKind kind);

struct ActorMention {
  Span span;  // input bytes, proclitics of the first word and enclitic of the last included
  Span core;  // the same without those clitics ("قسد" in "لقسد")
  uint32_t first_token = 0, end_token = 0;  // tokens [first_token, end_token) of the TokenizedText
  std::string actor_id;
  const Actor* actor = nullptr;  // in the recognizer's registry
  MentionKind kind = MentionKind::kName;
  bool contextual = false;  // from a contextual alias row, confirmed by the context
};

// What the caller knows beyond the text given to Find (say, a sentence of an
// article): actors named elsewhere and the countries the article is about.
struct ActorContext {
  std::vector<std::string> actor_ids{};
  std::vector<std::string> countries{};  // ISO alpha-2
};

enum class RoleClass : uint8_t {
  kCivilian,   // مدني، طفل، امرأة، ممرض، صحفي، نازح ...
  kCombatant,  // عنصر، مقاتل، جندي، ضابط، قيادي، أمير ...
  kOfficial,   // مسؤول، مختار: holds a post; civilian or not depends on whose
  kSuspect,  // مطلوب، متهم، عميل: wanted or accused, neither side's fighter as far as the text says
  kProtester,  // متظاهر، محتج
  kPerson,     // شخص، قتيل، جريح، ضحية: says nothing of the person's role
};
// "civilian", "combatant", "official", "suspect", "protester", "person".
const char* RoleClassName(RoleClass role_class);

// What stands before a role noun and counts it.
enum class Determiner : uint8_t {
  kNone,
  kNumber,      // a number (digits or words, vague ones too: عشرات، عدد من), maybe then "من"
  kQuantifier,  // a quantity word of quantifiers.tsv (عدة، بعض، جميع ...), maybe then "من"
};

enum class GrammaticalNumber : uint8_t { kSingular, kDual, kPlural };

struct RoleMention {
  Span span;  // input bytes of the noun, clitics included
  Span core;  // without them
  uint32_t first_token = 0, end_token = 0;
  RoleClass role_class = RoleClass::kPerson;
  std::string lemma;  // the singular as listed in roles.tsv, "مقاتل"
  // Head count the noun phrase gives: see the top of this file.
  std::optional<int> count;
  // More than one person, how many left to the number reader or unknown
  // (a plural, or any noun after a number other than one: "15 عنصراً").
  bool plural = false;
  GrammaticalNumber number = GrammaticalNumber::kSingular;  // the reading of the form as written
  bool definite = false;                                    // carries the article
  bool dual_or_plural = false;  // the form is both the dual and the sound plural (مقاتلين)
  Determiner determiner = Determiner::kNone;
  Span determiner_span;  // the number or quantifier; empty when none
};

// ---------------------------------------------------------------------------
// Recognizer

class ActorRecognizer {
 public:
  // Reads the registry and aliases.tsv, nationality.tsv, force-heads.tsv,
  // roles.tsv, quantifiers.tsv under `data_dir`/actors/, and the number words
  // under `data_dir`/text/. `tokenizer` is used only while loading. Errors
  // read "path:line: what is wrong" (an alias of an unknown actor, a bad
  // strength or context, a form repeated with another meaning ...).
  static Result<ActorRecognizer> Load(const text::Tokenizer& tokenizer,
                                      const std::string& data_dir = DataDir());

  // Appends to `out`, in text order, the actor mentions of `input`, which
  // `text` holds tokenised. Contextual aliases are resolved against the
  // non-contextual mentions of `text` (pass the whole article when you can)
  // and `context`.
  void Find(std::string_view input, const text::TokenizedText& text, lexicon::MatchState* state,
            std::vector<ActorMention>* out) const;
  void Find(std::string_view input, const text::TokenizedText& text, const ActorContext& context,
            lexicon::MatchState* state, std::vector<ActorMention>* out) const;

  // Appends to `out`, in text order, the role nouns of `input` with their counts.
  void FindRoles(std::string_view input, const text::TokenizedText& text, lexicon::MatchState* state,
                 std::vector<RoleMention>* out) const;

  const ActorRegistry& registry() const;
  // Alias forms marked `split` (people break them on purpose: دا-عش), for
  // Tokenizer::WithSplitWords().
  std::vector<std::string> SplitWords() const;
  // Non-fatal findings of Load, "path:line: ...".
  const std::vector<std::string>& warnings() const;

  struct Resources;  // defined in src/actors/recognizer.cc

 private:
  explicit ActorRecognizer(std::shared_ptr<const Resources> resources) : resources_(std::move(resources)) {}
  std::shared_ptr<const Resources> resources_;
};

}  // namespace hadath::actors

// The mentions stage of events: one sentence read into clauses, each with
// the triggers, places, dates, actors, victims, numbers and cue words found
// in it. Spans are bytes of Document::text; token indices count the
// sentence's tokens.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "events/resources.h"
#include "hadath/document.h"

namespace hadath::events {

struct TriggerHit {
  uint32_t first = 0, end = 0;  // tokens
  Span span;
  const TriggerClass* cls = nullptr;
  bool strong = false;
  bool many = false;     // a plural noun: "عمليات"، "مداهمات"
  int victims = 0;       // the count the form itself gives (dual verbs: 2), 0 none
  std::string enclitic;  // pronoun attached to the trigger ("هما" in مقتلهما)
  std::string form;      // normalised words
  bool negated = false;
};

struct CueHit {
  uint32_t first = 0, end = 0;
  Span span;
  CueWord cue;
};

struct PlaceHit {
  uint32_t first = 0, end = 0;
  Span span;  // the name
  resolve::Location location;
  // Not where the incident happened: where someone comes from (أبناء قرية
  // X), where a correspondent is (مراسل ... في X), where forces went
  // (انسحبت باتجاه X), or where a pattern of incidents is told (عمليات
  // اغتيال في X).
  bool elsewhere = false;
};

struct DateHit {
  uint32_t first = 0, end = 0;
  Span span;
  dates::DateMention mention;
  bool statement = false;  // the day a source spoke ("قالت، أمس، إن"), not the incident's
};

// kSource: the subject of a reporting verb ("قالت قسد إنها"), usually a
// party too; kSpokesman: the body a spokesman or source speaks for
// ("المتحدث باسم قسد"), a party only when nobody else is named.
enum class Side : uint8_t { kUnknown, kInitiator, kSupport, kTarget, kVictim, kSource, kSpokesman };

struct ActorHit {
  uint32_t first = 0, end = 0;
  Span span;
  std::string id;
  bool contextual = false;
  Side side = Side::kUnknown;
  bool instrument = false;  // a weapon of this actor's, with ب: بغارة روسية
};

struct RoleHit {
  uint32_t first = 0, end = 0;
  Span span;
  actors::RoleMention mention;
  bool perpetrator = false;  // "برصاص مسلحين": who did it, not who suffered
};

struct NumberHit {
  uint32_t first = 0, end = 0;
  Span span;
  lexicon::Number number;
};

// What the readers find in a stretch of text, in text order.
struct Mentions {
  std::vector<TriggerHit> triggers;
  std::vector<CueHit> cues;
  std::vector<PlaceHit> places;
  std::vector<DateHit> dates;
  std::vector<ActorHit> actors;
  std::vector<RoleHit> roles;
  std::vector<NumberHit> numbers;
};

struct Clause : Mentions {
  uint32_t sentence = 0;
  Span text;  // bytes of Document::text
  bool headline = false;
  bool habitual = false;
  bool aggregate = false;
  bool new_incident = false;
  bool not_conflict = false;  // sport, surgery, a road accident: no incident here
  // Token ranges [first, end) that recall an older incident: the scope of a
  // background cue (منذ، سبق), or a trigger dated weeks before publication.
  std::vector<std::pair<uint32_t, uint32_t>> background;
  std::string source;  // who the clause reports ("" = the article itself)

  bool HasCue(CueKind kind) const;
  bool InBackground(uint32_t token) const {
    for (const auto& [first, end] : background)
      if (token >= first && token < end) return true;
    return false;
  }
};

// A background incident is dated more than this many days before publication.
inline constexpr int kBackgroundDays = 30;

// Reads every sentence of `document` into clauses, in text order.
std::vector<Clause> ReadClauses(const Document& document, const Resources& resources);

}  // namespace hadath::events

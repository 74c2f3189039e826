// What the events stage reads, loaded once: the tokenizer (with the words
// people break on purpose, دا-عش), the place recogniser and geocoder, the
// number, date and actor readers, and the lexicons of data/events/.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "hadath/actors.h"
#include "hadath/dates.h"
#include "hadath/events.h"
#include "hadath/geocoder.h"
#include "hadath/lexicon.h"
#include "hadath/numbers.h"
#include "hadath/text/tokenizer.h"
#include "hadath/toponyms.h"

namespace hadath::events {

// A row of data/events/trigger-types.tsv.
struct TriggerClass {
  std::string name;  // "raid", "air-strike", ...
  std::string event_type, sub_event_type;
  int rank = 100;  // lower names the incident when classes meet
  bool violent = false;
};

enum class CueKind : uint8_t {
  kReport,    // a reporting verb: قال، أعلنت، وفق
  kSourceOf,  // المتحدث باسم، مصدر عسكري من: the next actor speaks, it does not act
  kAircraft,  // طائرات، مروحية: shelling by these is an air strike
  kComplementizer,  // أن / إن after a reporting verb
  kSupport,         // بدعم من، بالتعاون مع: the next actor helps the initiator
  kPerpetrator,     // برصاص، على يد، نفذتها: the next actor is the initiator
  kTarget,          // ضد: the next actor is the target
  kBackground,      // منذ، سبق: what follows recalls an older incident
  kHabitual,        // بشكل متكرر: a pattern, not one incident
  kAggregate,       // حصيلة، عدد العمليات: a count of incidents
  kNegation,        // لم، دون، فشلت: the next trigger did not happen
  kOrigin,          // أبناء، نازحين من: the next place is where people come from
  kReporter,        // مراسل: the next place is where the reporter is
  kDirection,       // باتجاه، نحو: the next place is where someone went
  kNewIncident,     // مماثلة، أخرى: another incident than the current one
  kClauseBreak,     // بينما، في حين
  kNotConflict,  // مباراة، عملية جراحية، حادث سير: the triggers here are no violence
  kReaction,     // أدان، استنكار، تعازي: a reaction to an incident, not its report
};

struct CueWord {
  CueKind kind;
  int scope = 0;  // tokens after the cue it governs; 0: the rest of the clause
};

struct Resources {
  text::Tokenizer tokenizer;
  const geo::Gazetteer* gazetteer = nullptr;
  std::unique_ptr<extract::ToponymRecognizer> toponyms;
  std::unique_ptr<resolve::Geocoder> geocoder;
  std::unique_ptr<lexicon::NumberReader> numbers;
  std::unique_ptr<dates::DateReader> dates;
  std::unique_ptr<actors::ActorRecognizer> actors;
  std::unique_ptr<lexicon::Lexicon> triggers;  // columns trigger, strength, number, victims
  std::unique_ptr<lexicon::Lexicon> cues;      // columns cue, scope
  std::vector<CueWord> cue_words;              // by cue lexicon row
  std::map<std::string, TriggerClass, std::less<>> classes;
  std::map<std::string, std::string, std::less<>> notes;  // data/events/notes.tsv
  // Country names (data/actors/countries.tsv) and their ISO codes, by entry.
  std::unique_ptr<lexicon::Matcher> country_names;
  std::vector<std::string> country_codes;

  const TriggerClass* ClassOf(std::string_view name) const {
    auto found = classes.find(name);
    return found == classes.end() ? nullptr : &found->second;
  }
  // The note template for `key`, "" if none.
  std::string_view Note(std::string_view key) const {
    auto found = notes.find(key);
    return found == notes.end() ? std::string_view() : std::string_view(found->second);
  }
};

Result<std::shared_ptr<const Resources>> LoadResources(const geo::Gazetteer& gazetteer,
                                                       const std::string& data_dir);

}  // namespace hadath::events

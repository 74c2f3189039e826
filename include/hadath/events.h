// hadath/events.h — from a cleaned article to the incidents it reports (the
// events stage), as ACLED-style records with evidence spans.
//
//   auto extractor = hadath::events::EventExtractor::Load(gazetteer);
//   if (!extractor) { report(extractor.error()); return; }
//   std::vector<hadath::events::Event> events = extractor->Extract(document);
//   for (const auto& event : events) write(hadath::events::ToRecord(event, document));
//
// How an article is read (README.md, "Events", and data/events/README.md
// have the details):
//   1. Every sentence is cut into clauses (at بينما، في حين، ";"), and each
//      clause is read for triggers (data/events/triggers.tsv), places,
//      dates, actors, victims, numbers and cue words (data/events/cues.tsv):
//      who reports it, negation, background, habitual or aggregate talk.
//   2. Clauses are grouped into incidents in reading order: a clause with an
//      incident trigger opens an incident unless it continues the current one
//      (no place or date of its own, or the same place and day); a clause
//      with another precise place or day opens a new one. Headlines,
//      habitual and aggregate statements ("more than 30 operations since")
//      and plural summaries over a region open none. Clauses recalling an
//      older incident (منذ الهجوم على..., a date weeks before publication)
//      give background incidents.
//   3. Each incident is resolved: type by the strongest trigger and its
//      outcome (data/events/trigger-types.tsv), initiator and target actors
//      and their allies, the most precise place, the date, fatalities by
//      ACLED's conservative rules with low/high across claims, civilian
//      fatalities, contested claims, confidence, and an English note.
//
// Thread safety: a loaded extractor is immutable; Extract() may run on many
// threads at once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/document.h"
#include "hadath/gazetteer.h"
#include "hadath/geocoder.h"
#include "hadath/offsets.h"
#include "hadath/status.h"

namespace hadath::events {

// A span of the article that supports a field of an event.
struct Evidence {
  Span text;         // bytes of Document::text
  Span raw;          // bytes of Article::raw (what FORMAT.md calls the evidence span)
  std::string role;  // "event" (the clause), "trigger", "actor1", "actor2", "place", "date", "fatalities"
};

// One reported figure for the dead, with who reports it.
struct Claim {
  std::string source;  // actor id or source word ("correspondent", "local sources"); "" = the article
  std::optional<int> fatalities;  // none when the text gives deaths without a number (ACLED default applies)
  bool civilian_victims = false;
  bool combatant_victims = false;
  Span evidence;  // bytes of Document::text
};

struct Event {
  std::string id;  // stable: a hash of the document id and the first evidence span
  bool background = false;

  std::string event_type, sub_event_type;
  bool civilian_targeting = false;

  std::string actor1, actor2;  // actor ids; "" when unknown
  std::vector<std::string> assoc_actor1, assoc_actor2;

  // Dates: ISO days; event_date empty when nothing anchors the date.
  std::string date_start, date_end, event_date;
  int time_precision = 0;   // ACLED 1/2/3; 0 unknown
  std::string date_reason;  // why there is no date, or how it was inferred
  // What the date rests on: "text" (a date or month written out), "relative"
  // (a relative day or weekday counted from the publication date, so known
  // to a day either way: the text may be written the day before it is
  // published), "statement" (the day a source spoke), "publication"; "" none.
  std::string date_basis;

  resolve::Location location;

  std::optional<int> fatalities, fatalities_low, fatalities_high, civilian_fatalities;
  std::vector<Claim> claims;
  bool contested = false;

  double confidence = 0;
  std::vector<Evidence> evidence;
  std::vector<std::string> trigger_words;  // normalised, for notes and explain
};

// What an event's English note says (see data/events/notes.tsv).
struct NoteFacts {
  std::string sub_event_type;
  std::string event_date;  // ISO day; "" unknown
  int time_precision = 0;
  std::string actor1, actor2;        // actor ids; "" unidentified
  std::vector<std::string> helpers;  // actor ids supporting actor1
  std::string location;              // "Al Busayrah (Deir ez-Zor)"; "" unknown
  int fatalities = 0;
  std::optional<int> fatalities_low, fatalities_high;
  bool unnumbered = false;  // deaths reported without a number
  bool contested = false, background = false;
};

// Everything the extractor reads (tokenizer, lexicons, recognisers),
// defined in src/events/resources.h.
struct Resources;

class EventExtractor {
 public:
  // Loads data/events, data/actors, data/time, data/text and data/places
  // from `data_dir`; `gazetteer` must outlive the extractor.
  static Result<EventExtractor> Load(const geo::Gazetteer& gazetteer,
                                     const std::string& data_dir = DataDir());

  std::vector<Event> Extract(const Document& document) const;

  // The English note of an event: data/events/notes.tsv's templates filled in.
  std::string Note(const NoteFacts& facts) const;

  const Resources& resources() const { return *resources_; }

 private:
  explicit EventExtractor(std::shared_ptr<const Resources> resources) : resources_(std::move(resources)) {}
  std::shared_ptr<const Resources> resources_;
};

// ACLED's per-country event id, e.g. "SYR482915733": the country's alpha-3
// code ("XXX" when unknown) and a number from the event id ("ev-" and hex).
std::string EventIdCnty(std::string_view iso3, std::string_view event_id);

// The FORMAT.md JSON record of `event` (one line of `hadath export
// --format jsonl`), as compact JSON text. `extractor` names the actors.
std::string ToRecord(const Event& event, const Document& document, const EventExtractor& extractor);

}  // namespace hadath::events

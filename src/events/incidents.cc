#include "events/incidents.h"

#include <algorithm>

#include "hadath/text/normalizer.h"

namespace hadath::events {
namespace {

// A clause that opens no incident of its own continues the current one
// only within this many sentences of its last clause.
constexpr uint32_t kContinuationSentences = 2;
// Places closer than this are the same place told twice.
constexpr double kSamePlaceKm = 3;

bool Precise(const PlaceHit* place) {
  return place && place->location.geo_precision > 0 && place->location.geo_precision <= 2;
}

bool SamePlace(const PlaceHit& a, const PlaceHit& b) {
  const resolve::Location& x = a.location;
  const resolve::Location& y = b.location;
  if (!x.location_ar.empty() && x.location_ar == y.location_ar) return true;
  if (x.place && y.place && *x.place == *y.place && !x.gap && !y.gap) return true;
  return x.has_coordinates && y.has_coordinates && !x.gap && !y.gap &&
         resolve::DistanceKm(x.latitude, x.longitude, y.latitude, y.longitude) < kSamePlaceKm;
}

bool DatesOverlap(const DateHit& a, const DateHit& b) {
  const dates::DateMention& x = a.mention;
  const dates::DateMention& y = b.mention;
  if (!x.start || !x.end || !y.start || !y.end) return true;
  return *x.start <= *y.end && *y.start <= *x.end;
}

// Two placed mentions in different governorates (or countries) are two
// places, however coarse ("بادية السخنة" after "بلدة الشحيل").
bool OtherGovernorate(const PlaceHit* a, const PlaceHit* b) {
  if (!a || !b || a->location.geo_precision == 0 || b->location.geo_precision == 0) return false;
  // A named region ("شمال شرقي سوريا") spans governorates; it is often part
  // of a body's name ("مكتب الإعلام لشمال شرقي سوريا") too.
  if (a->location.place_kind == geo::PlaceKind::kRegion || b->location.place_kind == geo::PlaceKind::kRegion)
    return false;
  const resolve::Location& x = a->location;
  const resolve::Location& y = b->location;
  if (x.country != y.country) return true;
  return !x.admin1.name_en.empty() && !y.admin1.name_en.empty() && x.admin1.name_en != y.admin1.name_en;
}

// A better precision wins; at the same precision a named place the
// gazetteer lacks (coded to its governorate) beats a region phrase.
bool MoreSpecific(const PlaceHit& a, const PlaceHit& b) {
  if (a.location.geo_precision != b.location.geo_precision)
    return a.location.geo_precision < b.location.geo_precision;
  return a.location.gap && !b.location.gap;
}

// How a clause speaks of incidents of one kind (background or not).
struct ClauseReading {
  bool opens = false;     // it tells an incident by itself
  bool mentions = false;  // it has a trigger of this kind at all
  bool summary = false;   // only plural triggers over a region: a summary of incidents
  const PlaceHit* place = nullptr;
  const DateHit* date = nullptr;
  const DateHit* statement_date = nullptr;
};

// The most precise place of the clause where an incident of this kind
// happened (not where people come from, or where a reporter sits).
const PlaceHit* PlaceOf(const Clause& clause, bool background) {
  const PlaceHit* best = nullptr;
  for (const PlaceHit& place : clause.places) {
    if (place.elsewhere || place.location.geo_precision == 0) continue;
    if (!BelongsTo(clause, place.first, background)) continue;
    if (!best || MoreSpecific(place, *best)) best = &place;
  }
  return best;
}

ClauseReading Read(const Clause& clause, bool background) {
  ClauseReading reading;
  reading.place = PlaceOf(clause, background);
  for (const DateHit& date : clause.dates) {
    if (!date.mention.resolved() || !BelongsTo(clause, date.first, background)) continue;
    const DateHit*& slot = date.statement ? reading.statement_date : reading.date;
    if (!slot) slot = &date;
  }
  bool singular = false, plural = false;
  bool armed = std::any_of(clause.actors.begin(), clause.actors.end(),
                           [](const ActorHit& actor) { return actor.id != "CIVILIANS"; });
  for (const TriggerHit& trigger : clause.triggers) {
    if (!BelongsTo(clause, trigger, background)) continue;
    reading.mentions = true;
    if (trigger.negated || trigger.cls->name == "injury") continue;
    // A weak word ("عملية") opens an incident only with a precise place and
    // someone armed to carry it out.
    bool opener = trigger.strong || (trigger.cls->name == "operation" && Precise(reading.place) && armed);
    if (!opener) continue;
    (trigger.many ? plural : singular) = true;
  }
  bool regional = !reading.place || reading.place->location.geo_precision >= 3;
  reading.summary = plural && !singular && regional;
  reading.opens = (singular || plural) && !reading.summary;
  return reading;
}

class Grouper {
 public:
  explicit Grouper(bool background) : background_(background) {}

  void Take(const Clause& clause) {
    ClauseReading reading = Read(clause, background_);
    // A clause with no trigger and no place of this kind (an older incident
    // recalled after today's news) adds nothing to the current incident.
    if (!reading.mentions && !reading.place) return;
    if (current_ && Continues(clause, reading)) {
      Add(clause, reading);
    } else if (reading.opens) {
      incidents_.push_back({{}, background_, nullptr, nullptr, nullptr});
      current_ = &incidents_.back();
      Add(clause, reading);
    } else if (current_ && reading.mentions && Near(clause)) {
      // Words about the current incident that name another place or day in
      // passing: kept as its evidence, their place and date ignored.
      current_->clauses.push_back(&clause);
    }
  }

  std::vector<Incident> Finish() && { return std::move(incidents_); }

 private:
  // Words about an incident without naming it come soon after it.
  bool Near(const Clause& clause) const {
    return clause.sentence <= current_->clauses.back()->sentence + kContinuationSentences;
  }

  bool Continues(const Clause& clause, const ClauseReading& reading) const {
    if (!reading.opens && !Near(clause)) return false;
    bool other_place = (Precise(reading.place) && Precise(current_->place) &&
                        !SamePlace(*reading.place, *current_->place)) ||
                       OtherGovernorate(reading.place, current_->place);
    bool other_day = reading.date && current_->date && !DatesOverlap(*reading.date, *current_->date);
    if (reading.opens && (other_place || other_day || clause.new_incident)) return false;
    if (!reading.opens && (other_place || other_day)) return false;
    return true;
  }

  void Add(const Clause& clause, const ClauseReading& reading) {
    current_->clauses.push_back(&clause);
    if (reading.place && (!current_->place || MoreSpecific(*reading.place, *current_->place)))
      current_->place = reading.place;
    if (reading.date && !current_->date) current_->date = reading.date;
    if (reading.statement_date && !current_->statement_date)
      current_->statement_date = reading.statement_date;
  }

  bool background_;
  std::vector<Incident> incidents_;
  Incident* current_ = nullptr;  // points into incidents_; only the last one grows
};

}  // namespace

bool BelongsTo(const Clause& clause, uint32_t token, bool background) {
  return clause.InBackground(token) == background;
}

bool BelongsTo(const Clause& clause, const TriggerHit& trigger, bool background) {
  return BelongsTo(clause, trigger.first, background);
}

std::vector<Incident> GroupIncidents(const std::vector<Clause>& clauses, const Document& document) {
  Grouper news(/*background=*/false), recalled(/*background=*/true);
  // Headlines restate the body; a text that is all headline (one line, a
  // sentence-level record) is read as it is.
  const bool has_body =
      std::any_of(clauses.begin(), clauses.end(), [](const Clause& clause) { return !clause.headline; });
  for (const Clause& clause : clauses) {
    // Habitual and aggregate talk is no incident.
    if ((clause.headline && has_body) || clause.habitual || clause.aggregate || clause.not_conflict) continue;
    news.Take(clause);
    if (!clause.background.empty()) recalled.Take(clause);
  }
  std::vector<Incident> incidents = std::move(news).Finish();
  for (Incident& incident : std::move(recalled).Finish()) incidents.push_back(std::move(incident));
  return incidents;
}

}  // namespace hadath::events

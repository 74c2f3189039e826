// The resolve stage of events: an incident (its clauses) made into an Event
// with type, actors, place, date, fatalities, claims, evidence, confidence.
#pragma once

#include <map>
#include <set>
#include <string>

#include "events/incidents.h"
#include "hadath/events.h"

namespace hadath::events {

// What the whole article says that single incidents use.
struct ArticleFacts {
  std::set<std::string> named_actors;  // actors the article names by a non-contextual alias
  // How often each actor is named as a target or a victim's side: the
  // article's usual adversary, when an incident names none.
  std::map<std::string, int> targets;
  std::optional<dates::CivilDate> published;
};

ArticleFacts ReadArticle(const std::vector<Clause>& clauses, const Document& document);

// The event, or nothing when the incident has too little to be one (no
// place and no actor).
std::optional<Event> BuildEvent(const Incident& incident, const ArticleFacts& facts, const Document& document,
                                const Resources& resources);

}  // namespace hadath::events

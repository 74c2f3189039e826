// Clauses grouped into incidents: which clauses of an article tell the same
// incident, and which recall an older one (background).
#pragma once

#include <vector>

#include "events/clauses.h"

namespace hadath::events {

struct Incident {
  std::vector<const Clause*> clauses;  // in text order
  bool background = false;
  const PlaceHit* place = nullptr;          // where it happened, if told
  const DateHit* date = nullptr;            // when it happened, if told
  const DateHit* statement_date = nullptr;  // when a source spoke of it, if told
};

std::vector<Incident> GroupIncidents(const std::vector<Clause>& clauses, const Document& document);

// Whether `trigger` of `clause` belongs to an incident of this kind
// (background or not).
bool BelongsTo(const Clause& clause, const TriggerHit& trigger, bool background);
bool BelongsTo(const Clause& clause, uint32_t token, bool background);

}  // namespace hadath::events

// What /stats tallies the events by, for both stores: each tally is one
// GROUP BY over the events table, which the store runs in its own SQL.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "hadath/store.h"

namespace hadath::store {

// Runs `tally(key, order_by_key)` for each key (month, type, governorate,
// actor1, the last given by `actor_key`, the dialect's expression for the
// record's actor1_id) and sums the events and fatalities over the types.
template <typename Tally>
Result<EventTallies> TallyByKeys(std::string_view actor_key, Tally tally) {
  EventTallies tallies;
  const std::pair<std::vector<EventTally>*, std::pair<std::string_view, bool>> keys[] = {
      {&tallies.by_month, {"substr(event_date, 1, 7)", true}},
      {&tallies.by_type, {"event_type", false}},
      {&tallies.by_admin1, {"admin1", false}},
      {&tallies.by_actor, {actor_key, false}},
  };
  for (const auto& [target, key] : keys) {
    Result<std::vector<EventTally>> counted = tally(key.first, key.second);
    if (!counted) return counted.status();
    *target = std::move(*counted);
  }
  for (const EventTally& type : tallies.by_type) {
    tallies.events += type.events;
    tallies.fatalities += type.fatalities;
  }
  return tallies;
}

}  // namespace hadath::store

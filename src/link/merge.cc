// MergeRecords(): one event record from the reports of one incident.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "hadath/link.h"
#include "link/json_fields.h"

namespace hadath::link {
namespace {

const char* const kPlaceFields[] = {
    "admin1",        "admin2",       "admin3",    "location",     "latitude",     "longitude",
    "geo_precision", "location_ar",  "admin1_ar", "admin1_pcode", "admin2_pcode", "admin3_pcode",
    "gazetteer_id",  "location_gap", "coded_at",  "iso",          "region",       "country"};
const char* const kDateFields[] = {"event_date", "year",        "time_precision", "date_start",
                                   "date_end",   "date_reason", "date_basis"};

int BasisRank(const std::string& basis) {
  if (basis == "text") return 0;
  if (basis == "relative") return 1;
  if (basis == "statement") return 2;
  return 3;
}

// Lower is better; 0 (unknown) ranks last.
int PrecisionRank(int precision) { return precision == 0 ? 9 : precision; }

struct Member {
  const Profile* profile;
  Json record;
};

const Member& PlaceSource(const std::vector<Member>& members) {
  return *std::min_element(members.begin(), members.end(), [](const Member& x, const Member& y) {
    const Profile &a = *x.profile, &b = *y.profile;
    if (PrecisionRank(a.geo_precision) != PrecisionRank(b.geo_precision))
      return PrecisionRank(a.geo_precision) < PrecisionRank(b.geo_precision);
    if (a.gap != b.gap) return !a.gap;
    return a.confidence > b.confidence;
  });
}

const Member& DateSource(const std::vector<Member>& members) {
  return *std::min_element(members.begin(), members.end(), [](const Member& x, const Member& y) {
    const Profile &a = *x.profile, &b = *y.profile;
    if (PrecisionRank(a.time_precision) != PrecisionRank(b.time_precision))
      return PrecisionRank(a.time_precision) < PrecisionRank(b.time_precision);
    if (BasisRank(a.date_basis) != BasisRank(b.date_basis))
      return BasisRank(a.date_basis) < BasisRank(b.date_basis);
    return a.confidence > b.confidence;
  });
}

// The type most reports give; of its reports, the most confident one.
const Member& TypeSource(const std::vector<Member>& members) {
  std::map<std::string, int> votes;
  for (const Member& member : members) ++votes[member.profile->sub_event_type];
  const Member* best = &members.front();
  auto better = [&](const Member& x, const Member& y) {
    int vx = votes[x.profile->sub_event_type], vy = votes[y.profile->sub_event_type];
    if (vx != vy) return vx > vy;
    return x.profile->confidence > y.profile->confidence;
  };
  for (const Member& member : members)
    if (better(member, *best)) best = &member;
  return *best;
}

void MergeFatalities(const std::vector<Member>& members, Json* merged) {
  std::optional<int> best, low, high, civilians;
  bool contested = false, civilian_side = false, combatant_side = false;
  for (const Member& member : members) {
    const Json& record = member.record;
    contested |= record.value("contested", false);
    int n = NumberField<int>(record, "fatalities").value_or(0);
    if (n <= 0) continue;
    best = best ? std::min(*best, n) : n;
    int l = NumberField<int>(record, "fatalities_low").value_or(n),
        h = NumberField<int>(record, "fatalities_high").value_or(n);
    low = low ? std::min(*low, l) : l;
    high = high ? std::max(*high, h) : h;
    int c = NumberField<int>(record, "civilian_fatalities").value_or(0);
    if (c > 0) civilians = civilians ? std::min(*civilians, c) : c;
    // Who the dead were, by this report: only civilians, or only fighters.
    civilian_side |= member.profile->civilian_victims && !member.profile->combatant_victims;
    combatant_side |= member.profile->combatant_victims && !member.profile->civilian_victims;
  }
  (*merged)["fatalities"] = best.value_or(0);
  (*merged)["fatalities_low"] = low.value_or(0);
  (*merged)["fatalities_high"] = high.value_or(0);
  (*merged)["civilian_fatalities"] = civilians.value_or(0);
  (*merged)["contested"] = contested || (civilian_side && combatant_side);
}

void MergeSources(const std::vector<Member>& members, Json* merged) {
  Json documents = Json::array(), claims = Json::array(), triggers = Json::array(), reports = Json::array();
  std::vector<std::string> outlets;
  double all_wrong = 1;
  bool background = true;
  for (const Member& member : members) {
    const Json& record = member.record;
    reports.push_back(member.profile->report->id);
    std::string doc_key;
    for (const Json& document : record.value("documents", Json::array())) {
      documents.push_back(document);
      doc_key = document.value("doc_id", "");
      std::string outlet = TextField(document, "outlet");
      if (!outlet.empty() && std::find(outlets.begin(), outlets.end(), outlet) == outlets.end())
        outlets.push_back(outlet);
    }
    for (Json claim : record.value("claims", Json::array())) {
      claim["doc_id"] = doc_key;
      claims.push_back(std::move(claim));
    }
    for (const Json& trigger : record.value("triggers", Json::array()))
      if (std::find(triggers.begin(), triggers.end(), trigger) == triggers.end()) triggers.push_back(trigger);
    all_wrong *= 1 - member.profile->confidence;
    background &= member.profile->background;
  }
  std::string source;
  for (const std::string& outlet : outlets) source += (source.empty() ? "" : "; ") + outlet;
  (*merged)["documents"] = std::move(documents);
  (*merged)["claims"] = std::move(claims);
  (*merged)["triggers"] = std::move(triggers);
  (*merged)["reports"] = std::move(reports);
  (*merged)["source"] = source.empty() ? Json() : Json(source);
  (*merged)["confidence"] = std::round(std::min(0.99, 1 - all_wrong) * 100) / 100;
  (*merged)["background"] = background;
}

// The ACLED names the reports give their actors, by id.
std::string Trimmed(const std::string& text) {
  size_t first = text.find_first_not_of(' '), last = text.find_last_not_of(' ');
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

std::map<std::string, std::string> ActorNames(const std::vector<Member>& members) {
  std::map<std::string, std::string> names;
  for (const Member& member : members) {
    const Json& record = member.record;
    for (const char* side : {"1", "2"}) {
      std::string principal = std::string("actor") + side;
      names.emplace(TextField(record, (principal + "_id").c_str()), TextField(record, principal.c_str()));
      std::vector<std::string> ids = TextList(record, (std::string("assoc_actor_") + side + "_ids").c_str());
      std::stringstream joined(TextField(record, (std::string("assoc_actor_") + side).c_str()));
      std::string name;
      for (const std::string& id : ids)
        names.emplace(id, std::getline(joined, name, ';') ? Trimmed(name) : id);
    }
  }
  return names;
}

// Every report's allies of each side, not only the type source's: one
// outlet names the coalition's support of an SDF raid, another does not.
// An actor stays on the side where the chosen record has it.
void MergeAllies(const std::vector<Member>& members, Json* merged) {
  std::map<std::string, std::string> names = ActorNames(members);
  std::set<std::string> placed = {TextField(*merged, "actor1_id"), TextField(*merged, "actor2_id"), ""};
  std::vector<std::string> sides[2] = {TextList(*merged, "assoc_actor_1_ids"),
                                       TextList(*merged, "assoc_actor_2_ids")};
  for (const auto& side : sides) placed.insert(side.begin(), side.end());
  for (int side = 0; side < 2; ++side)
    for (const Member& member : members) {
      std::string number = std::to_string(side + 1);
      std::vector<std::string> ids = TextList(member.record, ("assoc_actor_" + number + "_ids").c_str());
      ids.insert(ids.begin(), TextField(member.record, ("actor" + number + "_id").c_str()));
      for (const std::string& id : ids)
        if (placed.insert(id).second) sides[side].push_back(id);
    }
  for (int side = 0; side < 2; ++side) {
    std::string joined, number = std::to_string(side + 1);
    for (const std::string& id : sides[side]) joined += (joined.empty() ? "" : "; ") + names[id];
    (*merged)["assoc_actor_" + number + "_ids"] = sides[side];
    (*merged)["assoc_actor_" + number] = joined;
  }
}

std::string MergedNote(const Json& merged, const NoteWriter& notes) {
  std::string location = TextField(merged, "location"), admin1 = TextField(merged, "admin1");
  if (!admin1.empty() && admin1 != location) location += " (" + admin1 + ")";
  bool numbered = false;
  for (const Json& claim : merged["claims"]) numbered |= claim.value("fatalities", Json()).is_number();
  events::NoteFacts facts{.sub_event_type = TextField(merged, "sub_event_type"),
                          .event_date = TextField(merged, "event_date"),
                          .time_precision = NumberField<int>(merged, "time_precision").value_or(0),
                          .actor1 = TextField(merged, "actor1_id"),
                          .actor2 = TextField(merged, "actor2_id"),
                          .helpers = TextList(merged, "assoc_actor_1_ids"),
                          .location = location,
                          .fatalities = NumberField<int>(merged, "fatalities").value_or(0),
                          .fatalities_low = NumberField<int>(merged, "fatalities_low"),
                          .fatalities_high = NumberField<int>(merged, "fatalities_high"),
                          .unnumbered = !merged["claims"].empty() && !numbered,
                          .contested = merged.value("contested", false),
                          .background = merged.value("background", false)};
  return notes(facts) + " " + std::to_string(merged["documents"].size()) + " reports linked.";
}

}  // namespace

std::string MergeRecords(const Cluster& cluster, const std::vector<Profile>& profiles,
                         const std::string& event_id, const NoteWriter& notes) {
  std::vector<Member> members;
  for (size_t index : cluster.members)
    members.push_back({&profiles[index], Json::parse(profiles[index].report->record, nullptr, false)});
  Json merged = TypeSource(members).record;
  const Json& place = PlaceSource(members).record;
  for (const char* field : kPlaceFields) merged[field] = place.value(field, Json());
  const Json& date = DateSource(members).record;
  for (const char* field : kDateFields) merged[field] = date.value(field, Json());
  if (members.size() > 1) {
    MergeAllies(members, &merged);
    MergeFatalities(members, &merged);
    MergeSources(members, &merged);
    merged["notes"] = MergedNote(merged, notes);
  } else {
    merged["reports"] = Json::array({members.front().profile->report->id});
  }
  merged["event_id"] = event_id;
  if (event_id.size() >= 15)
    merged["event_id_cnty"] = events::EventIdCnty(TextField(merged, "event_id_cnty").substr(0, 3), event_id);
  return merged.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace hadath::link

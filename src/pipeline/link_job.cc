#include "pipeline/link_job.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <xxhash.h>
#include <nlohmann/json.hpp>

namespace hadath::pipeline {
namespace {

using Json = nlohmann::json;

// Pending reports from which on the whole store is regrouped.
constexpr size_t kWholeStoreBatch = 1000;

// The reports of one pass, each described once: the members (what will be
// regrouped) and the candidates looked at on the way.
class Pool {
 public:
  explicit Pool(const link::Linker& linker) : linker_(linker) {}

  bool Contains(const std::string& id) const { return members_.contains(id); }
  // Adds the report to the members; returns false when it was there already.
  bool Add(const store::StoredReport& stored) {
    if (Contains(stored.id)) return false;
    Describe(stored);
    members_.insert(stored.id);
    return true;
  }
  const link::Profile& Describe(const store::StoredReport& stored) {
    std::unique_ptr<Entry>& entry = described_[stored.id];
    if (!entry) {
      entry = std::make_unique<Entry>();
      entry->report = ToLinkReport(stored);
      entry->profile = linker_.Describe(entry->report);
    }
    return entry->profile;
  }
  const link::Profile& ProfileOf(const std::string& id) const { return described_.at(id)->profile; }
  // The members' profiles in id order (their report pointers stay valid while the pool lives).
  std::vector<link::Profile> Profiles() const {
    std::vector<link::Profile> profiles;
    for (const std::string& id : members_) profiles.push_back(ProfileOf(id));
    return profiles;
  }

 private:
  struct Entry {
    link::Report report;
    link::Profile profile;
  };
  const link::Linker& linker_;
  std::map<std::string, std::unique_ptr<Entry>> described_;
  std::set<std::string> members_;
};

// Adds `seeds`, the other reports of their events, and every report linked to
// any of them, until nothing more is found.
Status Gather(const std::vector<store::StoredReport>& seeds, const link::Linker& linker, store::Store& store,
              Pool* pool) {
  std::deque<std::string> frontier;
  std::set<std::string> events_loaded;
  auto add = [&](const store::StoredReport& report) -> Status {
    if (!pool->Add(report)) return Status::Ok();
    frontier.push_back(report.id);
    if (report.event_id.empty() || !events_loaded.insert(report.event_id).second) return Status::Ok();
    auto mates = store.ReportsOfEvent(report.event_id);
    if (!mates) return mates.status();
    for (const store::StoredReport& mate : *mates)
      if (pool->Add(mate)) frontier.push_back(mate.id);
    return Status::Ok();
  };
  for (const store::StoredReport& seed : seeds)
    if (Status s = add(seed); !s) return s;
  while (!frontier.empty()) {
    const link::Profile& profile = pool->ProfileOf(frontier.front());
    frontier.pop_front();
    auto window = linker.CandidateWindow(profile);
    if (!window) continue;
    auto candidates = store.ReportsInWindow(window->admin1, window->date_from, window->date_to);
    if (!candidates) return candidates.status();
    for (const store::StoredReport& candidate : *candidates)
      if (!pool->Contains(candidate.id) && linker.Score(profile, pool->Describe(candidate)).linked())
        if (Status s = add(candidate); !s) return s;
  }
  return Status::Ok();
}

// --- ids ---------------------------------------------------------------------

std::string HashId(const std::vector<std::string>& member_ids) {
  std::string key;
  for (const std::string& id : member_ids) key += id + "\n";
  return fmt::format("ev-{:016x}", static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
}

struct Assignment {
  std::vector<std::string> ids;                // per cluster
  std::map<std::string, std::string> retired;  // old id -> successor ("" none)
};

// How many of a cluster's reports were in each old event: its members'
// current events, and the events of removed reports its members replace (an
// edited article's report of the same incident).
std::map<std::string, int> Votes(const link::Cluster& cluster, const std::vector<link::Profile>& profiles,
                                 const std::vector<link::Profile>& tombstones, const link::Linker& linker) {
  std::map<std::string, int> votes;
  for (size_t index : cluster.members) {
    const link::Report& member = *profiles[index].report;
    if (!member.event_id.empty()) ++votes[member.event_id];
    for (const link::Profile& removed : tombstones)
      if (removed.report->identity == member.identity && linker.Score(removed, profiles[index]).linked())
        ++votes[removed.report->event_id];
  }
  return votes;
}

Result<Assignment> AssignIds(const std::vector<link::Cluster>& clusters,
                             const std::vector<link::Profile>& profiles,
                             const std::vector<link::Profile>& tombstones,
                             const std::set<std::string>& old_ids, const link::Linker& linker,
                             store::Store& store) {
  struct Claim {
    int votes;
    size_t cluster;
    std::string id;
  };
  std::vector<Claim> claims;
  for (size_t c = 0; c < clusters.size(); ++c)
    for (const auto& [id, votes] : Votes(clusters[c], profiles, tombstones, linker))
      claims.push_back({votes, c, id});
  std::sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) {
    if (a.votes != b.votes) return a.votes > b.votes;
    if (a.cluster != b.cluster) return a.cluster < b.cluster;
    return a.id < b.id;
  });
  Assignment assignment{std::vector<std::string>(clusters.size()), {}};
  std::set<std::string> used;
  for (const Claim& claim : claims)
    if (assignment.ids[claim.cluster].empty() && !used.contains(claim.id)) {
      assignment.ids[claim.cluster] = claim.id;
      used.insert(claim.id);
    }
  for (size_t c = 0; c < clusters.size(); ++c) {
    if (!assignment.ids[c].empty()) continue;
    // A new incident is named after its first-published report, unless that
    // name is (or was) another event's.
    std::string id = profiles[clusters[c].members.front()].report->id;
    auto taken = store.EventIdTaken(id);
    if (!taken) return taken.status();
    if (*taken || used.contains(id)) {
      std::vector<std::string> members;
      for (size_t index : clusters[c].members) members.push_back(profiles[index].report->id);
      std::sort(members.begin(), members.end());
      id = HashId(members);
    }
    assignment.ids[c] = id;
    used.insert(id);
  }
  for (const std::string& old_id : old_ids) {
    if (used.contains(old_id)) continue;
    // Its reports went to the event holding most of them, if any is left.
    std::map<std::string, int> heirs;
    for (size_t c = 0; c < clusters.size(); ++c)
      for (size_t index : clusters[c].members)
        if (profiles[index].report->event_id == old_id) ++heirs[assignment.ids[c]];
    std::string successor;
    int most = 0;
    for (const auto& [heir, count] : heirs)
      if (count > most) successor = heir, most = count;
    assignment.retired[old_id] = successor;
  }
  return assignment;
}

// --- change log ----------------------------------------------------------------

// "report ev-… (doc key, outlet, published)", for the change log.
std::string ReportLabel(const link::Profile& profile) {
  std::string where = profile.doc_key;
  for (const std::string* part : {&profile.outlet, &profile.published})
    if (!part->empty()) where += ", " + *part;
  return "report " + profile.report->id + " (" + where + ")";
}

std::string Why(const link::PairScore& score) {
  std::string parts;
  for (const link::Part& part : score.parts)
    parts += fmt::format("{}{} {:+.2f}", parts.empty() ? "" : "; ", part.feature, part.points);
  return fmt::format("score {:.2f} >= {:.2f}: {}", score.score, score.threshold, parts);
}

Json JoinsJson(const link::Cluster& cluster, const std::vector<link::Profile>& profiles) {
  Json joins = Json::array();
  for (const link::Join& join : cluster.joins) {
    Json parts = Json::array();
    for (const link::Part& part : join.score.parts)
      parts.push_back({{"feature", part.feature},
                       {"points", std::round(part.points * 100) / 100},
                       {"detail", part.detail}});
    joins.push_back({{"report", profiles[join.member].report->id},
                     {"to", profiles[join.to].report->id},
                     {"score", std::round(join.score.score * 100) / 100},
                     {"threshold", join.score.threshold},
                     {"parts", parts}});
  }
  return joins;
}

// Fields whose change is worth a line in the log.
const char* const kLoggedFields[] = {"event_date", "event_type",     "sub_event_type",  "actor1_id",
                                     "actor2_id",  "location",       "admin1",          "geo_precision",
                                     "fatalities", "fatalities_low", "fatalities_high", "civilian_fatalities",
                                     "contested",  "background"};

std::string FieldChanges(const std::string& old_record, const std::string& new_record) {
  Json before = Json::parse(old_record, nullptr, false), after = Json::parse(new_record, nullptr, false);
  if (!before.is_object() || !after.is_object()) return "";
  std::string changes;
  for (const char* field : kLoggedFields) {
    Json a = before.value(field, Json()), b = after.value(field, Json());
    if (a != b)
      changes += fmt::format("{}{}: {} -> {}", changes.empty() ? "" : "; ", field, a.dump(), b.dump());
  }
  return changes;
}

struct OldEvent {
  std::string record;
  std::set<std::string> reports;
};

// Why a report left an event: its article was edited (a report of the new
// version took its place), it is no longer read, or it went elsewhere.
std::string RemovalReason(const std::string& report, const link::Cluster& cluster,
                          const std::vector<link::Profile>& profiles,
                          const std::vector<link::Profile>& tombstones) {
  auto removed = std::find_if(tombstones.begin(), tombstones.end(),
                              [&](const link::Profile& t) { return t.report->id == report; });
  if (removed == tombstones.end()) return "report " + report + " now belongs to another event";
  for (size_t index : cluster.members)
    if (profiles[index].report->identity == removed->report->identity)
      return "report " + report + " replaced by " + profiles[index].report->id + ": its article (" +
             removed->report->identity + ") was edited";
  return "report " + report + " is no longer read from its article (" + removed->report->identity + ")";
}

void LogCluster(const std::string& id, const link::Cluster& cluster,
                const std::vector<link::Profile>& profiles, const std::string& record,
                const std::map<std::string, OldEvent>& old_events,
                const std::vector<link::Profile>& tombstones, std::vector<store::EventChange>* changes) {
  auto old = old_events.find(id);
  std::set<std::string> members;
  for (size_t index : cluster.members) members.insert(profiles[index].report->id);
  auto join_of = [&](size_t index) -> const link::Join* {
    for (const link::Join& join : cluster.joins)
      if (join.member == index || join.to == index) return &join;
    return nullptr;
  };
  if (old == old_events.end()) {
    std::string reason = "reported by";
    for (size_t index : cluster.members) reason += " " + ReportLabel(profiles[index]);
    changes->push_back({id, "", "created", reason});
    return;
  }
  for (size_t index : cluster.members) {
    if (old->second.reports.contains(profiles[index].report->id)) continue;
    const link::Join* join = join_of(index);
    changes->push_back(
        {id, "", "source-added",
         ReportLabel(profiles[index]) + (join ? " linked: " + Why(join->score) : " (re-read article)")});
  }
  for (const std::string& report : old->second.reports)
    if (!members.contains(report))
      changes->push_back({id, "", "source-removed", RemovalReason(report, cluster, profiles, tombstones)});
  if (std::string fields = FieldChanges(old->second.record, record); !fields.empty())
    changes->push_back({id, "", "updated", fields});
}

// The events the pass regroups, as they were: record and reports (the pool
// holds every report of them, and the tombstones the removed ones).
Result<std::map<std::string, OldEvent>> OldEvents(const std::set<std::string>& ids,
                                                  const std::vector<link::Profile>& profiles,
                                                  const std::vector<link::Profile>& tombstones,
                                                  store::Store& store) {
  std::map<std::string, OldEvent> events;
  constexpr size_t kListAllFrom = 200;  // one listing costs less than this many look-ups
  if (ids.size() >= kListAllFrom) {
    auto listed = store.ListEvents({.include_background = true});
    if (!listed) return listed.status();
    for (store::EventRecord& event : *listed)
      if (ids.contains(event.id)) events[event.id].record = std::move(event.record);
  } else {
    for (const std::string& id : ids)
      if (auto found = store.FindEvent(id); found && found->event.id == id)
        events[id].record = found->event.record;
  }
  for (const std::vector<link::Profile>* reports : {&profiles, &tombstones})
    for (const link::Profile& report : *reports)
      if (auto event = events.find(report.report->event_id); event != events.end())
        event->second.reports.insert(report.report->id);
  return events;
}

Result<LinkSummary> LinkPass(const LinkJobOptions& options, const link::Linker& linker, store::Store& store) {
  auto started = std::chrono::steady_clock::now();
  LinkSummary summary;
  auto pending = options.all ? store.AllReports() : store.PendingReports();
  if (!pending) return pending.status();
  auto removed = store.Tombstones();
  if (!removed) return removed.status();
  summary.pending = static_cast<int64_t>(pending->size());
  if (pending->empty() && removed->empty()) return summary;

  Pool pool(linker);
  // A big batch regroups the whole store: one read of every report costs
  // less than a window query per report, and the groups come out the same.
  if (options.all || pending->size() >= kWholeStoreBatch) {
    auto all = options.all ? std::move(pending) : store.AllReports();
    if (!all) return all.status();
    for (const store::StoredReport& report : *all) pool.Add(report);
    pending = Result<std::vector<store::StoredReport>>(std::vector<store::StoredReport>());
  }
  std::vector<store::StoredReport> seeds = std::move(*pending);
  for (const store::StoredReport& tombstone : *removed) {
    auto mates = store.ReportsOfEvent(tombstone.event_id);
    if (!mates) return mates.status();
    seeds.insert(seeds.end(), mates->begin(), mates->end());
  }
  if (Status s = Gather(seeds, linker, store, &pool); !s) return s;

  std::vector<link::Profile> profiles = pool.Profiles();
  std::vector<link::Report> tombstone_reports;
  for (const store::StoredReport& tombstone : *removed) tombstone_reports.push_back(ToLinkReport(tombstone));
  std::vector<link::Profile> tombstones;
  for (const link::Report& report : tombstone_reports) tombstones.push_back(linker.Describe(report));

  std::set<std::string> old_ids;
  for (const link::Profile& profile : profiles)
    if (!profile.report->event_id.empty()) old_ids.insert(profile.report->event_id);
  for (const link::Profile& tombstone : tombstones) old_ids.insert(tombstone.report->event_id);
  auto old_events = OldEvents(old_ids, profiles, tombstones, store);
  if (!old_events) return old_events.status();

  std::vector<link::Cluster> clusters = linker.Group(profiles);
  auto assignment = AssignIds(clusters, profiles, tombstones, old_ids, linker, store);
  if (!assignment) return assignment.status();

  store::LinkUpdate update;
  for (size_t c = 0; c < clusters.size(); ++c) {
    const std::string& id = assignment->ids[c];
    store::LinkUpdate::Write write;
    write.event.id = id;
    write.event.record = link::MergeRecords(clusters[c], profiles, id, options.notes);
    write.event.joins = JoinsJson(clusters[c], profiles).dump();
    for (size_t index : clusters[c].members) write.report_ids.push_back(profiles[index].report->id);
    write.event.background = std::all_of(clusters[c].members.begin(), clusters[c].members.end(),
                                         [&](size_t index) { return profiles[index].background; });
    LogCluster(id, clusters[c], profiles, write.event.record, *old_events, tombstones, &update.changes);
    ++(old_events->contains(id) ? summary.updated : summary.created);
    summary.multi_report += clusters[c].members.size() > 1;
    update.events.push_back(std::move(write));
  }
  for (const auto& [old_id, successor] : assignment->retired) {
    update.retired.emplace_back(old_id, successor);
    if (!old_events->contains(old_id)) continue;
    update.changes.push_back(
        successor.empty() ? store::EventChange{old_id, "", "deleted", "no report of it is left"}
                          : store::EventChange{old_id, "", "merged", "its reports are now in " + successor});
    ++summary.retired;
  }
  summary.considered = static_cast<int64_t>(profiles.size());
  summary.groups = static_cast<int64_t>(clusters.size());
  if (Status s = store.ApplyLinks(update); !s) return s;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace

link::Report ToLinkReport(const store::StoredReport& stored) {
  return {stored.id, stored.doc_id, stored.identity, stored.record, stored.text, stored.event_id};
}

Result<LinkSummary> RunLinkJob(const LinkJobOptions& options, const link::Linker& linker,
                               store::Store& store) {
  if (Status began = store.BeginBatch(); !began) return began;
  if (Status locked = store.LockLinking(); !locked) {
    store.RollbackBatch();
    return locked;
  }
  auto summary = LinkPass(options, linker, store);
  if (!summary) {
    store.RollbackBatch();
    return summary;
  }
  if (Status committed = store.CommitBatch(); !committed) {
    store.RollbackBatch();
    return committed;
  }
  return summary;
}

}  // namespace hadath::pipeline

// hadath/link.h — one incident, many reports: linking the events read from
// different articles (the link stage).
//
// The events stage reads each article on its own; what it finds there is a
// *report* of an incident. The link stage decides which reports, from
// different articles, are one incident, and gives each incident one event
// record listing all its sources.
//
//   auto linker = hadath::link::Linker::Load();
//   std::vector<hadath::link::Profile> profiles;
//   for (const Report& report : reports) profiles.push_back(linker->Describe(report));
//   for (const Cluster& cluster : linker->Group(profiles)) ...
//
// How two reports are compared (data/link/README.md has the weights):
//   - Vetoes: two reports are never one incident when they come from the same
//     article (the events stage already split them), are not dated or dated
//     only to a month, lie in different governorates, have date ranges that do
//     not overlap (a day counted from the publication date, "yesterday" or
//     "on Monday", is known to a day either way), name two different specific
//     places (villages, towns, named neighbourhoods), or have types of
//     different kinds (violence, demonstrations, strategic developments).
//   - Otherwise points add up: same sub-event type, shared actors, same
//     place, same day, similar fatality counts, rare words both reports use
//     (a victim's name, a street), and the similarity of their sentences.
//     Reports whose score reaches the threshold are linked, if something
//     only one incident has agrees: the same day, the same death toll, a
//     rare shared word, or close wording.
//   - Linked pairs are joined strongest first; two groups are joined only when
//     no pair across them has a veto, so a group never holds two precise,
//     different places or days.
// Every score keeps its parts, so a merge (or a refusal) can be explained.
//
// Thread safety: a loaded Linker is immutable.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hadath/events.h"
#include "hadath/status.h"

namespace hadath::link {

// A report as stored: one event the events stage read from one article.
struct Report {
  std::string id;        // the per-article event id
  std::string doc_id;    // the stored document it was read from
  std::string identity;  // the document's url or key: a later text under it is an edit
  std::string record;    // its FORMAT.md JSON record (one document)
  std::string text;      // its evidence sentences, for the shared-word features
  std::string event_id;  // the linked event it belongs to now; "" if none yet
};

// What the scorer reads of a report.
struct Profile {
  const Report* report = nullptr;
  std::string published;                         // of its article; "" unknown
  std::string doc_key, outlet;                   // of its article, as the record gives them
  std::string event_type, sub_event_type, kind;  // kind: data/link/type-kinds.tsv
  // Date range as days since 1970-01-01; unset when undated.
  std::optional<int64_t> day_start, day_end;
  std::string event_date, date_basis;
  int time_precision = 0;
  std::vector<std::string> actors;  // named armed actors on either side, sorted
  std::string admin1, admin2, gazetteer_id, place_name;
  bool specific_place = false;  // a village, town or named neighbourhood (precision 1, or a gap)
  bool gap = false;
  int geo_precision = 0;
  std::optional<double> latitude, longitude;
  int fatalities = 0;
  bool civilian_victims = false, combatant_victims = false;
  bool background = false;
  double confidence = 0;
  // Content words of its evidence, as sorted hashes, with their weights.
  std::vector<uint32_t> words;
  std::vector<float> word_weights;
  std::vector<std::pair<uint32_t, std::string>> rare_words;  // (hash, form), sorted by hash
};

// One reason for or against linking two reports.
struct Part {
  std::string feature;  // "same sub-event type", "shared actors", ...
  double points = 0;
  std::string detail;
  bool incident_specific = false;  // agreement only one incident has (it corroborates the link)
};

struct PairScore {
  std::string veto;  // why the two can never be one incident; "" when they may be
  double score = 0;
  double threshold = 0;
  std::vector<Part> parts;
  // Place, type and actors describe a campaign as well as an incident: a link
  // also needs one thing only this incident has (the same day, the same
  // death toll, a rare word such as a victim's name, or close wording).
  // Empty when the pair has one; else why not.
  std::string uncorroborated;
  double cosine = 0;  // of the evidence words
  bool linked() const { return veto.empty() && uncorroborated.empty() && score >= threshold; }
};

// The pair that brought a report into its group.
struct Join {
  size_t member = 0, to = 0;  // indices into the profiles given to Group()
  PairScore score;
};

// Reports found to be one incident.
struct Cluster {
  std::vector<size_t> members;  // indices into the profiles; first is the canonical one
  std::vector<Join> joins;      // members.size() - 1 joins, in the order they were made
};

// The window of dates and the governorate where a report's link candidates lie.
struct Window {
  std::string admin1;
  std::string date_from, date_to;  // ISO days; candidates' date_start lies in [from, to]
};

class Linker {
 public:
  // Loads data/link (weights, type kinds, word frequencies) and the text
  // normaliser from `data_dir`.
  static Result<Linker> Load(const std::string& data_dir = DataDir());

  Profile Describe(const Report& report) const;
  PairScore Score(const Profile& a, const Profile& b) const;
  // Why `a` and `b` can never be one incident, or "": Score()'s veto alone,
  // without the points.
  std::string VetoOf(const Profile& a, const Profile& b) const;
  // Where to look for reports that may be linked to `profile`; none when it
  // can link to nothing (undated, no governorate, dated only to a month).
  std::optional<Window> CandidateWindow(const Profile& profile) const;
  // Groups the profiles into incidents. The result depends only on the set of
  // profiles, not on their order. Every profile is in exactly one cluster.
  std::vector<Cluster> Group(const std::vector<Profile>& profiles) const;

  struct Tables;  // defined in src/link/tables.h

 private:
  explicit Linker(std::shared_ptr<const Tables> tables) : tables_(std::move(tables)) {}
  std::shared_ptr<const Tables> tables_;
};

// Canonical order of reports in a cluster: the earliest published first
// (undated last), then by id. The canonical report names a new event.
bool CanonicalBefore(const Profile& a, const Profile& b);

// Writes an English note from its facts (EventExtractor::Note).
using NoteWriter = std::function<std::string(const events::NoteFacts&)>;

// The event record of a cluster, named `event_id`: one JSON object in
// FORMAT.md's fields whose `documents` lists every report's article and
// evidence. Fields are reconciled (data/link/README.md, "One record"):
//   - place: the most precise report's; date: the most precise report's
//     (a written-out date before a counted one, before a statement's day);
//   - type and principal actors: the type most reports give, from its most
//     confident report; the allies of every report, each on its side;
//   - fatalities: ACLED's conservative count, the lowest figure any report
//     gives (reports without deaths do not count), with low/high across them;
//     contested when any report is, or when one says the dead were civilians
//     and another that they were fighters;
//   - confidence: the chance that not every report is wrong (1 - Π(1 - c)).
std::string MergeRecords(const Cluster& cluster, const std::vector<Profile>& profiles,
                         const std::string& event_id, const NoteWriter& notes);

}  // namespace hadath::link

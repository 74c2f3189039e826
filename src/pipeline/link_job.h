// The link stage's job: group the stored reports of one incident into one
// event, keep event ids stable, and log every change.
//
//   store (reports, tombstones) -> link (profiles, pairs, groups) -> store (events, changes)
//
// A pass starts from the reports that are new or changed since the last pass
// and the events that lost a report, and follows links (data/link) through
// the reports stored near them in place and time until no more are found.
// Those reports are grouped from scratch, so the groups depend only on what
// is stored, never on the order articles arrived in. Ids: a group keeps the
// id of the old event most of its reports were in (an edited article's new
// report counts for the event its old report was in); a new group takes the
// id of its first-published report. Retired ids lead to the event that took
// their reports.
#pragma once

#include <cstdint>
#include <string>

#include "hadath/link.h"
#include "hadath/store.h"

namespace hadath::pipeline {

struct LinkJobOptions {
  bool all = false;  // regroup every stored report, not only what changed
  link::NoteWriter notes;
};

struct LinkSummary {
  int64_t pending = 0;       // reports new or changed since the last pass
  int64_t considered = 0;    // reports regrouped
  int64_t groups = 0;        // events the regrouped reports form
  int64_t multi_report = 0;  // of them, events with more than one report
  int64_t created = 0, updated = 0, retired = 0;
  double seconds = 0;
};

// The link stage's view of a stored report.
link::Report ToLinkReport(const store::StoredReport& stored);

// One transaction; fails only when the store fails.
Result<LinkSummary> RunLinkJob(const LinkJobOptions& options, const link::Linker& linker,
                               store::Store& store);

}  // namespace hadath::pipeline

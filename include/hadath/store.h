// hadath/store.h — where documents (and later events) live.
//
// The default store is an embedded SQLite file in WAL mode with a versioned
// schema (see src/store/schema.sql.h). Writes happen in batches: each batch is
// one transaction, so a crash or a bad document never leaves half a batch, and
// what earlier batches stored is never touched.
//
//   auto store = hadath::store::Store::Open("hadath.db");
//   if (!store) { report(store.error()); return; }
//   (*store)->BeginBatch();
//   auto outcome = (*store)->PutDocument(document);   // kAdded / kDuplicate / ...
//   (*store)->CommitBatch();
//
// Identity of documents:
//   - `Document::id` is a hash of the article's decoded text. The same text
//     is stored once, however often and under whatever name it is ingested.
//   - The *identity key* is the article's URL when known, else its external
//     key (file stem, JSON Lines id). Ingesting different text under a known
//     identity key is an edit: the new version is stored and the old one is
//     marked superseded (kept, never deleted).
//
// Thread safety: a Store is used from one thread at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/document.h"
#include "hadath/status.h"

namespace hadath::store {

enum class PutOutcome { kAdded, kDuplicate, kUpdated };
const char* OutcomeName(PutOutcome outcome);

// One line of `hadath stats`.
struct Stats {
  int schema_version = 0;
  int64_t documents = 0;   // current versions
  int64_t superseded = 0;  // older versions of edited articles
  int64_t keys = 0;        // external keys pointing at documents
  int64_t sentences = 0;
  int64_t raw_bytes = 0;
  int64_t events = 0;   // linked events
  int64_t reports = 0;  // per-article reports behind them
  std::string earliest_published, latest_published;
  int64_t undated = 0;
  std::vector<std::pair<std::string, int64_t>> by_outlet;  // most first
  std::vector<std::pair<std::string, int64_t>> by_format;
  std::vector<std::pair<std::string, int64_t>> by_encoding;
  std::vector<std::pair<std::string, int64_t>> dropped_by_reason;
  int64_t ingest_runs = 0;
  int64_t ingest_errors = 0;
};

// A short description of a stored document, for listings and look-ups.
struct DocumentSummary {
  std::string id;
  std::string key;
  std::string path;
  std::string outlet;
  std::string title;
  std::string published;
  int64_t sentences = 0;
  std::optional<std::string> superseded_by;
};

// Counts of one ingest run, recorded in the store.
struct RunRecord {
  std::string started_at;  // ISO 8601 UTC
  std::string finished_at;
  std::string inputs;  // the paths given, space-joined
  int64_t added = 0, duplicates = 0, updated = 0, failed = 0;
  std::vector<std::pair<std::string, std::string>> errors;  // (where, reason)
};

// Events and reports. The events stage reads *reports* from one article
// each (ReplaceDocumentReports); the link stage groups the reports of one
// incident into an *event* (ApplyLinks). An event's record is its FORMAT.md
// JSON object listing every report's article and evidence.

// An event as stored: its FORMAT.md JSON record (one JSON object, the line
// `hadath export --format jsonl` writes) plus the columns indexes need.
struct EventRecord {
  std::string id;      // stable event id, also the record's "event_id"
  std::string record;  // JSON object text
  bool background = false;
  std::string created_at, updated_at;  // ISO 8601 UTC
  std::string joins;                   // JSON: why its reports were linked (see hadath/link.h)
};

// One evidence span of a report: bytes of a stored document's raw text.
struct EvidenceRecord {
  std::string doc_id;
  int64_t raw_start = 0, raw_end = 0;
  std::string text;
  std::string role;  // what it supports: "event", "actor1", "place", "date", "fatalities", ...
};

// A report as the events stage gives it to the store.
struct NewReport {
  std::string id;      // stable: a hash of the document id and the report's first clause
  std::string record;  // its FORMAT.md JSON record, one document
  bool background = false;
  std::vector<EvidenceRecord> evidence;
};

// A report as stored, with what the link stage reads of it.
struct StoredReport {
  std::string id, doc_id;
  std::string identity;  // the document's url or key: a later text under it is an edit
  std::string record;
  std::string text;      // its "event" evidence spans, joined by newlines
  std::string event_id;  // the event it is linked to; "" when not yet linked
};

// An event with its reports' evidence.
struct FoundEvent {
  EventRecord event;
  std::vector<std::string> report_ids;
  std::vector<EvidenceRecord> evidence;
};

// One entry of the change log.
struct EventChange {
  std::string event_id;
  std::string changed_at;  // ISO 8601 UTC; set by the store when written
  std::string change;      // created, source-added, source-removed, updated, merged, deleted
  std::string reason;
};

// What one linking pass writes, in one transaction.
struct LinkUpdate {
  struct Write {
    EventRecord event;  // created_at/updated_at are the store's
    std::vector<std::string> report_ids;
  };
  std::vector<Write> events;  // inserted, or updated when their record changed
  // Events that are no more: (id, the event that took its reports, or "").
  std::vector<std::pair<std::string, std::string>> retired;
  std::vector<EventChange> changes;
  bool clear_tombstones = true;  // the removed reports were all taken into account
};

// Which stored events to list.
struct EventQuery {
  bool include_background = false;
  std::string changed_since;  // ISO 8601 UTC; "" for all
  std::string doc_id;         // only events citing this document; "" for all
};

// A gazetteer place as the store keeps it (for map and spatial queries
// next to the events; PostgreSQL adds a PostGIS point).
struct PlaceRow {
  std::string id;  // the gazetteer's source id, e.g. geonames:173927
  std::string name_en, name_ar, kind, country, admin1, admin2;
  std::optional<double> latitude, longitude;
};

// Which events to list, for the API (every filter is optional).
struct EventFilter {
  std::string date_from, date_to;  // ISO days; event_date within, inclusive
  std::string admin1, admin2;      // English names, as in the records
  std::string place_id;            // gazetteer_id
  std::string actor_id;            // on either side, principal or associated
  std::string event_type, sub_event_type;
  std::optional<int64_t> min_fatalities;
  bool civilian_only = false;                      // civilian fatalities or civilian targeting
  std::optional<double> west, south, east, north;  // a bounding box (all four, or none)
  std::string text;                                // words of the notes or the evidence
  bool include_background = false;
  std::string changed_since;  // ISO 8601 UTC
};

enum class EventOrder { kDate, kDateDescending, kFatalitiesDescending };

struct EventPage {
  std::vector<EventRecord> events;
  std::string next_cursor;  // "" on the last page
};

// Counts and fatalities of the filtered events, by one key.
struct EventTally {
  std::string key;
  int64_t events = 0, fatalities = 0;
};
struct EventTallies {
  std::vector<EventTally> by_month, by_type, by_admin1, by_actor;
  int64_t events = 0, fatalities = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens (creating and migrating as needed) the store at `location`: a file
  // path for SQLite.
  static Result<std::unique_ptr<Store>> Open(const std::string& location);

  virtual int SchemaVersion() const = 0;

  virtual Status BeginBatch() = 0;
  virtual Status CommitBatch() = 0;
  virtual void RollbackBatch() = 0;

  // Stores `document` (inside a batch). Fails only on store errors.
  virtual Result<PutOutcome> PutDocument(const Document& document) = 0;

  // Finds a document by id, id prefix (at least 4 characters, unique),
  // external key, or URL. The current version is preferred.
  virtual Result<DocumentSummary> FindDocument(std::string_view reference) = 0;
  // Loads everything stored of a document.
  virtual Result<Document> LoadDocument(std::string_view id) = 0;
  // Summaries of current documents, in ingest order.
  virtual Result<std::vector<DocumentSummary>> ListDocuments(int64_t limit, int64_t offset) = 0;

  // Replaces every report read from `doc_id` by `reports` (inside a batch):
  // reading a document again is idempotent. A report whose record is
  // unchanged keeps its event; a new or changed one waits for linking; one
  // no longer read leaves a tombstone so its event is linked again.
  virtual Status ReplaceDocumentReports(const std::string& doc_id, const std::vector<NewReport>& reports) = 0;

  // --- for the link stage ---
  // Reports not yet linked, or changed since.
  virtual Result<std::vector<StoredReport>> PendingReports() = 0;
  // Every stored report.
  virtual Result<std::vector<StoredReport>> AllReports() = 0;
  // Reports in `admin1` whose date_start lies in [date_from, date_to] (ISO days).
  virtual Result<std::vector<StoredReport>> ReportsInWindow(const std::string& admin1,
                                                            const std::string& date_from,
                                                            const std::string& date_to) = 0;
  virtual Result<std::vector<StoredReport>> ReportsOfEvent(const std::string& event_id) = 0;
  // Reports removed since the last linking pass, with the event they were in.
  virtual Result<std::vector<StoredReport>> Tombstones() = 0;
  // Makes this batch the only linking pass running on the store until it
  // ends (other processes' passes wait). Call first in the batch.
  virtual Status LockLinking() = 0;
  // Writes a linking pass (inside a batch).
  virtual Status ApplyLinks(const LinkUpdate& update) = 0;
  // Whether `id` names an event now, or named one once (retired ids are not reused).
  virtual Result<bool> EventIdTaken(const std::string& id) = 0;

  // Stored events in id order.
  virtual Result<std::vector<EventRecord>> ListEvents(const EventQuery& query) = 0;
  // An event by id or unique id prefix, with its evidence; also found by the
  // id of one of its reports, or by an id it had before it was merged.
  virtual Result<FoundEvent> FindEvent(std::string_view reference) = 0;
  // A page of the events `filter` selects, in `order`, after `cursor` (the
  // next_cursor of the page before; "" for the first).
  virtual Result<EventPage> QueryEvents(const EventFilter& filter, EventOrder order, int64_t limit,
                                        const std::string& cursor) = 0;
  virtual Result<EventTallies> TallyEvents(const EventFilter& filter) = 0;
  // Queries that run longer fail with "query took too long" (0: no limit).
  virtual void SetQueryTimeLimit(int milliseconds) = 0;

  // Replaces the stored places by `places` (inside a batch).
  virtual Status ReplacePlaces(const std::vector<PlaceRow>& places) = 0;
  // Places inside a bounding box, by id, at most `limit`.
  virtual Result<std::vector<PlaceRow>> PlacesInBox(double west, double south, double east, double north,
                                                    int64_t limit) = 0;

  // A report by id or unique id prefix.
  virtual Result<StoredReport> FindReport(std::string_view reference) = 0;
  // The change log: of one event (event_id not empty), or since a time.
  virtual Result<std::vector<EventChange>> ListChanges(const std::string& event_id,
                                                       const std::string& since) = 0;

  virtual Status RecordRun(const RunRecord& run) = 0;
  virtual Result<Stats> GetStats() = 0;
};

}  // namespace hadath::store

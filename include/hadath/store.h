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
  int64_t events = 0;
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

// An event as stored: its FORMAT.md JSON record (one JSON object, the line
// `hadath export --format jsonl` writes) plus the columns indexes need.
struct EventRecord {
  std::string id;      // stable event id, also the record's "event_id"
  std::string record;  // JSON object text
  bool background = false;
  std::string created_at, updated_at;  // ISO 8601 UTC
};

// One evidence span of an event: bytes of a stored document's raw text.
struct EvidenceRecord {
  std::string doc_id;
  int64_t raw_start = 0, raw_end = 0;
  std::string text;
  std::string role;  // what it supports: "event", "actor1", "place", "date", "fatalities", ...
};

struct NewEvent {
  EventRecord event;
  std::vector<std::string> doc_ids;  // documents citing it
  std::vector<EvidenceRecord> evidence;
};

// Which stored events to list.
struct EventQuery {
  bool include_background = false;
  std::string changed_since;  // ISO 8601 UTC; "" for all
  std::string doc_id;         // only events citing this document; "" for all
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

  // Replaces every event extracted from `doc_id` by `events` (inside a
  // batch): extraction of a document is idempotent. An event keeps its
  // created_at when its id was already stored; changes are logged.
  virtual Status ReplaceDocumentEvents(const std::string& doc_id, const std::vector<NewEvent>& events) = 0;
  // Stored events in id order.
  virtual Result<std::vector<EventRecord>> ListEvents(const EventQuery& query) = 0;
  // An event by id or unique id prefix, with its evidence.
  virtual Result<NewEvent> FindEvent(std::string_view reference) = 0;

  virtual Status RecordRun(const RunRecord& run) = 0;
  virtual Result<Stats> GetStats() = 0;
};

}  // namespace hadath::store

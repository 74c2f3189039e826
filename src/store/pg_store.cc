// PostgreSQL implementation of hadath::store::Store: the SQLite store's
// behaviour (src/store/sqlite_store.cc) in PostgreSQL's SQL, made safe for
// several processes writing one database at once.
//
// How it differs inside:
//   - The schema version is the one row of `hadath_schema`; migrations run
//     one transaction each, under an advisory lock, so two processes opening
//     a new database do not both migrate.
//   - Batches are READ COMMITTED transactions. Advisory transaction locks keep
//     concurrent writers apart where SQLite's single writer did: PutDocument
//     locks the document's identity (so edits are seen in order), reading a
//     document's reports again locks the document, and a linking pass
//     (LockLinking) excludes every batch that replaces reports, as BEGIN
//     IMMEDIATE does in SQLite.
//   - Text orders use COLLATE "C" (bytewise, as SQLite) and NULLS FIRST
//     where SQLite puts NULLs first, so listings come in SQLite's orders
//     whatever the database's collation.
//   - Documents have no rowid: their ingest order is `ingested_at`, written
//     to the microsecond.
#include <cstdio>
#include <ctime>
#include <optional>
#include <set>

#include "common/clock.h"
#include "hadath/store.h"
#include "store/event_query.h"
#include "store/pg_db.h"
#include "store/schema.h"
#include "store/stores.h"
#include "store/tallies.h"

namespace hadath::store {
namespace {

using pg::Connection;
using pg::Params;
using pg::Rows;

const char* KindName(BlockKind kind) { return kind == BlockKind::kHeadline ? "headline" : "body"; }
BlockKind KindFromName(std::string_view name) {
  return name == "headline" ? BlockKind::kHeadline : BlockKind::kBody;
}

std::string IdentityOf(const Document& document) {
  return document.article.metadata.url.empty() ? document.article.key : document.article.metadata.url;
}

// Seconds since the epoch of an ISO 8601 UTC time as UtcNowIso writes it.
int64_t EpochOf(const std::string& iso) {
  std::tm utc{};
  if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour,
                  &utc.tm_min, &utc.tm_sec) != 6)
    return 0;
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  return static_cast<int64_t>(timegm(&utc));
}

// The index after the JSON string that starts at json[at] ('"'), or npos.
size_t SkipString(std::string_view json, size_t at) {
  for (size_t i = at + 1; i < json.size(); ++i) {
    if (json[i] == '\\')
      ++i;
    else if (json[i] == '"')
      return i + 1;
  }
  return std::string_view::npos;
}

// `record` (a JSON object) with its top-level "timestamp" set to `epoch`, as
// SQLite's json_set(record, '$.timestamp', epoch) writes it: whitespace
// outside strings dropped, the member's value replaced where it stands, or
// the member appended. nullopt when `record` is not a JSON object.
std::optional<std::string> WithTimestamp(std::string_view record, int64_t epoch) {
  std::string json;
  json.reserve(record.size() + 24);
  for (size_t i = 0; i < record.size(); ++i) {
    char c = record[i];
    if (c == '"') {
      size_t end = SkipString(record, i);
      if (end == std::string_view::npos) return std::nullopt;
      json.append(record.substr(i, end - i));
      i = end - 1;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      json += c;
    }
  }
  if (json.size() < 2 || json.front() != '{' || json.back() != '}') return std::nullopt;
  const size_t end = json.size() - 1;
  std::optional<std::pair<size_t, size_t>> found;  // the value of "timestamp"
  for (size_t i = 1; i < end;) {
    if (json[i] != '"') return std::nullopt;
    size_t key_end = SkipString(json, i);
    if (key_end == std::string::npos || key_end >= end || json[key_end] != ':') return std::nullopt;
    std::string_view key(json.data() + i + 1, key_end - i - 2);
    size_t value = key_end + 1, j = value;
    int depth = 0;
    while (j < end && !(depth == 0 && json[j] == ',')) {
      char c = json[j];
      if (c == '"') {
        j = SkipString(json, j);
        if (j == std::string::npos) return std::nullopt;
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') --depth;
      ++j;
    }
    if (depth != 0 || j == value) return std::nullopt;
    if (key == "timestamp" && !found) found = {{value, j}};
    i = j < end ? j + 1 : j;
  }
  std::string stamp = std::to_string(epoch);
  if (found) return json.replace(found->first, found->second - found->first, stamp);
  return json.insert(end, std::string(end > 1 ? "," : "") + "\"timestamp\":" + stamp);
}

// --- the API's event queries, in PostgreSQL's SQL (see event_query.h) ---------

struct PgWhere {
  std::string sql;  // "" or "WHERE ..."
  Params values;

  void Add(std::string_view clause) {
    sql += sql.empty() ? "WHERE " : " AND ";
    sql += clause;
  }
  // The placeholder of a new text parameter.
  std::string Text(const std::string& value) {
    values.Text(value);
    return "$" + std::to_string(values.size());
  }
};

// Reads a top-level member of the record as text.
std::string Member(std::string_view key) { return "(record::jsonb ->> '" + std::string(key) + "')"; }

PgWhere PgFilterClause(const EventFilter& filter) {
  PgWhere where;
  if (!filter.include_background) where.Add("background = 0");
  // As the SQLite store: on the expression its order indexes hold.
  if (!filter.date_from.empty())
    where.Add("COALESCE(event_date, '9999') COLLATE \"C\" >= " + where.Text(filter.date_from) +
              " AND COALESCE(event_date, '9999') COLLATE \"C\" < '9999'");
  if (!filter.date_to.empty())
    where.Add("COALESCE(event_date, '9999') COLLATE \"C\" <= " + where.Text(filter.date_to));
  if (!filter.admin1.empty()) where.Add("admin1 = " + where.Text(filter.admin1));
  if (!filter.admin2.empty()) where.Add(Member("admin2") + " = " + where.Text(filter.admin2));
  if (!filter.place_id.empty()) where.Add(Member("gazetteer_id") + " = " + where.Text(filter.place_id));
  if (!filter.actor_id.empty()) {
    // `@>` of an array and a string: the array holds the string (as
    // json_each, also true of the string itself).
    std::string actor = where.Text(filter.actor_id);
    where.Add("(" + Member("actor1_id") + " = " + actor + " OR " + Member("actor2_id") + " = " + actor +
              " OR (record::jsonb -> 'assoc_actor_1_ids') @> to_jsonb(" + actor +
              "::text) OR (record::jsonb -> 'assoc_actor_2_ids') @> to_jsonb(" + actor + "::text))");
  }
  if (!filter.event_type.empty()) where.Add("event_type = " + where.Text(filter.event_type));
  if (!filter.sub_event_type.empty()) where.Add("sub_event_type = " + where.Text(filter.sub_event_type));
  if (filter.min_fatalities) {
    where.values.Int(*filter.min_fatalities);
    where.Add("COALESCE(fatalities, 0) >= $" + std::to_string(where.values.size()));
  }
  // jsonb orders null < numbers < strings < booleans, as SQLite compares
  // COALESCE(json_extract(...), 0) > 0 (text and true count, null does not).
  if (filter.civilian_only)
    where.Add("((record::jsonb -> 'civilian_fatalities') > '0'::jsonb OR " + Member("civilian_targeting") +
              " = 'Civilian targeting')");
  if (filter.west && filter.south && filter.east && filter.north) {
    std::string at[4];
    int i = 0;
    for (double value : {*filter.west, *filter.south, *filter.east, *filter.north}) {
      where.values.Real(value);
      at[i++] = "$" + std::to_string(where.values.size());
    }
    // The GiST index finds the candidates; the bounds are then exact (and
    // inclusive), as in SQLite.
    where.Add("geom && ST_MakeEnvelope(" + at[0] + ", " + at[1] + ", " + at[2] + ", " + at[3] +
              ", 4326) AND latitude BETWEEN " + at[1] + " AND " + at[3] + " AND longitude BETWEEN " + at[0] +
              " AND " + at[2]);
  }
  // The record holds the notes and every evidence text.
  if (!filter.text.empty()) where.Add("strpos(lower(record), lower(" + where.Text(filter.text) + ")) > 0");
  if (!filter.changed_since.empty()) where.Add("updated_at >= " + where.Text(filter.changed_since));
  return where;
}

OrderSql PgOrderOf(EventOrder order) {
  switch (order) {
    case EventOrder::kDate: return {"COALESCE(event_date, '9999') COLLATE \"C\"", "ASC", ">"};
    case EventOrder::kDateDescending: return {"COALESCE(event_date, '') COLLATE \"C\"", "DESC", "<"};
    case EventOrder::kFatalitiesDescending:
      return {"lpad(COALESCE(fatalities, 0)::text, 10, '0') COLLATE \"C\"", "DESC", "<"};
  }
  return {"id COLLATE \"C\"", "ASC", ">"};
}

// --- the store ---------------------------------------------------------------

class PgStore final : public Store {
 public:
  explicit PgStore(Connection connection) : db_(std::move(connection)) {}

  Status Initialise() { return Migrate(); }

  int SchemaVersion() const override { return version_; }

  Status BeginBatch() override {
    if (db_.InTransaction()) return Status::Error("PostgreSQL: a batch is already open");
    return db_.Execute("BEGIN");
  }
  Status CommitBatch() override { return Commit(); }
  void RollbackBatch() override {
    if (db_.InTransaction()) (void)db_.Execute("ROLLBACK");
  }

  Result<PutOutcome> PutDocument(const Document& document) override;
  Result<DocumentSummary> FindDocument(std::string_view reference) override;
  Result<Document> LoadDocument(std::string_view id) override;
  Result<std::vector<DocumentSummary>> ListDocuments(int64_t limit, int64_t offset) override;
  Status ReplaceDocumentReports(const std::string& doc_id, const std::vector<NewReport>& reports) override;
  Result<std::vector<StoredReport>> PendingReports() override;
  Result<std::vector<StoredReport>> AllReports() override;
  Result<std::vector<StoredReport>> ReportsInWindow(const std::string& admin1, const std::string& date_from,
                                                    const std::string& date_to) override;
  Result<std::vector<StoredReport>> ReportsOfEvent(const std::string& event_id) override;
  Result<std::vector<StoredReport>> Tombstones() override;
  Status ApplyLinks(const LinkUpdate& update) override;
  Status LockLinking() override;
  Result<bool> EventIdTaken(const std::string& id) override;
  Result<std::vector<EventRecord>> ListEvents(const EventQuery& query) override;
  Result<FoundEvent> FindEvent(std::string_view reference) override;
  Result<StoredReport> FindReport(std::string_view reference) override;
  Result<EventPage> QueryEvents(const EventFilter& filter, EventOrder order, int64_t limit,
                                const std::string& cursor) override;
  Result<EventTallies> TallyEvents(const EventFilter& filter) override;
  void SetQueryTimeLimit(int milliseconds) override;
  Status ReplacePlaces(const std::vector<PlaceRow>& places) override;
  Result<std::vector<PlaceRow>> PlacesInBox(double west, double south, double east, double north,
                                            int64_t limit) override;
  Result<std::vector<EventChange>> ListChanges(const std::string& event_id,
                                               const std::string& since) override;
  Status RecordRun(const RunRecord& run) override;
  Result<Stats> GetStats() override;

 private:
  Status Migrate();
  Result<int64_t> StoredVersion();
  Status Commit();
  // Runs `body` in the open batch or, outside one, in a transaction of its
  // own (advisory transaction locks need a transaction to last).
  template <typename Body>
  auto Atomically(Body body) -> decltype(body());

  Result<int64_t> QueryInt(std::string_view sql);
  Result<std::vector<std::pair<std::string, int64_t>>> QueryCounts(std::string_view sql);
  Status AddKey(const std::string& key, const std::string& doc_id);
  Result<PutOutcome> PutDocumentLocked(const Document& document);
  Result<bool> InsertDocument(const Document& document);
  Status InsertSpans(const Document& document);
  Result<DocumentSummary> SummaryWhere(std::string_view condition, const Params& values,
                                       std::string_view reference);
  Status ReplaceReportsLocked(const std::string& doc_id, const std::vector<NewReport>& reports);
  Status RemoveReport(const std::string& report_id);
  Status UpsertReport(const NewReport& report, const std::string& doc_id, const std::string& now);
  Status UpsertEvent(const EventRecord& event, const std::string& now);
  Status RetireEvent(const std::string& id, const std::string& successor, const std::string& now);
  Result<std::vector<StoredReport>> QueryReports(std::string_view where, const Params& values);
  Result<std::string> ResolveEventId(std::string_view reference);
  Result<std::vector<EventTally>> Tally(const PgWhere& where, std::string_view key, bool by_key);

  Connection db_;
  int version_ = 0;
};

template <typename Body>
auto PgStore::Atomically(Body body) -> decltype(body()) {
  if (db_.InTransaction()) return body();
  if (Status began = db_.Execute("BEGIN"); !began) return began;
  auto result = body();
  if (!result) {
    RollbackBatch();
    return result;
  }
  if (Status committed = Commit(); !committed) return committed;
  return result;
}

Status PgStore::Commit() {
  if (!db_.InTransaction()) return Status::Error("PostgreSQL: no batch to commit");
  if (db_.TransactionFailed()) {
    RollbackBatch();
    return Status::Error("PostgreSQL: a statement of this batch failed; the batch was rolled back");
  }
  auto committed = db_.Query("COMMIT");
  if (!committed) {
    RollbackBatch();
    return committed.status();
  }
  if (committed->CommandStatus() != "COMMIT") return Status::Error("PostgreSQL: the batch was rolled back");
  return Status::Ok();
}

// The version in hadath_schema of the current schema (the first of the
// search path), 0 when there is none yet.
Result<int64_t> PgStore::StoredVersion() {
  // From pg_class itself, not to_regclass: its cached "no such table" would
  // outlive another process's migration that this one waited for.
  auto table = db_.Query(
      "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE n.nspname = current_schema() AND c.relname = 'hadath_schema')");
  if (!table) return table.status();
  if (table->empty() || table->Int(0, 0) == 0) return int64_t{0};
  // The current schema comes first in the search path.
  auto version = db_.Query("SELECT COALESCE(MAX(version), 0) FROM hadath_schema");
  if (!version) return version.status();
  return version->empty() ? int64_t{0} : version->Int(0, 0);
}

Status PgStore::Migrate() {
  const auto& migrations = Migrations(Dialect::kPostgres);
  const auto newer = [&](int64_t version) {
    return Status::Error("database schema version " + std::to_string(version) +
                         " is newer than this hadath (" + std::to_string(migrations.size()) +
                         "); upgrade hadath");
  };
  Result<int64_t> current = StoredVersion();
  if (!current) return current.status();
  if (*current > static_cast<int64_t>(migrations.size())) return newer(*current);
  // Each migration in a transaction of its own, under a lock: a process that
  // waited finds the version the other left.
  while (*current < static_cast<int64_t>(migrations.size())) {
    if (Status began = db_.Execute("BEGIN"); !began) return began;
    auto step = [&]() -> Status {
      if (Status locked = db_.Execute("SELECT pg_advisory_xact_lock(hashtext('hadath-schema'))"); !locked)
        return locked;
      current = StoredVersion();
      if (!current) return current.status();
      if (*current == 0) {
        Status created = db_.ExecuteScript(
            "CREATE TABLE IF NOT EXISTS hadath_schema(version INTEGER NOT NULL); "
            "INSERT INTO hadath_schema(version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM hadath_schema)");
        if (!created) return created;
      }
      if (*current > static_cast<int64_t>(migrations.size())) return newer(*current);
      if (*current == static_cast<int64_t>(migrations.size())) return Status::Ok();
      size_t next = static_cast<size_t>(*current);
      Status applied = db_.ExecuteScript(migrations[next]);
      if (applied)
        applied = db_.Execute("UPDATE hadath_schema SET version = $1",
                              Params().Int(static_cast<int64_t>(next + 1)));
      if (!applied)
        return Status::Error("schema migration to version " + std::to_string(next + 1) +
                             " failed: " + applied.message());
      *current = static_cast<int64_t>(next + 1);
      return Status::Ok();
    };
    if (Status stepped = step(); !stepped) {
      RollbackBatch();
      return stepped;
    }
    if (Status committed = Commit(); !committed) return committed;
  }
  version_ = static_cast<int>(migrations.size());
  return Status::Ok();
}

Result<int64_t> PgStore::QueryInt(std::string_view sql) {
  auto rows = db_.Query(sql);
  if (!rows) return rows.status();
  return rows->empty() ? int64_t{0} : rows->Int(0, 0);
}

Result<std::vector<std::pair<std::string, int64_t>>> PgStore::QueryCounts(std::string_view sql) {
  auto rows = db_.Query(sql);
  if (!rows) return rows.status();
  std::vector<std::pair<std::string, int64_t>> counts;
  for (int i = 0; i < rows->size(); ++i) counts.emplace_back(rows->Text(i, 0), rows->Int(i, 1));
  return counts;
}

// --- documents ------------------------------------------------------------------

Status PgStore::AddKey(const std::string& key, const std::string& doc_id) {
  return db_
      .QueryPrepared(
          "INSERT INTO document_keys(doc_key, doc_id, first_seen) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
          Params().Text(key).Text(doc_id).Text(UtcNowIso()))
      .status();
}

Result<PutOutcome> PgStore::PutDocument(const Document& document) {
  return Atomically([&] { return PutDocumentLocked(document); });
}

Result<PutOutcome> PgStore::PutDocumentLocked(const Document& document) {
  const std::string identity = IdentityOf(document);
  // Another process storing a text under this identity waits here until its
  // batch ends, then sees that text (an edit is never missed).
  auto locked =
      db_.QueryPrepared("SELECT pg_advisory_xact_lock(hashtext('identity:' || $1))", Params().Text(identity));
  if (!locked) return locked.status();
  auto existing = db_.QueryPrepared("SELECT 1 FROM documents WHERE id = $1", Params().Text(document.id));
  if (!existing) return existing.status();
  if (!existing->empty()) {
    if (Status keyed = AddKey(document.article.key, document.id); !keyed) return keyed;
    return PutOutcome::kDuplicate;
  }

  // A current document with the same identity but other text is an older version.
  auto older = db_.QueryPrepared("SELECT id FROM documents WHERE identity = $1 AND superseded_by IS NULL",
                                 Params().Text(identity));
  if (!older) return older.status();
  std::vector<std::string> older_ids;
  for (int i = 0; i < older->size(); ++i) older_ids.push_back(older->Text(i, 0));

  // The same text under another identity may be going in at once: the
  // insert then waits for that batch and adds nothing.
  auto inserted = InsertDocument(document);
  if (!inserted) return inserted.status();
  if (!*inserted) {
    if (Status keyed = AddKey(document.article.key, document.id); !keyed) return keyed;
    return PutOutcome::kDuplicate;
  }
  if (Status spans = InsertSpans(document); !spans) return spans;
  if (Status keyed = AddKey(document.article.key, document.id); !keyed) return keyed;
  for (const std::string& old_id : older_ids) {
    Status updated = db_.QueryPrepared("UPDATE documents SET superseded_by = $1 WHERE id = $2",
                                       Params().Text(document.id).Text(old_id))
                         .status();
    if (!updated) return updated;
    // The old version's events go; extracting the new version brings them back.
    if (Status cleared = ReplaceDocumentReports(old_id, {}); !cleared) return cleared;
  }
  return older_ids.empty() ? PutOutcome::kAdded : PutOutcome::kUpdated;
}

// Whether the row went in (false: a document with this id is there already).
Result<bool> PgStore::InsertDocument(const Document& document) {
  const Article& article = document.article;
  // ingested_at to the microsecond: the documents' ingest order.
  auto inserted = db_.QueryPrepared(R"sql(
    INSERT INTO documents(id, doc_key, identity, path, format, encoding, outlet, url, title,
                          published, published_precision, raw, text, text_map, ingested_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
            to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    ON CONFLICT (id) DO NOTHING RETURNING 1)sql",
                                    Params()
                                        .Text(document.id)
                                        .Text(article.key)
                                        .Text(IdentityOf(document))
                                        .Text(article.path)
                                        .Text(FormatName(article.format))
                                        .Text(article.encoding)
                                        .Optional(article.metadata.outlet)
                                        .Optional(article.metadata.url)
                                        .Optional(article.metadata.title)
                                        .Optional(article.metadata.published.ToIso())
                                        .Text(PrecisionName(article.metadata.published.precision))
                                        .Bytes(article.raw)
                                        .Text(document.text)
                                        .Bytes(document.text_to_raw.Serialize()));
  if (!inserted) return inserted.status();
  return !inserted->empty();
}

// Spans go in one statement per table, as arrays.
Status PgStore::InsertSpans(const Document& document) {
  if (!document.paragraphs.empty()) {
    std::vector<int64_t> starts, ends;
    std::vector<std::string> kinds;
    for (const Paragraph& p : document.paragraphs) {
      starts.push_back(p.text.start);
      ends.push_back(p.text.end);
      kinds.push_back(KindName(p.kind));
    }
    Status s = db_.QueryPrepared(R"sql(
      INSERT INTO paragraphs(doc_id, idx, start, "end", kind)
      SELECT $1, u.n - 1, u.s, u.e, u.k FROM unnest($2::bigint[], $3::bigint[], $4::text[])
        WITH ORDINALITY AS u(s, e, k, n))sql",
                                 Params().Text(document.id).IntArray(starts).IntArray(ends).TextArray(kinds))
                   .status();
    if (!s) return s;
  }
  if (!document.sentences.empty()) {
    std::vector<int64_t> paragraphs, starts, ends, raw_starts, raw_ends;
    std::vector<std::string> kinds;
    for (const Sentence& s : document.sentences) {
      Span raw = document.RawSpan(s.text);
      paragraphs.push_back(s.paragraph);
      starts.push_back(s.text.start);
      ends.push_back(s.text.end);
      raw_starts.push_back(raw.start);
      raw_ends.push_back(raw.end);
      kinds.push_back(KindName(s.kind));
    }
    Status s = db_.QueryPrepared(R"sql(
      INSERT INTO sentences(doc_id, idx, paragraph, start, "end", raw_start, raw_end, kind)
      SELECT $1, u.n - 1, u.p, u.s, u.e, u.rs, u.re, u.k
      FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[])
        WITH ORDINALITY AS u(p, s, e, rs, re, k, n))sql",
                                 Params()
                                     .Text(document.id)
                                     .IntArray(paragraphs)
                                     .IntArray(starts)
                                     .IntArray(ends)
                                     .IntArray(raw_starts)
                                     .IntArray(raw_ends)
                                     .TextArray(kinds))
                   .status();
    if (!s) return s;
  }
  if (!document.dropped.empty()) {
    std::vector<int64_t> starts, ends;
    std::vector<std::string> reasons, texts;
    for (const DroppedBlock& d : document.dropped) {
      starts.push_back(d.source.start);
      ends.push_back(d.source.end);
      reasons.push_back(d.reason);
      texts.push_back(d.text);
    }
    Status s =
        db_.QueryPrepared(
               R"sql(
      INSERT INTO dropped(doc_id, idx, raw_start, raw_end, reason, text)
      SELECT $1, u.n - 1, u.s, u.e, u.r, u.t FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[])
        WITH ORDINALITY AS u(s, e, r, t, n))sql",
               Params().Text(document.id).IntArray(starts).IntArray(ends).TextArray(reasons).TextArray(texts))
            .status();
    if (!s) return s;
  }
  if (!document.article.warnings.empty()) {
    Status s = db_.QueryPrepared(
                      "INSERT INTO document_warnings(doc_id, message) "
                      "SELECT $1, u.m FROM unnest($2::text[]) WITH ORDINALITY AS u(m, n) ORDER BY u.n",
                      Params().Text(document.id).TextArray(document.article.warnings))
                   .status();
    if (!s) return s;
  }
  return Status::Ok();
}

constexpr std::string_view kSummaryColumns =
    "SELECT d.id, d.doc_key, d.path, COALESCE(d.outlet,''), COALESCE(d.title,''), "
    "COALESCE(d.published,''), (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id), "
    "d.superseded_by FROM documents d ";

DocumentSummary ReadSummary(const Rows& rows, int row) {
  DocumentSummary summary;
  summary.id = rows.Text(row, 0);
  summary.key = rows.Text(row, 1);
  summary.path = rows.Text(row, 2);
  summary.outlet = rows.Text(row, 3);
  summary.title = rows.Text(row, 4);
  summary.published = rows.Text(row, 5);
  summary.sentences = rows.Int(row, 6);
  if (!rows.IsNull(row, 7)) summary.superseded_by = rows.Text(row, 7);
  return summary;
}

Result<DocumentSummary> PgStore::SummaryWhere(std::string_view condition, const Params& values,
                                              std::string_view reference) {
  // The current version first, then the latest ingested.
  std::string sql = std::string(kSummaryColumns) + "WHERE " + std::string(condition) +
                    " ORDER BY (d.superseded_by IS NOT NULL), d.ingested_at COLLATE \"C\" DESC, "
                    "d.id COLLATE \"C\" DESC LIMIT 2";
  auto rows = db_.Query(sql, values);
  if (!rows) return rows.status();
  std::vector<DocumentSummary> found;
  for (int i = 0; i < rows->size(); ++i) found.push_back(ReadSummary(*rows, i));
  if (found.empty()) return Status::Error("not found");
  bool ambiguous = found.size() > 1 && !found[0].superseded_by && !found[1].superseded_by;
  if (ambiguous)
    return Status::Error("'" + std::string(reference) + "' matches several documents (" + found[0].id + ", " +
                         found[1].id + ", ...); give more of the id");
  return found[0];
}

Result<DocumentSummary> PgStore::FindDocument(std::string_view reference) {
  if (reference.empty()) return Status::Error("empty document reference");
  const Params exact = Params().Text(reference);
  if (auto by_id = SummaryWhere("d.id = $1", exact, reference)) return by_id;
  if (auto by_key =
          SummaryWhere("d.id IN (SELECT doc_id FROM document_keys WHERE doc_key = $1)", exact, reference))
    return by_key;
  if (auto by_url = SummaryWhere("d.url = $1", exact, reference)) return by_url;
  if (reference.size() >= 4) {
    // ILIKE: SQLite's LIKE ignores the case of ASCII letters.
    auto by_prefix =
        SummaryWhere("d.id ILIKE $1", Params().Text(pg::LikeEscaped(reference) + "%"), reference);
    if (by_prefix || by_prefix.error() != "not found") return by_prefix;
  }
  return Status::Error("no document with id, key or url '" + std::string(reference) + "'");
}

Result<std::vector<DocumentSummary>> PgStore::ListDocuments(int64_t limit, int64_t offset) {
  std::string sql = std::string(kSummaryColumns) +
                    "WHERE d.superseded_by IS NULL ORDER BY d.ingested_at COLLATE \"C\", d.id COLLATE \"C\" "
                    "LIMIT $1 OFFSET $2";
  auto rows = db_.Query(sql, Params().Int(limit).Int(offset));
  if (!rows) return rows.status();
  std::vector<DocumentSummary> summaries;
  for (int i = 0; i < rows->size(); ++i) summaries.push_back(ReadSummary(*rows, i));
  return summaries;
}

Result<Document> PgStore::LoadDocument(std::string_view id) {
  auto row = db_.Query(R"sql(
    SELECT doc_key, path, format, encoding, COALESCE(outlet,''), COALESCE(url,''),
           COALESCE(title,''), COALESCE(published,''), published_precision, raw, text, text_map
    FROM documents WHERE id = $1)sql",
                       Params().Text(id));
  if (!row) return row.status();
  if (row->empty()) return Status::Error("no document " + std::string(id));
  Document document;
  document.id = std::string(id);
  Article& article = document.article;
  article.key = row->Text(0, 0);
  article.path = row->Text(0, 1);
  std::string format = row->Text(0, 2);
  article.format = format == "html"    ? SourceFormat::kHtml
                   : format == "jsonl" ? SourceFormat::kJsonLines
                                       : SourceFormat::kText;
  article.encoding = row->Text(0, 3);
  article.metadata.outlet = row->Text(0, 4);
  article.metadata.url = row->Text(0, 5);
  article.metadata.title = row->Text(0, 6);
  article.metadata.published = PublishedDate::FromIso(row->Text(0, 7));
  article.raw = row->Bytes(0, 9);
  document.text = row->Text(0, 10);
  Result<OffsetMap> map = OffsetMap::Deserialize(row->Bytes(0, 11));
  if (!map) return Status::Error("document " + std::string(id) + ": " + map.error());
  document.text_to_raw = std::move(*map);

  const Params of_document = Params().Text(id);
  auto paragraphs = db_.QueryPrepared(
      "SELECT start, \"end\", kind FROM paragraphs WHERE doc_id = $1 ORDER BY idx", of_document);
  if (!paragraphs) return paragraphs.status();
  for (int i = 0; i < paragraphs->size(); ++i)
    document.paragraphs.push_back(
        {{static_cast<uint32_t>(paragraphs->Int(i, 0)), static_cast<uint32_t>(paragraphs->Int(i, 1))},
         KindFromName(paragraphs->Text(i, 2))});
  auto sentences = db_.QueryPrepared(
      "SELECT start, \"end\", paragraph, kind FROM sentences WHERE doc_id = $1 ORDER BY idx", of_document);
  if (!sentences) return sentences.status();
  for (int i = 0; i < sentences->size(); ++i)
    document.sentences.push_back(
        {{static_cast<uint32_t>(sentences->Int(i, 0)), static_cast<uint32_t>(sentences->Int(i, 1))},
         static_cast<uint32_t>(sentences->Int(i, 2)),
         KindFromName(sentences->Text(i, 3))});
  auto dropped = db_.QueryPrepared(
      "SELECT raw_start, raw_end, text, reason FROM dropped WHERE doc_id = $1 ORDER BY idx", of_document);
  if (!dropped) return dropped.status();
  for (int i = 0; i < dropped->size(); ++i)
    document.dropped.push_back(
        {{static_cast<uint32_t>(dropped->Int(i, 0)), static_cast<uint32_t>(dropped->Int(i, 1))},
         dropped->Text(i, 2),
         dropped->Text(i, 3)});
  auto warnings =
      db_.QueryPrepared("SELECT message FROM document_warnings WHERE doc_id = $1 ORDER BY ctid", of_document);
  if (!warnings) return warnings.status();
  for (int i = 0; i < warnings->size(); ++i) article.warnings.push_back(warnings->Text(i, 0));
  return document;
}

// --- reports ------------------------------------------------------------------

// A report's "event" evidence spans (its clauses), newline-joined in text
// order: what the link stage compares.
constexpr std::string_view kEventSpans = R"sql(
    COALESCE((SELECT string_agg(x.text, E'\n' ORDER BY x.raw_start, x.raw_end, x.text COLLATE "C")
              FROM evidence x WHERE x.report_id = r.id AND x.role = 'event'), ''))sql";

StoredReport ReadReport(const Rows& rows, int row) {
  return {rows.Text(row, 0), rows.Text(row, 1), rows.Text(row, 2),
          rows.Text(row, 3), rows.Text(row, 4), rows.Text(row, 5)};
}

Result<std::vector<StoredReport>> PgStore::QueryReports(std::string_view where, const Params& values) {
  std::string sql =
      "SELECT r.id, r.doc_id, COALESCE(d.url, d.doc_key), r.record, " + std::string(kEventSpans) +
      ", COALESCE(r.event_id, '') FROM reports r JOIN documents d ON d.id = r.doc_id " + std::string(where);
  auto rows = db_.Query(sql, values);
  if (!rows) return rows.status();
  std::vector<StoredReport> reports;
  for (int i = 0; i < rows->size(); ++i) reports.push_back(ReadReport(*rows, i));
  return reports;
}

// Deletes a report; when it was linked, a tombstone keeps what the link
// stage needs to relink its event (and to know an edited article's report).
Status PgStore::RemoveReport(const std::string& report_id) {
  const Params id = Params().Text(report_id);
  Status tombstone = db_.QueryPrepared(R"sql(
    INSERT INTO report_tombstones(report_id, doc_id, identity, record, text, event_id)
    SELECT r.id, r.doc_id, COALESCE(d.url, d.doc_key), r.record, )sql" +
                                           std::string(kEventSpans) +
                                           R"sql(, r.event_id
    FROM reports r JOIN documents d ON d.id = r.doc_id WHERE r.id = $1 AND r.event_id IS NOT NULL)sql",
                                       id)
                         .status();
  if (!tombstone) return tombstone;
  for (std::string_view sql :
       {"DELETE FROM evidence WHERE report_id = $1", "DELETE FROM reports WHERE id = $1"})
    if (Status s = db_.QueryPrepared(sql, id).status(); !s) return s;
  return Status::Ok();
}

// Inserts the report, or replaces its record and evidence when they changed
// (it then waits for linking again; its event stays until then).
Status PgStore::UpsertReport(const NewReport& report, const std::string& doc_id, const std::string& now) {
  auto existing = db_.QueryPrepared("SELECT record = $2 FROM reports WHERE id = $1",
                                    Params().Text(report.id).Text(report.record));
  if (!existing) return existing.status();
  if (!existing->empty() && existing->Int(0, 0) == 1) return Status::Ok();
  Status upserted = db_.QueryPrepared(R"sql(
    INSERT INTO reports(id, doc_id, record, background, admin1, date_start, event_id, linked, created_at, updated_at)
    VALUES ($1, $2, $3, $4, ($3::jsonb ->> 'admin1'), ($3::jsonb ->> 'date_start'), NULL, 0, $5, $5)
    ON CONFLICT (id) DO UPDATE SET
      record = excluded.record, background = excluded.background, admin1 = excluded.admin1,
      date_start = excluded.date_start, linked = 0, updated_at = excluded.updated_at)sql",
                                      Params()
                                          .Text(report.id)
                                          .Text(doc_id)
                                          .Text(report.record)
                                          .Int(report.background ? 1 : 0)
                                          .Text(now))
                        .status();
  if (!upserted) return upserted;
  if (Status s =
          db_.QueryPrepared("DELETE FROM evidence WHERE report_id = $1", Params().Text(report.id)).status();
      !s)
    return s;
  if (report.evidence.empty()) return Status::Ok();
  std::vector<int64_t> starts, ends;
  std::vector<std::string> texts, roles;
  for (const EvidenceRecord& evidence : report.evidence) {
    starts.push_back(evidence.raw_start);
    ends.push_back(evidence.raw_end);
    texts.push_back(evidence.text);
    roles.push_back(evidence.role);
  }
  return db_
      .QueryPrepared(
          R"sql(
    INSERT INTO evidence(report_id, doc_id, raw_start, raw_end, text, role)
    SELECT $1, $2, u.s, u.e, u.t, u.r FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[])
      WITH ORDINALITY AS u(s, e, t, r, n) ORDER BY u.n)sql",
          Params().Text(report.id).Text(doc_id).IntArray(starts).IntArray(ends).TextArray(texts).TextArray(
              roles))
      .status();
}

Status PgStore::ReplaceDocumentReports(const std::string& doc_id, const std::vector<NewReport>& reports) {
  return Atomically([&] { return ReplaceReportsLocked(doc_id, reports); });
}

Status PgStore::ReplaceReportsLocked(const std::string& doc_id, const std::vector<NewReport>& reports) {
  // Batches that replace reports run side by side, but never during a
  // linking pass (LockLinking takes this lock exclusively); two processes
  // reading the same document take turns.
  Status locked = db_.QueryPrepared(
                         "SELECT pg_advisory_xact_lock_shared(hashtext('hadath-linking')), "
                         "pg_advisory_xact_lock(hashtext('doc:' || $1))",
                         Params().Text(doc_id))
                      .status();
  if (!locked) return locked;
  const std::string now = UtcNowIso();
  std::set<std::string> kept;
  for (const NewReport& report : reports) kept.insert(report.id);
  auto cited = db_.QueryPrepared("SELECT id FROM reports WHERE doc_id = $1", Params().Text(doc_id));
  if (!cited) return cited.status();
  for (int i = 0; i < cited->size(); ++i)
    if (std::string report_id = cited->Text(i, 0); !kept.contains(report_id))
      if (Status s = RemoveReport(report_id); !s) return s;
  for (const NewReport& report : reports)
    if (Status s = UpsertReport(report, doc_id, now); !s) return s;
  return Status::Ok();
}

Result<std::vector<StoredReport>> PgStore::PendingReports() {
  return QueryReports("WHERE r.linked = 0 ORDER BY r.id COLLATE \"C\"", {});
}

Result<std::vector<StoredReport>> PgStore::AllReports() {
  return QueryReports("ORDER BY r.id COLLATE \"C\"", {});
}

Result<std::vector<StoredReport>> PgStore::ReportsInWindow(const std::string& admin1,
                                                           const std::string& date_from,
                                                           const std::string& date_to) {
  return QueryReports(
      "WHERE r.admin1 = $1 AND r.date_start COLLATE \"C\" BETWEEN $2 AND $3 ORDER BY r.id COLLATE \"C\"",
      Params().Text(admin1).Text(date_from).Text(date_to));
}

Result<std::vector<StoredReport>> PgStore::ReportsOfEvent(const std::string& event_id) {
  return QueryReports("WHERE r.event_id = $1 ORDER BY r.id COLLATE \"C\"", Params().Text(event_id));
}

Result<std::vector<StoredReport>> PgStore::Tombstones() {
  auto rows = db_.Query(
      "SELECT report_id, doc_id, identity, record, text, event_id FROM report_tombstones "
      "ORDER BY report_id COLLATE \"C\", ctid");
  if (!rows) return rows.status();
  std::vector<StoredReport> reports;
  for (int i = 0; i < rows->size(); ++i) reports.push_back(ReadReport(*rows, i));
  return reports;
}

// --- events -----------------------------------------------------------------

Status PgStore::LockLinking() {
  return db_.Execute("SELECT pg_advisory_xact_lock(hashtext('hadath-linking'))");
}

// Inserts the event or, when its id is known, updates its record (keeping
// created_at) if the record changed. Indexed columns come from the record.
Status PgStore::UpsertEvent(const EventRecord& event, const std::string& now) {
  // The record's `timestamp` (ACLED: when the record last changed) is the
  // store's to set; records are compared without it.
  auto existing = db_.QueryPrepared(
      "SELECT (record::jsonb - 'timestamp') = ($2::jsonb - 'timestamp') AND joins = $3 FROM events WHERE id "
      "= $1",
      Params().Text(event.id).Text(event.record).Text(event.joins));
  if (!existing) return existing.status();
  if (!existing->empty() && existing->Int(0, 0) == 1) return Status::Ok();
  std::optional<std::string> record = WithTimestamp(event.record, EpochOf(now));
  if (!record) return Status::Error("event " + event.id + ": its record is not a JSON object");
  // Numbers only where the record holds numbers (a cast of anything else fails).
  return db_
      .QueryPrepared(
          R"sql(
    INSERT INTO events(id, record, event_date, event_type, sub_event_type, admin1, latitude, longitude,
                       fatalities, background, created_at, updated_at, joins, geom)
    SELECT $1, $2, j ->> 'event_date', j ->> 'event_type', j ->> 'sub_event_type', j ->> 'admin1',
           lat, lon, fatalities, $3, $4, $4, $5,
           CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326) END
    FROM (SELECT j,
                 CASE WHEN jsonb_typeof(j -> 'latitude') = 'number' THEN (j ->> 'latitude')::double precision END lat,
                 CASE WHEN jsonb_typeof(j -> 'longitude') = 'number' THEN (j ->> 'longitude')::double precision END lon,
                 CASE WHEN jsonb_typeof(j -> 'fatalities') = 'number' THEN round((j ->> 'fatalities')::numeric)::bigint
                 END fatalities
          FROM (SELECT $2::jsonb AS j) r) v
    ON CONFLICT (id) DO UPDATE SET
      record = excluded.record, event_date = excluded.event_date, event_type = excluded.event_type,
      sub_event_type = excluded.sub_event_type, admin1 = excluded.admin1, latitude = excluded.latitude,
      longitude = excluded.longitude, fatalities = excluded.fatalities, background = excluded.background,
      updated_at = excluded.updated_at, joins = excluded.joins, geom = excluded.geom)sql",
          Params().Text(event.id).Text(*record).Int(event.background ? 1 : 0).Text(now).Text(event.joins))
      .status();
}

Status PgStore::RetireEvent(const std::string& id, const std::string& successor, const std::string& now) {
  if (Status s = db_.QueryPrepared("DELETE FROM events WHERE id = $1", Params().Text(id)).status(); !s)
    return s;
  Status redirected =
      db_.QueryPrepared(
             "INSERT INTO event_redirects(old_id, new_id, retired_at) VALUES ($1, $2, $3) "
             "ON CONFLICT (old_id) DO UPDATE SET new_id = excluded.new_id, retired_at = excluded.retired_at",
             Params().Text(id).Optional(successor).Text(now))
          .status();
  if (!redirected) return redirected;
  // Ids that led to this one now lead where it went.
  return db_
      .QueryPrepared("UPDATE event_redirects SET new_id = $2 WHERE new_id = $1",
                     Params().Text(id).Optional(successor))
      .status();
}

Status PgStore::ApplyLinks(const LinkUpdate& update) {
  return Atomically([&]() -> Status {
    const std::string now = UtcNowIso();
    for (const auto& [id, successor] : update.retired)
      if (Status s = RetireEvent(id, successor, now); !s) return s;
    for (const LinkUpdate::Write& write : update.events) {
      if (Status s = UpsertEvent(write.event, now); !s) return s;
      if (!write.report_ids.empty()) {
        Status linked =
            db_.QueryPrepared("UPDATE reports SET event_id = $1, linked = 1 WHERE id = ANY($2::text[])",
                              Params().Text(write.event.id).TextArray(write.report_ids))
                .status();
        if (!linked) return linked;
      }
      // A retired id that is reused (an edited article's report came back) is live again.
      if (Status s = db_.QueryPrepared("DELETE FROM event_redirects WHERE old_id = $1",
                                       Params().Text(write.event.id))
                         .status();
          !s)
        return s;
    }
    for (const EventChange& change : update.changes) {
      Status logged =
          db_.QueryPrepared(
                 "INSERT INTO event_changes(event_id, changed_at, change, reason) VALUES ($1, $2, $3, $4)",
                 Params().Text(change.event_id).Text(now).Text(change.change).Text(change.reason))
              .status();
      if (!logged) return logged;
    }
    if (update.clear_tombstones)
      if (Status s = db_.Execute("DELETE FROM report_tombstones"); !s) return s;
    return Status::Ok();
  });
}

Result<bool> PgStore::EventIdTaken(const std::string& id) {
  auto taken = db_.QueryPrepared(
      "SELECT EXISTS(SELECT 1 FROM events WHERE id = $1) OR EXISTS(SELECT 1 FROM event_redirects WHERE "
      "old_id = $1)",
      Params().Text(id));
  if (!taken) return taken.status();
  return !taken->empty() && taken->Int(0, 0) == 1;
}

// An events row selected as (id, record, background, created_at, updated_at, joins).
constexpr std::string_view kEventColumns = "id, record, background, created_at, updated_at, joins";
EventRecord ReadEvent(const Rows& rows, int row) {
  return {rows.Text(row, 0), rows.Text(row, 1), rows.Int(row, 2) != 0,
          rows.Text(row, 3), rows.Text(row, 4), rows.Text(row, 5)};
}

Result<std::vector<EventRecord>> PgStore::ListEvents(const EventQuery& query) {
  auto rows =
      db_.Query("SELECT " + std::string(kEventColumns) + R"sql( FROM events
    WHERE ($1 <> 0 OR background = 0) AND updated_at >= $2
      AND ($3 = '' OR id IN (SELECT event_id FROM reports WHERE doc_id = $3))
    ORDER BY id COLLATE "C")sql",
                Params().Int(query.include_background ? 1 : 0).Text(query.changed_since).Text(query.doc_id));
  if (!rows) return rows.status();
  std::vector<EventRecord> events;
  for (int i = 0; i < rows->size(); ++i) events.push_back(ReadEvent(*rows, i));
  return events;
}

// The id of the event `reference` names: an event id or unique prefix, a
// report id, or a retired id (followed to the event that took its reports).
Result<std::string> PgStore::ResolveEventId(std::string_view reference) {
  if (reference.empty()) return Status::Error("empty event reference");
  const Params exact = Params().Text(reference);
  auto rows = db_.Query("SELECT id FROM events WHERE id = $1 OR id ILIKE $2 ORDER BY (id = $1) DESC LIMIT 2",
                        Params().Text(reference).Text(pg::LikeEscaped(reference) + "%"));
  if (!rows) return rows.status();
  if (rows->size() > 1 && rows->Text(0, 0) != reference)
    return Status::Error("'" + std::string(reference) + "' matches several events; give more of the id");
  if (!rows->empty()) return rows->Text(0, 0);
  auto report = db_.Query("SELECT event_id FROM reports WHERE id = $1 AND event_id IS NOT NULL", exact);
  if (!report) return report.status();
  if (!report->empty()) return report->Text(0, 0);
  auto redirect = db_.Query("SELECT COALESCE(new_id, '') FROM event_redirects WHERE old_id = $1", exact);
  if (!redirect) return redirect.status();
  if (!redirect->empty()) {
    std::string successor = redirect->Text(0, 0);
    if (successor.empty())
      return Status::Error("event '" + std::string(reference) + "' was deleted: no report of it is left");
    return successor;
  }
  return Status::Error("no event '" + std::string(reference) + "'");
}

Result<FoundEvent> PgStore::FindEvent(std::string_view reference) {
  auto id = ResolveEventId(reference);
  if (!id) return id.status();
  const Params of_event = Params().Text(*id);
  auto row = db_.Query("SELECT " + std::string(kEventColumns) + " FROM events WHERE id = $1", of_event);
  if (!row) return row.status();
  if (row->empty()) return Status::Error("no event '" + *id + "'");
  FoundEvent event{ReadEvent(*row, 0), {}, {}};
  auto reports = db_.Query("SELECT id FROM reports WHERE event_id = $1 ORDER BY id COLLATE \"C\"", of_event);
  if (!reports) return reports.status();
  for (int i = 0; i < reports->size(); ++i) event.report_ids.push_back(reports->Text(i, 0));
  auto evidence = db_.Query(R"sql(
    SELECT x.doc_id, x.raw_start, x.raw_end, x.text, x.role FROM evidence x JOIN reports r ON r.id = x.report_id
    WHERE r.event_id = $1 ORDER BY x.doc_id COLLATE "C", x.raw_start, x.role COLLATE "C")sql",
                            of_event);
  if (!evidence) return evidence.status();
  for (int i = 0; i < evidence->size(); ++i)
    event.evidence.push_back({evidence->Text(i, 0), evidence->Int(i, 1), evidence->Int(i, 2),
                              evidence->Text(i, 3), evidence->Text(i, 4)});
  return event;
}

Result<StoredReport> PgStore::FindReport(std::string_view reference) {
  if (reference.empty()) return Status::Error("empty report reference");
  auto found = QueryReports("WHERE r.id = $1 OR r.id ILIKE $2 ORDER BY (r.id = $1) DESC LIMIT 2",
                            Params().Text(reference).Text(pg::LikeEscaped(reference) + "%"));
  if (!found) return found.status();
  if (found->empty()) return Status::Error("no report '" + std::string(reference) + "'");
  if (found->size() > 1 && (*found)[0].id != reference)
    return Status::Error("'" + std::string(reference) + "' matches several reports; give more of the id");
  return (*found)[0];
}

Result<std::vector<EventChange>> PgStore::ListChanges(const std::string& event_id, const std::string& since) {
  auto rows = db_.Query(R"sql(
    SELECT event_id, changed_at, change, reason FROM event_changes
    WHERE ($1 = '' OR event_id = $1) AND changed_at >= $2 ORDER BY id)sql",
                        Params().Text(event_id).Text(since));
  if (!rows) return rows.status();
  std::vector<EventChange> changes;
  for (int i = 0; i < rows->size(); ++i)
    changes.push_back({rows->Text(i, 0), rows->Text(i, 1), rows->Text(i, 2), rows->Text(i, 3)});
  return changes;
}

// --- the API's queries ----------------------------------------------------------

void PgStore::SetQueryTimeLimit(int milliseconds) {
  // For the session: each statement that runs longer is cancelled (SQLSTATE
  // 57014, "query took too long").
  (void)db_.Execute("SELECT set_config('statement_timeout', $1, false)",
                    Params().Text(std::to_string(milliseconds > 0 ? milliseconds : 0)));
}

Result<EventPage> PgStore::QueryEvents(const EventFilter& filter, EventOrder order, int64_t limit,
                                       const std::string& cursor) {
  PgWhere where = PgFilterClause(filter);
  OrderSql sort = PgOrderOf(order);
  if (!cursor.empty()) {
    std::string key, id;
    if (!DecodeCursor(cursor, &key, &id))
      return Status::Error("not a cursor of this listing: '" + cursor + "'");
    std::string key_at = where.Text(key), id_at = where.Text(id);
    where.Add("(" + sort.key + ", id COLLATE \"C\") " + sort.after + " (" + key_at + ", " + id_at + ")");
  }
  where.values.Int(limit + 1);
  std::string sql = "SELECT " + std::string(kEventColumns) + ", " + sort.key + " FROM events " + where.sql +
                    " ORDER BY " + sort.key + " " + sort.direction + ", id COLLATE \"C\" " + sort.direction +
                    " LIMIT $" + std::to_string(where.values.size());
  auto rows = db_.Query(sql, where.values);
  if (!rows) return rows.status();
  EventPage page;
  std::string last_key;
  for (int i = 0; i < rows->size(); ++i) {
    if (static_cast<int64_t>(page.events.size()) == limit) {
      page.next_cursor = EncodeCursor(last_key, page.events.back().id);
      break;
    }
    page.events.push_back(ReadEvent(*rows, i));
    last_key = rows->Text(i, 6);
  }
  return page;
}

Result<std::vector<EventTally>> PgStore::Tally(const PgWhere& where, std::string_view key, bool by_key) {
  // SQLite puts NULL keys first.
  std::string sorted = std::string(key) + " COLLATE \"C\" NULLS FIRST";
  auto rows =
      db_.Query("SELECT " + std::string(key) + " AS k, COUNT(*), SUM(COALESCE(fatalities, 0)) FROM events " +
                    where.sql + " GROUP BY 1 ORDER BY " + (by_key ? sorted : "COUNT(*) DESC, " + sorted),
                where.values);
  if (!rows) return rows.status();
  std::vector<EventTally> tallies;
  for (int i = 0; i < rows->size(); ++i)
    tallies.push_back({rows->Text(i, 0), rows->Int(i, 1), rows->Int(i, 2)});
  return tallies;
}

Result<EventTallies> PgStore::TallyEvents(const EventFilter& filter) {
  PgWhere where = PgFilterClause(filter);
  return TallyByKeys("(record::jsonb ->> 'actor1_id')",
                     [&](std::string_view key, bool by_key) { return Tally(where, key, by_key); });
}

Status PgStore::ReplacePlaces(const std::vector<PlaceRow>& places) {
  return Atomically([&]() -> Status {
    if (Status s = db_.Execute("DELETE FROM places"); !s) return s;
    for (const PlaceRow& place : places) {
      Params params;
      params.Text(place.id).Text(place.name_en).Optional(place.name_ar).Text(place.kind);
      params.Optional(place.country).Optional(place.admin1).Optional(place.admin2);
      // As text either way, so the prepared statement's parameter types never change.
      auto degrees = [](const std::optional<double>& value) {
        char text[32] = "";
        if (value) std::snprintf(text, sizeof(text), "%.8f", *value);
        return std::string(text);
      };
      bool placed = place.latitude && place.longitude;
      params.Optional(placed ? degrees(place.latitude) : "").Optional(placed ? degrees(place.longitude) : "");
      Status s = db_.QueryPrepared(
                        "INSERT INTO places(id, name_en, name_ar, kind, country, admin1, admin2, latitude, "
                        "longitude, geom) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::double precision, "
                        "$9::double precision, CASE WHEN $8 IS NULL OR $9 IS NULL THEN NULL ELSE "
                        "ST_SetSRID(ST_MakePoint($9::double precision, $8::double precision), 4326) END)",
                        params)
                     .status();
      if (!s) return s;
    }
    return Status::Ok();
  });
}

Result<std::vector<PlaceRow>> PgStore::PlacesInBox(double west, double south, double east, double north,
                                                   int64_t limit) {
  auto rows = db_.Query(
      "SELECT id, name_en, COALESCE(name_ar, ''), kind, COALESCE(country, ''), COALESCE(admin1, ''), "
      "COALESCE(admin2, ''), latitude, longitude FROM places "
      "WHERE geom && ST_MakeEnvelope($1, $2, $3, $4, 4326) ORDER BY id COLLATE \"C\" LIMIT $5",
      Params().Real(west).Real(south).Real(east).Real(north).Int(limit));
  if (!rows) return rows.status();
  std::vector<PlaceRow> places;
  for (int i = 0; i < rows->size(); ++i)
    places.push_back({rows->Text(i, 0), rows->Text(i, 1), rows->Text(i, 2), rows->Text(i, 3),
                      rows->Text(i, 4), rows->Text(i, 5), rows->Text(i, 6), std::stod(rows->Text(i, 7)),
                      std::stod(rows->Text(i, 8))});
  return places;
}

Status PgStore::RecordRun(const RunRecord& run) {
  return Atomically([&]() -> Status {
    auto inserted = db_.Query(
        "INSERT INTO ingest_runs(started_at, finished_at, inputs, added, duplicates, updated, failed) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        Params()
            .Text(run.started_at)
            .Text(run.finished_at)
            .Text(run.inputs)
            .Int(run.added)
            .Int(run.duplicates)
            .Int(run.updated)
            .Int(run.failed));
    if (!inserted) return inserted.status();
    int64_t run_id = inserted->Int(0, 0);
    for (const auto& [where, reason] : run.errors) {
      Status s = db_.QueryPrepared("INSERT INTO ingest_errors(run_id, location, reason) VALUES ($1, $2, $3)",
                                   Params().Int(run_id).Text(where).Text(reason))
                     .status();
      if (!s) return s;
    }
    return Status::Ok();
  });
}

Result<Stats> PgStore::GetStats() {
  Stats stats;
  stats.schema_version = version_;
  struct Counter {
    int64_t* target;
    std::string_view sql;
  };
  const Counter counters[] = {
      {&stats.documents, "SELECT COUNT(*) FROM documents WHERE superseded_by IS NULL"},
      {&stats.superseded, "SELECT COUNT(*) FROM documents WHERE superseded_by IS NOT NULL"},
      {&stats.keys, "SELECT COUNT(DISTINCT doc_key) FROM document_keys"},
      {&stats.sentences,
       "SELECT COUNT(*) FROM sentences s JOIN documents d ON d.id = s.doc_id WHERE d.superseded_by IS NULL"},
      {&stats.raw_bytes,
       "SELECT COALESCE(SUM(octet_length(raw)), 0) FROM documents WHERE superseded_by IS NULL"},
      {&stats.events, "SELECT COUNT(*) FROM events"},
      {&stats.reports, "SELECT COUNT(*) FROM reports"},
      {&stats.undated, "SELECT COUNT(*) FROM documents WHERE superseded_by IS NULL AND published IS NULL"},
      {&stats.ingest_runs, "SELECT COUNT(*) FROM ingest_runs"},
      {&stats.ingest_errors, "SELECT COUNT(*) FROM ingest_errors"},
  };
  for (const Counter& counter : counters) {
    Result<int64_t> value = QueryInt(counter.sql);
    if (!value) return value.status();
    *counter.target = *value;
  }
  auto range = db_.Query(
      "SELECT COALESCE(MIN(published COLLATE \"C\"), ''), COALESCE(MAX(published COLLATE \"C\"), '') "
      "FROM documents WHERE superseded_by IS NULL");
  if (!range) return range.status();
  if (!range->empty()) {
    stats.earliest_published = range->Text(0, 0);
    stats.latest_published = range->Text(0, 1);
  }
  struct Grouping {
    std::vector<std::pair<std::string, int64_t>>* target;
    std::string_view sql;
  };
  const Grouping groupings[] = {
      {&stats.by_outlet,
       "SELECT COALESCE(outlet, '(unknown)'), COUNT(*) c FROM documents WHERE superseded_by IS NULL "
       "GROUP BY 1 ORDER BY c DESC, COALESCE(outlet, '(unknown)') COLLATE \"C\""},
      {&stats.by_format,
       "SELECT format, COUNT(*) c FROM documents WHERE superseded_by IS NULL GROUP BY 1 "
       "ORDER BY c DESC, format COLLATE \"C\""},
      {&stats.by_encoding,
       "SELECT encoding, COUNT(*) c FROM documents WHERE superseded_by IS NULL GROUP BY 1 "
       "ORDER BY c DESC, encoding COLLATE \"C\""},
      {&stats.dropped_by_reason,
       "SELECT x.reason, COUNT(*) c FROM dropped x JOIN documents d ON d.id = x.doc_id "
       "WHERE d.superseded_by IS NULL GROUP BY 1 ORDER BY c DESC, x.reason COLLATE \"C\""},
  };
  for (const Grouping& grouping : groupings) {
    auto counts = QueryCounts(grouping.sql);
    if (!counts) return counts.status();
    *grouping.target = std::move(*counts);
  }
  return stats;
}

// The URL without what may be secret (user, password, parameters), for messages.
std::string Redacted(const std::string& url) {
  std::string shown = url.substr(0, url.find('?'));
  size_t scheme = shown.find("://");
  size_t at = shown.rfind('@');
  if (scheme != std::string::npos && at != std::string::npos && at > scheme)
    shown.erase(scheme + 3, at + 1 - (scheme + 3));
  return shown;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url) {
  Result<Connection> connection = Connection::Open(url);
  if (!connection) return Status::Error(Redacted(url) + ": " + connection.error());
  auto store = std::make_unique<PgStore>(std::move(*connection));
  if (Status ready = store->Initialise(); !ready)
    return Status::Error(Redacted(url) + ": " + ready.message());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace hadath::store

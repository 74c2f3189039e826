// SQLite implementation of hadath::store::Store.
#include <chrono>
#include <ctime>

#include <optional>
#include <set>
#include <unordered_map>
#include "common/clock.h"

#include "hadath/store.h"
#include "store/event_query.h"
#include "store/schema.h"
#include "store/sqlite_db.h"
#include "store/stores.h"
#include "store/tallies.h"

namespace hadath::store {
namespace {

const char* KindName(BlockKind kind) { return kind == BlockKind::kHeadline ? "headline" : "body"; }
BlockKind KindFromName(std::string_view name) {
  return name == "headline" ? BlockKind::kHeadline : BlockKind::kBody;
}

std::string IdentityOf(const Document& document) {
  return document.article.metadata.url.empty() ? document.article.key : document.article.metadata.url;
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Database database) : db_(std::move(database)) {}

  Status Initialise() {
    Status pragmas = db_.Execute(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
        "PRAGMA cache_size=-65536;");
    if (!pragmas) return pragmas;
    return Migrate();
  }

  int SchemaVersion() const override { return version_; }

  Status BeginBatch() override { return db_.Execute("BEGIN IMMEDIATE"); }
  Status CommitBatch() override { return db_.Execute("COMMIT"); }
  void RollbackBatch() override {
    if (!sqlite3_get_autocommit(db_.handle())) (void)db_.Execute("ROLLBACK");
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
  // BEGIN IMMEDIATE already keeps other writers out of a SQLite file.
  Status LockLinking() override { return Status::Ok(); }
  Result<bool> EventIdTaken(const std::string& id) override;
  Result<std::vector<EventRecord>> ListEvents(const EventQuery& query) override;
  Result<FoundEvent> FindEvent(std::string_view reference) override;
  Result<StoredReport> FindReport(std::string_view reference) override;
  Result<EventPage> QueryEvents(const EventFilter& filter, EventOrder order, int64_t limit,
                                const std::string& cursor) override;
  Result<EventTallies> TallyEvents(const EventFilter& filter) override;
  Status ReplacePlaces(const std::vector<PlaceRow>& places) override;
  Result<std::vector<PlaceRow>> PlacesInBox(double west, double south, double east, double north,
                                            int64_t limit) override;
  void SetQueryTimeLimit(int milliseconds) override;
  Result<std::vector<EventChange>> ListChanges(const std::string& event_id,
                                               const std::string& since) override;
  Status RecordRun(const RunRecord& run) override;
  Result<Stats> GetStats() override;

 private:
  Status Migrate();
  Result<int64_t> QueryInt(std::string_view sql);
  Result<std::vector<std::pair<std::string, int64_t>>> QueryCounts(std::string_view sql);
  Status AddKey(const std::string& key, const std::string& doc_id);
  Status InsertDocument(const Document& document);
  Status InsertSpans(const Document& document);
  Result<DocumentSummary> SummaryWhere(std::string_view condition, std::string_view value);
  Status RemoveReport(const std::string& report_id);
  Status UpsertReport(const NewReport& report, const std::string& doc_id, const std::string& now);
  Status UpsertEvent(const EventRecord& event, const std::string& now);
  Status RetireEvent(const std::string& id, const std::string& successor, const std::string& now);
  Result<std::vector<StoredReport>> QueryReports(std::string_view where,
                                                 const std::vector<std::string>& values);
  Result<std::string> ResolveEventId(std::string_view reference);

  // A prepared statement for `sql`, reset and ready for new bindings; kept
  // for the life of the store (the write path runs the same few per document).
  Statement& Prepared(std::string_view sql);

  // The clock of the query time limit, running while the guard lives: only
  // the API's queries are stopped, never a write or a look-up after them.
  struct QueryClock {
    explicit QueryClock(SqliteStore& store) : store(store) {
      store.query_deadline_ =
          std::chrono::steady_clock::now() + std::chrono::milliseconds(store.query_limit_ms_);
    }
    ~QueryClock() { store.query_deadline_ = std::chrono::steady_clock::time_point::max(); }
    SqliteStore& store;
  };
  Result<std::vector<EventTally>> Tally(const WhereClause& where, std::string_view key, bool by_key);

  Database db_;
  int version_ = 0;
  int query_limit_ms_ = 0;
  std::chrono::steady_clock::time_point query_deadline_ = std::chrono::steady_clock::time_point::max();
  // Declared after db_, so destroyed (finalised) before the connection closes.
  std::unordered_map<std::string, std::unique_ptr<Statement>> prepared_;
};

Statement& SqliteStore::Prepared(std::string_view sql) {
  std::unique_ptr<Statement>& slot = prepared_[std::string(sql)];
  if (!slot) slot = std::make_unique<Statement>(db_.handle(), sql);
  slot->Reset();
  return *slot;
}

Status SqliteStore::Migrate() {
  Result<int64_t> current = QueryInt("PRAGMA user_version");
  if (!current) return current.status();
  const auto& migrations = Migrations();
  if (*current > static_cast<int64_t>(migrations.size()))
    return Status::Error("database schema version " + std::to_string(*current) +
                         " is newer than this hadath (" + std::to_string(migrations.size()) +
                         "); upgrade hadath");
  for (size_t next = static_cast<size_t>(*current); next < migrations.size(); ++next) {
    std::string script = "BEGIN;\n" + std::string(migrations[next]) +
                         "\nPRAGMA user_version=" + std::to_string(next + 1) + ";\nCOMMIT;";
    Status applied = db_.Execute(script);
    if (!applied) {
      RollbackBatch();
      return Status::Error("schema migration to version " + std::to_string(next + 1) +
                           " failed: " + applied.message());
    }
  }
  version_ = static_cast<int>(migrations.size());
  return Status::Ok();
}

Result<int64_t> SqliteStore::QueryInt(std::string_view sql) {
  Statement statement(db_.handle(), sql);
  if (!statement.Step()) {
    if (!statement.status()) return statement.status();
    return int64_t{0};
  }
  return statement.Int(0);
}

Result<std::vector<std::pair<std::string, int64_t>>> SqliteStore::QueryCounts(std::string_view sql) {
  Statement statement(db_.handle(), sql);
  std::vector<std::pair<std::string, int64_t>> counts;
  while (statement.Step()) counts.emplace_back(statement.Text(0), statement.Int(1));
  if (!statement.status()) return statement.status();
  return counts;
}

Status SqliteStore::AddKey(const std::string& key, const std::string& doc_id) {
  Statement& insert = Prepared(
      "INSERT OR IGNORE INTO document_keys(doc_key, doc_id, first_seen) "
      "VALUES (?1, ?2, ?3)");
  return insert.Bind(1, key).Bind(2, doc_id).Bind(3, UtcNowIso()).Run();
}

Result<PutOutcome> SqliteStore::PutDocument(const Document& document) {
  Statement& existing = Prepared("SELECT 1 FROM documents WHERE id = ?1");
  existing.Bind(1, document.id);
  bool known = existing.Step();
  existing.Reset();
  if (known) {
    Status keyed = AddKey(document.article.key, document.id);
    if (!keyed) return keyed;
    return PutOutcome::kDuplicate;
  }
  if (!existing.status()) return existing.status();

  // A current document with the same identity but other text is an older version.
  Statement& older = Prepared("SELECT id FROM documents WHERE identity = ?1 AND superseded_by IS NULL");
  older.Bind(1, IdentityOf(document));
  std::vector<std::string> older_ids;
  while (older.Step()) older_ids.push_back(older.Text(0));
  if (!older.status()) return older.status();
  older.Reset();

  if (Status inserted = InsertDocument(document); !inserted) return inserted;
  if (Status spans = InsertSpans(document); !spans) return spans;
  if (Status keyed = AddKey(document.article.key, document.id); !keyed) return keyed;
  for (const std::string& old_id : older_ids) {
    Statement& supersede = Prepared("UPDATE documents SET superseded_by = ?1 WHERE id = ?2");
    if (Status updated = supersede.Bind(1, document.id).Bind(2, old_id).Run(); !updated) return updated;
    // The old version's events go; extracting the new version brings them back.
    if (Status cleared = ReplaceDocumentReports(old_id, {}); !cleared) return cleared;
  }
  return older_ids.empty() ? PutOutcome::kAdded : PutOutcome::kUpdated;
}

Status SqliteStore::InsertDocument(const Document& document) {
  const Article& article = document.article;
  Statement& insert = Prepared(R"sql(
    INSERT INTO documents(id, doc_key, identity, path, format, encoding, outlet, url, title,
                          published, published_precision, raw, text, text_map, ingested_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15))sql");
  insert.Bind(1, document.id)
      .Bind(2, article.key)
      .Bind(3, IdentityOf(document))
      .Bind(4, article.path)
      .Bind(5, FormatName(article.format))
      .Bind(6, article.encoding)
      .BindOptional(7, article.metadata.outlet)
      .BindOptional(8, article.metadata.url)
      .BindOptional(9, article.metadata.title)
      .BindOptional(10, article.metadata.published.ToIso())
      .Bind(11, PrecisionName(article.metadata.published.precision))
      .BindBlob(12, article.raw)
      .Bind(13, document.text)
      .BindBlob(14, document.text_to_raw.Serialize())
      .Bind(15, UtcNowIso());
  return insert.Run();
}

Status SqliteStore::InsertSpans(const Document& document) {
  Statement& paragraph =
      Prepared("INSERT INTO paragraphs(doc_id, idx, start, end, kind) VALUES (?1,?2,?3,?4,?5)");
  for (size_t i = 0; i < document.paragraphs.size(); ++i) {
    const Paragraph& p = document.paragraphs[i];
    paragraph.Bind(1, document.id).Bind(2, static_cast<int64_t>(i)).Bind(3, int64_t{p.text.start});
    paragraph.Bind(4, int64_t{p.text.end}).Bind(5, KindName(p.kind));
    if (Status s = paragraph.Run(); !s) return s;
  }
  Statement& sentence = Prepared(
      "INSERT INTO sentences(doc_id, idx, paragraph, start, end, raw_start, raw_end, "
      "kind) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
  for (size_t i = 0; i < document.sentences.size(); ++i) {
    const Sentence& s = document.sentences[i];
    Span raw = document.RawSpan(s.text);
    sentence.Bind(1, document.id).Bind(2, static_cast<int64_t>(i)).Bind(3, int64_t{s.paragraph});
    sentence.Bind(4, int64_t{s.text.start}).Bind(5, int64_t{s.text.end});
    sentence.Bind(6, int64_t{raw.start}).Bind(7, int64_t{raw.end}).Bind(8, KindName(s.kind));
    if (Status status = sentence.Run(); !status) return status;
  }
  Statement& dropped = Prepared(
      "INSERT INTO dropped(doc_id, idx, raw_start, raw_end, reason, text) "
      "VALUES (?1,?2,?3,?4,?5,?6)");
  for (size_t i = 0; i < document.dropped.size(); ++i) {
    const DroppedBlock& d = document.dropped[i];
    dropped.Bind(1, document.id).Bind(2, static_cast<int64_t>(i)).Bind(3, int64_t{d.source.start});
    dropped.Bind(4, int64_t{d.source.end}).Bind(5, d.reason).Bind(6, d.text);
    if (Status status = dropped.Run(); !status) return status;
  }
  Statement& warning = Prepared("INSERT INTO document_warnings(doc_id, message) VALUES (?1, ?2)");
  for (const std::string& message : document.article.warnings)
    if (Status status = warning.Bind(1, document.id).Bind(2, message).Run(); !status) return status;
  return Status::Ok();
}

constexpr std::string_view kSummaryColumns =
    "SELECT d.id, d.doc_key, d.path, COALESCE(d.outlet,''), COALESCE(d.title,''), "
    "COALESCE(d.published,''), (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id), "
    "d.superseded_by FROM documents d ";

DocumentSummary ReadSummary(const Statement& row) {
  DocumentSummary summary;
  summary.id = row.Text(0);
  summary.key = row.Text(1);
  summary.path = row.Text(2);
  summary.outlet = row.Text(3);
  summary.title = row.Text(4);
  summary.published = row.Text(5);
  summary.sentences = row.Int(6);
  if (!row.IsNull(7)) summary.superseded_by = row.Text(7);
  return summary;
}

Result<DocumentSummary> SqliteStore::SummaryWhere(std::string_view condition, std::string_view value) {
  std::string sql = std::string(kSummaryColumns) + "WHERE " + std::string(condition) +
                    " ORDER BY (d.superseded_by IS NOT NULL), d.rowid DESC LIMIT 2";
  Statement query(db_.handle(), sql);
  query.Bind(1, value);
  std::vector<DocumentSummary> found;
  while (query.Step()) found.push_back(ReadSummary(query));
  if (!query.status()) return query.status();
  if (found.empty()) return Status::Error("not found");
  bool ambiguous = found.size() > 1 && !found[0].superseded_by && !found[1].superseded_by;
  if (ambiguous)
    return Status::Error("'" + std::string(value) + "' matches several documents (" + found[0].id + ", " +
                         found[1].id + ", ...); give more of the id");
  return found[0];
}

Result<DocumentSummary> SqliteStore::FindDocument(std::string_view reference) {
  if (reference.empty()) return Status::Error("empty document reference");
  if (auto by_id = SummaryWhere("d.id = ?1", reference)) return by_id;
  if (auto by_key = SummaryWhere("d.id IN (SELECT doc_id FROM document_keys WHERE doc_key = ?1)", reference))
    return by_key;
  if (auto by_url = SummaryWhere("d.url = ?1", reference)) return by_url;
  if (reference.size() >= 4) {
    auto by_prefix = SummaryWhere("d.id LIKE ?1 || '%'", reference);
    if (by_prefix || by_prefix.error() != "not found") return by_prefix;
  }
  return Status::Error("no document with id, key or url '" + std::string(reference) + "'");
}

Result<std::vector<DocumentSummary>> SqliteStore::ListDocuments(int64_t limit, int64_t offset) {
  std::string sql =
      std::string(kSummaryColumns) + "WHERE d.superseded_by IS NULL ORDER BY d.rowid LIMIT ?1 OFFSET ?2";
  Statement query(db_.handle(), sql);
  query.Bind(1, limit).Bind(2, offset);
  std::vector<DocumentSummary> summaries;
  while (query.Step()) summaries.push_back(ReadSummary(query));
  if (!query.status()) return query.status();
  return summaries;
}

Result<Document> SqliteStore::LoadDocument(std::string_view id) {
  Statement row(db_.handle(), R"sql(
    SELECT doc_key, path, format, encoding, COALESCE(outlet,''), COALESCE(url,''),
           COALESCE(title,''), COALESCE(published,''), published_precision, raw, text, text_map
    FROM documents WHERE id = ?1)sql");
  row.Bind(1, id);
  if (!row.Step()) {
    if (!row.status()) return row.status();
    return Status::Error("no document " + std::string(id));
  }
  Document document;
  document.id = std::string(id);
  Article& article = document.article;
  article.key = row.Text(0);
  article.path = row.Text(1);
  std::string format = row.Text(2);
  article.format = format == "html"    ? SourceFormat::kHtml
                   : format == "jsonl" ? SourceFormat::kJsonLines
                                       : SourceFormat::kText;
  article.encoding = row.Text(3);
  article.metadata.outlet = row.Text(4);
  article.metadata.url = row.Text(5);
  article.metadata.title = row.Text(6);
  article.metadata.published = PublishedDate::FromIso(row.Text(7));
  article.raw = row.Blob(9);
  document.text = row.Text(10);
  Result<OffsetMap> map = OffsetMap::Deserialize(row.Blob(11));
  if (!map) return Status::Error("document " + std::string(id) + ": " + map.error());
  document.text_to_raw = std::move(*map);

  Statement paragraphs(db_.handle(),
                       "SELECT start, end, kind FROM paragraphs WHERE doc_id = ?1 ORDER BY idx");
  paragraphs.Bind(1, id);
  while (paragraphs.Step())
    document.paragraphs.push_back(
        {{static_cast<uint32_t>(paragraphs.Int(0)), static_cast<uint32_t>(paragraphs.Int(1))},
         KindFromName(paragraphs.Text(2))});
  Statement sentences(db_.handle(),
                      "SELECT start, end, paragraph, kind FROM sentences WHERE doc_id = ?1 "
                      "ORDER BY idx");
  sentences.Bind(1, id);
  while (sentences.Step())
    document.sentences.push_back(
        {{static_cast<uint32_t>(sentences.Int(0)), static_cast<uint32_t>(sentences.Int(1))},
         static_cast<uint32_t>(sentences.Int(2)),
         KindFromName(sentences.Text(3))});
  Statement dropped(db_.handle(),
                    "SELECT raw_start, raw_end, text, reason FROM dropped WHERE doc_id = ?1 "
                    "ORDER BY idx");
  dropped.Bind(1, id);
  while (dropped.Step())
    document.dropped.push_back(
        {{static_cast<uint32_t>(dropped.Int(0)), static_cast<uint32_t>(dropped.Int(1))},
         dropped.Text(2),
         dropped.Text(3)});
  Statement warnings(db_.handle(), "SELECT message FROM document_warnings WHERE doc_id = ?1");
  warnings.Bind(1, id);
  while (warnings.Step()) article.warnings.push_back(warnings.Text(0));
  return document;
}

// --- reports ------------------------------------------------------------------

// A report's "event" evidence spans (its clauses), newline-joined: what the
// link stage compares.
constexpr std::string_view kReportColumns = R"sql(
    r.id, r.doc_id, COALESCE(d.url, d.doc_key), r.record,
    COALESCE((SELECT group_concat(x.text, char(10)) FROM evidence x
              WHERE x.report_id = r.id AND x.role = 'event'), ''),
    COALESCE(r.event_id, '')
  FROM reports r JOIN documents d ON d.id = r.doc_id)sql";

StoredReport ReadReport(const Statement& row) {
  return {row.Text(0), row.Text(1), row.Text(2), row.Text(3), row.Text(4), row.Text(5)};
}

Result<std::vector<StoredReport>> SqliteStore::QueryReports(std::string_view where,
                                                            const std::vector<std::string>& values) {
  Statement rows(db_.handle(), "SELECT " + std::string(kReportColumns) + " " + std::string(where));
  for (size_t i = 0; i < values.size(); ++i) rows.Bind(static_cast<int>(i + 1), values[i]);
  std::vector<StoredReport> reports;
  while (rows.Step()) reports.push_back(ReadReport(rows));
  if (!rows.status()) return rows.status();
  return reports;
}

// Deletes a report; when it was linked, a tombstone keeps what the link
// stage needs to relink its event (and to know an edited article's report).
Status SqliteStore::RemoveReport(const std::string& report_id) {
  Statement& tombstone = Prepared(R"sql(
    INSERT INTO report_tombstones(report_id, doc_id, identity, record, text, event_id)
    SELECT r.id, r.doc_id, COALESCE(d.url, d.doc_key), r.record,
           COALESCE((SELECT group_concat(x.text, char(10)) FROM evidence x
                     WHERE x.report_id = r.id AND x.role = 'event'), ''), r.event_id
    FROM reports r JOIN documents d ON d.id = r.doc_id WHERE r.id = ?1 AND r.event_id IS NOT NULL)sql");
  if (Status s = tombstone.Bind(1, report_id).Run(); !s) return s;
  for (std::string_view sql :
       {"DELETE FROM evidence WHERE report_id = ?1", "DELETE FROM reports WHERE id = ?1"})
    if (Status s = Prepared(sql).Bind(1, report_id).Run(); !s) return s;
  return Status::Ok();
}

// Inserts the report, or replaces its record and evidence when they changed
// (it then waits for linking again; its event stays until then).
Status SqliteStore::UpsertReport(const NewReport& report, const std::string& doc_id, const std::string& now) {
  Statement& existing = Prepared("SELECT record = ?2 FROM reports WHERE id = ?1");
  existing.Bind(1, report.id).Bind(2, report.record);
  bool known = existing.Step();
  bool unchanged = known && existing.Int(0) == 1;
  if (!existing.status()) return existing.status();
  existing.Reset();
  if (unchanged) return Status::Ok();
  Statement& upsert = Prepared(R"sql(
    INSERT INTO reports(id, doc_id, record, background, admin1, date_start, event_id, linked, created_at, updated_at)
    VALUES (?1, ?2, ?3, ?4, json_extract(?3, '$.admin1'), json_extract(?3, '$.date_start'), NULL, 0, ?5, ?5)
    ON CONFLICT(id) DO UPDATE SET
      record = excluded.record, background = excluded.background, admin1 = excluded.admin1,
      date_start = excluded.date_start, linked = 0, updated_at = excluded.updated_at)sql");
  upsert.Bind(1, report.id)
      .Bind(2, doc_id)
      .Bind(3, report.record)
      .Bind(4, int64_t{report.background})
      .Bind(5, now);
  if (Status s = upsert.Run(); !s) return s;
  if (Status s = Prepared("DELETE FROM evidence WHERE report_id = ?1").Bind(1, report.id).Run(); !s) return s;
  Statement& insert = Prepared(
      "INSERT INTO evidence(report_id, doc_id, raw_start, raw_end, text, role) VALUES (?1,?2,?3,?4,?5,?6)");
  for (const EvidenceRecord& evidence : report.evidence) {
    insert.Bind(1, report.id).Bind(2, doc_id).Bind(3, evidence.raw_start).Bind(4, evidence.raw_end);
    if (Status s = insert.Bind(5, evidence.text).Bind(6, evidence.role).Run(); !s) return s;
  }
  return Status::Ok();
}

Status SqliteStore::ReplaceDocumentReports(const std::string& doc_id, const std::vector<NewReport>& reports) {
  const std::string now = UtcNowIso();
  std::set<std::string> kept;
  for (const NewReport& report : reports) kept.insert(report.id);
  Statement& cited = Prepared("SELECT id FROM reports WHERE doc_id = ?1");
  cited.Bind(1, doc_id);
  std::vector<std::string> previous;
  while (cited.Step()) previous.push_back(cited.Text(0));
  if (!cited.status()) return cited.status();
  cited.Reset();
  for (const std::string& report_id : previous)
    if (!kept.contains(report_id))
      if (Status s = RemoveReport(report_id); !s) return s;
  for (const NewReport& report : reports)
    if (Status s = UpsertReport(report, doc_id, now); !s) return s;
  return Status::Ok();
}

Result<std::vector<StoredReport>> SqliteStore::PendingReports() {
  return QueryReports("WHERE r.linked = 0 ORDER BY r.id", {});
}

Result<std::vector<StoredReport>> SqliteStore::AllReports() { return QueryReports("ORDER BY r.id", {}); }

Result<std::vector<StoredReport>> SqliteStore::ReportsInWindow(const std::string& admin1,
                                                               const std::string& date_from,
                                                               const std::string& date_to) {
  return QueryReports("WHERE r.admin1 = ?1 AND r.date_start BETWEEN ?2 AND ?3 ORDER BY r.id",
                      {admin1, date_from, date_to});
}

Result<std::vector<StoredReport>> SqliteStore::ReportsOfEvent(const std::string& event_id) {
  return QueryReports("WHERE r.event_id = ?1 ORDER BY r.id", {event_id});
}

Result<std::vector<StoredReport>> SqliteStore::Tombstones() {
  Statement rows(
      db_.handle(),
      "SELECT report_id, doc_id, identity, record, text, event_id FROM report_tombstones ORDER BY report_id");
  std::vector<StoredReport> reports;
  while (rows.Step()) reports.push_back(ReadReport(rows));
  if (!rows.status()) return rows.status();
  return reports;
}

// --- events -----------------------------------------------------------------

// Inserts the event or, when its id is known, updates its record (keeping
// created_at) if the record changed. Indexed columns come from the record.
Status SqliteStore::UpsertEvent(const EventRecord& event, const std::string& now) {
  // The record's `timestamp` (ACLED: when the record last changed) is the
  // store's to set; records are compared without it.
  Statement& existing = Prepared(
      "SELECT json_remove(record, '$.timestamp') = json_remove(?2, '$.timestamp') AND joins = ?3 "
      "FROM events WHERE id = ?1");
  existing.Bind(1, event.id).Bind(2, event.record).Bind(3, event.joins);
  bool unchanged = existing.Step() && existing.Int(0) == 1;
  if (!existing.status()) return existing.status();
  existing.Reset();
  if (unchanged) return Status::Ok();
  Statement& upsert = Prepared(R"sql(
    INSERT INTO events(id, record, event_date, event_type, sub_event_type, admin1, latitude, longitude,
                       fatalities, background, created_at, updated_at, joins)
    VALUES (?1, json_set(?2, '$.timestamp', CAST(strftime('%s', ?4) AS INTEGER)),
            json_extract(?2, '$.event_date'), json_extract(?2, '$.event_type'),
            json_extract(?2, '$.sub_event_type'), json_extract(?2, '$.admin1'),
            json_extract(?2, '$.latitude'), json_extract(?2, '$.longitude'),
            json_extract(?2, '$.fatalities'), ?3, ?4, ?4, ?5)
    ON CONFLICT(id) DO UPDATE SET
      record = excluded.record, event_date = excluded.event_date, event_type = excluded.event_type,
      sub_event_type = excluded.sub_event_type, admin1 = excluded.admin1, latitude = excluded.latitude,
      longitude = excluded.longitude, fatalities = excluded.fatalities, background = excluded.background,
      updated_at = excluded.updated_at, joins = excluded.joins)sql");
  upsert.Bind(1, event.id).Bind(2, event.record).Bind(3, int64_t{event.background}).Bind(4, now);
  return upsert.Bind(5, event.joins).Run();
}

Status SqliteStore::RetireEvent(const std::string& id, const std::string& successor, const std::string& now) {
  if (Status s = Prepared("DELETE FROM events WHERE id = ?1").Bind(1, id).Run(); !s) return s;
  Statement& redirect = Prepared(
      "INSERT INTO event_redirects(old_id, new_id, retired_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(old_id) DO UPDATE SET new_id = excluded.new_id, retired_at = excluded.retired_at");
  if (Status s = redirect.Bind(1, id).BindOptional(2, successor).Bind(3, now).Run(); !s) return s;
  // Ids that led to this one now lead where it went.
  Statement& chain = Prepared("UPDATE event_redirects SET new_id = ?2 WHERE new_id = ?1");
  return chain.Bind(1, id).BindOptional(2, successor).Run();
}

Status SqliteStore::ApplyLinks(const LinkUpdate& update) {
  const std::string now = UtcNowIso();
  for (const auto& [id, successor] : update.retired)
    if (Status s = RetireEvent(id, successor, now); !s) return s;
  for (const LinkUpdate::Write& write : update.events) {
    if (Status s = UpsertEvent(write.event, now); !s) return s;
    Statement& member = Prepared("UPDATE reports SET event_id = ?1, linked = 1 WHERE id = ?2");
    for (const std::string& report_id : write.report_ids)
      if (Status s = member.Bind(1, write.event.id).Bind(2, report_id).Run(); !s) return s;
    // A retired id that is reused (an edited article's report came back) is live again.
    if (Status s = Prepared("DELETE FROM event_redirects WHERE old_id = ?1").Bind(1, write.event.id).Run();
        !s)
      return s;
  }
  Statement& log =
      Prepared("INSERT INTO event_changes(event_id, changed_at, change, reason) VALUES (?1, ?2, ?3, ?4)");
  for (const EventChange& change : update.changes)
    if (Status s =
            log.Bind(1, change.event_id).Bind(2, now).Bind(3, change.change).Bind(4, change.reason).Run();
        !s)
      return s;
  if (update.clear_tombstones)
    if (Status s = db_.Execute("DELETE FROM report_tombstones"); !s) return s;
  return Status::Ok();
}

Result<bool> SqliteStore::EventIdTaken(const std::string& id) {
  Statement& taken = Prepared(
      "SELECT EXISTS(SELECT 1 FROM events WHERE id = ?1) OR EXISTS(SELECT 1 FROM event_redirects WHERE "
      "old_id = ?1)");
  taken.Bind(1, id);
  bool result = taken.Step() && taken.Int(0) == 1;
  if (!taken.status()) return taken.status();
  taken.Reset();
  return result;
}

// An events row selected as (id, record, background, created_at, updated_at, joins).
constexpr std::string_view kEventColumns = "id, record, background, created_at, updated_at, joins";
EventRecord ReadEvent(const Statement& row) {
  return {row.Text(0), row.Text(1), row.Int(2) != 0, row.Text(3), row.Text(4), row.Text(5)};
}

Result<std::vector<EventRecord>> SqliteStore::ListEvents(const EventQuery& query) {
  Statement rows(db_.handle(), "SELECT " + std::string(kEventColumns) + R"sql( FROM events
    WHERE (?1 OR background = 0) AND updated_at >= ?2
      AND (?3 = '' OR id IN (SELECT event_id FROM reports WHERE doc_id = ?3))
    ORDER BY id)sql");
  rows.Bind(1, int64_t{query.include_background}).Bind(2, query.changed_since).Bind(3, query.doc_id);
  std::vector<EventRecord> events;
  while (rows.Step()) events.push_back(ReadEvent(rows));
  if (!rows.status()) return rows.status();
  return events;
}

// The id of the event `reference` names: an event id or unique prefix, a
// report id, or a retired id (followed to the event that took its reports).
Result<std::string> SqliteStore::ResolveEventId(std::string_view reference) {
  if (reference.empty()) return Status::Error("empty event reference");
  Statement rows(db_.handle(),
                 "SELECT id FROM events WHERE id = ?1 OR id LIKE ?1 || '%' ORDER BY (id = ?1) DESC LIMIT 2");
  rows.Bind(1, reference);
  std::vector<std::string> found;
  while (rows.Step()) found.push_back(rows.Text(0));
  if (!rows.status()) return rows.status();
  if (found.size() > 1 && found[0] != reference)
    return Status::Error("'" + std::string(reference) + "' matches several events; give more of the id");
  if (!found.empty()) return found[0];
  Statement report(db_.handle(), "SELECT event_id FROM reports WHERE id = ?1 AND event_id IS NOT NULL");
  report.Bind(1, reference);
  if (report.Step()) return report.Text(0);
  Statement redirect(db_.handle(), "SELECT COALESCE(new_id, '') FROM event_redirects WHERE old_id = ?1");
  redirect.Bind(1, reference);
  if (redirect.Step()) {
    std::string successor = redirect.Text(0);
    if (successor.empty())
      return Status::Error("event '" + std::string(reference) + "' was deleted: no report of it is left");
    return successor;
  }
  return Status::Error("no event '" + std::string(reference) + "'");
}

Result<FoundEvent> SqliteStore::FindEvent(std::string_view reference) {
  auto id = ResolveEventId(reference);
  if (!id) return id.status();
  Statement row(db_.handle(), "SELECT " + std::string(kEventColumns) + " FROM events WHERE id = ?1");
  row.Bind(1, *id);
  if (!row.Step()) return Status::Error("no event '" + *id + "'");
  FoundEvent event{ReadEvent(row), {}, {}};
  Statement reports(db_.handle(), "SELECT id FROM reports WHERE event_id = ?1 ORDER BY id");
  reports.Bind(1, *id);
  while (reports.Step()) event.report_ids.push_back(reports.Text(0));
  Statement evidence(db_.handle(), R"sql(
    SELECT x.doc_id, x.raw_start, x.raw_end, x.text, x.role FROM evidence x JOIN reports r ON r.id = x.report_id
    WHERE r.event_id = ?1 ORDER BY x.doc_id, x.raw_start, x.role)sql");
  evidence.Bind(1, *id);
  while (evidence.Step())
    event.evidence.push_back(
        {evidence.Text(0), evidence.Int(1), evidence.Int(2), evidence.Text(3), evidence.Text(4)});
  if (!evidence.status()) return evidence.status();
  return event;
}

Result<StoredReport> SqliteStore::FindReport(std::string_view reference) {
  if (reference.empty()) return Status::Error("empty report reference");
  auto found = QueryReports("WHERE r.id = ?1 OR r.id LIKE ?1 || '%' ORDER BY (r.id = ?1) DESC LIMIT 2",
                            {std::string(reference)});
  if (!found) return found.status();
  if (found->empty()) return Status::Error("no report '" + std::string(reference) + "'");
  if (found->size() > 1 && (*found)[0].id != reference)
    return Status::Error("'" + std::string(reference) + "' matches several reports; give more of the id");
  return (*found)[0];
}

Result<std::vector<EventChange>> SqliteStore::ListChanges(const std::string& event_id,
                                                          const std::string& since) {
  Statement rows(db_.handle(), R"sql(
    SELECT event_id, changed_at, change, reason FROM event_changes
    WHERE (?1 = '' OR event_id = ?1) AND changed_at >= ?2 ORDER BY id)sql");
  rows.Bind(1, event_id).Bind(2, since);
  std::vector<EventChange> changes;
  while (rows.Step()) changes.push_back({rows.Text(0), rows.Text(1), rows.Text(2), rows.Text(3)});
  if (!rows.status()) return rows.status();
  return changes;
}

// --- places -------------------------------------------------------------------

Status SqliteStore::ReplacePlaces(const std::vector<PlaceRow>& places) {
  if (Status s = db_.Execute("DELETE FROM places"); !s) return s;
  Statement& insert = Prepared(
      "INSERT INTO places(id, name_en, name_ar, kind, country, admin1, admin2, latitude, longitude) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  for (const PlaceRow& place : places) {
    insert.Bind(1, place.id).Bind(2, place.name_en).BindOptional(3, place.name_ar).Bind(4, place.kind);
    insert.BindOptional(5, place.country).BindOptional(6, place.admin1).BindOptional(7, place.admin2);
    if (place.latitude && place.longitude)
      insert.Bind(8, *place.latitude).Bind(9, *place.longitude);
    else
      insert.BindNull(8).BindNull(9);
    if (Status s = insert.Run(); !s) return s;
    insert.Reset();
  }
  return Status::Ok();
}

Result<std::vector<PlaceRow>> SqliteStore::PlacesInBox(double west, double south, double east, double north,
                                                       int64_t limit) {
  Statement rows(
      db_.handle(),
      "SELECT id, name_en, COALESCE(name_ar, ''), kind, COALESCE(country, ''), COALESCE(admin1, ''), "
      "COALESCE(admin2, ''), latitude, longitude FROM places "
      "WHERE latitude BETWEEN ?1 AND ?2 AND longitude BETWEEN ?3 AND ?4 ORDER BY id LIMIT ?5");
  rows.Bind(1, south).Bind(2, north).Bind(3, west).Bind(4, east).Bind(5, limit);
  std::vector<PlaceRow> places;
  while (rows.Step())
    places.push_back({rows.Text(0), rows.Text(1), rows.Text(2), rows.Text(3), rows.Text(4), rows.Text(5),
                      rows.Text(6), std::stod(rows.Text(7)), std::stod(rows.Text(8))});
  if (!rows.status()) return rows.status();
  return places;
}

// --- the API's queries ----------------------------------------------------------

void SqliteStore::SetQueryTimeLimit(int milliseconds) {
  query_limit_ms_ = milliseconds;
  if (milliseconds <= 0) return sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
  // SQLite calls this every few thousand steps; non-zero interrupts the query.
  sqlite3_progress_handler(
      db_.handle(), 4000,
      [](void* self) -> int {
        auto* store = static_cast<SqliteStore*>(self);
        return std::chrono::steady_clock::now() > store->query_deadline_ ? 1 : 0;
      },
      this);
}

Result<EventPage> SqliteStore::QueryEvents(const EventFilter& filter, EventOrder order, int64_t limit,
                                           const std::string& cursor) {
  WhereClause where = FilterClause(filter);
  OrderSql sort = OrderOf(order);
  if (!cursor.empty()) {
    std::string key, id;
    if (!DecodeCursor(cursor, &key, &id))
      return Status::Error("not a cursor of this listing: '" + cursor + "'");
    where.sql += where.sql.empty() ? "WHERE " : " AND ";
    where.sql += "(" + sort.key + ", id) " + sort.after + " (?, ?)";
    where.values.emplace_back(key);
    where.values.emplace_back(id);
  }
  Statement rows(db_.handle(), "SELECT " + std::string(kEventColumns) + ", " + sort.key + " FROM events " +
                                   where.sql + " ORDER BY " + sort.key + " " + sort.direction + ", id " +
                                   sort.direction + " LIMIT ?");
  int next = BindAll(rows, where.values);
  rows.Bind(next, limit + 1);
  QueryClock clock(*this);
  EventPage page;
  std::string last_key;
  while (rows.Step()) {
    if (static_cast<int64_t>(page.events.size()) == limit) {
      page.next_cursor = EncodeCursor(last_key, page.events.back().id);
      break;
    }
    page.events.push_back(ReadEvent(rows));
    last_key = rows.Text(6);
  }
  if (!rows.status()) return rows.status();
  return page;
}

Result<std::vector<EventTally>> SqliteStore::Tally(const WhereClause& where, std::string_view key,
                                                   bool by_key) {
  Statement rows(db_.handle(), "SELECT " + std::string(key) +
                                   " k, COUNT(*), SUM(COALESCE(fatalities, 0)) FROM events " + where.sql +
                                   " GROUP BY k ORDER BY " +
                                   (by_key ? std::string("k") : std::string("COUNT(*) DESC, k")));
  BindAll(rows, where.values);
  std::vector<EventTally> tallies;
  while (rows.Step()) tallies.push_back({rows.IsNull(0) ? "" : rows.Text(0), rows.Int(1), rows.Int(2)});
  if (!rows.status()) return rows.status();
  return tallies;
}

Result<EventTallies> SqliteStore::TallyEvents(const EventFilter& filter) {
  WhereClause where = FilterClause(filter);
  QueryClock clock(*this);
  return TallyByKeys("json_extract(record, '$.actor1_id')",
                     [&](std::string_view key, bool by_key) { return Tally(where, key, by_key); });
}

Status SqliteStore::RecordRun(const RunRecord& run) {
  Statement insert(db_.handle(),
                   "INSERT INTO ingest_runs(started_at, finished_at, inputs, added, duplicates, "
                   "updated, failed) VALUES (?1,?2,?3,?4,?5,?6,?7)");
  insert.Bind(1, run.started_at).Bind(2, run.finished_at).Bind(3, run.inputs);
  insert.Bind(4, run.added).Bind(5, run.duplicates).Bind(6, run.updated).Bind(7, run.failed);
  if (Status status = insert.Run(); !status) return status;
  int64_t run_id = sqlite3_last_insert_rowid(db_.handle());
  Statement error(db_.handle(), "INSERT INTO ingest_errors(run_id, location, reason) VALUES (?1, ?2, ?3)");
  for (const auto& [where, reason] : run.errors)
    if (Status status = error.Bind(1, run_id).Bind(2, where).Bind(3, reason).Run(); !status) return status;
  return Status::Ok();
}

Result<Stats> SqliteStore::GetStats() {
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
       "SELECT COUNT(*) FROM sentences s JOIN documents d ON d.id = s.doc_id "
       "WHERE d.superseded_by IS NULL"},
      {&stats.raw_bytes, "SELECT COALESCE(SUM(LENGTH(raw)),0) FROM documents WHERE superseded_by IS NULL"},
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
  Statement range(db_.handle(),
                  "SELECT COALESCE(MIN(published),''), COALESCE(MAX(published),'') FROM documents "
                  "WHERE superseded_by IS NULL");
  if (range.Step()) {
    stats.earliest_published = range.Text(0);
    stats.latest_published = range.Text(1);
  }
  struct Grouping {
    std::vector<std::pair<std::string, int64_t>>* target;
    std::string_view sql;
  };
  const Grouping groupings[] = {
      {&stats.by_outlet,
       "SELECT COALESCE(outlet,'(unknown)'), COUNT(*) c FROM documents WHERE superseded_by IS NULL "
       "GROUP BY 1 ORDER BY c DESC, 1"},
      {&stats.by_format,
       "SELECT format, COUNT(*) c FROM documents WHERE superseded_by IS NULL GROUP BY 1 "
       "ORDER BY c DESC, 1"},
      {&stats.by_encoding,
       "SELECT encoding, COUNT(*) c FROM documents WHERE superseded_by IS NULL GROUP BY 1 "
       "ORDER BY c DESC, 1"},
      {&stats.dropped_by_reason,
       "SELECT x.reason, COUNT(*) c FROM dropped x JOIN documents d ON d.id = x.doc_id "
       "WHERE d.superseded_by IS NULL GROUP BY 1 ORDER BY c DESC, 1"},
  };
  for (const Grouping& grouping : groupings) {
    auto counts = QueryCounts(grouping.sql);
    if (!counts) return counts.status();
    *grouping.target = std::move(*counts);
  }
  return stats;
}

}  // namespace

const char* OutcomeName(PutOutcome outcome) {
  switch (outcome) {
    case PutOutcome::kAdded: return "added";
    case PutOutcome::kDuplicate: return "duplicate";
    case PutOutcome::kUpdated: return "updated";
  }
  return "?";
}

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& location) {
  Result<Database> database = Database::Open(location);
  if (!database) return database.status();
  auto store = std::make_unique<SqliteStore>(std::move(*database));
  if (Status ready = store->Initialise(); !ready) return Status::Error(location + ": " + ready.message());
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace hadath::store

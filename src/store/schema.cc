#include "store/schema.h"

#include <regex>
#include <string>

namespace hadath::store {
namespace {

// Version 1: documents with their spans; the tables the later stages fill
// (events, the documents and evidence behind them, and the change log).
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE documents (
  id                  TEXT PRIMARY KEY,      -- content hash of the decoded text
  doc_key             TEXT NOT NULL,         -- external id (FORMAT.md doc_id) when first stored
  identity            TEXT NOT NULL,         -- url, else doc_key: what makes a later text an edit
  path                TEXT NOT NULL,
  format              TEXT NOT NULL,
  encoding            TEXT NOT NULL,
  outlet              TEXT,
  url                 TEXT,
  title               TEXT,
  published           TEXT,                  -- ISO 8601 to its precision
  published_precision TEXT NOT NULL,
  raw                 {blob} NOT NULL,         -- original bytes as read
  text                TEXT NOT NULL,         -- clean text
  text_map            {blob} NOT NULL,         -- OffsetMap text -> raw, serialised
  ingested_at         TEXT NOT NULL,
  superseded_by       TEXT REFERENCES documents(id)
);
CREATE INDEX documents_identity ON documents(identity);
CREATE INDEX documents_url ON documents(url);

CREATE TABLE document_keys (               -- every external key a text was ingested under
  doc_key    TEXT NOT NULL,
  doc_id     TEXT NOT NULL REFERENCES documents(id),
  first_seen TEXT NOT NULL,
  PRIMARY KEY (doc_key, doc_id)
){without_rowid};
CREATE INDEX document_keys_doc ON document_keys(doc_id);

CREATE TABLE paragraphs (
  doc_id TEXT NOT NULL REFERENCES documents(id),
  idx    INTEGER NOT NULL,
  start  INTEGER NOT NULL,                 -- in documents.text
  "end"  INTEGER NOT NULL,
  kind   TEXT NOT NULL,                    -- headline | body
  PRIMARY KEY (doc_id, idx)
){without_rowid};

CREATE TABLE sentences (
  doc_id    TEXT NOT NULL REFERENCES documents(id),
  idx       INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  start     INTEGER NOT NULL,              -- in documents.text
  "end"     INTEGER NOT NULL,
  raw_start INTEGER NOT NULL,              -- in documents.raw
  raw_end   INTEGER NOT NULL,
  kind      TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
){without_rowid};

CREATE TABLE dropped (                     -- page furniture removed from the text
  doc_id    TEXT NOT NULL REFERENCES documents(id),
  idx       INTEGER NOT NULL,
  raw_start INTEGER NOT NULL,
  raw_end   INTEGER NOT NULL,
  reason    TEXT NOT NULL,
  text      TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
){without_rowid};

CREATE TABLE document_warnings (
  doc_id  TEXT NOT NULL REFERENCES documents(id),
  message TEXT NOT NULL
);

CREATE TABLE ingest_runs (
  id          {serial_key},
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  inputs      TEXT NOT NULL,
  added       INTEGER NOT NULL,
  duplicates  INTEGER NOT NULL,
  updated     INTEGER NOT NULL,
  failed      INTEGER NOT NULL
);
CREATE TABLE ingest_errors (
  run_id   INTEGER NOT NULL REFERENCES ingest_runs(id),
  location TEXT NOT NULL,
  reason   TEXT NOT NULL
);

CREATE TABLE events (
  id             TEXT PRIMARY KEY,         -- stable event id
  record         TEXT NOT NULL,            -- the FORMAT.md JSON record
  event_date     TEXT,
  event_type     TEXT,
  sub_event_type TEXT,
  admin1         TEXT,
  latitude       {real},
  longitude      {real},
  fatalities     INTEGER,
  background     INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE TABLE event_documents (
  event_id TEXT NOT NULL REFERENCES events(id),
  doc_id   TEXT NOT NULL REFERENCES documents(id),
  PRIMARY KEY (event_id, doc_id)
){without_rowid};
CREATE TABLE evidence (
  event_id  TEXT NOT NULL REFERENCES events(id),
  doc_id    TEXT NOT NULL REFERENCES documents(id),
  raw_start INTEGER NOT NULL,
  raw_end   INTEGER NOT NULL,
  text      TEXT NOT NULL,
  role      TEXT NOT NULL                  -- what the span supports: trigger, actor, place, ...
);
CREATE INDEX evidence_event ON evidence(event_id);
CREATE TABLE event_changes (
  id         {serial_key},
  event_id   TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  change     TEXT NOT NULL,
  reason     TEXT NOT NULL
);
)sql";

// Version 2: reports and linked events. What version 1 called events are
// reports (what one article says of one incident); events are now the
// incidents the link stage makes of them. Every old event becomes a report
// of the event of the same id, waiting to be linked again.
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE reports (
  id          TEXT PRIMARY KEY,            -- per-article event id (hash of document and clause)
  doc_id      TEXT NOT NULL REFERENCES documents(id),
  record      TEXT NOT NULL,               -- the FORMAT.md record as read from this article alone
  background  INTEGER NOT NULL DEFAULT 0,
  admin1      TEXT,                        -- link candidates: same governorate,
  date_start  TEXT,                        -- and a date window
  event_id    TEXT,                        -- the linked event; NULL until linked
  linked      INTEGER NOT NULL DEFAULT 0,  -- 0: new or changed since the last linking pass
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX reports_doc ON reports(doc_id);
CREATE INDEX reports_event ON reports(event_id);
CREATE INDEX reports_window ON reports(admin1, date_start);
CREATE INDEX reports_pending ON reports(linked) WHERE linked = 0;
INSERT INTO reports(id, doc_id, record, background, admin1, date_start, event_id, linked, created_at, updated_at)
  SELECT e.id, d.doc_id, e.record, e.background, e.admin1, {json_text(e.record, date_start)}, e.id, 0,
         e.created_at, e.updated_at
  FROM events e JOIN event_documents d ON d.event_id = e.id;
DROP TABLE event_documents;
CREATE TABLE report_evidence (
  report_id TEXT NOT NULL REFERENCES reports(id),
  doc_id    TEXT NOT NULL REFERENCES documents(id),
  raw_start INTEGER NOT NULL,
  raw_end   INTEGER NOT NULL,
  text      TEXT NOT NULL,
  role      TEXT NOT NULL                  -- what the span supports: event (its clause), trigger, place, ...
);
INSERT INTO report_evidence SELECT event_id, doc_id, raw_start, raw_end, text, role FROM evidence;
DROP TABLE evidence;
ALTER TABLE report_evidence RENAME TO evidence;
CREATE INDEX evidence_report ON evidence(report_id);
ALTER TABLE events ADD COLUMN joins TEXT NOT NULL DEFAULT '[]';  -- why its reports were linked
CREATE TABLE report_tombstones (          -- reports removed since the last linking pass
  report_id TEXT NOT NULL,
  doc_id    TEXT NOT NULL,
  identity  TEXT NOT NULL,
  record    TEXT NOT NULL,
  text      TEXT NOT NULL,
  event_id  TEXT NOT NULL
);
CREATE TABLE event_redirects (            -- retired event ids and the event that took their reports
  old_id     TEXT PRIMARY KEY,
  new_id     TEXT,
  retired_at TEXT NOT NULL
){without_rowid};
CREATE INDEX event_changes_event ON event_changes(event_id);
CREATE INDEX event_changes_time ON event_changes(changed_at);
)sql";

// Version 3 (PostgreSQL only): PostGIS points of the events, for map queries.
constexpr std::string_view kVersion3 = R"sql(
{postgis_events}
)sql";

// Version 4: indexes for the API's listings, in the orders it pages by; each
// holds `background`, so the default filter needs no row (a row's record is
// large and lies before the other columns).
constexpr std::string_view kVersion4 = R"sql(
{event_order_indexes}
)sql";

// Version 5: the gazetteer's places, for spatial queries beside the events
// (`hadath gazetteer load`); PostgreSQL keeps a PostGIS point of each.
constexpr std::string_view kVersion5 = R"sql(
CREATE TABLE places (
  id        TEXT PRIMARY KEY,              -- the gazetteer's source id
  name_en   TEXT NOT NULL,
  name_ar   TEXT,
  kind      TEXT NOT NULL,
  country   TEXT,
  admin1    TEXT,
  admin2    TEXT,
  latitude  {real},
  longitude {real}{place_geometry}
);
CREATE INDEX places_position ON places(latitude, longitude);
{place_geometry_index}
)sql";

// What the tokens of the migrations above stand for in each dialect.
std::string Expand(std::string_view migration, Dialect dialect) {
  bool pg = dialect == Dialect::kPostgres;
  static const std::regex json_text(R"(\{json_text\(([^,]+), ([a-z_]+)\)\})");
  std::string sql = std::regex_replace(std::string(migration), json_text,
                                       pg ? "(($1)::jsonb ->> '$2')" : "json_extract($1, '$$.$2')");
  const std::pair<std::string_view, std::string_view> tokens[] = {
      {"{blob}", pg ? "BYTEA" : "BLOB"},
      {"{real}", pg ? "DOUBLE PRECISION" : "REAL"},
      {"{serial_key}", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY"},
      {"{without_rowid}", pg ? "" : " WITHOUT ROWID"},
      {"{event_order_indexes}",
       pg ? "CREATE INDEX events_date_asc ON events((COALESCE(event_date, '9999') COLLATE \"C\"), "
            "(id COLLATE \"C\"), background);\n"
            "CREATE INDEX events_date_desc ON events((COALESCE(event_date, '') COLLATE \"C\"), "
            "(id COLLATE \"C\"), background);\n"
            "CREATE INDEX events_fatalities_desc ON events((lpad(COALESCE(fatalities, 0)::text, 10, '0') "
            "COLLATE \"C\"), (id COLLATE \"C\"), background);\n"
            "CREATE INDEX events_admin1_date ON events(admin1, (COALESCE(event_date, '9999') COLLATE \"C\"), "
            "(id COLLATE \"C\"), background);"
          : "CREATE INDEX events_date_asc ON events(COALESCE(event_date, '9999'), id, background);\n"
            "CREATE INDEX events_date_desc ON events(COALESCE(event_date, ''), id, background);\n"
            "CREATE INDEX events_fatalities_desc ON events(printf('%010d', COALESCE(fatalities, 0)), id, "
            "background);\n"
            "CREATE INDEX events_admin1_date ON events(admin1, COALESCE(event_date, '9999'), id, "
            "background);"},
      {"{place_geometry}", pg ? ",\n  geom      geometry(Point, 4326)" : ""},
      {"{place_geometry_index}", pg ? "CREATE INDEX places_geom ON places USING GIST (geom);" : ""},
      {"{postgis_events}", pg ? "CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public;\n"
                                "ALTER TABLE events ADD COLUMN geom geometry(Point, 4326);\n"
                                "CREATE INDEX events_geom ON events USING GIST (geom);"
                              : ""},
  };
  for (const auto& [token, value] : tokens)
    for (size_t at = sql.find(token); at != std::string::npos; at = sql.find(token, at + value.size()))
      sql.replace(at, token.size(), value);
  return sql;
}

}  // namespace

const std::vector<std::string>& Migrations(Dialect dialect) {
  static const auto expand = [](Dialect d) {
    std::vector<std::string> out;
    for (std::string_view migration : {kVersion1, kVersion2, kVersion3, kVersion4, kVersion5})
      out.push_back(Expand(migration, d));
    return out;
  };
  static const std::vector<std::string> sqlite = expand(Dialect::kSqlite),
                                        postgres = expand(Dialect::kPostgres);
  return dialect == Dialect::kPostgres ? postgres : sqlite;
}

}  // namespace hadath::store

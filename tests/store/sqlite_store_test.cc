#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "hadath/store.h"
#include "store/schema.h"
#include "store/store_backends.h"

namespace hadath::store {
namespace {

// Runs on both stores (see store_backends.h); the name is from when there
// was only SQLite.
class SqliteStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && testing::PostgresUrl().empty()) GTEST_SKIP() << testing::kNoPostgres;
    place_ = std::make_unique<testing::StoreLocation>(GetParam(), "store-test");
    ASSERT_EQ(place_->error(), "");
    path_ = place_->location();
  }
  void TearDown() override { place_.reset(); }
  bool postgres() const { return place_->postgres(); }

  std::unique_ptr<Store> Open() {
    auto store = Store::Open(path_);
    EXPECT_TRUE(store.ok()) << store.error();
    return store.ok() ? std::move(*store) : nullptr;
  }

  // A small document whose text is a copy of the second line of its raw bytes.
  static Document MakeDocument(const std::string& key, const std::string& body, const std::string& url = "") {
    Document document;
    document.article.key = key;
    document.article.path = key + ".txt";
    document.article.encoding = "UTF-8";
    document.article.metadata.url = url;
    document.article.metadata.outlet = "Enab Baladi";
    document.article.metadata.published = PublishedDate::FromIso("2024-08-23");
    document.article.raw = "furniture\n" + body;
    document.id = "id-" + body;
    document.text = body;
    document.text_to_raw.AppendCopy(static_cast<uint32_t>(body.size()), 10);
    document.paragraphs.push_back({{0, static_cast<uint32_t>(body.size())}, BlockKind::kBody});
    document.sentences.push_back({{0, static_cast<uint32_t>(body.size())}, 0, BlockKind::kBody});
    document.dropped.push_back({{0, 9}, "furniture", "ui-residue"});
    return document;
  }

  Result<PutOutcome> Put(Store& store, const Document& document) {
    EXPECT_TRUE(store.BeginBatch().ok());
    auto outcome = store.PutDocument(document);
    EXPECT_TRUE(store.CommitBatch().ok());
    return outcome;
  }

  std::unique_ptr<testing::StoreLocation> place_;
  std::string path_;  // the file or URL the store opens
};

INSTANTIATE_TEST_SUITE_P(Backends, SqliteStoreTest, ::testing::ValuesIn(testing::kBackends),
                         testing::BackendName);

TEST_P(SqliteStoreTest, NewStoreHasCurrentSchemaAndWal) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_GE(store->SchemaVersion(), 1);
  if (postgres()) {
    // No WAL mode to check: the version row and the PostGIS column.
    EXPECT_EQ(store->SchemaVersion(), static_cast<int>(Migrations(Dialect::kPostgres).size()));
    EXPECT_EQ(place_->Value("SELECT version FROM hadath_schema"), std::to_string(store->SchemaVersion()));
    EXPECT_EQ(place_->Value("SELECT COUNT(*) FROM hadath_schema"), "1");
    EXPECT_EQ(place_->Value("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                            "WHERE attrelid = 'events'::regclass AND attname = 'geom'"),
              "geometry(Point,4326)");
    return;
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr);
  ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)), "wal");
  sqlite3_finalize(statement);
  sqlite3_close(db);
}

TEST_P(SqliteStoreTest, SameTextTwiceIsStoredOnce) {
  auto store = Open();
  Document document = MakeDocument("a", "نص الخبر.");
  EXPECT_EQ(*Put(*store, document), PutOutcome::kAdded);
  EXPECT_EQ(*Put(*store, document), PutOutcome::kDuplicate);
  Document same_text_other_name = MakeDocument("b", "نص الخبر.");
  EXPECT_EQ(*Put(*store, same_text_other_name), PutOutcome::kDuplicate);
  auto stats = store->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1);
  EXPECT_EQ(stats->keys, 2);  // both names find it
  EXPECT_EQ(store->FindDocument("b")->id, document.id);
}

TEST_P(SqliteStoreTest, NewTextUnderKnownUrlSupersedesTheOldVersion) {
  auto store = Open();
  Document first = MakeDocument("a", "الرواية الأولى.", "https://example.org/1");
  Document edited = MakeDocument("a", "الرواية المعدلة.", "https://example.org/1");
  EXPECT_EQ(*Put(*store, first), PutOutcome::kAdded);
  EXPECT_EQ(*Put(*store, edited), PutOutcome::kUpdated);
  auto stats = store->GetStats();
  EXPECT_EQ(stats->documents, 1);
  EXPECT_EQ(stats->superseded, 1);
  auto found = store->FindDocument("https://example.org/1");
  ASSERT_TRUE(found.ok()) << found.error();
  EXPECT_EQ(found->id, edited.id);
  auto old = store->FindDocument(first.id);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->superseded_by.value_or(""), edited.id);
}

TEST_P(SqliteStoreTest, LoadRoundTripsEverything) {
  auto store = Open();
  Document document = MakeDocument("k", "قتل مدني.");
  document.article.warnings.push_back("bad byte replaced");
  ASSERT_TRUE(Put(*store, document).ok());
  auto loaded = store->LoadDocument(document.id);
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  EXPECT_EQ(loaded->text, document.text);
  EXPECT_EQ(loaded->article.raw, document.article.raw);
  EXPECT_EQ(loaded->article.metadata.published.ToIso(), "2024-08-23");
  EXPECT_EQ(loaded->article.metadata.outlet, "Enab Baladi");
  EXPECT_TRUE(loaded->text_to_raw == document.text_to_raw);
  ASSERT_EQ(loaded->sentences.size(), 1u);
  Span raw = loaded->RawSpan(loaded->sentences[0].text);
  EXPECT_EQ(loaded->article.raw.substr(raw.start, raw.size()), "قتل مدني.");
  ASSERT_EQ(loaded->dropped.size(), 1u);
  EXPECT_EQ(loaded->dropped[0].reason, "ui-residue");
  ASSERT_EQ(loaded->article.warnings.size(), 1u);
}

TEST_P(SqliteStoreTest, RolledBackBatchLeavesEarlierBatchesIntact) {
  auto store = Open();
  ASSERT_TRUE(Put(*store, MakeDocument("a", "أول.")).ok());
  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(store->PutDocument(MakeDocument("b", "ثان.")).ok());
  store->RollbackBatch();
  store.reset();
  auto reopened = Open();
  EXPECT_EQ(reopened->GetStats()->documents, 1);
  EXPECT_TRUE(reopened->FindDocument("a").ok());
  EXPECT_FALSE(reopened->FindDocument("b").ok());
}

TEST_P(SqliteStoreTest, FindByIdPrefixNeedsFourCharactersAndUniqueness) {
  auto store = Open();
  ASSERT_TRUE(Put(*store, MakeDocument("a", "alpha")).ok());
  ASSERT_TRUE(Put(*store, MakeDocument("b", "alps")).ok());
  EXPECT_EQ(store->FindDocument("id-alph")->key, "a");
  auto ambiguous = store->FindDocument("id-al");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_NE(ambiguous.error().find("several"), std::string::npos);
  EXPECT_FALSE(store->FindDocument("id-").ok());
  EXPECT_FALSE(store->FindDocument("").ok());
}

TEST_P(SqliteStoreTest, StatsCountOutletsAndRuns) {
  auto store = Open();
  ASSERT_TRUE(Put(*store, MakeDocument("a", "one.")).ok());
  RunRecord run{"2026-01-01T00:00:00Z",       "2026-01-01T00:00:01Z", "in", 1, 0, 0, 1,
                {{"x.txt", "empty document"}}};
  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(store->RecordRun(run).ok());
  ASSERT_TRUE(store->CommitBatch().ok());
  auto stats = store->GetStats();
  ASSERT_TRUE(stats.ok());
  ASSERT_EQ(stats->by_outlet.size(), 1u);
  EXPECT_EQ(stats->by_outlet[0], (std::pair<std::string, int64_t>{"Enab Baladi", 1}));
  EXPECT_EQ(stats->ingest_runs, 1);
  EXPECT_EQ(stats->ingest_errors, 1);
  EXPECT_EQ(stats->earliest_published, "2024-08-23");
}

TEST_P(SqliteStoreTest, NewerSchemaIsRefused) {
  { auto store = Open(); }
  if (postgres()) {
    ASSERT_EQ(place_->Execute("UPDATE hadath_schema SET version = 999"), "");
  } else {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version=999", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = Store::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().find("newer"), std::string::npos);
}

}  // namespace
}  // namespace hadath::store

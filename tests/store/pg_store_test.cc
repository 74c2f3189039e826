// What only the PostgreSQL store has: libpq parameters and errors, and
// several writers on one database at once (each thread a Store of its own,
// as each `hadath extract` process is).
#include <gtest/gtest.h>

#include <chrono>
#include <latch>
#include <mutex>
#include <thread>

#include "hadath/store.h"
#include "store/pg_db.h"
#include "store/store_backends.h"

namespace hadath::store {
namespace {

class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::PostgresUrl().empty()) GTEST_SKIP() << testing::kNoPostgres;
    place_ = std::make_unique<testing::StoreLocation>("postgres", "pg-test");
    ASSERT_EQ(place_->error(), "");
  }
  void TearDown() override { place_.reset(); }

  std::unique_ptr<Store> Open() {
    auto store = Store::Open(place_->location());
    EXPECT_TRUE(store.ok()) << store.error();
    return store.ok() ? std::move(*store) : nullptr;
  }

  static Document MakeDocument(const std::string& key, const std::string& body, const std::string& url = "") {
    Document document;
    document.id = "id-" + body;
    document.article.key = key;
    document.article.path = key + ".txt";
    document.article.encoding = "UTF-8";
    document.article.metadata.url = url;
    document.article.raw = body;
    document.text = body;
    document.text_to_raw.AppendCopy(static_cast<uint32_t>(body.size()), 0);
    document.paragraphs.push_back({{0, static_cast<uint32_t>(body.size())}, BlockKind::kBody});
    document.sentences.push_back({{0, static_cast<uint32_t>(body.size())}, 0, BlockKind::kBody});
    return document;
  }

  static NewReport MakeReport(const std::string& id, const std::string& doc_id) {
    NewReport report;
    report.id = id;
    report.record = R"({"event_id":")" + id + R"(","admin1":"Aleppo","date_start":"2024-01-01"})";
    report.evidence = {{doc_id, 0, 3, "raw", "event"}, {doc_id, 4, 8, "text", "place"}};
    return report;
  }

  std::unique_ptr<testing::StoreLocation> place_;
};

TEST_F(PostgresTest, ParametersAndResultsRoundTrip) {
  auto connection = pg::Connection::Open(place_->location());
  ASSERT_TRUE(connection.ok()) << connection.error();
  const std::string bytes("a\0b\xff\x01\\x", 7);
  auto rows =
      connection->Query("SELECT $1::bytea, $2, $3 + 1, $4, $5, array_length($6, 1), $6[2], $6[3], $7[2]",
                        pg::Params()
                            .Bytes(bytes)
                            .Text("نص 'quoted' $2")
                            .Int(-5)
                            .Real(0.1)
                            .Null()
                            .TextArray({"a\"b", "c\\d, {e}", ""})
                            .IntArray({7, -8}));
  ASSERT_TRUE(rows.ok()) << rows.error();
  ASSERT_EQ(rows->size(), 1);
  EXPECT_EQ(rows->Bytes(0, 0), bytes);
  EXPECT_EQ(rows->Text(0, 1), "نص 'quoted' $2");
  EXPECT_EQ(rows->Int(0, 2), -4);
  EXPECT_EQ(rows->Text(0, 3), "0.1");
  EXPECT_TRUE(rows->IsNull(0, 4));
  EXPECT_EQ(rows->Int(0, 5), 3);
  EXPECT_EQ(rows->Text(0, 6), "c\\d, {e}");
  EXPECT_EQ(rows->Text(0, 7), "");
  EXPECT_EQ(rows->Int(0, 8), -8);

  auto nul = connection->Query("SELECT $1", pg::Params().Text(std::string("a\0b", 3)));
  ASSERT_FALSE(nul.ok());
  EXPECT_NE(nul.error().find("NUL"), std::string::npos) << nul.error();
  auto wrong = connection->Query("SELECT * FROM no_such_table");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().rfind("PostgreSQL: ", 0), 0u) << wrong.error();
  EXPECT_NE(wrong.error().find("no_such_table"), std::string::npos) << wrong.error();
  EXPECT_EQ(pg::LikeEscaped("a%b_c\\"), "a\\%b\\_c\\\\");
}

TEST_F(PostgresTest, StatementTimeoutIsQueryTookTooLong) {
  auto connection = pg::Connection::Open(place_->location());
  ASSERT_TRUE(connection.ok()) << connection.error();
  ASSERT_TRUE(connection->Execute("SET statement_timeout = 50").ok());
  auto slow = connection->Query("SELECT pg_sleep(5)");
  ASSERT_FALSE(slow.ok());
  EXPECT_EQ(slow.error(), "query took too long");

  // The store's limit is the session's statement_timeout.
  auto store = Open();
  ASSERT_NE(store, nullptr);
  store->SetQueryTimeLimit(1234);
  EXPECT_TRUE(store->QueryEvents({}, EventOrder::kDate, 10, "").ok());
  store->SetQueryTimeLimit(0);
  EXPECT_TRUE(store->TallyEvents({}).ok());
}

TEST_F(PostgresTest, LikeWildcardsInAReferenceAreLiteral) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(store->PutDocument(MakeDocument("a", "a_cd")).ok());
  ASSERT_TRUE(store->PutDocument(MakeDocument("b", "abcd")).ok());
  ASSERT_TRUE(store->CommitBatch().ok());
  auto found = store->FindDocument("id-a_c");
  ASSERT_TRUE(found.ok()) << found.error();
  EXPECT_EQ(found->key, "a");
  EXPECT_EQ(store->FindDocument("ID-ABC")->key, "b");  // as SQLite's LIKE: ASCII case ignored
  EXPECT_FALSE(store->FindDocument("id-%").ok());
}

TEST_F(PostgresTest, FailedStatementFailsTheBatch) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->BeginBatch().ok());
  ASSERT_TRUE(store->PutDocument(MakeDocument("a", "first")).ok());
  // Evidence of an unknown document breaks a foreign key.
  NewReport orphan = MakeReport("rep-x", "no-such-doc");
  EXPECT_FALSE(store->ReplaceDocumentReports("no-such-doc", {orphan}).ok());
  Status committed = store->CommitBatch();
  EXPECT_FALSE(committed.ok());
  ASSERT_TRUE(store->BeginBatch().ok());
  EXPECT_FALSE(store->BeginBatch().ok());  // no batch inside a batch
  store->RollbackBatch();
  EXPECT_EQ(store->GetStats()->documents, 0);
  EXPECT_FALSE(store->CommitBatch().ok());  // no batch open
}

// Two writers, each with its own store, put the same documents and read
// their reports at once: nothing is stored twice and neither fails.
TEST_F(PostgresTest, ConcurrentWritersNeverDuplicate) {
  constexpr int kDocuments = 50, kBatch = 10;
  std::latch opened(2);
  std::mutex mutex;
  std::vector<std::string> errors;
  auto writer = [&] {
    auto note = [&](const std::string& error) {
      std::lock_guard lock(mutex);
      errors.push_back(error);
    };
    auto store = Store::Open(place_->location());  // both migrate the new schema at once
    opened.arrive_and_wait();
    if (!store.ok()) return note(store.error());
    for (int begin = 0; begin < kDocuments; begin += kBatch) {
      if (Status s = (*store)->BeginBatch(); !s) return note(s.message());
      for (int i = begin; i < begin + kBatch; ++i) {
        Document document = MakeDocument("key-" + std::to_string(i), "text " + std::to_string(i));
        auto put = (*store)->PutDocument(document);
        if (!put) return note(put.error());
        std::vector<NewReport> reports = {MakeReport("rep-" + std::to_string(i) + "-a", document.id),
                                          MakeReport("rep-" + std::to_string(i) + "-b", document.id)};
        if (Status s = (*store)->ReplaceDocumentReports(document.id, reports); !s) return note(s.message());
      }
      if (Status s = (*store)->CommitBatch(); !s) return note(s.message());
    }
  };
  std::thread first(writer), second(writer);
  first.join();
  second.join();
  EXPECT_TRUE(errors.empty()) << errors.front();

  EXPECT_EQ(place_->Value("SELECT COUNT(*) FROM hadath_schema"), "1");
  EXPECT_EQ(place_->Value("SELECT COUNT(*) FROM documents"), "50");
  EXPECT_EQ(place_->Value("SELECT COUNT(*) FROM document_keys"), "50");
  EXPECT_EQ(place_->Value("SELECT COUNT(*) FROM sentences"), "50");
  EXPECT_EQ(place_->Value("SELECT COUNT(*) FROM reports"), "100");
  EXPECT_EQ(place_->Value("SELECT COUNT(*) FROM evidence"), "200");
  EXPECT_EQ(
      place_->Value("SELECT COUNT(*) FROM (SELECT DISTINCT report_id, raw_start, role FROM evidence) x"),
      "200");
  auto store = Open();
  ASSERT_NE(store, nullptr);
  auto stats = store->GetStats();
  ASSERT_TRUE(stats.ok()) << stats.error();
  EXPECT_EQ(stats->documents, kDocuments);
  EXPECT_EQ(stats->reports, 2 * kDocuments);
  EXPECT_EQ(stats->superseded, 0);
}

// Two writers storing different texts under the same url at once: one
// becomes the edit of the other, never two current versions.
TEST_F(PostgresTest, ConcurrentEditsLeaveOneCurrentVersion) {
  constexpr int kUrls = 30;
  std::latch ready(2);
  std::mutex mutex;
  std::vector<std::string> errors;
  { auto store = Open(); }
  auto writer = [&](int which) {
    auto note = [&](const std::string& error) {
      std::lock_guard lock(mutex);
      errors.push_back(error);
    };
    auto store = Store::Open(place_->location());
    ready.arrive_and_wait();
    if (!store.ok()) return note(store.error());
    for (int i = 0; i < kUrls; ++i) {
      if (Status s = (*store)->BeginBatch(); !s) return note(s.message());
      Document version = MakeDocument("key-" + std::to_string(i),
                                      "version " + std::to_string(which) + " of " + std::to_string(i),
                                      "https://example.org/" + std::to_string(i));
      auto put = (*store)->PutDocument(version);
      if (!put) return note(put.error());
      if (Status s = (*store)->CommitBatch(); !s) return note(s.message());
    }
  };
  std::thread first(writer, 1), second(writer, 2);
  first.join();
  second.join();
  EXPECT_TRUE(errors.empty()) << errors.front();
  auto store = Open();
  ASSERT_NE(store, nullptr);
  auto stats = store->GetStats();
  ASSERT_TRUE(stats.ok()) << stats.error();
  EXPECT_EQ(stats->documents, kUrls);
  EXPECT_EQ(stats->superseded, kUrls);
}

// A linking pass waits for batches that replace reports, as SQLite's single
// writer does: it never reads reports half rewritten.
TEST_F(PostgresTest, LinkingWaitsForBatchesThatReplaceReports) {
  auto extractor = Open();
  auto linker = Open();
  ASSERT_TRUE(extractor && linker);
  Document document = MakeDocument("k", "text");
  ASSERT_TRUE(extractor->BeginBatch().ok());
  ASSERT_TRUE(extractor->PutDocument(document).ok());
  ASSERT_TRUE(extractor->CommitBatch().ok());

  ASSERT_TRUE(extractor->BeginBatch().ok());
  ASSERT_TRUE(extractor->ReplaceDocumentReports(document.id, {MakeReport("rep-1", document.id)}).ok());
  std::chrono::milliseconds waited{0};
  std::thread link([&] {
    auto started = std::chrono::steady_clock::now();
    ASSERT_TRUE(linker->BeginBatch().ok());
    ASSERT_TRUE(linker->LockLinking().ok());
    waited =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    auto pending = linker->PendingReports();
    ASSERT_TRUE(pending.ok()) << pending.error();
    EXPECT_EQ(pending->size(), 1u);  // the batch it waited for is in
    linker->RollbackBatch();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_TRUE(extractor->CommitBatch().ok());
  link.join();
  EXPECT_GE(waited.count(), 250);
}

}  // namespace
}  // namespace hadath::store

// Events in the SQLite store: extraction of a document replaces what it
// gave before, keeps ids and created_at stable, and logs every change.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "hadath/store.h"

namespace hadath::store {
namespace {

class EventStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("hadath-event-store-test-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Remove();
    auto opened = Store::Open(path_);
    ASSERT_TRUE(opened.ok()) << opened.error();
    store_ = std::move(*opened);
    Document document;
    document.id = "doc-1";
    document.article.key = "doc-1";
    document.article.raw = "raw text";
    document.text = "raw text";
    document.text_to_raw.AppendCopy(8, 0);
    ASSERT_TRUE(store_->BeginBatch().ok());
    ASSERT_TRUE(store_->PutDocument(document).ok());
    ASSERT_TRUE(store_->CommitBatch().ok());
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  static NewEvent MakeEvent(const std::string& id, int fatalities, bool background = false) {
    NewEvent event;
    event.event.id = id;
    event.event.background = background;
    event.event.record = R"({"event_id":")" + id + R"(","event_date":"2024-08-22","fatalities":)" +
                         std::to_string(fatalities) + "}";
    event.doc_ids = {"doc-1"};
    event.evidence = {{"doc-1", 0, 3, "raw", "event"}};
    return event;
  }

  void Replace(const std::vector<NewEvent>& events) {
    ASSERT_TRUE(store_->BeginBatch().ok());
    Status replaced = store_->ReplaceDocumentEvents("doc-1", events);
    ASSERT_TRUE(replaced.ok()) << replaced.message();
    ASSERT_TRUE(store_->CommitBatch().ok());
  }

  std::vector<std::string> Changes() {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT event_id || ':' || change FROM event_changes ORDER BY id", -1, &statement,
                       nullptr);
    std::vector<std::string> changes;
    while (sqlite3_step(statement) == SQLITE_ROW)
      changes.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return changes;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(EventStoreTest, StoresEventsWithEvidence) {
  Replace({MakeEvent("ev-a", 2)});
  auto found = store_->FindEvent("ev-a");
  ASSERT_TRUE(found.ok()) << found.error();
  EXPECT_EQ(found->doc_ids, std::vector<std::string>{"doc-1"});
  ASSERT_EQ(found->evidence.size(), 1u);
  EXPECT_EQ(found->evidence[0].text, "raw");
  EXPECT_EQ(found->evidence[0].raw_end, 3);
  auto stats = store_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->events, 1);
}

TEST_F(EventStoreTest, ReplacingWithTheSameEventsChangesNothing) {
  Replace({MakeEvent("ev-a", 2)});
  Replace({MakeEvent("ev-a", 2)});
  EXPECT_EQ(Changes(), std::vector<std::string>{"ev-a:created"});
  auto listed = store_->ListEvents({});
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 1u);
}

TEST_F(EventStoreTest, ChangedRecordIsUpdatedAndKeepsCreationTime) {
  Replace({MakeEvent("ev-a", 2)});
  auto before = store_->FindEvent("ev-a");
  Replace({MakeEvent("ev-a", 3)});
  auto after = store_->FindEvent("ev-a");
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(before->event.created_at, after->event.created_at);
  EXPECT_NE(after->event.record.find("\"fatalities\":3"), std::string::npos);
  EXPECT_EQ(Changes(), (std::vector<std::string>{"ev-a:created", "ev-a:updated"}));
}

TEST_F(EventStoreTest, EventNoLongerExtractedIsDeleted) {
  Replace({MakeEvent("ev-a", 2), MakeEvent("ev-b", 0)});
  Replace({MakeEvent("ev-b", 0)});
  EXPECT_FALSE(store_->FindEvent("ev-a").ok());
  EXPECT_TRUE(store_->FindEvent("ev-b").ok());
  EXPECT_EQ(Changes().back(), "ev-a:deleted");
}

TEST_F(EventStoreTest, BackgroundEventsAreListedOnlyOnRequest) {
  Replace({MakeEvent("ev-a", 2), MakeEvent("ev-bg", 0, /*background=*/true)});
  auto news = store_->ListEvents({});
  EventQuery everything;
  everything.include_background = true;
  auto all = store_->ListEvents(everything);
  ASSERT_TRUE(news.ok() && all.ok());
  ASSERT_EQ(news->size(), 1u);
  EXPECT_EQ((*news)[0].id, "ev-a");
  EXPECT_EQ(all->size(), 2u);
}

TEST_F(EventStoreTest, IdPrefixFindsOneEventAndAmbiguityIsAnError) {
  Replace({MakeEvent("ev-a1", 2), MakeEvent("ev-a2", 0)});
  EXPECT_TRUE(store_->FindEvent("ev-a1").ok());
  auto ambiguous = store_->FindEvent("ev-a");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_NE(ambiguous.error().find("several"), std::string::npos);
}

}  // namespace
}  // namespace hadath::store

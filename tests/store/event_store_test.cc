// Reports and events in the stores (SQLite, and PostgreSQL when HADATH_TEST_PG is set): reading a document
// replaces its reports (unchanged ones keep their event, removed linked ones leave a tombstone), the link
// stage writes events over them, retired event ids lead to their successor, and a version 1 database becomes
// a version 2 one.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "hadath/store.h"
#include "store/schema.h"
#include "store/store_backends.h"

namespace hadath::store {
namespace {

std::string Record(const std::string& id, const std::string& admin1, const std::string& date_start,
                   int fatalities) {
  std::string record = R"({"event_id":")" + id + R"(","admin1":")" + admin1 + R"(")";
  if (!date_start.empty()) record += R"(,"date_start":")" + date_start + R"(")";
  return record + R"(,"fatalities":)" + std::to_string(fatalities) + "}";
}

template <typename T>
std::vector<std::string> Ids(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const T& item : items) ids.push_back(item.id);
  return ids;
}

// Runs on both stores (see store_backends.h).
class EventStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && testing::PostgresUrl().empty()) GTEST_SKIP() << testing::kNoPostgres;
    place_ = std::make_unique<testing::StoreLocation>(GetParam(), "event-store-test");
    ASSERT_EQ(place_->error(), "");
    path_ = place_->location();
    auto opened = Store::Open(path_);
    ASSERT_TRUE(opened.ok()) << opened.error();
    store_ = std::move(*opened);
    PutDocument("doc-1", "");
  }
  void TearDown() override {
    store_.reset();
    place_.reset();
  }
  bool postgres() const { return place_->postgres(); }
  static void Remove(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }

  // Stores a document keyed `key`; with a url, the url is its identity.
  void PutDocument(const std::string& key, const std::string& url, const std::string& id = "") {
    Document document;
    document.id = id.empty() ? key : id;
    document.article.key = key;
    document.article.metadata.url = url;
    document.article.raw = "raw text";
    document.text = "raw text";
    document.text_to_raw.AppendCopy(8, 0);
    ASSERT_TRUE(store_->BeginBatch().ok());
    auto put = store_->PutDocument(document);
    ASSERT_TRUE(put.ok()) << put.error();
    ASSERT_TRUE(store_->CommitBatch().ok());
  }

  // A report of `doc_id` with an "event" span (its clause) and a "place" span.
  static NewReport MakeReport(const std::string& id, int fatalities,
                              const std::string& admin1 = "Deir ez-Zor",
                              const std::string& date_start = "2020-05-17", bool background = false,
                              const std::string& doc_id = "doc-1") {
    NewReport report;
    report.id = id;
    report.record = Record(id, admin1, date_start, fatalities);
    report.background = background;
    report.evidence = {{doc_id, 0, 3, "raw", "event"}, {doc_id, 4, 8, "text", "place"}};
    return report;
  }

  static EventRecord MakeEvent(const std::string& id, int fatalities, bool background = false) {
    EventRecord event;
    event.id = id;
    event.record = Record(id, "Deir ez-Zor", "2020-05-17", fatalities);
    event.background = background;
    event.joins = "[]";
    return event;
  }

  void Replace(const std::string& doc_id, const std::vector<NewReport>& reports) {
    ASSERT_TRUE(store_->BeginBatch().ok());
    Status replaced = store_->ReplaceDocumentReports(doc_id, reports);
    ASSERT_TRUE(replaced.ok()) << replaced.message();
    ASSERT_TRUE(store_->CommitBatch().ok());
  }

  void Link(const LinkUpdate& update) {
    ASSERT_TRUE(store_->BeginBatch().ok());
    Status applied = store_->ApplyLinks(update);
    ASSERT_TRUE(applied.ok()) << applied.message();
    ASSERT_TRUE(store_->CommitBatch().ok());
  }

  // Links: each (event, its report ids), with the given changes and retirements.
  void Link(const std::vector<std::pair<EventRecord, std::vector<std::string>>>& events,
            const std::vector<std::pair<std::string, std::string>>& retired = {},
            const std::vector<EventChange>& changes = {}) {
    LinkUpdate update;
    for (const auto& [event, report_ids] : events) update.events.push_back({event, report_ids});
    update.retired = retired;
    update.changes = changes;
    Link(update);
  }

  std::vector<std::string> PendingIds() {
    auto pending = store_->PendingReports();
    EXPECT_TRUE(pending.ok()) << pending.error();
    return pending.ok() ? Ids(*pending) : std::vector<std::string>{"<error>"};
  }

  std::unique_ptr<testing::StoreLocation> place_;
  std::string path_;  // the file or URL of the store
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, EventStoreTest, ::testing::ValuesIn(testing::kBackends),
                         testing::BackendName);

using Strings = std::vector<std::string>;

TEST_P(EventStoreTest, ReportsAreStoredWithEvidenceAndPendingUntilLinked) {
  Replace("doc-1", {MakeReport("rep-a1", 2), MakeReport("rep-a2", 0), MakeReport("rep-bravo", 1)});
  EXPECT_EQ(PendingIds(), (Strings{"rep-a1", "rep-a2", "rep-bravo"}));

  auto report = store_->FindReport("rep-a1");
  ASSERT_TRUE(report.ok()) << report.error();
  EXPECT_EQ(report->id, "rep-a1");
  EXPECT_EQ(report->doc_id, "doc-1");
  EXPECT_EQ(report->identity, "doc-1");  // no url: the key
  EXPECT_EQ(report->record, Record("rep-a1", "Deir ez-Zor", "2020-05-17", 2));
  EXPECT_EQ(report->text, "raw");  // only the "event" spans, not the "place" one
  EXPECT_EQ(report->event_id, "");

  Link({{MakeEvent("ev-1", 2), {"rep-a1", "rep-bravo"}}});
  EXPECT_EQ(PendingIds(), Strings{"rep-a2"});
  auto linked = store_->FindReport("rep-a1");
  ASSERT_TRUE(linked.ok()) << linked.error();
  EXPECT_EQ(linked->event_id, "ev-1");
  auto unlinked = store_->FindReport("rep-a2");
  ASSERT_TRUE(unlinked.ok()) << unlinked.error();
  EXPECT_EQ(unlinked->event_id, "");

  auto by_prefix = store_->FindReport("rep-b");
  ASSERT_TRUE(by_prefix.ok()) << by_prefix.error();
  EXPECT_EQ(by_prefix->id, "rep-bravo");
  auto short_prefix = store_->FindReport("rep-");
  ASSERT_FALSE(short_prefix.ok());
  EXPECT_NE(short_prefix.error().find("several"), std::string::npos) << short_prefix.error();
  auto ambiguous = store_->FindReport("rep-a");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_NE(ambiguous.error().find("several"), std::string::npos) << ambiguous.error();
  EXPECT_FALSE(store_->FindReport("rep-z").ok());
  EXPECT_FALSE(store_->FindReport("").ok());
}

TEST_P(EventStoreTest, UniquePrefixFindsReportAndExactIdBeatsLongerIds) {
  Replace("doc-1", {MakeReport("rep-x", 1), MakeReport("rep-x2", 2), MakeReport("rep-yellow", 3)});
  auto unique = store_->FindReport("rep-y");
  ASSERT_TRUE(unique.ok()) << unique.error();
  EXPECT_EQ(unique->id, "rep-yellow");
  auto exact = store_->FindReport("rep-x");  // also a prefix of rep-x2
  ASSERT_TRUE(exact.ok()) << exact.error();
  EXPECT_EQ(exact->id, "rep-x");
}

TEST_P(EventStoreTest, IdenticalReportsChangeNothingAndAChangedOneWaitsAgain) {
  Replace("doc-1", {MakeReport("rep-1", 2), MakeReport("rep-2", 0)});
  Link({{MakeEvent("ev-1", 2), {"rep-1", "rep-2"}}});
  ASSERT_EQ(PendingIds(), Strings{});

  Replace("doc-1", {MakeReport("rep-1", 2), MakeReport("rep-2", 0)});
  EXPECT_EQ(PendingIds(), Strings{});
  auto tombstones = store_->Tombstones();
  ASSERT_TRUE(tombstones.ok()) << tombstones.error();
  EXPECT_TRUE(tombstones->empty());
  auto same = store_->FindReport("rep-1");
  ASSERT_TRUE(same.ok()) << same.error();
  EXPECT_EQ(same->event_id, "ev-1");

  NewReport changed = MakeReport("rep-1", 5);
  changed.evidence = {{"doc-1", 4, 8, "text", "event"}};
  Replace("doc-1", {changed, MakeReport("rep-2", 0)});
  EXPECT_EQ(PendingIds(), Strings{"rep-1"});
  auto after = store_->FindReport("rep-1");
  ASSERT_TRUE(after.ok()) << after.error();
  EXPECT_EQ(after->event_id, "ev-1");  // kept until the link stage says otherwise
  EXPECT_EQ(after->record, changed.record);
  EXPECT_EQ(after->text, "text");  // its evidence was replaced too
  auto of_event = store_->ReportsOfEvent("ev-1");
  ASSERT_TRUE(of_event.ok()) << of_event.error();
  EXPECT_EQ(Ids(*of_event), (Strings{"rep-1", "rep-2"}));
}

TEST_P(EventStoreTest, RemovedLinkedReportLeavesATombstoneUntilCleared) {
  PutDocument("doc-2", "https://example.com/doc-2");
  Replace("doc-1", {MakeReport("rep-1", 2), MakeReport("rep-2", 0), MakeReport("rep-3", 1)});
  Replace("doc-2", {MakeReport("rep-4", 1, "Deir ez-Zor", "2020-05-17", false, "doc-2")});
  Link({{MakeEvent("ev-1", 2), {"rep-1", "rep-2", "rep-4"}}});  // rep-3 never linked

  Replace("doc-1", {MakeReport("rep-1", 2)});
  auto tombstones = store_->Tombstones();
  ASSERT_TRUE(tombstones.ok()) << tombstones.error();
  ASSERT_EQ(tombstones->size(), 1u);  // rep-3 was never linked: nothing to relink
  const StoredReport& gone = (*tombstones)[0];
  EXPECT_EQ(gone.id, "rep-2");
  EXPECT_EQ(gone.doc_id, "doc-1");
  EXPECT_EQ(gone.identity, "doc-1");
  EXPECT_EQ(gone.event_id, "ev-1");
  EXPECT_EQ(gone.record, Record("rep-2", "Deir ez-Zor", "2020-05-17", 0));
  EXPECT_EQ(gone.text, "raw");
  EXPECT_FALSE(store_->FindReport("rep-2").ok());
  EXPECT_FALSE(store_->FindReport("rep-3").ok());
  auto all = store_->AllReports();
  ASSERT_TRUE(all.ok()) << all.error();
  EXPECT_EQ(Ids(*all), (Strings{"rep-1", "rep-4"}));  // doc-2's report untouched

  // The document identity is its url when it has one.
  Replace("doc-2", {});
  tombstones = store_->Tombstones();
  ASSERT_TRUE(tombstones.ok()) << tombstones.error();
  ASSERT_EQ(tombstones->size(), 2u);
  EXPECT_EQ((*tombstones)[1].id, "rep-4");
  EXPECT_EQ((*tombstones)[1].identity, "https://example.com/doc-2");

  LinkUpdate keep;
  keep.clear_tombstones = false;
  Link(keep);
  tombstones = store_->Tombstones();
  ASSERT_TRUE(tombstones.ok()) << tombstones.error();
  EXPECT_EQ(tombstones->size(), 2u);

  Link(LinkUpdate{});
  tombstones = store_->Tombstones();
  ASSERT_TRUE(tombstones.ok()) << tombstones.error();
  EXPECT_TRUE(tombstones->empty());
}

TEST_P(EventStoreTest, EditedArticleTombstonesTheOldVersionsReports) {
  Replace("doc-1", {MakeReport("rep-1", 2)});
  Link({{MakeEvent("ev-1", 2), {"rep-1"}}});
  PutDocument("doc-1", "", "doc-1-edited");  // same key, other text: an edit
  auto tombstones = store_->Tombstones();
  ASSERT_TRUE(tombstones.ok()) << tombstones.error();
  ASSERT_EQ(tombstones->size(), 1u);
  EXPECT_EQ((*tombstones)[0].id, "rep-1");
  EXPECT_EQ((*tombstones)[0].identity, "doc-1");
  EXPECT_EQ((*tombstones)[0].event_id, "ev-1");
  EXPECT_FALSE(store_->FindReport("rep-1").ok());
}

TEST_P(EventStoreTest, ReportsInWindowFilterByGovernorateAndInclusiveDates) {
  Replace("doc-1", {MakeReport("rep-early", 1, "Deir ez-Zor", "2020-05-10"),
                    MakeReport("rep-mid", 1, "Deir ez-Zor", "2020-05-17"),
                    MakeReport("rep-late", 1, "Deir ez-Zor", "2020-05-24"),
                    MakeReport("rep-after", 1, "Deir ez-Zor", "2020-05-25"),
                    MakeReport("rep-aleppo", 1, "Aleppo", "2020-05-17"),
                    MakeReport("rep-undated", 1, "Deir ez-Zor", "")});
  auto window = store_->ReportsInWindow("Deir ez-Zor", "2020-05-17", "2020-05-24");
  ASSERT_TRUE(window.ok()) << window.error();
  EXPECT_EQ(Ids(*window), (Strings{"rep-late", "rep-mid"}));
  auto none = store_->ReportsInWindow("Deir ez-Zor", "2020-05-11", "2020-05-16");
  ASSERT_TRUE(none.ok()) << none.error();
  EXPECT_TRUE(none->empty());
  auto aleppo = store_->ReportsInWindow("Aleppo", "2020-01-01", "2020-12-31");
  ASSERT_TRUE(aleppo.ok()) << aleppo.error();
  EXPECT_EQ(Ids(*aleppo), Strings{"rep-aleppo"});
  auto wide = store_->ReportsInWindow("Deir ez-Zor", "2020-01-01", "2020-12-31");
  ASSERT_TRUE(wide.ok()) << wide.error();
  EXPECT_EQ(Ids(*wide), (Strings{"rep-after", "rep-early", "rep-late", "rep-mid"}));

  Link({{MakeEvent("ev-1", 1), {"rep-early", "rep-mid"}}, {MakeEvent("ev-2", 1), {"rep-aleppo"}}});
  auto first = store_->ReportsOfEvent("ev-1");
  auto second = store_->ReportsOfEvent("ev-2");
  auto unknown = store_->ReportsOfEvent("ev-3");
  ASSERT_TRUE(first.ok() && second.ok() && unknown.ok());
  EXPECT_EQ(Ids(*first), (Strings{"rep-early", "rep-mid"}));
  EXPECT_EQ(Ids(*second), Strings{"rep-aleppo"});
  EXPECT_TRUE(unknown->empty());
}

TEST_P(EventStoreTest, ApplyLinksWritesEventsAndLogsChanges) {
  PutDocument("doc-2", "https://example.com/doc-2");
  Replace("doc-1", {MakeReport("rep-1", 2), MakeReport("rep-bg", 0, "Deir ez-Zor", "2020-05-17", true)});
  NewReport other = MakeReport("rep-2", 2, "Deir ez-Zor", "2020-05-17", false, "doc-2");
  other.evidence = {{"doc-2", 4, 8, "text", "event"}};
  Replace("doc-2", {other});
  Link({{MakeEvent("ev-1", 2), {"rep-1", "rep-2"}}, {MakeEvent("ev-bg", 0, true), {"rep-bg"}}}, {},
       {{"ev-1", "", "created", "two reports"}, {"ev-bg", "", "created", "background"}});

  auto news = store_->ListEvents({});
  ASSERT_TRUE(news.ok()) << news.error();
  EXPECT_EQ(Ids(*news), Strings{"ev-1"});
  EventQuery everything;
  everything.include_background = true;
  auto all = store_->ListEvents(everything);
  ASSERT_TRUE(all.ok()) << all.error();
  EXPECT_EQ(Ids(*all), (Strings{"ev-1", "ev-bg"}));
  EXPECT_TRUE((*all)[1].background);

  EventQuery of_doc2;
  of_doc2.doc_id = "doc-2";
  of_doc2.include_background = true;
  auto cited = store_->ListEvents(of_doc2);
  ASSERT_TRUE(cited.ok()) << cited.error();
  EXPECT_EQ(Ids(*cited), Strings{"ev-1"});
  EventQuery of_doc1 = everything;
  of_doc1.doc_id = "doc-1";
  auto cited1 = store_->ListEvents(of_doc1);
  ASSERT_TRUE(cited1.ok()) << cited1.error();
  EXPECT_EQ(Ids(*cited1), (Strings{"ev-1", "ev-bg"}));
  of_doc1.doc_id = "doc-none";
  auto cited_none = store_->ListEvents(of_doc1);
  ASSERT_TRUE(cited_none.ok()) << cited_none.error();
  EXPECT_TRUE(cited_none->empty());

  auto found = store_->FindEvent("ev-1");
  ASSERT_TRUE(found.ok()) << found.error();
  EXPECT_EQ(found->event.id, "ev-1");
  EXPECT_EQ(found->report_ids, (Strings{"rep-1", "rep-2"}));
  EXPECT_NE(found->event.record.find("\"fatalities\":2"), std::string::npos) << found->event.record;
  EXPECT_NE(found->event.record.find("\"timestamp\":"), std::string::npos) << found->event.record;
  EXPECT_EQ(found->event.joins, "[]");
  EXPECT_FALSE(found->event.created_at.empty());
  EXPECT_EQ(found->event.created_at, found->event.updated_at);
  ASSERT_EQ(found->evidence.size(), 3u);  // rep-1's two spans and rep-2's one
  EXPECT_EQ(found->evidence[0].doc_id, "doc-1");
  EXPECT_EQ(found->evidence[2].doc_id, "doc-2");
  EXPECT_EQ(found->evidence[2].text, "text");
  EXPECT_EQ(found->evidence[2].raw_start, 4);
  EXPECT_EQ(found->evidence[2].raw_end, 8);
  EXPECT_EQ(found->evidence[2].role, "event");

  auto created = store_->ListChanges("ev-1", "");
  ASSERT_TRUE(created.ok()) << created.error();
  ASSERT_EQ(created->size(), 1u);
  EXPECT_EQ((*created)[0].change, "created");
  EXPECT_EQ((*created)[0].reason, "two reports");
  EXPECT_FALSE((*created)[0].changed_at.empty());
  const std::string first_pass = (*created)[0].changed_at;

  // The store's times are to the second: let one pass.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  // ev-bg is written again unchanged, ev-1 with a changed record.
  Link({{MakeEvent("ev-1", 3), {"rep-1", "rep-2"}}, {MakeEvent("ev-bg", 0, true), {"rep-bg"}}}, {},
       {{"ev-1", "", "updated", "fatalities"}});
  auto background = store_->FindEvent("ev-bg");
  ASSERT_TRUE(background.ok()) << background.error();
  EXPECT_EQ(background->event.updated_at, background->event.created_at);
  auto updated = store_->FindEvent("ev-1");
  ASSERT_TRUE(updated.ok()) << updated.error();
  EXPECT_EQ(updated->event.created_at, found->event.created_at);
  EXPECT_GT(updated->event.updated_at, found->event.updated_at);
  EXPECT_NE(updated->event.record.find("\"fatalities\":3"), std::string::npos) << updated->event.record;

  auto history = store_->ListChanges("ev-1", "");
  ASSERT_TRUE(history.ok()) << history.error();
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[1].change, "updated");
  const std::string second_pass = (*history)[1].changed_at;
  EXPECT_GT(second_pass, first_pass);
  auto everything_logged = store_->ListChanges("", "");
  ASSERT_TRUE(everything_logged.ok()) << everything_logged.error();
  EXPECT_EQ(everything_logged->size(), 3u);
  auto since = store_->ListChanges("", second_pass);
  ASSERT_TRUE(since.ok()) << since.error();
  ASSERT_EQ(since->size(), 1u);
  EXPECT_EQ((*since)[0].event_id, "ev-1");
  EXPECT_EQ((*since)[0].change, "updated");
  auto of_background = store_->ListChanges("ev-bg", "");
  ASSERT_TRUE(of_background.ok()) << of_background.error();
  ASSERT_EQ(of_background->size(), 1u);
  EXPECT_EQ((*of_background)[0].change, "created");

  EventQuery recent = everything;
  recent.changed_since = second_pass;
  auto changed = store_->ListEvents(recent);
  ASSERT_TRUE(changed.ok()) << changed.error();
  EXPECT_EQ(Ids(*changed), Strings{"ev-1"});
}

TEST_P(EventStoreTest, EventRecordTimestampIsTheStoresAndNotAChange) {
  Replace("doc-1", {MakeReport("rep-1", 2)});
  Link({{MakeEvent("ev-1", 2), {"rep-1"}}});
  auto before = store_->FindEvent("ev-1");
  ASSERT_TRUE(before.ok()) << before.error();
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EventRecord stamped = MakeEvent("ev-1", 2);
  stamped.record.insert(stamped.record.size() - 1, R"(,"timestamp":12345)");
  Link({{stamped, {"rep-1"}}});
  auto after = store_->FindEvent("ev-1");
  ASSERT_TRUE(after.ok()) << after.error();
  EXPECT_EQ(after->event.updated_at, before->event.updated_at);
  EXPECT_EQ(after->event.record, before->event.record);
  // Other joins are a change.
  EventRecord rejoined = MakeEvent("ev-1", 2);
  rejoined.joins = R"([{"a":"rep-1"}])";
  Link({{rejoined, {"rep-1"}}});
  auto joined = store_->FindEvent("ev-1");
  ASSERT_TRUE(joined.ok()) << joined.error();
  EXPECT_EQ(joined->event.joins, rejoined.joins);
  EXPECT_GT(joined->event.updated_at, before->event.updated_at);
}

TEST_P(EventStoreTest, FindEventByPrefixAndAmbiguityIsAnError) {
  Replace("doc-1", {MakeReport("rep-1", 2), MakeReport("rep-2", 0)});
  Link({{MakeEvent("ev-a1", 2), {"rep-1"}}, {MakeEvent("ev-a2", 0), {"rep-2"}}});
  auto unique = store_->FindEvent("ev-a2");
  ASSERT_TRUE(unique.ok()) << unique.error();
  EXPECT_EQ(unique->event.id, "ev-a2");
  auto ambiguous = store_->FindEvent("ev-a");
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_NE(ambiguous.error().find("several"), std::string::npos) << ambiguous.error();
  EXPECT_FALSE(store_->FindEvent("ev-b").ok());
  EXPECT_FALSE(store_->FindEvent("").ok());
}

TEST_P(EventStoreTest, RetiredEventsLeadToTheirSuccessor) {
  PutDocument("doc-2", "https://example.com/doc-2");
  Replace("doc-1", {MakeReport("rep-1", 2)});
  Replace("doc-2", {MakeReport("rep-2", 2, "Deir ez-Zor", "2020-05-17", false, "doc-2")});
  Link({{MakeEvent("ev-a", 2), {"rep-1"}}, {MakeEvent("ev-b", 2), {"rep-2"}}});

  // ev-a's report joins ev-b.
  Link({{MakeEvent("ev-b", 2), {"rep-1", "rep-2"}}}, {{"ev-a", "ev-b"}},
       {{"ev-a", "", "merged", "into ev-b"}});
  auto listed = store_->ListEvents({});
  ASSERT_TRUE(listed.ok()) << listed.error();
  EXPECT_EQ(Ids(*listed), Strings{"ev-b"});
  auto redirected = store_->FindEvent("ev-a");
  ASSERT_TRUE(redirected.ok()) << redirected.error();
  EXPECT_EQ(redirected->event.id, "ev-b");
  EXPECT_EQ(redirected->report_ids, (Strings{"rep-1", "rep-2"}));
  auto by_report = store_->FindEvent("rep-1");
  ASSERT_TRUE(by_report.ok()) << by_report.error();
  EXPECT_EQ(by_report->event.id, "ev-b");
  auto merged = store_->ListChanges("ev-a", "");
  ASSERT_TRUE(merged.ok()) << merged.error();
  ASSERT_EQ(merged->size(), 1u);
  EXPECT_EQ((*merged)[0].change, "merged");

  for (const char* id : {"ev-a", "ev-b"}) {
    auto taken = store_->EventIdTaken(id);
    ASSERT_TRUE(taken.ok()) << taken.error();
    EXPECT_TRUE(*taken) << id;
  }
  auto free_id = store_->EventIdTaken("ev-c");
  ASSERT_TRUE(free_id.ok()) << free_id.error();
  EXPECT_FALSE(*free_id);

  // ev-b goes on as ev-c: ev-a now leads to ev-c too.
  Link({{MakeEvent("ev-c", 2), {"rep-1", "rep-2"}}}, {{"ev-b", "ev-c"}});
  for (const char* old_id : {"ev-a", "ev-b", "ev-c", "rep-2"}) {
    auto found = store_->FindEvent(old_id);
    ASSERT_TRUE(found.ok()) << old_id << ": " << found.error();
    EXPECT_EQ(found->event.id, "ev-c") << old_id;
  }
  auto listed_after = store_->ListEvents({});
  ASSERT_TRUE(listed_after.ok()) << listed_after.error();
  EXPECT_EQ(Ids(*listed_after), Strings{"ev-c"});
}

TEST_P(EventStoreTest, RetiredWithoutSuccessorIsDeleted) {
  Replace("doc-1", {MakeReport("rep-1", 2)});
  Link({{MakeEvent("ev-gone", 2), {"rep-1"}}});
  Replace("doc-1", {});
  Link({}, {{"ev-gone", ""}}, {{"ev-gone", "", "deleted", "no report left"}});
  auto listed = store_->ListEvents({});
  ASSERT_TRUE(listed.ok()) << listed.error();
  EXPECT_TRUE(listed->empty());
  auto found = store_->FindEvent("ev-gone");
  ASSERT_FALSE(found.ok());
  EXPECT_NE(found.error().find("deleted"), std::string::npos) << found.error();
  auto taken = store_->EventIdTaken("ev-gone");
  ASSERT_TRUE(taken.ok()) << taken.error();
  EXPECT_TRUE(*taken);  // retired ids are not reused
}

TEST_P(EventStoreTest, RetiredIdWrittenAgainIsLive) {
  Replace("doc-1", {MakeReport("rep-1", 2)});
  Link({{MakeEvent("ev-a", 2), {"rep-1"}}});
  Link({{MakeEvent("ev-b", 2), {"rep-1"}}}, {{"ev-a", "ev-b"}});
  Link({{MakeEvent("ev-a", 2), {"rep-1"}}}, {{"ev-b", "ev-a"}});
  auto found = store_->FindEvent("ev-a");
  ASSERT_TRUE(found.ok()) << found.error();
  EXPECT_EQ(found->event.id, "ev-a");
  auto via_b = store_->FindEvent("ev-b");
  ASSERT_TRUE(via_b.ok()) << via_b.error();
  EXPECT_EQ(via_b->event.id, "ev-a");
}

// Rows of a version 1 database, as hadath wrote them before linking (the
// schema itself is migration 1 of src/store/schema.cc).
constexpr const char* kVersion1Rows = R"sql(
INSERT INTO documents(id, doc_key, identity, path, format, encoding, published_precision, raw, text, text_map,
                      ingested_at)
  VALUES ('doc-old', 'old-key', 'old-key', 'old.txt', 'text', 'utf-8', 'none', X'7261772074657874', 'raw text',
          X'', '2024-01-01T00:00:00Z');
INSERT INTO events(id, record, event_date, admin1, fatalities, background, created_at, updated_at)
  VALUES ('ev-old', '{"event_id":"ev-old","admin1":"Aleppo","date_start":"2019-03-02","event_date":"2019-03-02","fatalities":1}',
          '2019-03-02', 'Aleppo', 1, 0, '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z');
INSERT INTO event_documents(event_id, doc_id) VALUES ('ev-old', 'doc-old');
INSERT INTO evidence(event_id, doc_id, raw_start, raw_end, text, role) VALUES ('ev-old', 'doc-old', 0, 3, 'raw', 'event');
INSERT INTO event_changes(event_id, changed_at, change, reason) VALUES ('ev-old', '2024-01-01T00:00:00Z', 'created', 'extracted');
PRAGMA user_version=1;
)sql";

// The same rows in PostgreSQL's SQL: bytea literals, and the version row.
std::string PostgresVersion1Rows() {
  std::string rows = kVersion1Rows;
  for (const auto& [from, to] :
       {std::pair<std::string, std::string>{"X'7261772074657874'", "'\\x7261772074657874'"},
        {"X''", "''"},
        {"PRAGMA user_version=1;",
         "CREATE TABLE hadath_schema(version INTEGER NOT NULL);\n"
         "INSERT INTO hadath_schema VALUES (1);"}}) {
    size_t at = rows.find(from);
    if (at != std::string::npos) rows.replace(at, from.size(), to);
  }
  return rows;
}

TEST_P(EventStoreTest, VersionOneEventsBecomeReportsOfTheSameEvent) {
  // A version 1 database: a SQLite file, or a PostgreSQL schema of its own.
  std::unique_ptr<testing::StoreLocation> old_place;
  std::string old_path = path_ + "-v1.db";
  const auto& migrations = Migrations(postgres() ? Dialect::kPostgres : Dialect::kSqlite);
  if (postgres()) {
    old_place = std::make_unique<testing::StoreLocation>("postgres", "v1");
    ASSERT_EQ(old_place->error(), "");
    old_path = old_place->location();
    ASSERT_EQ(old_place->Execute(migrations[0] + PostgresVersion1Rows()), "");
  } else {
    Remove(old_path);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(old_path.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    const std::string script = Migrations()[0] + kVersion1Rows;
    int created = sqlite3_exec(db, script.c_str(), nullptr, nullptr, &message);
    std::string error = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    ASSERT_EQ(created, SQLITE_OK) << error;
  }

  {
    auto opened = Store::Open(old_path);
    ASSERT_TRUE(opened.ok()) << opened.error();
    Store& store = **opened;
    EXPECT_EQ(store.SchemaVersion(), static_cast<int>(migrations.size()));

    auto report = store.FindReport("ev-old");
    ASSERT_TRUE(report.ok()) << report.error();
    EXPECT_EQ(report->doc_id, "doc-old");
    EXPECT_EQ(report->identity, "old-key");
    EXPECT_EQ(report->event_id, "ev-old");
    EXPECT_EQ(report->text, "raw");
    EXPECT_NE(report->record.find("\"fatalities\":1"), std::string::npos) << report->record;
    auto pending = store.PendingReports();
    ASSERT_TRUE(pending.ok()) << pending.error();
    EXPECT_EQ(Ids(*pending), Strings{"ev-old"});
    auto window = store.ReportsInWindow("Aleppo", "2019-03-02", "2019-03-02");
    ASSERT_TRUE(window.ok()) << window.error();
    EXPECT_EQ(Ids(*window), Strings{"ev-old"});

    auto event = store.FindEvent("ev-old");
    ASSERT_TRUE(event.ok()) << event.error();
    EXPECT_EQ(event->event.id, "ev-old");
    EXPECT_EQ(event->event.joins, "[]");
    EXPECT_EQ(event->event.created_at, "2024-01-01T00:00:00Z");
    EXPECT_EQ(event->report_ids, Strings{"ev-old"});
    ASSERT_EQ(event->evidence.size(), 1u);
    EXPECT_EQ(event->evidence[0].doc_id, "doc-old");
    EXPECT_EQ(event->evidence[0].raw_end, 3);
    EXPECT_EQ(event->evidence[0].role, "event");
    auto taken = store.EventIdTaken("ev-old");
    ASSERT_TRUE(taken.ok() && *taken);
    auto changes = store.ListChanges("ev-old", "");
    ASSERT_TRUE(changes.ok()) << changes.error();
    ASSERT_EQ(changes->size(), 1u);
    EXPECT_EQ((*changes)[0].change, "created");
  }
  // Opening again finds version 2 and migrates nothing.
  auto reopened = Store::Open(old_path);
  ASSERT_TRUE(reopened.ok()) << reopened.error();
  EXPECT_EQ((*reopened)->SchemaVersion(), static_cast<int>(migrations.size()));
  auto again = (*reopened)->AllReports();
  ASSERT_TRUE(again.ok()) << again.error();
  EXPECT_EQ(Ids(*again), Strings{"ev-old"});
  reopened->reset();
  if (!postgres()) Remove(old_path);
}

}  // namespace
}  // namespace hadath::store

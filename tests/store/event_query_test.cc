// The API's event queries (QueryEvents, TallyEvents) on both stores: the
// same filters select the same events, in the same orders and pages, and the
// tallies agree.
#include <gtest/gtest.h>

#include <ctime>

#include "hadath/store.h"
#include "store/store_backends.h"

namespace hadath::store {
namespace {

using Strings = std::vector<std::string>;

EventRecord Event(const std::string& id, const std::string& fields, bool background = false) {
  EventRecord event;
  event.id = id;
  event.record = R"({"event_id":")" + id + "\"" + (fields.empty() ? "" : "," + fields) + "}";
  event.background = background;
  event.joins = "[]";
  return event;
}

const EventRecord kEvents[] = {
    Event(
        "ev-a",
        R"("event_date":"2024-01-05","event_type":"Battles","sub_event_type":"Armed clash","admin1":"Aleppo",)"
        R"("admin2":"Afrin","gazetteer_id":"g1","actor1_id":"act-1","actor2_id":"act-2",)"
        R"("assoc_actor_1_ids":["act-9"],"latitude":36.5,"longitude":36.87,"fatalities":3,)"
        R"("civilian_fatalities":0,"notes":"Clash near the river")"),
    Event("ev-b",
          R"("event_date":"2024-02-10","event_type":"Violence against civilians","sub_event_type":"Attack",)"
          R"("admin1":"Idlib","admin2":"Harim","actor1_id":"act-3","latitude":35.9,"longitude":36.6,)"
          R"("fatalities":5,"civilian_fatalities":2,"civilian_targeting":"Civilian targeting",)"
          R"("notes":"قصف سوق Market shelling")"),
    Event("ev-c", R"("event_type":"Explosions/Remote violence","admin1":"Aleppo","actor1_id":"act-1",)"
                  R"("notes":"An EXPLOSION 100% sure")"),
    Event("ev-d", R"("event_date":"2024-01-05","event_type":"Battles","admin1":"Aleppo","actor1_id":"act-4",)"
                  R"("assoc_actor_2_ids":["act-1"],"latitude":36.2,"longitude":37.1,"fatalities":10)"),
    Event("ev-bg", R"("event_date":"2024-03-01","event_type":"Battles","admin1":"Aleppo","fatalities":1)",
          true),
};

int64_t EpochOf(const std::string& iso) {
  std::tm utc{};
  strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return static_cast<int64_t>(timegm(&utc));
}

class EventQueryTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && testing::PostgresUrl().empty()) GTEST_SKIP() << testing::kNoPostgres;
    place_ = std::make_unique<testing::StoreLocation>(GetParam(), "event-query-test");
    ASSERT_EQ(place_->error(), "");
    auto opened = Store::Open(place_->location());
    ASSERT_TRUE(opened.ok()) << opened.error();
    store_ = std::move(*opened);
    LinkUpdate update;
    for (const EventRecord& event : kEvents) update.events.push_back({event, {}});
    ASSERT_TRUE(store_->BeginBatch().ok());
    Status applied = store_->ApplyLinks(update);
    ASSERT_TRUE(applied.ok()) << applied.message();
    ASSERT_TRUE(store_->CommitBatch().ok());
  }
  void TearDown() override {
    store_.reset();
    place_.reset();
  }

  // The ids `filter` selects in `order`, one page of `limit`.
  Strings Select(const EventFilter& filter, EventOrder order = EventOrder::kDate, int64_t limit = 100) {
    auto page = store_->QueryEvents(filter, order, limit, "");
    EXPECT_TRUE(page.ok()) << page.error();
    if (!page.ok()) return {"<error>"};
    Strings ids;
    for (const EventRecord& event : page->events) ids.push_back(event.id);
    return ids;
  }

  // Every id `filter` selects in `order`, read page by page.
  Strings Paged(const EventFilter& filter, EventOrder order, int64_t limit) {
    Strings ids;
    std::string cursor;
    for (int pages = 0; pages < 20; ++pages) {
      auto page = store_->QueryEvents(filter, order, limit, cursor);
      EXPECT_TRUE(page.ok()) << page.error();
      if (!page.ok()) return {"<error>"};
      for (const EventRecord& event : page->events) ids.push_back(event.id);
      if (page->next_cursor.empty()) return ids;
      EXPECT_EQ(static_cast<int64_t>(page->events.size()), limit);
      cursor = page->next_cursor;
    }
    return {"<endless>"};
  }

  std::unique_ptr<testing::StoreLocation> place_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, EventQueryTest, ::testing::ValuesIn(testing::kBackends),
                         testing::BackendName);

TEST_P(EventQueryTest, OrdersPutUndatedEventsLastAndPageByCursor) {
  EXPECT_EQ(Select({}, EventOrder::kDate), (Strings{"ev-a", "ev-d", "ev-b", "ev-c"}));
  EXPECT_EQ(Select({}, EventOrder::kDateDescending), (Strings{"ev-b", "ev-d", "ev-a", "ev-c"}));
  EXPECT_EQ(Select({}, EventOrder::kFatalitiesDescending), (Strings{"ev-d", "ev-b", "ev-a", "ev-c"}));
  for (EventOrder order : {EventOrder::kDate, EventOrder::kDateDescending, EventOrder::kFatalitiesDescending})
    for (int64_t limit : {1, 2, 3, 4, 5}) EXPECT_EQ(Paged({}, order, limit), Select({}, order)) << limit;
  EventFilter all;
  all.include_background = true;
  EXPECT_EQ(Paged(all, EventOrder::kDate, 2), (Strings{"ev-a", "ev-d", "ev-b", "ev-bg", "ev-c"}));

  auto last = store_->QueryEvents({}, EventOrder::kDate, 4, "");
  ASSERT_TRUE(last.ok()) << last.error();
  EXPECT_EQ(last->next_cursor, "");  // exactly a page: no next one
  auto bad = store_->QueryEvents({}, EventOrder::kDate, 4, "zz");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().rfind("not a cursor", 0), 0u) << bad.error();
}

TEST_P(EventQueryTest, FiltersSelectTheSameEvents) {
  auto with = [](auto set) {
    EventFilter filter;
    set(filter);
    return filter;
  };
  EXPECT_EQ(Select(with([](EventFilter& f) { f.date_from = "2024-01-06"; })), Strings{"ev-b"});
  EXPECT_EQ(Select(with([](EventFilter& f) { f.date_to = "2024-01-31"; })), (Strings{"ev-a", "ev-d"}));
  EXPECT_EQ(Select(with([](EventFilter& f) {
              f.date_from = "2024-01-05";
              f.date_to = "2024-01-05";
            })),
            (Strings{"ev-a", "ev-d"}));
  EXPECT_EQ(Select(with([](EventFilter& f) { f.admin1 = "Aleppo"; })), (Strings{"ev-a", "ev-d", "ev-c"}));
  EXPECT_EQ(Select(with([](EventFilter& f) { f.admin2 = "Harim"; })), Strings{"ev-b"});
  EXPECT_EQ(Select(with([](EventFilter& f) { f.place_id = "g1"; })), Strings{"ev-a"});
  EXPECT_EQ(Select(with([](EventFilter& f) { f.actor_id = "act-1"; })), (Strings{"ev-a", "ev-d", "ev-c"}));
  EXPECT_EQ(Select(with([](EventFilter& f) { f.actor_id = "act-9"; })), Strings{"ev-a"});
  EXPECT_EQ(Select(with([](EventFilter& f) { f.actor_id = "act-2"; })), Strings{"ev-a"});
  EXPECT_EQ(Select(with([](EventFilter& f) { f.actor_id = "act-"; })), Strings{});
  EXPECT_EQ(Select(with([](EventFilter& f) { f.event_type = "Battles"; })), (Strings{"ev-a", "ev-d"}));
  EXPECT_EQ(Select(with([](EventFilter& f) { f.sub_event_type = "Attack"; })), Strings{"ev-b"});
  EXPECT_EQ(Select(with([](EventFilter& f) { f.min_fatalities = 4; })), (Strings{"ev-d", "ev-b"}));
  EXPECT_EQ(Select(with([](EventFilter& f) { f.min_fatalities = 0; })).size(), 4u);
  EXPECT_EQ(Select(with([](EventFilter& f) { f.civilian_only = true; })), Strings{"ev-b"});
  EXPECT_EQ(Select(with([](EventFilter& f) {
              f.west = 36.5;
              f.south = 35.5;
              f.east = 37.0;
              f.north = 36.5;  // ev-a lies on this edge
            })),
            (Strings{"ev-a", "ev-b"}));
  EXPECT_EQ(Select(with([](EventFilter& f) {
              f.west = 30;
              f.south = 30;
              f.east = 31;
              f.north = 31;
            })),
            Strings{});
  EXPECT_EQ(Select(with([](EventFilter& f) { f.text = "explosion"; })), Strings{"ev-c"});
  EXPECT_EQ(Select(with([](EventFilter& f) { f.text = "100%"; })), Strings{"ev-c"});
  EXPECT_EQ(Select(with([](EventFilter& f) { f.text = "سوق"; })), Strings{"ev-b"});
  EXPECT_EQ(Select(with([](EventFilter& f) {
              f.text = "market";
              f.admin1 = "Aleppo";
            })),
            Strings{});
  EXPECT_EQ(Select(with([](EventFilter& f) { f.changed_since = "9999"; })), Strings{});
  EXPECT_EQ(Select(with([](EventFilter& f) { f.changed_since = "2000-01-01T00:00:00Z"; })).size(), 4u);
  EXPECT_EQ(Select(with([](EventFilter& f) {
              f.include_background = true;
              f.date_from = "2024-03-01";
            })),
            Strings{"ev-bg"});
}

TEST_P(EventQueryTest, TalliesCountEventsAndFatalities) {
  auto tallies = store_->TallyEvents({});
  ASSERT_TRUE(tallies.ok()) << tallies.error();
  auto flat = [](const std::vector<EventTally>& list) {
    std::vector<std::tuple<std::string, int64_t, int64_t>> out;
    for (const EventTally& t : list) out.emplace_back(t.key, t.events, t.fatalities);
    return out;
  };
  using Rows = std::vector<std::tuple<std::string, int64_t, int64_t>>;
  EXPECT_EQ(flat(tallies->by_month), (Rows{{"", 1, 0}, {"2024-01", 2, 13}, {"2024-02", 1, 5}}));
  EXPECT_EQ(
      flat(tallies->by_type),
      (Rows{{"Battles", 2, 13}, {"Explosions/Remote violence", 1, 0}, {"Violence against civilians", 1, 5}}));
  EXPECT_EQ(flat(tallies->by_admin1), (Rows{{"Aleppo", 3, 13}, {"Idlib", 1, 5}}));
  EXPECT_EQ(flat(tallies->by_actor), (Rows{{"act-1", 2, 3}, {"act-3", 1, 5}, {"act-4", 1, 10}}));
  EXPECT_EQ(tallies->events, 4);
  EXPECT_EQ(tallies->fatalities, 18);

  EventFilter aleppo;
  aleppo.admin1 = "Aleppo";
  aleppo.include_background = true;
  auto some = store_->TallyEvents(aleppo);
  ASSERT_TRUE(some.ok()) << some.error();
  EXPECT_EQ(some->events, 4);
  EXPECT_EQ(some->fatalities, 14);
  EXPECT_EQ(flat(some->by_month), (Rows{{"", 1, 0}, {"2024-01", 2, 13}, {"2024-03", 1, 1}}));
}

TEST_P(EventQueryTest, RecordsKeepTheirTextAndGainTheStoresTimestamp) {
  auto page = store_->QueryEvents({}, EventOrder::kDate, 10, "");
  ASSERT_TRUE(page.ok()) << page.error();
  ASSERT_EQ(page->events.size(), 4u);
  const EventRecord& a = page->events[0];
  ASSERT_EQ(a.id, "ev-a");
  const std::string& original = kEvents[0].record;
  EXPECT_EQ(a.record, original.substr(0, original.size() - 1) +
                          ",\"timestamp\":" + std::to_string(EpochOf(a.updated_at)) + "}");

  // A record with whitespace and a timestamp of its own: written compact,
  // the timestamp the store's, where it stood.
  EventRecord spaced = Event("ev-s", "");
  spaced.record =
      "{ \"event_id\": \"ev-s\",\n  \"timestamp\" : 17, \"notes\": \"a  b\", \"list\": [1, {\"x\": 2}] }";
  LinkUpdate update;
  update.events.push_back({spaced, {}});
  ASSERT_TRUE(store_->BeginBatch().ok());
  ASSERT_TRUE(store_->ApplyLinks(update).ok());
  ASSERT_TRUE(store_->CommitBatch().ok());
  auto found = store_->FindEvent("ev-s");
  ASSERT_TRUE(found.ok()) << found.error();
  EXPECT_EQ(found->event.record,
            "{\"event_id\":\"ev-s\",\"timestamp\":" + std::to_string(EpochOf(found->event.updated_at)) +
                ",\"notes\":\"a  b\",\"list\":[1,{\"x\":2}]}");
}

}  // namespace
}  // namespace hadath::store

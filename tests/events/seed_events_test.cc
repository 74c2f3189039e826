// The events of the five sample articles of ../shared/seeds: what must hold
// of any extraction (evidence spans slice the original files, the records
// carry FORMAT.md's fields, ids are stable, page furniture is never
// evidence), and a golden file per article (tests/golden/events/*.jsonl)
// that shows every change of output in review. After a deliberate change,
// refresh with tools/refresh-golden and read the diff as an analyst would.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "events_test_util.h"
#include "hadath/ingest.h"

namespace hadath::events {
namespace {

namespace fs = std::filesystem;
using testing_events::RealExtractor;
using testing_events::TestCleaner;

const fs::path kSeeds = fs::path(HADATH_SHARED_DIR) / "seeds";
const fs::path kGolden = fs::path(HADATH_TEST_DIR) / "golden" / "events";

class CollectingSink final : public ingest::ArticleSink {
 public:
  void OnArticle(Article&& article) override { articles.push_back(std::move(article)); }
  void OnError(const std::string& where, const std::string& reason) override {
    ADD_FAILURE() << where << ": " << reason;
  }
  void OnProgress(uint64_t, uint64_t) override {}
  std::vector<Article> articles;
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const std::vector<Document>& Seeds() {
  static const std::vector<Document>* documents = [] {
    auto* documents = new std::vector<Document>;
    CollectingSink sink;
    Status read = ingest::ReadInputs({kSeeds.string()}, ingest::Options{}, sink);
    EXPECT_TRUE(read.ok()) << read.message();
    for (Article& article : sink.articles) {
      auto document = TestCleaner().Clean(std::move(article));
      EXPECT_TRUE(document.ok()) << document.error();
      if (document) documents->push_back(std::move(*document));
    }
    return documents;
  }();
  return *documents;
}

class SeedEvents : public ::testing::Test {
 protected:
  void SetUp() override {
    extractor_ = RealExtractor();
    if (!extractor_ || !fs::exists(kSeeds)) GTEST_SKIP() << "../shared is not available";
    ASSERT_EQ(Seeds().size(), 5u);
  }
  const EventExtractor* extractor_ = nullptr;
};

TEST_F(SeedEvents, EvidenceSlicesTheOriginalFileExactly) {
  size_t spans = 0;
  for (const Document& document : Seeds()) {
    std::string original = ReadAll(document.article.path);
    for (const Event& event : extractor_->Extract(document)) {
      auto record = nlohmann::json::parse(ToRecord(event, document, *extractor_));
      for (const auto& evidence : record["documents"][0]["evidence"]) {
        size_t start = evidence["start"], end = evidence["end"];
        ASSERT_LE(end, original.size());
        EXPECT_EQ(original.substr(start, end - start), evidence["text"].get<std::string>());
        ++spans;
      }
    }
  }
  EXPECT_GT(spans, 20u) << "the samples report several incidents, each with evidence";
}

TEST_F(SeedEvents, RecordsCarryTheFieldsOfFormatMd) {
  const char* fields[] = {"actor1_id",
                          "actor2_id",
                          "assoc_actor_1_ids",
                          "assoc_actor_2_ids",
                          "date_start",
                          "date_end",
                          "event_date",
                          "time_precision",
                          "location",
                          "location_ar",
                          "admin1",
                          "admin2",
                          "admin3",
                          "latitude",
                          "longitude",
                          "geo_precision",
                          "fatalities",
                          "fatalities_low",
                          "fatalities_high",
                          "civilian_fatalities",
                          "documents",
                          "confidence",
                          "background",
                          "event_type",
                          "sub_event_type"};
  for (const Document& document : Seeds())
    for (const Event& event : extractor_->Extract(document)) {
      auto record = nlohmann::json::parse(ToRecord(event, document, *extractor_));
      for (const char* field : fields) EXPECT_TRUE(record.contains(field)) << field;
      EXPECT_EQ(record["documents"][0]["doc_id"], document.article.key);
      double confidence = record["confidence"];
      EXPECT_GT(confidence, 0.0);
      EXPECT_LE(confidence, 1.0);
    }
}

TEST_F(SeedEvents, IdsAreStableAcrossRuns) {
  for (const Document& document : Seeds()) {
    std::vector<Event> first = extractor_->Extract(document), second = extractor_->Extract(document);
    ASSERT_EQ(first.size(), second.size());
    for (size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i].id, second[i].id);
  }
}

TEST_F(SeedEvents, PageFurnitureIsNeverEvidence) {
  for (const Document& document : Seeds())
    for (const Event& event : extractor_->Extract(document))
      for (const Evidence& evidence : event.evidence)
        for (const DroppedBlock& dropped : document.dropped)
          EXPECT_FALSE(evidence.raw.start < dropped.source.end && dropped.source.start < evidence.raw.end)
              << "evidence overlaps dropped " << dropped.reason << ": " << dropped.text;
}

TEST_F(SeedEvents, EventsMatchTheGoldenFiles) {
  bool refresh = std::getenv("HADATH_REFRESH_GOLDEN") != nullptr;
  for (const Document& document : Seeds()) {
    std::string lines;
    for (const Event& event : extractor_->Extract(document))
      lines += nlohmann::json::parse(ToRecord(event, document, *extractor_)).dump(1) + "\n";
    fs::path golden = kGolden / (document.article.key + ".jsonl");
    if (refresh) {
      fs::create_directories(kGolden);
      std::ofstream(golden, std::ios::binary) << lines;
      continue;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " missing: run tools/refresh-golden";
    EXPECT_EQ(lines, ReadAll(golden))
        << "differs from " << golden << "; if the change is meant, run tools/refresh-golden";
  }
}

}  // namespace
}  // namespace hadath::events

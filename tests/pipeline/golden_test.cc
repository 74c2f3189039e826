// Golden test: the five sample articles of ../shared/seeds, read and cleaned,
// rendered as `hadath show` prints them, must equal tests/golden/seeds/*.txt.
// After a deliberate change, refresh with tools/refresh-golden and review
// the diff (git diff tests/golden) before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hadath/clean.h"
#include "hadath/ingest.h"
#include "pipeline/document_report.h"

namespace hadath::pipeline {
namespace {

namespace fs = std::filesystem;

const fs::path kSeeds = fs::path(HADATH_SHARED_DIR) / "seeds";
const fs::path kGolden = fs::path(HADATH_TEST_DIR) / "golden" / "seeds";

class CollectingSink final : public ingest::ArticleSink {
 public:
  void OnArticle(Article&& article) override { articles.push_back(std::move(article)); }
  void OnError(const std::string& where, const std::string& reason) override {
    errors.push_back(where + ": " + reason);
  }
  void OnProgress(uint64_t, uint64_t) override {}
  std::vector<Article> articles;
  std::vector<std::string> errors;
};

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<Document> CleanSeeds() {
  CollectingSink sink;
  Status read = ingest::ReadInputs({kSeeds.string()}, ingest::Options{}, sink);
  EXPECT_TRUE(read.ok()) << read.message();
  EXPECT_TRUE(sink.errors.empty()) << sink.errors.front();
  auto cleaner = clean::Cleaner::Load();
  EXPECT_TRUE(cleaner.ok()) << cleaner.error();
  std::vector<Document> documents;
  for (Article& article : sink.articles) {
    auto document = cleaner->Clean(std::move(article));
    EXPECT_TRUE(document.ok()) << document.error();
    if (document) documents.push_back(std::move(*document));
  }
  return documents;
}

TEST(GoldenSeeds, CleanedTextMatchesTheGoldenFiles) {
  if (!fs::exists(kSeeds)) GTEST_SKIP() << kSeeds << " not found";
  std::vector<Document> documents = CleanSeeds();
  ASSERT_EQ(documents.size(), 5u) << "the seeds folder holds five articles";
  bool refresh = std::getenv("HADATH_REFRESH_GOLDEN") != nullptr;
  ReportOptions options;
  options.include_paths = false;
  for (const Document& document : documents) {
    fs::path golden = kGolden / (document.article.key + ".txt");
    std::string report = RenderDocumentReport(document, options);
    if (refresh) {
      fs::create_directories(kGolden);
      std::ofstream(golden, std::ios::binary) << report;
      continue;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " missing: run tools/refresh-golden";
    EXPECT_EQ(report, ReadAll(golden))
        << "differs from " << golden << "; if the change is meant, run tools/refresh-golden";
  }
}

// Whatever the golden files say, every sentence and every dropped line must
// be the very bytes of the original file at its span.
TEST(GoldenSeeds, EverySpanPointsAtTheSameTextInTheOriginalFile) {
  if (!fs::exists(kSeeds)) GTEST_SKIP() << kSeeds << " not found";
  for (const Document& document : CleanSeeds()) {
    std::string original = ReadAll(kSeeds / (document.article.key + ".txt"));
    ASSERT_EQ(original, document.article.raw);
    for (const Sentence& sentence : document.sentences) {
      Span raw = document.RawSpan(sentence.text);
      EXPECT_EQ(original.substr(raw.start, raw.size()), document.TextOf(sentence.text))
          << document.article.key;
    }
    for (const DroppedBlock& block : document.dropped)
      EXPECT_EQ(original.substr(block.source.start, block.source.size()), block.text) << document.article.key;
  }
}

// Page furniture of the samples that must never reach the clean text. The
// rules that drop them are general (see src/clean/furniture_rules.h); these
// checks only say that they work here.
TEST(GoldenSeeds, NoCaptionOrAppealSurvives) {
  if (!fs::exists(kSeeds)) GTEST_SKIP() << kSeeds << " not found";
  for (const Document& document : CleanSeeds()) {
    for (const char* residue : {"icon", "(أسايش)", "(أعماق)", "ادعم", "للمساهمة", "مقالات", "//"})
      EXPECT_EQ(document.text.find(residue), std::string::npos)
          << document.article.key << " keeps " << residue;
  }
}

TEST(GoldenSeeds, SidecarDatesAreApplied) {
  if (!fs::exists(kSeeds)) GTEST_SKIP() << kSeeds << " not found";
  std::map<std::string, std::string> published;
  for (const Document& document : CleanSeeds())
    published[document.article.key] = document.article.metadata.published.ToIso();
  EXPECT_EQ(published["000_2910613168a8f388"], "2024-08-23");
  EXPECT_EQ(published["001_5487bd662f8f8bdc"], "");  // unknown in the sidecar, and no date line
  EXPECT_EQ(published["003_ca033d0e06058526"], "2020-05-18");
}

}  // namespace
}  // namespace hadath::pipeline

// The whole benchmark corpus through ReadInputs. Disabled by default (it
// takes a few seconds); run with
//   build/tests/ingest_test --gtest_also_run_disabled_tests --gtest_filter='*Corpus*'
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>

#include "hadath/ingest.h"

namespace hadath::ingest {
namespace {

class CountingSink final : public ArticleSink {
 public:
  void OnArticle(Article&& article) override {
    ++articles;
    bytes += article.raw.size();
    if (article.metadata.published.known()) ++dated;
    if (!article.warnings.empty()) ++with_warnings;
  }
  void OnError(const std::string&, const std::string& reason) override {
    ++errors_by_reason[reason.substr(0, 50)];
  }
  int64_t articles = 0, dated = 0, with_warnings = 0;
  uint64_t bytes = 0;
  std::map<std::string, int64_t> errors_by_reason;
};

TEST(Corpus, DISABLED_SaudiNewsNetStreamsThrough) {
  std::string path = std::string(HADATH_SHARED_DIR) + "/corpus/saudinewsnet.jsonl.gz";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not found";
  CountingSink sink;
  auto started = std::chrono::steady_clock::now();
  Status status = ReadInputs({path}, Options{}, sink);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_TRUE(status.ok()) << status.message();
  int64_t errors = 0;
  for (const auto& [reason, count] : sink.errors_by_reason) {
    errors += count;
    std::printf("  error %6lld  %s\n", static_cast<long long>(count), reason.c_str());
  }
  std::printf("  articles %lld (dated %lld, with warnings %lld), errors %lld, %.1f MB of text, %.2f s\n",
              static_cast<long long>(sink.articles), static_cast<long long>(sink.dated),
              static_cast<long long>(sink.with_warnings), static_cast<long long>(errors), sink.bytes / 1e6,
              seconds);
  EXPECT_EQ(sink.articles + errors, 31030);
  EXPECT_EQ(sink.dated, sink.articles) << "every record has date_extracted";
}

}  // namespace
}  // namespace hadath::ingest

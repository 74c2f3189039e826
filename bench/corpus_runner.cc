// Whole-corpus runner: pushes a real news corpus through the pipeline and
// reports articles/s, MB/s and peak memory.
//
//   build/bench/corpus_runner ../shared/corpus/saudinewsnet.jsonl.gz
//       ingest + clean + tokenise every sentence, no store
//   build/bench/corpus_runner ../shared/corpus/saudinewsnet.jsonl.gz --db /tmp/corpus.db
//       the full `hadath ingest` job into a fresh SQLite file
//   build/bench/corpus_runner ../shared/corpus/saudinewsnet.jsonl.gz --places
//       ingest + clean + tokenise + toponym recognition + geocoding (needs
//       the compiled gazetteer: `hadath gazetteer build`)
//
// MB are megabytes (10^6 bytes) of original article text as read.
#include <fmt/core.h>
#include <sys/resource.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>

#include "hadath/clean.h"
#include "hadath/geocoder.h"
#include "hadath/ingest.h"
#include "hadath/store.h"
#include "hadath/text/tokenizer.h"
#include "pipeline/ingest_job.h"
#include "pipeline/place_layer.h"

namespace {

using namespace hadath;

double PeakRssMegabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // ru_maxrss is in KiB on Linux
}

struct Totals {
  int64_t articles = 0, failed = 0, sentences = 0, tokens = 0, dropped = 0;
  int64_t place_mentions = 0, placed = 0, gaps = 0;
  uint64_t bytes = 0;
  std::map<std::string, int64_t> dropped_by_reason;
  std::map<std::string, int64_t> errors_by_reason;
};

// The pipeline without a store: clean each article and tokenise its sentences.
class CountingSink final : public ingest::ArticleSink {
 public:
  CountingSink(const clean::Cleaner& cleaner, const text::Tokenizer& tokenizer, Totals& totals,
               const extract::ToponymRecognizer* toponyms = nullptr,
               const resolve::Geocoder* geocoder = nullptr)
      : cleaner_(cleaner), tokenizer_(tokenizer), totals_(totals), toponyms_(toponyms), geocoder_(geocoder) {}

  void OnArticle(Article&& article) override {
    ++totals_.articles;
    totals_.bytes += article.raw.size();
    auto document = cleaner_.Clean(std::move(article));
    if (!document) return CountError(document.error());
    totals_.sentences += static_cast<int64_t>(document->sentences.size());
    for (const DroppedBlock& block : document->dropped) ++totals_.dropped_by_reason[block.reason];
    totals_.dropped += static_cast<int64_t>(document->dropped.size());
    std::vector<std::vector<extract::PlaceMention>> mentions;
    for (const Sentence& sentence : document->sentences) {
      tokenizer_.Tokenize(document->TextOf(sentence.text), &scratch_);
      totals_.tokens += static_cast<int64_t>(scratch_.tokens.size());
      if (toponyms_) mentions.push_back(toponyms_->Find(document->TextOf(sentence.text), scratch_));
    }
    if (toponyms_) CountPlaces(mentions);
  }

  void CountPlaces(const std::vector<std::vector<extract::PlaceMention>>& mentions) {
    resolve::ArticlePlaces context = geocoder_->Context(mentions);
    for (const auto& sentence : mentions)
      for (size_t i = 0; i < sentence.size(); ++i) {
        resolve::Location location = geocoder_->Resolve(sentence, i, context);
        ++totals_.place_mentions;
        totals_.placed += location.geo_precision > 0;
        totals_.gaps += location.gap;
      }
  }
  void OnError(const std::string&, const std::string& reason) override {
    ++totals_.articles;
    CountError(reason);
  }
  void OnProgress(uint64_t, uint64_t) override {}

 private:
  void CountError(const std::string& reason) {
    ++totals_.failed;
    ++totals_.errors_by_reason[reason.substr(0, 60)];
  }

  const clean::Cleaner& cleaner_;
  const text::Tokenizer& tokenizer_;
  Totals& totals_;
  const extract::ToponymRecognizer* toponyms_;
  const resolve::Geocoder* geocoder_;
  text::TokenizedText scratch_;
};

void PrintTotals(const Totals& totals, double seconds) {
  double megabytes = totals.bytes / 1e6;
  fmt::print("articles      {} ({} failed)\n", totals.articles, totals.failed);
  fmt::print("text          {:.1f} MB as read\n", megabytes);
  fmt::print("time          {:.2f} s\n", seconds);
  fmt::print("throughput    {:.1f} MB/s, {:.0f} articles/s\n", megabytes / seconds,
             totals.articles / seconds);
  fmt::print("peak RSS      {:.0f} MB\n", PeakRssMegabytes());
  if (totals.sentences) fmt::print("sentences     {}\ntokens        {}\n", totals.sentences, totals.tokens);
  if (totals.place_mentions)
    fmt::print("places        {} mentions, {} placed, {} gaps\n", totals.place_mentions, totals.placed,
               totals.gaps);
  for (const auto& [reason, count] : totals.dropped_by_reason)
    fmt::print("dropped       {:>7}  {}\n", count, reason);
  for (const auto& [reason, count] : totals.errors_by_reason)
    fmt::print("errors        {:>7}  {}\n", count, reason);
}

int RunWithoutStore(const std::string& path, bool places) {
  auto cleaner = clean::Cleaner::Load();
  auto tokenizer = text::Tokenizer::Load();
  if (!cleaner || !tokenizer) {
    fmt::print(stderr, "{}\n", cleaner ? tokenizer.error() : cleaner.error());
    return 2;
  }
  std::unique_ptr<pipeline::PlaceLayer> places_layer;
  std::optional<resolve::Geocoder> geocoder;
  if (places) {
    auto loaded = pipeline::LoadPlaceLayer();
    if (!loaded) return fmt::print(stderr, "{}\n", loaded.error()), 2;
    places_layer = std::move(*loaded);
    geocoder.emplace(*places_layer->gazetteer);
  }
  Totals totals;
  CountingSink sink(*cleaner, *tokenizer, totals, places_layer ? places_layer->recognizer.get() : nullptr,
                    geocoder ? &*geocoder : nullptr);
  auto started = std::chrono::steady_clock::now();
  Status status = ingest::ReadInputs({path}, ingest::Options{}, sink);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!status) fmt::print(stderr, "{}\n", status.message());
  fmt::print("pipeline      ingest + clean + tokenise{} (no store)\n", places ? " + places" : "");
  PrintTotals(totals, seconds);
  return status ? 0 : 2;
}

int RunIntoStore(const std::string& path, const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  auto cleaner = clean::Cleaner::Load();
  auto store = store::Store::Open(db);
  if (!cleaner || !store) {
    fmt::print(stderr, "{}\n", cleaner ? store.error() : cleaner.error());
    return 2;
  }
  pipeline::IngestJobOptions options;
  Totals totals;
  options.on_error = [&](const std::string&, const std::string& reason) {
    ++totals.errors_by_reason[reason.substr(0, 60)];
  };
  auto summary = pipeline::RunIngestJob({path}, options, *cleaner, **store);
  if (!summary) return fmt::print(stderr, "{}\n", summary.error()), 2;
  totals.articles = summary->read;
  totals.failed = summary->failed;
  totals.bytes = summary->bytes;
  fmt::print("pipeline      hadath ingest into {} (added {}, duplicates {})\n", db, summary->added,
             summary->duplicates);
  PrintTotals(totals, summary->seconds);
  fmt::print("database      {:.1f} MB\n", std::filesystem::file_size(db) / 1e6);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Push a whole corpus through hadath and report throughput and peak memory"};
  std::string path = std::string(HADATH_SHARED_DIR) + "/corpus/saudinewsnet.jsonl.gz";
  std::string db;
  app.add_option("corpus", path, "Corpus file or folder (any input hadath ingest takes)");
  bool places = false;
  app.add_option("--db", db, "Run the full ingest job into this (recreated) SQLite file");
  app.add_flag("--places", places, "Also recognise and geocode the places of every sentence");
  CLI11_PARSE(app, argc, argv);
  return db.empty() ? RunWithoutStore(path, places) : RunIntoStore(path, db);
}

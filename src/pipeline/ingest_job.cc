#include "pipeline/ingest_job.h"

#include <chrono>
#include <ctime>

#include "common/clock.h"

namespace hadath::pipeline {
namespace {

std::string JoinPaths(const std::vector<std::string>& paths) {
  std::string joined;
  for (const std::string& path : paths) joined += (joined.empty() ? "" : " ") + path;
  return joined;
}

// Receives articles from the ingest stage and pushes them through the
// cleaner into the store, a batch per transaction.
class StoringSink final : public ingest::ArticleSink {
 public:
  StoringSink(const IngestJobOptions& options, const clean::Cleaner& cleaner, store::Store& store,
              IngestSummary& summary)
      : options_(options), cleaner_(cleaner), store_(store), summary_(summary) {}

  void OnArticle(Article&& article) override {
    if (!store_status_) return;  // the store failed: stop writing, keep reading to report
    ++summary_.read;
    summary_.bytes += article.raw.size();
    std::string where = article.path;
    Result<Document> document = cleaner_.Clean(std::move(article));
    if (!document) return Fail(where, document.error());
    StoreDocument(*document);
    ReportProgress();
  }

  void OnError(const std::string& where, const std::string& reason) override {
    ++summary_.read;
    Fail(where, reason);
  }

  void OnProgress(uint64_t bytes_done, uint64_t bytes_total) override {
    bytes_done_ = bytes_done;
    bytes_total_ = bytes_total;
    ReportProgress();
  }

  Status Finish() {
    if (store_status_ && in_batch_) store_status_ = store_.CommitBatch();
    in_batch_ = false;
    return store_status_;
  }

 private:
  void StoreDocument(const Document& document) {
    if (!in_batch_) {
      store_status_ = store_.BeginBatch();
      if (!store_status_) return;
      in_batch_ = true;
    }
    Result<store::PutOutcome> outcome = store_.PutDocument(document);
    if (!outcome) {
      store_.RollbackBatch();
      in_batch_ = false;
      store_status_ = Status::Error("store failed at " + document.article.path + ": " + outcome.error() +
                                    " (this batch was rolled back; earlier batches are kept)");
      return;
    }
    Count(*outcome);
    if (!document.article.warnings.empty()) ++summary_.warnings;
    if (++in_batch_count_ >= options_.batch_size) {
      store_status_ = store_.CommitBatch();
      in_batch_ = false;
      in_batch_count_ = 0;
    }
  }

  void Count(store::PutOutcome outcome) {
    switch (outcome) {
      case store::PutOutcome::kAdded: ++summary_.added; break;
      case store::PutOutcome::kDuplicate: ++summary_.duplicates; break;
      case store::PutOutcome::kUpdated: ++summary_.updated; break;
    }
  }

  void Fail(const std::string& where, const std::string& reason) {
    ++summary_.failed;
    summary_.errors.emplace_back(where, reason);
    if (options_.on_error) options_.on_error(where, reason);
  }

  void ReportProgress() {
    if (options_.on_progress) options_.on_progress(bytes_done_, bytes_total_, summary_.read);
  }

  const IngestJobOptions& options_;
  const clean::Cleaner& cleaner_;
  store::Store& store_;
  IngestSummary& summary_;
  Status store_status_ = Status::Ok();
  bool in_batch_ = false;
  int in_batch_count_ = 0;
  uint64_t bytes_done_ = 0, bytes_total_ = 0;
};

}  // namespace

Result<IngestSummary> RunIngestJob(const std::vector<std::string>& paths, const IngestJobOptions& options,
                                   const clean::Cleaner& cleaner, store::Store& store) {
  IngestSummary summary;
  std::string started_at = UtcNowIso();
  auto started = std::chrono::steady_clock::now();
  StoringSink sink(options, cleaner, store, summary);
  Status read = ingest::ReadInputs(paths, options.input, sink);
  Status stored = sink.Finish();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!stored) return stored;
  if (!read) return read;

  store::RunRecord run{started_at,         UtcNowIso(),     JoinPaths(paths), summary.added,
                       summary.duplicates, summary.updated, summary.failed,   summary.errors};
  if (Status recorded = store.BeginBatch(); !recorded) return recorded;
  if (Status recorded = store.RecordRun(run); !recorded) {
    store.RollbackBatch();
    return recorded;
  }
  if (Status committed = store.CommitBatch(); !committed) return committed;
  return summary;
}

}  // namespace hadath::pipeline

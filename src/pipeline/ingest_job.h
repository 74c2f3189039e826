// The `hadath ingest` job: read inputs, clean each article, store it.
//
//   ingest (read, decode, extract) -> clean (furniture, sentences) -> store
//
// Articles are stored in batches, one transaction each: a bad document is
// reported and skipped, a store failure rolls back only the current batch,
// and what earlier batches (or earlier runs) stored is never touched.
// Re-running on the same inputs adds nothing (content-hash ids).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "hadath/clean.h"
#include "hadath/ingest.h"
#include "hadath/store.h"

namespace hadath::pipeline {

struct IngestJobOptions {
  ingest::Options input;
  int batch_size = 500;
  // Called for each failed document, as it happens: (where, reason).
  std::function<void(const std::string&, const std::string&)> on_error;
  // Called now and then: (bytes_done, bytes_total, articles_done).
  std::function<void(uint64_t, uint64_t, int64_t)> on_progress;
};

struct IngestSummary {
  int64_t read = 0;  // articles read (good or bad)
  int64_t added = 0;
  int64_t duplicates = 0;  // same text already stored
  int64_t updated = 0;     // new text under a known identity (an edited article)
  int64_t failed = 0;
  int64_t warnings = 0;  // stored, with a warning (e.g. bad bytes replaced)
  uint64_t bytes = 0;    // original bytes of the articles read
  double seconds = 0;
  std::vector<std::pair<std::string, std::string>> errors;  // (where, reason)
};

// Fails only when the store fails; bad inputs are counted in the summary.
Result<IngestSummary> RunIngestJob(const std::vector<std::string>& paths, const IngestJobOptions& options,
                                   const clean::Cleaner& cleaner, store::Store& store);

}  // namespace hadath::pipeline

// The `hadath extract` job: read the events of stored documents and store
// them, one transaction per batch of documents.
//
//   store (documents) -> events (extract) -> store (events, evidence, changes)
//
// Extraction of a document replaces what an earlier run extracted from it:
// running again on the same documents changes nothing (stable event ids),
// and an event no longer found is deleted with a logged change.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "hadath/events.h"
#include "hadath/store.h"

namespace hadath::pipeline {

struct ExtractJobOptions {
  int batch_size = 200;
  // Only these documents (ids, keys or urls); all current documents if empty.
  std::vector<std::string> documents;
  // Called with each event record as it is stored.
  std::function<void(const events::Event&, const std::string& record)> on_event;
  // Called for each document that could not be read: (document, reason).
  std::function<void(const std::string&, const std::string&)> on_error;
};

struct ExtractSummary {
  int64_t documents = 0;
  int64_t events = 0;      // news events
  int64_t background = 0;  // recalled older incidents
  int64_t failed = 0;
  uint64_t bytes = 0;  // original bytes of the documents read
  double seconds = 0;
};

// Fails only when the store fails.
Result<ExtractSummary> RunExtractJob(const ExtractJobOptions& options,
                                     const events::EventExtractor& extractor, store::Store& store);

// The store's form of an extracted event: a report, until linked.
store::NewReport ToStored(const events::Event& event, const std::string& record, const Document& document);

}  // namespace hadath::pipeline

#include "pipeline/extract_job.h"

#include <chrono>

namespace hadath::pipeline {
namespace {

Result<std::vector<std::string>> DocumentIds(const ExtractJobOptions& options, store::Store& store) {
  std::vector<std::string> ids;
  if (!options.documents.empty()) {
    for (const std::string& reference : options.documents) {
      auto found = store.FindDocument(reference);
      if (!found) return Status::Error(reference + ": " + found.error());
      ids.push_back(found->id);
    }
    return ids;
  }
  constexpr int64_t kPage = 1000;
  for (int64_t offset = 0;; offset += kPage) {
    auto page = store.ListDocuments(kPage, offset);
    if (!page) return page.status();
    for (const store::DocumentSummary& summary : *page) ids.push_back(summary.id);
    if (static_cast<int64_t>(page->size()) < kPage) break;
  }
  return ids;
}

}  // namespace

store::NewReport ToStored(const events::Event& event, const std::string& record, const Document& document) {
  store::NewReport stored;
  stored.id = event.id;
  stored.record = record;
  stored.background = event.background;
  for (const events::Evidence& evidence : event.evidence)
    stored.evidence.push_back({document.id, evidence.raw.start, evidence.raw.end,
                               std::string(document.TextOf(evidence.text)), evidence.role});
  return stored;
}

Result<ExtractSummary> RunExtractJob(const ExtractJobOptions& options,
                                     const events::EventExtractor& extractor, store::Store& store) {
  auto started = std::chrono::steady_clock::now();
  auto ids = DocumentIds(options, store);
  if (!ids) return ids.status();
  ExtractSummary summary;
  for (size_t begin = 0; begin < ids->size(); begin += options.batch_size) {
    size_t end = std::min(ids->size(), begin + static_cast<size_t>(options.batch_size));
    if (Status began = store.BeginBatch(); !began) return began;
    for (size_t i = begin; i < end; ++i) {
      auto document = store.LoadDocument((*ids)[i]);
      if (!document) {
        ++summary.failed;
        if (options.on_error) options.on_error((*ids)[i], document.error());
        continue;
      }
      ++summary.documents;
      summary.bytes += document->article.raw.size();
      std::vector<store::NewReport> stored;
      for (const events::Event& event : extractor.Extract(*document)) {
        std::string record = events::ToRecord(event, *document, extractor);
        ++(event.background ? summary.background : summary.events);
        if (options.on_event) options.on_event(event, record);
        stored.push_back(ToStored(event, record, *document));
      }
      if (Status replaced = store.ReplaceDocumentReports(document->id, stored); !replaced) {
        store.RollbackBatch();
        return replaced;
      }
    }
    if (Status committed = store.CommitBatch(); !committed) {
      store.RollbackBatch();
      return committed;
    }
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace hadath::pipeline

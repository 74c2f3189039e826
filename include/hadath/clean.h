// hadath/clean.h — from an Article as read to a Document ready for reading.
//
// The cleaner drops page furniture from scraped text by general rules (never
// by matching known sentences): photo captions, icon/share residue, donation
// and subscription appeals, lists of related headlines, repeated headline
// lines, bare outlet bylines, and date/time lines. Every dropped line is kept
// in Document::dropped with its reason and its span in the original bytes.
// It then finds paragraphs (one per kept line; short unpunctuated lines are
// headlines) and sentences, gives the document its content-hash id, and names
// its outlet from data/outlets.tsv.
//
//   auto cleaner = hadath::clean::Cleaner::Load();      // reads data/
//   if (!cleaner) { report(cleaner.error()); return; }
//   hadath::Result<hadath::Document> document = cleaner->Clean(std::move(article));
//
// Rules and their thresholds: src/clean/furniture_rules.h. Cue words:
// data/clean/furniture.tsv.
//
// Thread safety: a loaded Cleaner is immutable; Clean() may run on many
// threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "hadath/document.h"
#include "hadath/status.h"
#include "hadath/tsv.h"

namespace hadath::clean {

class Cleaner {
 public:
  static Result<Cleaner> Load(const std::string& data_dir = DataDir());

  // Fails when no article text is left (an empty or all-furniture page).
  Result<Document> Clean(Article article) const;

  Cleaner(Cleaner&&) noexcept;
  Cleaner& operator=(Cleaner&&) noexcept;
  ~Cleaner();

  struct Resources;  // loaded data; defined in src/clean/cleaner.cc

 private:
  explicit Cleaner(std::unique_ptr<const Resources> resources);
  std::unique_ptr<const Resources> resources_;
};

// The stable id of an article: 16 hex digits of the XXH3 hash of its decoded
// UTF-8 text. The same text gives the same id in any encoding or file name.
std::string ContentId(std::string_view decoded_text);

}  // namespace hadath::clean

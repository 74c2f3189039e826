// hadath/text/clitics.h — light clitic segmentation of normalised Arabic
// words, so that lexicon entries match inflected text.
//
// The segmenter does not decide: it lists candidate analyses (proclitics,
// stem, enclitic) from the least to the most stripped, and the caller (the
// lexicon matcher) accepts the first whose stem is an entry. An ordinary
// word is therefore never over-stripped unless its stripped stem is in a
// lexicon and the word itself is not.
//
//   auto normalizer = hadath::text::Normalizer::Load();
//   auto clitics = hadath::text::CliticSegmenter::Load(*normalizer);   // data/text/clitics.tsv
//   std::vector<hadath::text::CliticAnalysis> analyses;
//   clitics->Analyze(normalizer->Normalize("لقواتها"), hadath::text::kBothSides, &analyses);
//   // stems in order: لقواتها, قواتها, لقوات, لقواه, قوات, قواه  (ha = normalised ta marbuta)
//
// Inventory (data): proclitics و ف ب ل ك ال لل and their combinations (وال
// بال فال كال ولل وب ول ...), with "لل" giving back the article it swallowed
// (للتنظيم -> التنظيم, then تنظيم); pronoun enclitics ه ها هم هما هن ك كم كما كن نا ي
// ني; and the stem-final restorations applied when an enclitic is removed
// (ت -> ة: مدينتها -> مدينة). Rules: a stem keeps at least two letters; a
// definite stem (after ال or a proclitic holding it) takes no enclitic.
//
// Thread safety: immutable after Load; Analyze() is safe from many threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/status.h"
#include "hadath/text/normalizer.h"
#include "hadath/tsv.h"

namespace hadath::text {

// Which ends of a word may lose clitics.
enum CliticSides : uint8_t { kNoSides = 0, kProcliticSide = 1, kEncliticSide = 2, kBothSides = 3 };

struct CliticAnalysis {
  uint16_t proclitic_bytes = 0;        // leading bytes of the word taken by proclitics
  uint16_t enclitic_bytes = 0;         // trailing bytes of the word taken by an enclitic
  bool proclitic_has_article = false;  // the proclitics taken off hold the article ال
  std::string stem;                    // normalised stem, restorations applied
};

class CliticSegmenter {
 public:
  // Reads `data_dir`/text/clitics.tsv; forms are normalised with `normalizer`.
  static Result<CliticSegmenter> Load(const Normalizer& normalizer, const std::string& data_dir = DataDir());

  // Replaces `out` with the analyses of the normalised word `word`, allowed
  // to strip clitics on `sides`, least stripped first; out->front() is
  // always the bare word.
  void Analyze(std::string_view word, uint8_t sides, std::vector<CliticAnalysis>* out) const;

  // Proclitic forms that do not hold the article (و ف ب ل ك and their
  // combinations), normalised; used to recognise a broken word behind a
  // conjunction or preposition.
  std::vector<std::string> PlainProclitics() const;

  // Copies of one loaded segmenter share an identity: they analyse alike,
  // so a caller may reuse analyses across them (lexicon::MatchState does).
  const void* Identity() const { return inventory_.get(); }

  struct Inventory;  // defined in clitics.cc

 private:
  explicit CliticSegmenter(std::shared_ptr<const Inventory> inventory) : inventory_(std::move(inventory)) {}
  std::shared_ptr<const Inventory> inventory_;
};

}  // namespace hadath::text

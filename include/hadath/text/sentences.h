// hadath/text/sentences.h — sentence boundaries in Arabic news paragraphs.
//
//   for (hadath::Span sentence : hadath::text::SplitSentences(paragraph))
//     use(paragraph.substr(sentence.start, sentence.size()));
//
//   auto splitter = hadath::text::SentenceSplitter::Load(data_dir);   // explicit data
//   std::vector<hadath::Span> spans = splitter->Split(paragraph);
//
// Rules, applied to each line of the paragraph ('\n' always ends a sentence):
//   - A sentence ends after a run of . ! ? ؟ ۔ … followed by a space or the
//     end of the line; closing quotes and brackets right after the run stay
//     in the sentence ("قال «...»." and "«...!»" end with their closers).
//   - No split inside a number or date ("3.5", "2020/05/18", "6:51"): the
//     run must be followed by a space.
//   - A line of at most kHeadlineMaxWords words that does not end with one
//     of those marks (a headline, a subhead, "دير الزور.. “قسد” تعلن ...") is
//     one sentence. A longer such line (a body paragraph that lost its final
//     stop) is split as usual, except at ".." and "...", which separate the
//     parts of headlines.
//   - No split after a single letter ("د. محمد", "U.S.") or a listed
//     abbreviation (data/text/abbreviations.tsv).
//   - No split inside a short quotation (at most kShortQuotationWords words
//     between its opening and closing marks): «لن نستسلم!» قال القائد.
// Spans are relative to `paragraph` and trimmed of white space and
// invisible format characters.
//
// Thread safety: immutable after Load; Split() and SplitSentences() are
// safe from many threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "hadath/offsets.h"
#include "hadath/status.h"
#include "hadath/text/normalizer.h"
#include "hadath/tsv.h"

namespace hadath::text {

inline constexpr int kShortQuotationWords = 8;
inline constexpr int kHeadlineMaxWords = 25;

class SentenceSplitter {
 public:
  // Reads normalize.tsv and abbreviations.tsv under `data_dir`/text/.
  static Result<SentenceSplitter> Load(const std::string& data_dir = DataDir());
  // A splitter that knows no abbreviations beyond single letters.
  static SentenceSplitter WithoutData() { return SentenceSplitter(); }

  std::vector<Span> Split(std::string_view paragraph) const;

  // Returns true iff `word` (as written) is a listed abbreviation.
  bool IsAbbreviation(std::string_view word) const;

 private:
  SentenceSplitter() = default;
  void SplitLine(std::string_view paragraph, Span line, std::vector<Span>* out) const;

  std::optional<Normalizer> normalizer_;
  std::unordered_set<std::string> abbreviations_;  // normalised
};

// Split() with the splitter loaded once from DataDir(); if the data cannot be
// read, SentenceSplitter::WithoutData() is used.
std::vector<Span> SplitSentences(std::string_view paragraph);

}  // namespace hadath::text

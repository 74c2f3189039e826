// Internal: nationality phrases, a force word + modifiers + a nationality
// adjective ("مروحية عسكرية أمريكية"), from data/actors/force-heads.tsv and
// nationality.tsv.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hadath/actors.h"
#include "hadath/lexicon.h"
#include "hadath/status.h"
#include "hadath/text/tokenizer.h"

namespace hadath::actors {

// One actor named by a phrase: the first adjective's covers the whole
// phrase from the head; a coordinated one ("والسورية") its own word.
struct NationalityHit {
  uint32_t first_token = 0, end_token = 0;
  Span span, core;
  const Actor* actor = nullptr;
};

class NationalityPhrases {
 public:
  // Reads force-heads.tsv and nationality.tsv under `data_dir`/actors/.
  static Result<NationalityPhrases> Load(const std::string& data_dir, const text::Tokenizer& tokenizer,
                                         const ActorRegistry& registry);

  // Returns true iff a phrase starts at `first`; `*hits` then holds its
  // actors (the first one's end_token is the phrase's end without
  // coordinated adjectives; the last hit ends the whole).
  bool MatchAt(const text::TokenizedText& text, uint32_t first, lexicon::MatchState* state,
               std::vector<text::CliticAnalysis>* scratch, std::vector<NationalityHit>* hits) const;

  struct Words;  // defined in nationality.cc

 private:
  explicit NationalityPhrases(std::shared_ptr<const Words> words) : words_(std::move(words)) {}
  std::shared_ptr<const Words> words_;
};

}  // namespace hadath::actors

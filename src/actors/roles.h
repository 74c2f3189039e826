// Internal: role nouns (data/actors/roles.tsv) with generated inflections,
// quantity words (quantifiers.tsv), and the reading of their head counts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hadath/actors.h"
#include "hadath/lexicon.h"
#include "hadath/numbers.h"
#include "hadath/status.h"
#include "hadath/text/tokenizer.h"

namespace hadath::actors {

class RoleLexicon {
 public:
  // Reads roles.tsv and quantifiers.tsv under `data_dir`/actors/ and the
  // number words under `data_dir`/text/.
  static Result<RoleLexicon> Load(const std::string& data_dir, const text::Tokenizer& tokenizer);

  void Find(const text::TokenizedText& text, lexicon::MatchState* state, std::vector<RoleMention>* out) const;

  struct Words;  // defined in roles.cc

 private:
  explicit RoleLexicon(std::shared_ptr<const Words> words) : words_(std::move(words)) {}
  std::shared_ptr<const Words> words_;
};

}  // namespace hadath::actors

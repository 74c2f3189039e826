// Internal: a slow, obviously correct normaliser used only to check the fast
// one (differential tests in tests/text, and the benchmark's check before
// timing). It reads the same rule file but shares none of the compiled
// table or the hand-written UTF-8 decoder: characters are read with ICU's
// U8_NEXT and each rule is applied at run time, recursively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hadath/text/normalizer.h"
#include "text/fold_rules.h"

namespace hadath::text {

class ReferenceNormalizer {
 public:
  static Result<ReferenceNormalizer> Load(const std::string& data_dir = DataDir());

  // Same contract as Normalizer::Normalize.
  void Normalize(std::string_view utf8, NormalizedText* out) const;

 private:
  std::u32string Fold(char32_t code_point, int depth) const;

  std::vector<FoldRule> rules_;
};

}  // namespace hadath::text

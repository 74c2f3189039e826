// Internal: the rules of data/text/normalize.tsv, parsed but not compiled.
// Shared by the fast Normalizer (which compiles them into a flat table) and
// the slow ReferenceNormalizer (which applies them one character at a time).
#pragma once

#include <string>
#include <vector>

#include "hadath/status.h"

namespace hadath::text {

inline constexpr char32_t kLastFoldableCodePoint = 0xFFFF;  // the table covers the BMP
inline constexpr int kMaxFoldDepth = 8;                     // replacements folded again at most this often

struct FoldRule {
  enum class Target { kSequence, kRange, kNfkc };
  char32_t first = 0, last = 0;  // source code points, inclusive
  Target target = Target::kSequence;
  std::u32string to;  // kSequence: the replacement (empty = delete); kRange: {first target}
  std::string fold_class;
  std::string where;  // "file:line" for messages
};

// Parses the rule table at `path`. Errors name the file and line.
Result<std::vector<FoldRule>> LoadFoldRules(const std::string& path);

// The replacement a rule gives `code_point` (which it must cover), before
// any further folding. Uses ICU for kNfkc rules.
std::u32string ApplyRule(const FoldRule& rule, char32_t code_point);

}  // namespace hadath::text

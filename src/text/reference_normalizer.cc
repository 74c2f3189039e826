#include "text/reference_normalizer.h"

#include <unicode/utf8.h>

namespace hadath::text {

Result<ReferenceNormalizer> ReferenceNormalizer::Load(const std::string& data_dir) {
  auto rules = LoadFoldRules(data_dir + "/text/normalize.tsv");
  if (!rules) return rules.status();
  ReferenceNormalizer reference;
  reference.rules_ = std::move(*rules);
  return reference;
}

std::u32string ReferenceNormalizer::Fold(char32_t code_point, int depth) const {
  for (const FoldRule& rule : rules_) {
    if (code_point < rule.first || code_point > rule.last) continue;
    std::u32string once = ApplyRule(rule, code_point);
    if (once == std::u32string(1, code_point) || depth >= kMaxFoldDepth) break;
    std::u32string folded;
    for (char32_t next : once) folded += Fold(next, depth + 1);
    return folded;
  }
  return std::u32string(1, code_point);
}

void ReferenceNormalizer::Normalize(std::string_view utf8, NormalizedText* out) const {
  out->text.clear();
  out->source_offsets.clear();
  const uint8_t* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t length = static_cast<int32_t>(utf8.size());
  int32_t position = 0;
  while (position < length) {
    int32_t start = position;
    UChar32 code_point;
    U8_NEXT(bytes, position, length, code_point);
    std::u32string folded =
        code_point < 0 ? std::u32string(1, U'\uFFFD') : Fold(static_cast<char32_t>(code_point), 0);
    if (code_point >= 0 && folded == std::u32string(1, static_cast<char32_t>(code_point))) {
      for (int32_t i = start; i < position; ++i) {
        out->text.push_back(static_cast<char>(bytes[i]));
        out->source_offsets.push_back(static_cast<uint32_t>(i));
      }
      continue;
    }
    for (char32_t c : folded) {
      char encoded[4];
      int32_t encoded_length = 0;
      U8_APPEND_UNSAFE(encoded, encoded_length, c);
      out->text.append(encoded, static_cast<size_t>(encoded_length));
      out->source_offsets.insert(out->source_offsets.end(), static_cast<size_t>(encoded_length),
                                 static_cast<uint32_t>(start));
    }
  }
  out->source_offsets.push_back(static_cast<uint32_t>(length));
}

}  // namespace hadath::text

#include "text/fold_rules.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cassert>
#include <charconv>
#include <optional>
#include <string_view>

#include "hadath/tsv.h"

namespace hadath::text {
namespace {

bool IsSurrogate(char32_t code_point) { return code_point >= 0xD800 && code_point <= 0xDFFF; }

// "U+0627" -> 0x0627.
std::optional<char32_t> ParseCodePoint(std::string_view text) {
  if (text.size() < 6 || text.size() > 8 || text.substr(0, 2) != "U+") return std::nullopt;
  uint32_t value = 0;
  auto [end, error] = std::from_chars(text.data() + 2, text.data() + text.size(), value, 16);
  if (error != std::errc() || end != text.data() + text.size() || value > 0x10FFFF) return std::nullopt;
  return static_cast<char32_t>(value);
}

// "U+0660..U+0669" or "U+0627" -> {first, last}.
std::optional<std::pair<char32_t, char32_t>> ParseRange(std::string_view text) {
  size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    auto single = ParseCodePoint(text);
    if (!single) return std::nullopt;
    return std::make_pair(*single, *single);
  }
  auto first = ParseCodePoint(text.substr(0, dots));
  auto last = ParseCodePoint(text.substr(dots + 2));
  if (!first || !last || *last < *first) return std::nullopt;
  return std::make_pair(*first, *last);
}

// "U+0644 U+0627" -> {0x0644, 0x0627}; "" -> {}.
std::optional<std::u32string> ParseSequence(std::string_view text) {
  std::u32string sequence;
  while (!text.empty()) {
    size_t space = text.find(' ');
    auto code_point = ParseCodePoint(text.substr(0, space));
    if (!code_point) return std::nullopt;
    sequence.push_back(*code_point);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
  }
  return sequence;
}

Status ParseTarget(const TsvRow& row, FoldRule* rule) {
  const std::string& to = row.Get("to");
  if (to == "nfkc") {
    rule->target = FoldRule::Target::kNfkc;
    return Status::Ok();
  }
  if (to.find("..") != std::string::npos) {
    auto range = ParseRange(to);
    if (!range) return Status::Error(row.Where("bad target range '" + to + "'"));
    if (range->second - range->first != rule->last - rule->first)
      return Status::Error(row.Where("target range '" + to + "' is not as long as the source range"));
    if (IsSurrogate(range->first) || IsSurrogate(range->second) ||
        (range->first < 0xD800 && range->second > 0xDFFF))
      return Status::Error(row.Where("target '" + to + "' holds a surrogate, which is no character"));
    rule->target = FoldRule::Target::kRange;
    rule->to = std::u32string(1, range->first);
    return Status::Ok();
  }
  auto sequence = ParseSequence(to);
  if (!sequence)
    return Status::Error(row.Where("bad target '" + to + "': expected U+XXXX code points, a range or nfkc"));
  if (std::any_of(sequence->begin(), sequence->end(), IsSurrogate))
    return Status::Error(row.Where("target '" + to + "' holds a surrogate, which is no character"));
  rule->to = std::move(*sequence);
  return Status::Ok();
}

Result<FoldRule> ParseRule(const TsvRow& row) {
  FoldRule rule;
  rule.where = row.Where("");
  rule.where.resize(rule.where.size() - 2);  // drop ": "
  auto range = ParseRange(row.Get("from"));
  if (!range)
    return Status::Error(
        row.Where("bad source '" + row.Get("from") + "': expected U+XXXX or U+XXXX..U+YYYY"));
  if (range->second > kLastFoldableCodePoint)
    return Status::Error(
        row.Where("source '" + row.Get("from") + "' is outside the BMP, which the fold table covers"));
  rule.first = range->first;
  rule.last = range->second;
  rule.fold_class = row.Get("class");
  Status target = ParseTarget(row, &rule);
  if (!target.ok()) return target;
  return rule;
}

Status CheckNoOverlap(std::vector<FoldRule>* rules) {
  std::sort(rules->begin(), rules->end(),
            [](const FoldRule& a, const FoldRule& b) { return a.first < b.first; });
  for (size_t i = 1; i < rules->size(); ++i)
    if ((*rules)[i].first <= (*rules)[i - 1].last)
      return Status::Error((*rules)[i].where + ": overlaps the rule at " + (*rules)[i - 1].where);
  return Status::Ok();
}

}  // namespace

Result<std::vector<FoldRule>> LoadFoldRules(const std::string& path) {
  auto table = TsvTable::Load(path, {"from", "to", "class"});
  if (!table) return table.status();
  std::vector<FoldRule> rules;
  for (const TsvRow& row : table->rows()) {
    auto rule = ParseRule(row);
    if (!rule) return rule.status();
    rules.push_back(std::move(*rule));
  }
  Status disjoint = CheckNoOverlap(&rules);
  if (!disjoint.ok()) return disjoint;
  return rules;
}

std::u32string ApplyRule(const FoldRule& rule, char32_t code_point) {
  assert(code_point >= rule.first && code_point <= rule.last);
  switch (rule.target) {
    case FoldRule::Target::kSequence: return rule.to;
    case FoldRule::Target::kRange: return std::u32string(1, rule.to[0] + (code_point - rule.first));
    case FoldRule::Target::kNfkc: break;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString folded = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(code_point)), status);
  if (U_FAILURE(status)) return std::u32string(1, code_point);
  std::u32string result;
  for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1))
    result.push_back(static_cast<char32_t>(folded.char32At(i)));
  return result;
}

}  // namespace hadath::text

// HtmlBoilerplate: the furniture rules of data/ingest/html-boilerplate.tsv.
#include "hadath/ingest.h"
#include "hadath/tsv.h"
#include "ingest/utf8.h"

namespace hadath::ingest {
namespace {

using Rule = HtmlBoilerplate::Rule;

Result<Rule::Match> ParseMatch(const TsvRow& row) {
  const std::string& match = row.Get("match");
  if (match == "tag") return Rule::Match::kTag;
  if (match == "class-id-word") return Rule::Match::kClassIdWord;
  if (match == "class-id-substring") return Rule::Match::kClassIdSubstring;
  if (match == "role") return Rule::Match::kRole;
  return Status::Error(
      row.Where("unknown match '" + match + "' (expected tag, class-id-word, class-id-substring or role)"));
}

Result<bool> ParseScope(const TsvRow& row) {
  const std::string& scope = row.Get("scope");
  if (scope == "everywhere") return true;
  if (scope == "outside-content") return false;
  return Status::Error(row.Where("unknown scope '" + scope + "' (expected everywhere or outside-content)"));
}

bool IsLowerAsciiPattern(std::string_view pattern) {
  for (char c : pattern)
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'A' && c <= 'Z') || c == ' ') return false;
  return !pattern.empty();
}

Result<Rule> ParseRule(const TsvRow& row) {
  Rule rule;
  Result<Rule::Match> match = ParseMatch(row);
  if (!match) return match.status();
  Result<bool> everywhere = ParseScope(row);
  if (!everywhere) return everywhere.status();
  rule.match = *match;
  rule.inside_content = *everywhere;
  rule.pattern = row.Get("pattern");
  rule.reason = row.Get("reason");
  if (!IsLowerAsciiPattern(rule.pattern))
    return Status::Error(
        row.Where("pattern '" + rule.pattern + "' must be non-empty lower-case ASCII without spaces"));
  return rule;
}

bool IsWordCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
}

// Returns true iff lower-case `attribute` has `word` between non-word characters.
bool HasWord(std::string_view attribute, std::string_view word) {
  for (size_t at = attribute.find(word); at != std::string_view::npos; at = attribute.find(word, at + 1)) {
    bool starts = at == 0 || !IsWordCharacter(attribute[at - 1]);
    size_t end = at + word.size();
    bool ends = end == attribute.size() || !IsWordCharacter(attribute[end]);
    if (starts && ends) return true;
  }
  return false;
}

bool Matches(const Rule& rule, std::string_view tag, std::string_view class_and_id, std::string_view role) {
  switch (rule.match) {
    case Rule::Match::kTag: return tag == rule.pattern;
    case Rule::Match::kClassIdWord: return HasWord(class_and_id, rule.pattern);
    case Rule::Match::kClassIdSubstring: return class_and_id.find(rule.pattern) != std::string_view::npos;
    case Rule::Match::kRole: return HasWord(role, rule.pattern);
  }
  return false;
}

}  // namespace

Result<HtmlBoilerplate> HtmlBoilerplate::Load(const std::string& path) {
  Result<TsvTable> table = TsvTable::Load(path, {"match", "pattern", "scope", "reason"});
  if (!table) return table.status();
  HtmlBoilerplate boilerplate;
  for (const TsvRow& row : table->rows()) {
    Result<Rule> rule = ParseRule(row);
    if (!rule) return rule.status();
    boilerplate.rules_.push_back(std::move(*rule));
  }
  return boilerplate;
}

Result<HtmlBoilerplate> HtmlBoilerplate::LoadDefault() {
  return Load(DataPath("ingest/html-boilerplate.tsv"));
}

const HtmlBoilerplate::Rule* HtmlBoilerplate::Find(std::string_view tag, std::string_view class_attribute,
                                                   std::string_view id_attribute,
                                                   std::string_view role_attribute,
                                                   bool inside_content) const {
  std::string class_and_id = internal::AsciiLower(class_attribute);
  class_and_id += ' ';
  class_and_id += internal::AsciiLower(id_attribute);
  std::string role = internal::AsciiLower(role_attribute);
  for (const Rule& rule : rules_) {
    if (inside_content && !rule.inside_content) continue;
    if (Matches(rule, tag, class_and_id, role)) return &rule;
  }
  return nullptr;
}

}  // namespace hadath::ingest

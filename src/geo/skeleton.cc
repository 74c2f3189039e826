#include "geo/skeleton.h"

#include "hadath/tsv.h"

namespace hadath::geo {
namespace {

constexpr std::string_view kArabicArticle = "\xD8\xA7\xD9\x84";  // ARABIC LETTER ALEF, ARABIC LETTER LAM

size_t CharacterBytes(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

bool IsSeparator(char c) { return c == ' ' || c == '-'; }

}  // namespace

Result<Skeleton> Skeleton::Load(const std::string& path) {
  auto table = TsvTable::Load(path, {"form", "class", "type"});
  if (!table) return table.status();
  Skeleton skeleton;
  for (const TsvRow& row : table->rows()) {
    const std::string& form = row.Get("form");
    if (form.empty()) return Status::Error(row.Where("empty form"));
    if (row.Get("type") == "article") {
      skeleton.articles_.insert(form);
    } else if (row.Get("type") == "letter" && row.Get("class").size() == 1) {
      skeleton.classes_[form] = row.Get("class")[0];
      skeleton.longest_form_ = std::max(skeleton.longest_form_, form.size());
    } else {
      return Status::Error(row.Where("expected type `letter` with a one-letter class, or type `article`"));
    }
  }
  return skeleton;
}

std::string Skeleton::WordSkeleton(std::string_view word) const {
  if (articles_.count(word)) return "";
  if (word.size() > kArabicArticle.size() + 2 && word.substr(0, kArabicArticle.size()) == kArabicArticle)
    word.remove_prefix(kArabicArticle.size());
  std::string key;
  for (size_t i = 0; i < word.size();) {
    size_t matched = 0;
    for (size_t length = std::min(longest_form_, word.size() - i); length > 0 && !matched; --length)
      if (auto found = classes_.find(word.substr(i, length)); found != classes_.end()) {
        if (key.empty() || key.back() != found->second) key += found->second;
        matched = length;
      }
    i += matched ? matched : CharacterBytes(static_cast<unsigned char>(word[i]));
  }
  return key;
}

std::string Skeleton::Of(std::string_view normalized) const {
  std::string key;
  for (size_t start = 0; start < normalized.size();) {
    size_t end = start;
    while (end < normalized.size() && !IsSeparator(normalized[end])) ++end;
    for (char c : WordSkeleton(normalized.substr(start, end - start)))
      if (key.empty() || key.back() != c) key += c;
    start = end + 1;
  }
  return key;
}

}  // namespace hadath::geo

#include "clean/outlets.h"

#include <algorithm>

#include "hadath/text/normalizer.h"
#include "hadath/tsv.h"

namespace hadath::clean {
namespace {

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

std::vector<std::string> SplitBars(const std::string& field) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= field.size()) {
    size_t bar = field.find('|', start);
    if (bar == std::string::npos) bar = field.size();
    if (bar > start) parts.push_back(field.substr(start, bar - start));
    start = bar + 1;
  }
  return parts;
}

}  // namespace

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#:"));
  if (rest.substr(0, 4) == "www.") rest.remove_prefix(4);
  return Lowercase(rest);
}

Result<OutletRegistry> OutletRegistry::Load(const std::string& path, const text::Normalizer& normalizer) {
  auto table = TsvTable::Load(path, {"id", "name_en", "names_ar", "codes"});
  if (!table) return table.status();
  OutletRegistry registry;
  for (const TsvRow& row : table->rows()) {
    const std::string& name = row.Get("name_en");
    if (name.empty()) return Status::Error(row.Where("empty name_en"));
    registry.name_by_key_[Lowercase(name)] = name;
    registry.name_by_key_[Lowercase(row.Get("id"))] = name;
    for (const std::string& code : SplitBars(row.Get("codes"))) registry.name_by_key_[Lowercase(code)] = name;
    for (const std::string& arabic : SplitBars(row.Get("names_ar"))) {
      std::string normalized = normalizer.Normalize(arabic);
      registry.name_by_key_[normalized] = name;
      registry.normalized_arabic_names_.insert(std::move(normalized));
    }
  }
  return registry;
}

std::string OutletRegistry::CanonicalName(std::string_view given, std::string_view normalized_given) const {
  for (const std::string& key : {Lowercase(given), HostOf(given), std::string(normalized_given)}) {
    if (key.empty()) continue;
    if (auto found = name_by_key_.find(key); found != name_by_key_.end()) return found->second;
  }
  return std::string(given);
}

bool OutletRegistry::IsOutletName(std::string_view normalized_line) const {
  return normalized_arabic_names_.count(std::string(normalized_line)) > 0;
}

}  // namespace hadath::clean

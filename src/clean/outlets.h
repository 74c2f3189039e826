// The outlet registry (data/outlets.tsv): names an article's outlet from a
// crawler's code, a domain or a name, and tells whether a line of text is
// just an outlet's name.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "hadath/status.h"

namespace hadath::text {
class Normalizer;
}

namespace hadath::clean {

class OutletRegistry {
 public:
  static Result<OutletRegistry> Load(const std::string& path, const text::Normalizer& normalizer);

  // The canonical English name for a code ("aawsat"), a domain or URL
  // ("https://www.enabbaladi.net/..."), or a name in English or Arabic;
  // `given` itself when unknown.
  // `normalized_given` is `given` after hadath::text::Normalizer.
  std::string CanonicalName(std::string_view given, std::string_view normalized_given) const;
  // True iff `normalized_line` is exactly one outlet's Arabic name.
  bool IsOutletName(std::string_view normalized_line) const;

 private:
  std::unordered_map<std::string, std::string> name_by_key_;  // lowercase code/domain/name -> name_en
  std::unordered_set<std::string> normalized_arabic_names_;
};

// The host of a URL without "www.", lowercase; "" if none.
std::string HostOf(std::string_view url);

}  // namespace hadath::clean

// Consonant skeletons of place names (internal to src/geo): a coarse key
// shared by an Arabic name and its romanisation, from data/geo/skeleton.tsv.
//
//   auto skeleton = Skeleton::Load(DataPath("geo/skeleton.tsv"));
//   skeleton->Of(normalizer.Normalize("الشحيل")) == skeleton->Of("ash shuḩayl")  // "CHL"
//
// Thread safety: immutable after Load.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "hadath/status.h"

namespace hadath::geo {

class Skeleton {
 public:
  static Result<Skeleton> Load(const std::string& path);
  // The skeleton of a normalised name; empty when it has no listed consonant.
  std::string Of(std::string_view normalized) const;
  // The Latin article words of the table ("al", "ash", "ez", ...), as written.
  const std::set<std::string, std::less<>>& articles() const { return articles_; }

 private:
  std::string WordSkeleton(std::string_view word) const;
  std::map<std::string, char, std::less<>> classes_;
  std::set<std::string, std::less<>> articles_;
  size_t longest_form_ = 1;
};

}  // namespace hadath::geo

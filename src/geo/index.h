// The compiled gazetteer (internal to src/geo): places plus a sorted name
// index, and its binary file format.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "geo/skeleton.h"
#include "hadath/gazetteer.h"
#include "hadath/text/normalizer.h"

namespace hadath::geo {

struct Gazetteer::Index {
  std::vector<Place> places;
  // Normalised names, sorted; ids[i] are the places named keys[i], best first.
  std::vector<std::string> keys;
  std::vector<std::vector<uint32_t>> ids;
  std::shared_ptr<const text::Normalizer> normalizer;
  std::shared_ptr<const Skeleton> skeleton;
  std::shared_ptr<const Romanizer> romanizer;
  std::set<std::string, std::less<>> latin_articles;  // skeleton articles, folded by LatinKey
};

// Keys of romanised names start with this byte, followed by the skeleton.
inline constexpr char kSkeletonKeyMark = '~';
// Keys of Latin-script names (name_en, names_latin) start with this byte,
// followed by their LatinKey.
inline constexpr char kLatinKeyMark = '@';

// Smaller is better known: admin units and cities first, villages last.
int KindRank(PlaceKind kind);
// Returns true iff place `a` should be listed before `b` for the same name.
bool BetterKnown(const Place& a, const Place& b);

// The normalised keys a place is indexed under: each Arabic name, the same
// without the article, and the English name lowercased.
std::vector<std::string> NameKeys(const text::Normalizer& normalizer, const Place& place);
// `normalized` without a leading article, or empty when it has none.
std::string WithoutArticle(const std::string& normalized);

// Binary format: see format.cc.
std::string Serialize(const Gazetteer::Index& index);
Status Deserialize(const std::string& bytes, const std::string& path, Gazetteer::Index* index);

}  // namespace hadath::geo

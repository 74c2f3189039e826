// hadath/toponyms.h — place mentions in Arabic text (the mentions stage).
//
// A ToponymRecognizer finds the phrases of a sentence that name a place and
// how: "قرية العطالة بريف الشدادي جنوب الحسكة" gives three mentions, the
// village العطالة (not in the gazetteer: no candidates, a gap), inside the
// countryside of الشدادي, south of الحسكة; each mention knows the one it lies
// in, so the geocoder can place العطالة by its parents.
//
//   auto recognizer = hadath::extract::ToponymRecognizer::Load(gazetteer, tokenizer);
//   text::TokenizedText tokens;
//   tokenizer.Tokenize(sentence, &tokens);
//   for (const auto& mention : recognizer->Find(sentence, tokens)) ...
//
// A name counts as a place only when something introduces it: a place-type
// word (مدينة، قرية، ريف، مخيم ...), a preposition or relation (في، ب، قرب،
// شرق ...), or a parent chain. That keeps family names (nisba: الحمرة in
// "محمد الخليف الحمرة") out; bodies named after places ("مجلس دير الزور
// العسكري"، "مركز دير الزور الإعلامي") are refused by data/places/name-guards.tsv.
//
// Cue words: data/places/{place-types,spatial-cues,name-guards,name-heads,demonyms}.tsv.
//
// Thread safety: a loaded recognizer is immutable; Find() may run on many
// threads with their own TokenizedText.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/gazetteer.h"
#include "hadath/offsets.h"
#include "hadath/status.h"
#include "hadath/text/tokenizer.h"

namespace hadath::extract {

enum class Relation : uint8_t {
  kIn,  // in / at the place itself
  kNear,
  kNorth,
  kSouth,
  kEast,
  kWest,
  kNortheast,
  kNorthwest,
  kSoutheast,
  kSouthwest,
  kDistance,  // "على بعد N كيلومتر"
};
const char* RelationName(Relation relation);
bool IsDirection(Relation relation);

struct PlaceMention {
  Span span;            // the whole phrase, cue words included (bytes of the tokenised text)
  Span name_span;       // the name alone
  std::string name;     // the name, normalised
  std::string surface;  // the name as written
  std::optional<geo::PlaceKind> cue_kind;  // what the cue word says the place is
  Relation relation = Relation::kIn;
  bool countryside = false;      // "ريف X": the rural area around X
  std::optional<Relation> side;  // "ريف X الشرقي", "شرق X": a part of X
  std::string country;           // ISO code a nationality adjective gives ("اللبنانية"); "" if none
  std::vector<uint32_t> candidates;  // gazetteer place ids with this name, best known first
  std::optional<uint32_t> parent;    // index (in the same result) of the mention this one lies in

  bool is_region() const { return countryside || side.has_value(); }
};

class ToponymRecognizer {
 public:
  // `gazetteer` and `tokenizer` must outlive the recognizer.
  static Result<ToponymRecognizer> Load(const geo::Gazetteer& gazetteer, const text::Tokenizer& tokenizer,
                                        const std::string& data_dir = DataDir());

  // The place mentions of `input`, which `text` holds tokenised.
  std::vector<PlaceMention> Find(std::string_view input, const text::TokenizedText& text) const;

  struct Resources;  // defined in src/extract/toponyms.cc

 private:
  explicit ToponymRecognizer(std::shared_ptr<const Resources> resources) : resources_(std::move(resources)) {}
  std::shared_ptr<const Resources> resources_;
};

}  // namespace hadath::extract

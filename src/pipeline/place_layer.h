// The place stages loaded together — tokenizer, gazetteer, toponym
// recogniser — as commands, benchmarks and tests use them.
//
//   auto layer = hadath::pipeline::LoadPlaceLayer();   // build/gazetteer.bin
//   if (!layer) { report(layer.error()); return; }
//   for (const auto& mention : (*layer)->Mentions(sentence)) ...
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/gazetteer.h"
#include "hadath/toponyms.h"

namespace hadath::pipeline {

struct PlaceLayer {
  text::Tokenizer tokenizer;
  std::unique_ptr<geo::Gazetteer> gazetteer;  // on the heap: the recogniser points at it
  std::unique_ptr<extract::ToponymRecognizer> recognizer;

  // The place mentions of one sentence.
  std::vector<extract::PlaceMention> Mentions(std::string_view sentence) const;
};

// The layer over `gazetteer`, with the tokenizer and cue words from data/.
Result<std::unique_ptr<PlaceLayer>> MakePlaceLayer(geo::Gazetteer gazetteer);
// The layer over the compiled gazetteer at `path`.
Result<std::unique_ptr<PlaceLayer>> LoadPlaceLayer(const std::string& path = geo::Gazetteer::DefaultPath());

}  // namespace hadath::pipeline

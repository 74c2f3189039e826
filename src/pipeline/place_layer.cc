#include "pipeline/place_layer.h"

namespace hadath::pipeline {

std::vector<extract::PlaceMention> PlaceLayer::Mentions(std::string_view sentence) const {
  text::TokenizedText tokens;
  tokenizer.Tokenize(sentence, &tokens);
  return recognizer->Find(sentence, tokens);
}

Result<std::unique_ptr<PlaceLayer>> MakePlaceLayer(geo::Gazetteer gazetteer) {
  auto tokenizer = text::Tokenizer::Load();
  if (!tokenizer) return tokenizer.status();
  auto layer = std::make_unique<PlaceLayer>(
      PlaceLayer{std::move(*tokenizer), std::make_unique<geo::Gazetteer>(std::move(gazetteer)), nullptr});
  auto recognizer = extract::ToponymRecognizer::Load(*layer->gazetteer, layer->tokenizer);
  if (!recognizer) return recognizer.status();
  layer->recognizer = std::make_unique<extract::ToponymRecognizer>(std::move(*recognizer));
  return layer;
}

Result<std::unique_ptr<PlaceLayer>> LoadPlaceLayer(const std::string& path) {
  auto gazetteer = geo::Gazetteer::Load(path);
  if (!gazetteer) return gazetteer.status();
  return MakePlaceLayer(std::move(*gazetteer));
}

}  // namespace hadath::pipeline

// Test helpers for the events stage: the extractor over the real gazetteer
// (built once per test binary from ../shared), and documents made from text.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hadath/clean.h"
#include "hadath/events.h"
#include "place_layer_test_util.h"

namespace hadath::testing_events {

// The extractor over the real gazetteer; nullptr when ../shared is absent.
inline const events::EventExtractor* RealExtractor() {
  static const events::EventExtractor* extractor = []() -> const events::EventExtractor* {
    const pipeline::PlaceLayer* layer = testing_places::RealLayer();
    if (!layer) return nullptr;
    auto loaded = events::EventExtractor::Load(*layer->gazetteer);
    if (!loaded) testing_places::Fail("event extractor", loaded.error());
    return new events::EventExtractor(std::move(*loaded));
  }();
  return extractor;
}

inline const clean::Cleaner& TestCleaner() {
  static const clean::Cleaner* cleaner = [] {
    auto loaded = clean::Cleaner::Load();
    if (!loaded) testing_places::Fail("cleaner", loaded.error());
    return new clean::Cleaner(std::move(*loaded));
  }();
  return *cleaner;
}

// A cleaned document of `text` (UTF-8, one paragraph per line), published
// on `published` ("" for unknown).
inline Document MakeDocument(const std::string& text, const std::string& published,
                             const std::string& key = "t") {
  Article article;
  article.key = key;
  article.path = key + ".txt";
  article.encoding = "UTF-8";
  article.raw = text;
  article.decoded = text;
  article.decoded_to_raw.AppendCopy(static_cast<uint32_t>(text.size()), 0);
  article.metadata.outlet = "Test Outlet";
  article.metadata.published = PublishedDate::FromIso(published);
  auto document = TestCleaner().Clean(std::move(article));
  if (!document) testing_places::Fail("clean", document.error());
  return std::move(*document);
}

// The events of `events` that are not background.
inline std::vector<events::Event> News(const std::vector<events::Event>& all) {
  std::vector<events::Event> news;
  for (const events::Event& event : all)
    if (!event.background) news.push_back(event);
  return news;
}

}  // namespace hadath::testing_events

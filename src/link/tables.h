// The resources the linker reads (data/link), loaded once.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "hadath/link.h"
#include "hadath/text/tokenizer.h"

namespace hadath::link {

// data/link/weights.tsv, by name.
struct Weights {
  double threshold = 0;
  double same_sub_event_type = 0, same_event_type = 0, same_kind = 0;
  double shared_actors = 0, no_shared_actor = 0;
  double same_place = 0, place_within = 0;
  double same_day = 0, overlapping_dates = 0, uncertain_dates = 0;
  double same_fatalities = 0, close_fatalities = 0, far_fatalities = 0;
  double rare_word = 0, rare_words_counted = 0, text_similarity = 0, text_similarity_floor = 0,
         corroborating_cosine = 0, rare_share = 0;
  double relative_day_slack = 0, max_span_days = 0, same_place_km = 0, min_word_letters = 0;
};

struct Linker::Tables {
  Weights weights;
  std::unordered_map<std::string, std::string> kind_of_type;  // event_type -> kind
  std::unordered_set<std::string> generic_actors;
  std::unordered_map<uint32_t, float> word_share;  // hash of a normalised word -> share of articles
  text::Tokenizer tokenizer;
};

uint32_t WordHash(std::string_view normalized);

}  // namespace hadath::link

#include "link/tables.h"

#include <utility>

#include <xxhash.h>

#include "hadath/tsv.h"

namespace hadath::link {
namespace {

Status LoadWeights(const std::string& path, Weights* weights) {
  auto table = TsvTable::Load(path, {"name", "value"});
  if (!table) return table.status();
  const std::pair<std::string_view, double*> fields[] = {
      {"threshold", &weights->threshold},
      {"same_sub_event_type", &weights->same_sub_event_type},
      {"same_event_type", &weights->same_event_type},
      {"same_kind", &weights->same_kind},
      {"shared_actors", &weights->shared_actors},
      {"no_shared_actor", &weights->no_shared_actor},
      {"same_place", &weights->same_place},
      {"place_within", &weights->place_within},
      {"same_day", &weights->same_day},
      {"overlapping_dates", &weights->overlapping_dates},
      {"uncertain_dates", &weights->uncertain_dates},
      {"same_fatalities", &weights->same_fatalities},
      {"close_fatalities", &weights->close_fatalities},
      {"far_fatalities", &weights->far_fatalities},
      {"rare_word", &weights->rare_word},
      {"rare_words_counted", &weights->rare_words_counted},
      {"text_similarity", &weights->text_similarity},
      {"text_similarity_floor", &weights->text_similarity_floor},
      {"corroborating_cosine", &weights->corroborating_cosine},
      {"rare_share", &weights->rare_share},
      {"relative_day_slack", &weights->relative_day_slack},
      {"max_span_days", &weights->max_span_days},
      {"same_place_km", &weights->same_place_km},
      {"min_word_letters", &weights->min_word_letters},
  };
  std::unordered_map<std::string_view, double*> by_name(std::begin(fields), std::end(fields));
  for (const TsvRow& row : table->rows()) {
    auto slot = by_name.find(row.Get("name"));
    if (slot == by_name.end()) return Status::Error(row.Where("unknown weight '" + row.Get("name") + "'"));
    auto value = ParseNumber<double>(row.Get("value"));
    if (!value) return Status::Error(row.Where("not a number: '" + row.Get("value") + "'"));
    *slot->second = *value;
    by_name.erase(slot);
  }
  if (!by_name.empty())
    return Status::Error(path + ": missing weight '" + std::string(by_name.begin()->first) + "'");
  return Status::Ok();
}

Status LoadWordShares(const std::string& path, const text::Normalizer& normalizer,
                      std::unordered_map<uint32_t, float>* shares) {
  auto table = TsvTable::Load(path, {"word", "share"});
  if (!table) return table.status();
  for (const TsvRow& row : table->rows()) {
    auto share = ParseNumber<float>(row.Get("share"));
    if (!share || *share <= 0 || *share > 1) return Status::Error(row.Where("share must be in (0, 1]"));
    float& slot = (*shares)[WordHash(normalizer.Normalize(row.Get("word")))];
    slot = std::max(slot, *share);  // words that normalise alike: the commoner counts
  }
  return Status::Ok();
}

}  // namespace

uint32_t WordHash(std::string_view normalized) {
  return static_cast<uint32_t>(XXH3_64bits(normalized.data(), normalized.size()));
}

Result<Linker> Linker::Load(const std::string& data_dir) {
  auto tokenizer = text::Tokenizer::Load(data_dir);
  if (!tokenizer) return tokenizer.status();
  auto tables = std::make_shared<Tables>(Tables{{}, {}, {}, {}, std::move(*tokenizer)});
  const std::string dir = data_dir + "/link/";
  if (Status s = LoadWeights(dir + "weights.tsv", &tables->weights); !s) return s;
  auto kinds = TsvTable::Load(dir + "type-kinds.tsv", {"event_type", "kind"});
  if (!kinds) return kinds.status();
  for (const TsvRow& row : kinds->rows()) tables->kind_of_type[row.Get("event_type")] = row.Get("kind");
  auto generic = TsvTable::Load(dir + "generic-actors.tsv", {"actor_id"});
  if (!generic) return generic.status();
  for (const TsvRow& row : generic->rows()) tables->generic_actors.insert(row.Get("actor_id"));
  if (Status s =
          LoadWordShares(dir + "word-frequencies.tsv", tables->tokenizer.normalizer(), &tables->word_share);
      !s)
    return s;
  return Linker(std::move(tables));
}

}  // namespace hadath::link

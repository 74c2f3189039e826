// Describe(): what the scorer reads of a report's record and evidence.
#include <algorithm>
#include <cmath>

#include "hadath/dates.h"
#include "hadath/link.h"
#include "link/json_fields.h"
#include "link/tables.h"

namespace hadath::link {
namespace {

std::optional<int64_t> DayNumber(const std::string& iso) {
  int year = 0, month = 0, day = 0;
  if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3)
    return std::nullopt;
  auto date = dates::CivilDate::Make(year, month, day);
  if (!date) return std::nullopt;
  return date->DaysSinceEpoch();
}

void AddActors(const Json& record, const Linker::Tables& tables, Profile* profile) {
  auto add = [&](const std::string& id) {
    if (!id.empty() && !tables.generic_actors.contains(id)) profile->actors.push_back(id);
  };
  add(TextField(record, "actor1_id"));
  add(TextField(record, "actor2_id"));
  for (const char* list : {"assoc_actor_1_ids", "assoc_actor_2_ids"})
    for (const std::string& id : TextList(record, list)) add(id);
  std::sort(profile->actors.begin(), profile->actors.end());
  profile->actors.erase(std::unique(profile->actors.begin(), profile->actors.end()), profile->actors.end());
}

void AddVictims(const Json& record, Profile* profile) {
  auto claims = record.find("claims");
  if (claims == record.end() || !claims->is_array()) return;
  for (const Json& claim : *claims) {
    profile->civilian_victims |= claim.value("civilian_victims", false);
    profile->combatant_victims |= claim.value("combatant_victims", false);
  }
}

// An article share for a word the frequency table does not list: fewer than
// its cut-off (20 of the corpus's articles), so rare.
constexpr float kUnlistedShare = 0.00003f;

void AddWords(std::string_view text, const Linker::Tables& tables, Profile* profile) {
  text::TokenizedText tokens;
  tables.tokenizer.Tokenize(text, &tokens);
  std::vector<std::pair<uint32_t, std::string>> words;
  const size_t min_bytes =
      2 * static_cast<size_t>(tables.weights.min_word_letters);  // Arabic letters are 2 bytes
  for (const text::Token& token : tokens.tokens) {
    if (token.kind != text::TokenKind::kArabicWord) continue;
    std::string_view form = tokens.NormalizedOf(token);
    if (form.size() < min_bytes) continue;
    words.emplace_back(WordHash(form), std::string(form));
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              words.end());
  for (auto& [hash, form] : words) {
    auto listed = tables.word_share.find(hash);
    float share = listed == tables.word_share.end() ? kUnlistedShare : listed->second;
    profile->words.push_back(hash);
    profile->word_weights.push_back(-std::log(share));
    if (share < tables.weights.rare_share) profile->rare_words.emplace_back(hash, std::move(form));
  }
}

}  // namespace

Profile Linker::Describe(const Report& report) const {
  Profile profile;
  profile.report = &report;
  Json record = Json::parse(report.record, nullptr, /*allow_exceptions=*/false);
  if (!record.is_object()) return profile;
  if (auto documents = record.find("documents"); documents != record.end() && documents->is_array() &&
                                                 !documents->empty() && (*documents)[0].is_object()) {
    const Json& first = (*documents)[0];
    profile.published = TextField(first, "published");
    profile.doc_key = TextField(first, "doc_id");
    profile.outlet = TextField(first, "outlet");
  }
  profile.event_type = TextField(record, "event_type");
  profile.sub_event_type = TextField(record, "sub_event_type");
  if (auto kind = tables_->kind_of_type.find(profile.event_type); kind != tables_->kind_of_type.end())
    profile.kind = kind->second;
  profile.day_start = DayNumber(TextField(record, "date_start"));
  profile.day_end = DayNumber(TextField(record, "date_end"));
  if (!profile.day_start || !profile.day_end) profile.day_start = profile.day_end = std::nullopt;
  profile.event_date = TextField(record, "event_date");
  profile.date_basis = TextField(record, "date_basis");
  profile.time_precision = NumberField<int>(record, "time_precision").value_or(0);
  AddActors(record, *tables_, &profile);
  profile.admin1 = TextField(record, "admin1");
  profile.admin2 = TextField(record, "admin2");
  profile.gazetteer_id = TextField(record, "gazetteer_id");
  profile.place_name = tables_->tokenizer.normalizer().Normalize(TextField(record, "location_ar"));
  profile.gap = record.value("location_gap", false);
  profile.geo_precision = NumberField<int>(record, "geo_precision").value_or(0);
  profile.specific_place = profile.geo_precision == 1 || (profile.gap && !profile.place_name.empty());
  profile.latitude = NumberField<double>(record, "latitude");
  profile.longitude = NumberField<double>(record, "longitude");
  profile.fatalities = NumberField<int>(record, "fatalities").value_or(0);
  AddVictims(record, &profile);
  profile.background = record.value("background", false);
  profile.confidence = NumberField<double>(record, "confidence").value_or(0);
  AddWords(report.text, *tables_, &profile);
  return profile;
}

bool CanonicalBefore(const Profile& a, const Profile& b) {
  bool a_dated = !a.published.empty(), b_dated = !b.published.empty();
  if (a_dated != b_dated) return a_dated;
  if (a.published != b.published) return a.published < b.published;
  return a.report->id < b.report->id;
}

}  // namespace hadath::link

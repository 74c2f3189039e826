// Score(): the vetoes and points of a pair of reports (see hadath/link.h).
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "hadath/dates.h"
#include "hadath/distance.h"
#include "hadath/link.h"
#include "link/tables.h"

namespace hadath::link {
namespace {

std::string IsoDay(int64_t days) {
  return dates::CivilDate::FromDays(std::chrono::sys_days(std::chrono::days(days))).ToIso();
}

std::string DateText(const Profile& p) {
  if (!p.day_start) return "undated";
  std::string range =
      *p.day_start == *p.day_end ? IsoDay(*p.day_start) : IsoDay(*p.day_start) + ".." + IsoDay(*p.day_end);
  return p.date_basis == "relative" ? range + " (counted from publication)" : range;
}

std::string PlaceText(const Profile& p) { return p.place_name.empty() ? p.admin1 : p.place_name; }

int Slack(const Profile& p, const Weights& w) {
  return p.date_basis == "relative" ? static_cast<int>(w.relative_day_slack) : 0;
}

bool Dateable(const Profile& p, const Weights& w) {
  return p.day_start && *p.day_end - *p.day_start + 1 <= static_cast<int64_t>(w.max_span_days);
}

std::optional<double> Distance(const Profile& a, const Profile& b) {
  if (!a.latitude || !a.longitude || !b.latitude || !b.longitude) return std::nullopt;
  return DistanceKm(*a.latitude, *a.longitude, *b.latitude, *b.longitude);
}

// Why `a` and `b` cannot be one incident, or "".
std::string Veto(const Profile& a, const Profile& b, const Weights& w) {
  if (a.report->doc_id == b.report->doc_id) return "both come from one article, which tells them apart";
  if (!Dateable(a, w) || !Dateable(b, w)) return "a report is undated or dated only to a month";
  if (a.admin1.empty() || b.admin1.empty()) return "a report is placed no closer than a country";
  if (a.admin1 != b.admin1) return "different governorates: " + a.admin1 + " and " + b.admin1;
  if (a.kind != b.kind) return "different kinds of event: " + a.event_type + " and " + b.event_type;
  // A counted day is known to a day either way; two of them do not add up
  // to two days.
  int64_t slack = std::max(Slack(a, w), Slack(b, w));
  if (*a.day_start > *b.day_end + slack || *b.day_start > *a.day_end + slack)
    return "different days: " + DateText(a) + " and " + DateText(b);
  if (a.specific_place && b.specific_place && a.place_name != b.place_name) {
    bool same_entry = a.gazetteer_id == b.gazetteer_id && !a.gazetteer_id.empty();
    bool one_is_gap_in_other = same_entry && a.gap != b.gap;
    auto km = Distance(a, b);
    bool duplicates = !a.gap && !b.gap && km && *km < w.same_place_km;
    if (!one_is_gap_in_other && !duplicates)
      return "different places: " + PlaceText(a) + " and " + PlaceText(b);
  }
  bool one_specific = a.specific_place != b.specific_place;
  if (one_specific && !a.admin2.empty() && !b.admin2.empty() && a.admin2 != b.admin2)
    return "different districts: " + a.admin2 + " and " + b.admin2;
  return "";
}

void ScoreType(const Profile& a, const Profile& b, const Weights& w, PairScore* score) {
  if (a.sub_event_type == b.sub_event_type)
    score->parts.push_back({"same sub-event type", w.same_sub_event_type, a.sub_event_type});
  else if (a.event_type == b.event_type)
    score->parts.push_back(
        {"same event type", w.same_event_type, a.sub_event_type + " / " + b.sub_event_type});
  else
    score->parts.push_back({"related event types", w.same_kind, a.event_type + " / " + b.event_type});
}

void ScoreActors(const Profile& a, const Profile& b, const Weights& w, PairScore* score) {
  if (a.actors.empty() || b.actors.empty()) return;
  std::vector<std::string> shared;
  std::set_intersection(a.actors.begin(), a.actors.end(), b.actors.begin(), b.actors.end(),
                        std::back_inserter(shared));
  if (shared.empty()) {
    score->parts.push_back({"no shared actor", w.no_shared_actor, ""});
    return;
  }
  double jaccard = static_cast<double>(shared.size()) / (a.actors.size() + b.actors.size() - shared.size());
  std::string names;
  for (const std::string& id : shared) names += (names.empty() ? "" : ", ") + id;
  score->parts.push_back({"shared actors", w.shared_actors * jaccard, names});
}

void ScorePlace(const Profile& a, const Profile& b, const Weights& w, PairScore* score) {
  bool same_name = !a.place_name.empty() && a.place_name == b.place_name;
  bool same_entry = !a.gazetteer_id.empty() && a.gazetteer_id == b.gazetteer_id;
  bool district_or_finer = std::max(a.geo_precision, b.geo_precision) <= 2;
  bool both_specific = a.specific_place && b.specific_place;
  // One named town coded at its district by both reports is one place too.
  if ((both_specific && (same_name || (same_entry && a.gap == b.gap))) ||
      (same_name && same_entry && district_or_finer))
    score->parts.push_back({"same place", w.same_place, PlaceText(a)});
  else if ((a.specific_place != b.specific_place || same_entry) && district_or_finer)
    score->parts.push_back(
        {"one place holds the other", w.place_within, PlaceText(a) + " / " + PlaceText(b)});
}

void ScoreDates(const Profile& a, const Profile& b, const Weights& w, PairScore* score) {
  std::string both = DateText(a) + " / " + DateText(b);
  if (a.time_precision != 1 || b.time_precision != 1)
    score->parts.push_back({"uncertain dates", w.uncertain_dates, both});
  else if (a.event_date == b.event_date)
    score->parts.push_back({"same day", w.same_day, a.event_date, /*incident_specific=*/true});
  else
    score->parts.push_back({"dates a day apart", w.overlapping_dates, both});
}

void ScoreFatalities(const Profile& a, const Profile& b, const Weights& w, PairScore* score) {
  if (a.fatalities <= 0 || b.fatalities <= 0) return;
  int low = std::min(a.fatalities, b.fatalities), high = std::max(a.fatalities, b.fatalities);
  std::string detail = fmt::format("{} / {}", a.fatalities, b.fatalities);
  if (low == high)
    score->parts.push_back({"same fatalities", w.same_fatalities, detail, /*incident_specific=*/true});
  else if (high <= 2 * low)
    score->parts.push_back({"close fatalities", w.close_fatalities, detail});
  else if (high > 3 * low)
    score->parts.push_back({"far-apart fatalities", w.far_fatalities, detail});
}

// Whether `word` is one of the words of the report's place name.
bool NamesPlace(const Profile& p, std::string_view word) {
  for (size_t at = 0; at <= p.place_name.size();) {
    size_t end = std::min(p.place_name.find(' ', at), p.place_name.size());
    if (std::string_view(p.place_name).substr(at, end - at) == word) return true;
    at = end + 1;
  }
  return false;
}

void ScoreWords(const Profile& a, const Profile& b, const Weights& w, PairScore* score) {
  double shared = 0, norm_a = 0, norm_b = 0;
  for (float weight : a.word_weights) norm_a += weight * weight;
  for (float weight : b.word_weights) norm_b += weight * weight;
  for (size_t i = 0, j = 0; i < a.words.size() && j < b.words.size();) {
    if (a.words[i] < b.words[j]) {
      ++i;
    } else if (b.words[j] < a.words[i]) {
      ++j;
    } else {
      shared += a.word_weights[i] * a.word_weights[i];
      ++i, ++j;
    }
  }
  if (norm_a > 0 && norm_b > 0) {
    double cosine = shared / std::sqrt(norm_a * norm_b);
    score->cosine = cosine;
    score->parts.push_back({"similar wording", w.text_similarity * (cosine - w.text_similarity_floor),
                            fmt::format("cosine {:.2f}", cosine)});
  }
  std::string rare;
  int count = 0;
  for (size_t i = 0, j = 0; i < a.rare_words.size() && j < b.rare_words.size();) {
    if (a.rare_words[i].first < b.rare_words[j].first) {
      ++i;
    } else if (b.rare_words[j].first < a.rare_words[i].first) {
      ++j;
    } else {
      // The place's own name is scored as the place, not again as a name.
      const std::string& word = a.rare_words[i].second;
      if (!NamesPlace(a, word) && !NamesPlace(b, word)) {
        rare += (rare.empty() ? "" : " ") + word;
        ++count;
      }
      ++i, ++j;
    }
  }
  if (count > 0) {
    double counted = std::min<double>(count, w.rare_words_counted);
    score->parts.push_back({"shared rare words", w.rare_word * counted, rare, /*incident_specific=*/true});
  }
}

std::string Uncorroborated(const PairScore& score, const Weights& w) {
  for (const Part& part : score.parts)
    if (part.incident_specific) return "";
  if (score.cosine >= w.corroborating_cosine) return "";
  return "nothing only one incident has agrees: not the same day, nor the same death toll, nor a rare word, "
         "and the wording differs";
}

}  // namespace

std::string Linker::VetoOf(const Profile& a, const Profile& b) const { return Veto(a, b, tables_->weights); }

PairScore Linker::Score(const Profile& a, const Profile& b) const {
  const Weights& w = tables_->weights;
  PairScore score;
  score.threshold = w.threshold;
  score.veto = Veto(a, b, w);
  if (!score.veto.empty()) return score;
  ScoreType(a, b, w, &score);
  ScoreActors(a, b, w, &score);
  ScorePlace(a, b, w, &score);
  ScoreDates(a, b, w, &score);
  ScoreFatalities(a, b, w, &score);
  ScoreWords(a, b, w, &score);
  for (const Part& part : score.parts) score.score += part.points;
  score.uncorroborated = Uncorroborated(score, w);
  return score;
}

std::optional<Window> Linker::CandidateWindow(const Profile& profile) const {
  const Weights& w = tables_->weights;
  if (!Dateable(profile, w) || profile.admin1.empty()) return std::nullopt;
  // A candidate's range overlaps this one's, both widened by their slack, and
  // is at most max_span_days long.
  int64_t slack = Slack(profile, w) + static_cast<int64_t>(w.relative_day_slack);
  int64_t longest = static_cast<int64_t>(w.max_span_days) - 1;
  return Window{profile.admin1, IsoDay(*profile.day_start - slack - longest),
                IsoDay(*profile.day_end + slack)};
}

}  // namespace hadath::link

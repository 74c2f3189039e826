// Evaluator: matches predictions to gold events article by article and
// tallies the scores (the rules are stated in include/hadath/eval.h).
#include <algorithm>
#include <map>
#include <set>

#include "eval/assignment.h"
#include "hadath/eval.h"

namespace hadath::eval {
namespace {

constexpr double kMatchRadiusKm = 10.0;
// Agreement of a pair counts five fields, so it is always below this.
constexpr int64_t kAgreementBound = 6;

int64_t Agreement(const FieldChecks& checks) {
  int64_t agreeing = 0;
  for (const std::optional<bool>& check :
       {checks.type, checks.actor1, checks.actor2, checks.admin1, checks.fatalities})
    agreeing += check.value_or(false);
  return agreeing;
}

// Right iff the predicted id is accepted; an empty gold list accepts only
// an absent actor.
bool ActorAccepted(const std::string& predicted, const std::vector<std::string>& accepted) {
  if (accepted.empty()) return predicted.empty();
  return std::find(accepted.begin(), accepted.end(), predicted) != accepted.end();
}

bool InRange(const std::optional<std::string>& day, const DateRange& range) {
  return day && range.start <= *day && *day <= range.end;
}

std::string CollapseSpaces(const std::string& text) {
  std::string collapsed;
  for (char c : text) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += c;
  }
  if (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

// The gold articles each prediction cites (indexes into gold.documents).
std::vector<std::vector<size_t>> CitedArticles(const GoldSet& gold,
                                               const std::vector<Prediction>& predictions) {
  std::vector<std::vector<size_t>> cited(predictions.size());
  for (size_t p = 0; p < predictions.size(); ++p)
    for (size_t d = 0; d < gold.documents.size(); ++d)
      for (const std::string& doc_id : predictions[p].doc_ids)
        if (SameDocument(doc_id, gold.documents[d].doc_id)) {
          cited[p].push_back(d);
          break;
        }
  return cited;
}

// Weights that make the assignment maximise matches to non-optional gold
// events first, then matches to optional ones, then agreement.
struct MatchWeights {
  int64_t optional, required;
  explicit MatchWeights(size_t most_matches)
      : optional(kAgreementBound * static_cast<int64_t>(most_matches + 1)),
        required((optional + kAgreementBound) * static_cast<int64_t>(most_matches + 1)) {}
};

// Unmatched non-optional gold events are misses unless their may_merge_with
// partner (in this article) was matched.
void SortOutUnmatchedGold(const GoldDocument& document, const std::vector<bool>& matched,
                          ArticleResult& result) {
  for (size_t g = 0; g < document.events.size(); ++g) {
    const GoldEvent& event = document.events[g];
    if (matched[g] || event.optional) continue;
    bool partner_matched = false;
    for (size_t other = 0; other < document.events.size(); ++other)
      partner_matched |= matched[other] && document.events[other].id == event.may_merge_with;
    (partner_matched ? result.excused : result.misses).push_back(g);
  }
}

// Which prediction each gold event id was matched to.
std::map<std::string, size_t> PredictionOfGold(const EvalReport& report, const GoldSet& gold) {
  std::map<std::string, size_t> matched;
  for (const ArticleResult& article : report.articles)
    for (const Match& match : article.matches)
      matched[gold.documents[article.document].events[match.gold_event].id] = match.prediction;
  return matched;
}

void TallyEvents(const EvalReport& report, Scores& scores) {
  for (const ArticleResult& article : report.articles) {
    scores.false_positives += static_cast<int64_t>(article.false_positives.size());
    scores.misses += static_cast<int64_t>(article.misses.size());
    for (const Match& match : article.matches) {
      if (match.optional) {
        ++scores.neutral;
        continue;
      }
      ++scores.true_positives;
      scores.type.Add(match.checks.type);
      scores.actor1.Add(match.checks.actor1);
      scores.actor2.Add(match.checks.actor2);
      scores.admin1.Add(match.checks.admin1);
      scores.date.Add(match.checks.date);
      scores.fatalities.Add(match.checks.fatalities);
    }
  }
}

void TallySameEvent(const EvalReport& report, const GoldSet& gold, Scores& scores) {
  std::map<std::string, size_t> prediction_of = PredictionOfGold(report, gold);
  for (const auto& [first, second] : gold.same_event) {
    auto one = prediction_of.find(first), other = prediction_of.find(second);
    scores.same_event_merged.Add(one != prediction_of.end() && other != prediction_of.end() &&
                                 one->second == other->second);
  }
}

// Every pair of gold articles one prediction cites is a merge; it is right
// iff the prediction is matched in both to the two events of a same_event pair.
void TallyMerges(const EvalReport& report, const GoldSet& gold, const std::vector<std::vector<size_t>>& cited,
                 Scores& scores) {
  std::map<std::pair<size_t, size_t>, std::string> matched_gold;  // (article, prediction) -> gold id
  for (const ArticleResult& article : report.articles)
    for (const Match& match : article.matches)
      matched_gold[{article.document, match.prediction}] =
          gold.documents[article.document].events[match.gold_event].id;
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& [first, second] : gold.same_event)
    pairs.insert({first, second}), pairs.insert({second, first});
  for (size_t p = 0; p < cited.size(); ++p)
    for (size_t a = 0; a < cited[p].size(); ++a)
      for (size_t b = a + 1; b < cited[p].size(); ++b) {
        ++scores.cross_article_merges;
        auto first = matched_gold.find({cited[p][a], p}), second = matched_gold.find({cited[p][b], p});
        bool right = first != matched_gold.end() && second != matched_gold.end() &&
                     pairs.contains({first->second, second->second});
        scores.wrong_merges += !right;
      }
}

}  // namespace

Result<Evaluator> Evaluator::Load(const std::string& data_dir) {
  auto normalizer = text::Normalizer::Load(data_dir);
  if (!normalizer) return normalizer.status();
  return Evaluator(std::move(*normalizer));
}

std::string Evaluator::NormalizedName(std::string_view name) const {
  return CollapseSpaces(normalizer_.Normalize(name));
}

bool Evaluator::LocationMatches(const Prediction& prediction, const GoldEvent& gold) const {
  if (!gold.location) return true;
  const GoldLocation& place = *gold.location;
  if (place.latitude && place.longitude && prediction.latitude && prediction.longitude &&
      DistanceKm(*place.latitude, *place.longitude, *prediction.latitude, *prediction.longitude) <=
          kMatchRadiusKm)
    return true;
  if (prediction.location_ar.empty() || !SameGovernorate(prediction.admin1, place.admin1)) return false;
  std::string name = NormalizedName(prediction.location_ar);
  return std::any_of(place.names_ar.begin(), place.names_ar.end(),
                     [&](const std::string& gold_name) { return NormalizedName(gold_name) == name; });
}

bool Evaluator::Compatible(const Prediction& prediction, const GoldEvent& gold) const {
  if (gold.date && !InRange(prediction.event_date, *gold.date)) return false;
  return LocationMatches(prediction, gold);
}

FieldChecks Evaluator::Check(const Prediction& prediction, const GoldEvent& gold) const {
  FieldChecks checks;
  if (!gold.types.empty())
    checks.type = std::find(gold.types.begin(), gold.types.end(),
                            std::pair{prediction.event_type, prediction.sub_event_type}) != gold.types.end();
  checks.actor1 = ActorAccepted(prediction.actor1_id, gold.actor1);
  checks.actor2 = ActorAccepted(prediction.actor2_id, gold.actor2);
  if (gold.location && !gold.location->admin1.empty())
    checks.admin1 = SameGovernorate(prediction.admin1, gold.location->admin1);
  if (gold.date) checks.date = InRange(prediction.event_date, *gold.date);
  if (gold.fatalities)
    checks.fatalities = prediction.fatalities && gold.fatalities->min <= *prediction.fatalities &&
                        *prediction.fatalities <= gold.fatalities->max;
  return checks;
}

Evaluator::PairTable Evaluator::ComparePairs(const GoldDocument& document,
                                             const std::vector<Prediction>& predictions,
                                             const std::vector<size_t>& candidates) const {
  const MatchWeights weight(std::min(candidates.size(), document.events.size()));
  PairTable table{
      std::vector<std::vector<int64_t>>(candidates.size(), std::vector<int64_t>(document.events.size())),
      std::vector<std::vector<FieldChecks>>(candidates.size(),
                                            std::vector<FieldChecks>(document.events.size()))};
  for (size_t row = 0; row < candidates.size(); ++row)
    for (size_t g = 0; g < document.events.size(); ++g) {
      const Prediction& prediction = predictions[candidates[row]];
      const GoldEvent& event = document.events[g];
      if (!Compatible(prediction, event)) continue;  // weight 0: may not be paired
      table.checks[row][g] = Check(prediction, event);
      table.weights[row][g] =
          (event.optional ? weight.optional : weight.required) + Agreement(table.checks[row][g]);
    }
  return table;
}

ArticleResult Evaluator::MatchArticle(size_t document_index, const GoldDocument& document,
                                      const std::vector<Prediction>& predictions,
                                      const std::vector<size_t>& candidates) const {
  PairTable pairs = ComparePairs(document, predictions, candidates);
  std::vector<int> assigned = MaxWeightAssignment(pairs.weights);
  ArticleResult result;
  result.document = document_index;
  std::vector<bool> gold_matched(document.events.size(), false);
  for (size_t row = 0; row < candidates.size(); ++row) {
    if (assigned[row] < 0) {
      result.false_positives.push_back(candidates[row]);
      continue;
    }
    size_t g = static_cast<size_t>(assigned[row]);
    gold_matched[g] = true;
    result.matches.push_back({candidates[row], g, document.events[g].optional, pairs.checks[row][g]});
  }
  SortOutUnmatchedGold(document, gold_matched, result);
  return result;
}

EvalReport Evaluator::Evaluate(const GoldSet& gold, const std::vector<Prediction>& predictions) const {
  std::vector<std::vector<size_t>> cited = CitedArticles(gold, predictions);
  std::vector<std::vector<size_t>> candidates(gold.documents.size());
  EvalReport report;
  report.scores.predictions = static_cast<int64_t>(predictions.size());
  for (size_t p = 0; p < predictions.size(); ++p) {
    report.scores.unscored_predictions += cited[p].empty();
    for (size_t d : cited[p]) candidates[d].push_back(p);
  }
  for (size_t d = 0; d < gold.documents.size(); ++d)
    report.articles.push_back(MatchArticle(d, gold.documents[d], predictions, candidates[d]));
  TallyEvents(report, report.scores);
  TallySameEvent(report, gold, report.scores);
  TallyMerges(report, gold, cited, report.scores);
  return report;
}

// ---- Scores ---------------------------------------------------------------

std::optional<double> Share::value() const {
  if (scored == 0) return std::nullopt;
  return static_cast<double>(right) / static_cast<double>(scored);
}

void Share::Add(std::optional<bool> check) {
  if (!check) return;
  ++scored;
  right += *check;
}

namespace {
std::optional<double> Ratio(int64_t numerator, int64_t denominator) {
  if (denominator == 0) return std::nullopt;
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}
}  // namespace

std::optional<double> Scores::precision() const {
  return Ratio(true_positives, true_positives + false_positives);
}
std::optional<double> Scores::recall() const { return Ratio(true_positives, true_positives + misses); }
std::optional<double> Scores::f1() const {
  return Ratio(2 * true_positives, 2 * true_positives + false_positives + misses);
}

}  // namespace hadath::eval

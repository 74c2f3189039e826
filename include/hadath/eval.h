// hadath/eval.h — scores predicted event records against reference
// annotations, as /work/shared/eval/FORMAT.md ("Matching and scores") says.
//
//   auto gold = hadath::eval::LoadGold("dev-gold.json");          // hadath-gold/1
//   auto predictions = hadath::eval::LoadPredictions("pred.jsonl");  // FORMAT.md records
//   auto evaluator = hadath::eval::Evaluator::Load();               // the Arabic normaliser
//   if (!gold || !predictions || !evaluator) { report(...); return; }
//   hadath::eval::EvalReport report = evaluator->Evaluate(*gold, *predictions);
//   std::cout << hadath::eval::RenderReport(report, *gold, *predictions, /*verbose=*/false);
//
// Matching, article by article:
//   - A prediction takes part in the article of every gold document it cites:
//     one of its documents[].doc_id equals the gold doc_id, possibly with a
//     directory or an extension the gold id lacks (SameDocument). A
//     prediction citing no gold article is not scored (counted apart).
//   - A prediction and a gold event are *compatible* when the location
//     matches and the date is compatible:
//       location: the gold location is null (matched on date alone); or both
//         have coordinates within 10 km (haversine); or the predicted
//         location_ar equals one of the gold names_ar after Arabic
//         normalisation and the predicted admin1 is the gold admin1
//         (SameGovernorate) — whatever the coordinates say.
//       date: the gold date is null, or the predicted event_date lies in the
//         gold [start, end] (a prediction without event_date is compatible
//         only with undated gold events).
//   - One-to-one assignment (Hungarian algorithm on the compatible pairs)
//     that maximises, in this order: matches to non-optional gold events,
//     matches to optional ones, then agreement of type, actor1, actor2,
//     admin1 and fatalities. Each gold event, optional or not, takes at most
//     one prediction, so a duplicate is a false positive.
//   - A prediction matched to a non-optional gold event is a true positive;
//     to an optional one, neutral; unmatched, a false positive. A prediction
//     flagged background is matched like any other (gold background events
//     are optional, so it is neutral when it finds one).
//   - An unmatched non-optional gold event is a miss, unless its
//     may_merge_with names a gold event of the same article that was matched
//     (the coder's allowed merge).
// Fields are scored on true positives only; a field whose gold value is
// null (date, fatalities, location) is not scored. Empty gold actor lists
// mean "no such actor": only an absent predicted actor is right.
// Same-event pairs: a pair is merged when one prediction is matched to both
// of its gold events. Every pair of gold articles one prediction cites is a
// cross-article merge; it is wrong unless that prediction is matched, in
// both articles, to the two gold events of a same_event pair.
//
// Thread safety: an Evaluator is immutable; Evaluate may run concurrently.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hadath/distance.h"
#include "hadath/status.h"
#include "hadath/text/normalizer.h"
#include "hadath/tsv.h"

namespace hadath::eval {

// ---- Reference annotations (hadath-gold/1) --------------------------------

struct DateRange {
  std::string start, end;  // YYYY-MM-DD, both inclusive
};

struct CountRange {
  double min = 0, max = 0;
};

struct GoldLocation {
  std::vector<std::string> names_ar;
  std::string name_en, admin1;
  std::optional<double> latitude, longitude;
};

struct GoldEvent {
  std::string id;
  bool optional = false;
  bool background = false;
  std::string may_merge_with;  // "" when none
  std::optional<DateRange> date;
  std::vector<std::pair<std::string, std::string>> types;  // accepted [event_type, sub_event_type]
  std::vector<std::string> actor1, actor2;                 // accepted actor ids
  std::optional<GoldLocation> location;
  std::optional<CountRange> fatalities;
  std::string evidence, note;
};

struct GoldDocument {
  std::string doc_id;
  std::vector<GoldEvent> events;
};

struct GoldSet {
  std::vector<GoldDocument> documents;
  std::vector<std::pair<std::string, std::string>> same_event;  // gold event ids
};

// Reads a hadath-gold/1 file. Errors read "path:line: bad JSON: ..." or
// "path: document D, event E: what is wrong" (unknown ids in same_event
// or may_merge_with, duplicate ids, fields of the wrong type).
Result<GoldSet> ParseGold(std::string_view json_text, const std::string& path);
Result<GoldSet> LoadGold(const std::string& path);

// ---- Predictions (FORMAT.md records, JSON Lines) ---------------------------

// What scoring reads of one predicted record.
struct Prediction {
  int line = 0;  // 1-based line of the JSON Lines file
  std::string event_id;
  std::vector<std::string> doc_ids;       // documents[].doc_id
  std::optional<std::string> event_date;  // YYYY-MM-DD
  std::string event_type, sub_event_type;
  std::string actor1_id, actor2_id;  // "" when null or missing
  std::string location, location_ar, admin1;
  std::optional<double> latitude, longitude;
  std::optional<double> fatalities;
  bool background = false;
  std::string notes;
  std::string evidence;  // the first evidence text, for reports
};

// Reads one record. Missing and null fields are fine; a field of the wrong
// type is an error naming the field ("fatalities: expected a number").
Result<Prediction> PredictionFromRecord(const nlohmann::json& record);
// Reads JSON Lines (blank lines skipped). Errors read "path:line: reason".
Result<std::vector<Prediction>> ParsePredictions(std::string_view jsonl, const std::string& path);
// `path` "-" reads standard input.
Result<std::vector<Prediction>> LoadPredictions(const std::string& path);

// ---- Matching rules --------------------------------------------------------

// Great-circle distance in km (mean Earth radius 6371.0088 km; hadath/distance.h).
using ::hadath::DistanceKm;

// Returns true iff two governorate (admin1) names are spellings of one name.
// Both are reduced to a key: lowercase; a leading article ("Al-", "Ar-",
// "As-", "Ad-", "Ash-", "El-", ... followed by '-' or ' ') dropped; every
// non-letter dropped ("Deir-ez-Zor" = "Deir ez-Zor" = "deirezzor"). Keys
// equal, or equal consonant skeletons of at least two letters (vowels, w
// and y dropped, doubled letters merged, a final h dropped: "Hasakah" =
// "Hassakeh", "Raqqa" = "Ar-Raqqah", "Idlib" = "Idleb", "Dayr az-Zawr" =
// "Deir ez-Zor"). Non-Latin names are compared as given (trimmed). Empty
// names never match.
bool SameGovernorate(std::string_view name1, std::string_view name2);

// Returns true iff a predicted documents[].doc_id names the gold article
// `gold_doc_id` (a file stem): equal, or equal once the prediction's
// directory and extension are dropped ("seeds/000_ab.txt" names "000_ab").
bool SameDocument(std::string_view predicted_doc_id, std::string_view gold_doc_id);

// ---- Scores ----------------------------------------------------------------

// right / scored, and no value when nothing was scored.
struct Share {
  int64_t right = 0, scored = 0;
  std::optional<double> value() const;
  void Add(std::optional<bool> check);
};

// A field check of one matched pair; nullopt when the gold value is null.
struct FieldChecks {
  std::optional<bool> type, actor1, actor2, admin1, date, fatalities;
};

struct Match {
  size_t prediction = 0;  // index into the predictions
  size_t gold_event = 0;  // index into the article's gold events
  bool optional = false;  // matched to an optional gold event: neutral
  FieldChecks checks;
};

struct ArticleResult {
  size_t document = 0;  // index into GoldSet::documents
  std::vector<Match> matches;
  std::vector<size_t> false_positives;  // prediction indexes
  std::vector<size_t> misses;           // gold event indexes
  std::vector<size_t> excused;          // unmatched non-optional events merged by may_merge_with
};

struct Scores {
  int64_t true_positives = 0, false_positives = 0, misses = 0, neutral = 0;
  int64_t predictions = 0, unscored_predictions = 0;  // unscored: cite no gold article
  // Undefined (nullopt) when the denominator is 0. F1 = 2TP / (2TP + FP + FN).
  std::optional<double> precision() const;
  std::optional<double> recall() const;
  std::optional<double> f1() const;
  Share type, actor1, actor2, admin1, date, fatalities;  // on true positives
  Share same_event_merged;                               // right: pairs merged; scored: pairs
  int64_t cross_article_merges = 0, wrong_merges = 0;
};

struct EvalReport {
  Scores scores;
  std::vector<ArticleResult> articles;  // in gold order
};

class Evaluator {
 public:
  // Loads the Arabic normaliser (`data_dir`/text/normalize.tsv).
  static Result<Evaluator> Load(const std::string& data_dir = DataDir());

  EvalReport Evaluate(const GoldSet& gold, const std::vector<Prediction>& predictions) const;

  // Returns true iff `prediction` may be matched to `gold` (location and date).
  bool Compatible(const Prediction& prediction, const GoldEvent& gold) const;
  // Returns true iff the location rule of the header comment holds.
  bool LocationMatches(const Prediction& prediction, const GoldEvent& gold) const;
  // The field checks of a pair.
  FieldChecks Check(const Prediction& prediction, const GoldEvent& gold) const;

 private:
  explicit Evaluator(text::Normalizer normalizer) : normalizer_(std::move(normalizer)) {}
  std::string NormalizedName(std::string_view name) const;
  // Assignment weights (0: incompatible) and field checks of every
  // (candidate prediction, gold event) pair of one article.
  struct PairTable {
    std::vector<std::vector<int64_t>> weights;
    std::vector<std::vector<FieldChecks>> checks;
  };
  PairTable ComparePairs(const GoldDocument& document, const std::vector<Prediction>& predictions,
                         const std::vector<size_t>& candidates) const;
  ArticleResult MatchArticle(size_t document_index, const GoldDocument& document,
                             const std::vector<Prediction>& predictions,
                             const std::vector<size_t>& candidates) const;

  text::Normalizer normalizer_;
};

// ---- Reports ---------------------------------------------------------------

// The scores as JSON ("events", "fields", "same_event"); with `articles`,
// also each article's matches, false positives and misses.
nlohmann::json ReportJson(const EvalReport& report, const GoldSet& gold,
                          const std::vector<Prediction>& predictions, bool articles);
// A readable report; `verbose` adds each article's matches, false positives
// (with their evidence) and misses (with the gold evidence and note).
std::string RenderReport(const EvalReport& report, const GoldSet& gold,
                         const std::vector<Prediction>& predictions, bool verbose);

}  // namespace hadath::eval

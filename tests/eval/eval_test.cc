// Scoring of predicted events against gold annotations (FORMAT.md
// "Matching and scores"). Gold and predictions are made up here, field by
// field; the last tests score dev-gold.json against itself.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>

#include "eval/assignment.h"
#include "hadath/eval.h"

namespace hadath::eval {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

// Al-Busayrah, Deir ez-Zor.
constexpr double kLatitude = 35.1556, kLongitude = 40.4258;

const Evaluator& TheEvaluator() {
  static const Evaluator* evaluator = [] {
    auto loaded = Evaluator::Load();
    EXPECT_TRUE(loaded.ok()) << loaded.error();
    return new Evaluator(std::move(*loaded));
  }();
  return *evaluator;
}

Json GoldEvent(const std::string& id) {
  return {{"id", id},
          {"date", {{"start", "2024-08-22"}, {"end", "2024-08-23"}}},
          {"types", Json::array({Json::array({"Battles", "Armed clash"})})},
          {"actor1", {"SDF", "COALITION"}},
          {"actor2", {"ISIS"}},
          {"location",
           {{"names_ar", {"البصيرة"}},
            {"name_en", "Al-Busayrah"},
            {"admin1", "Deir ez-Zor"},
            {"lat", kLatitude},
            {"lon", kLongitude}}},
          {"fatalities", {{"min", 1}, {"max", 2}}},
          {"evidence", "قتل قيادي في البصيرة"}};
}

Json GoldDocument(const std::string& doc_id, const std::vector<Json>& events) {
  return {{"doc_id", doc_id}, {"published", "2024-08-23"}, {"events", events}};
}

Json Gold(const std::vector<Json>& documents, const Json& same_event = Json::array()) {
  return {{"format", "hadath-gold/1"}, {"documents", documents}, {"same_event", same_event}};
}

// A prediction that agrees with GoldEvent() in every field.
Json Predicted(const std::string& event_id, const std::vector<std::string>& doc_ids) {
  Json documents = Json::array();
  for (const std::string& doc_id : doc_ids)
    documents.push_back(
        {{"doc_id", doc_id},
         {"outlet", "Enab Baladi"},
         {"evidence", {{{"start", 0}, {"end", 10}, {"text", "نص الدليل"}, {"role", "event"}}}}});
  return {{"event_id", event_id},      {"event_date", "2024-08-22"},
          {"event_type", "Battles"},   {"sub_event_type", "Armed clash"},
          {"actor1_id", "SDF"},        {"actor2_id", "ISIS"},
          {"location", "Al-Busayrah"}, {"location_ar", "البصيرة"},
          {"admin1", "Deir ez-Zor"},   {"latitude", kLatitude},
          {"longitude", kLongitude},   {"fatalities", 1},
          {"background", false},       {"documents", documents}};
}

struct Scored {
  GoldSet gold;
  std::vector<Prediction> predictions;
  EvalReport report;
  const Scores& scores() const { return report.scores; }
};

Scored Score(const Json& gold_json, const std::vector<Json>& records) {
  Scored scored;
  auto gold = ParseGold(gold_json.dump(), "gold.json");
  EXPECT_TRUE(gold.ok()) << gold.error();
  if (gold.ok()) scored.gold = *gold;
  std::string jsonl;
  for (const Json& record : records) jsonl += record.dump() + "\n";
  auto predictions = ParsePredictions(jsonl, "pred.jsonl");
  EXPECT_TRUE(predictions.ok()) << predictions.error();
  if (predictions.ok()) scored.predictions = *predictions;
  scored.report = TheEvaluator().Evaluate(scored.gold, scored.predictions);
  return scored;
}

void ExpectCounts(const Scores& scores, int64_t true_positives, int64_t false_positives, int64_t misses,
                  int64_t neutral = 0) {
  EXPECT_EQ(scores.true_positives, true_positives);
  EXPECT_EQ(scores.false_positives, false_positives);
  EXPECT_EQ(scores.misses, misses);
  EXPECT_EQ(scores.neutral, neutral);
}

// ---- Matching --------------------------------------------------------------

TEST(Matching, ExactMatchScoresEveryField) {
  Scored scored = Score(Gold({GoldDocument("000_a", {GoldEvent("a-1")})}), {Predicted("p1", {"000_a"})});
  ExpectCounts(scored.scores(), 1, 0, 0);
  EXPECT_EQ(scored.scores().precision(), 1.0);
  EXPECT_EQ(scored.scores().recall(), 1.0);
  EXPECT_EQ(scored.scores().f1(), 1.0);
  for (const Share* share : {&scored.scores().type, &scored.scores().actor1, &scored.scores().actor2,
                             &scored.scores().admin1, &scored.scores().date, &scored.scores().fatalities})
    EXPECT_EQ(share->value(), 1.0);
}

TEST(Matching, WrongFieldsAreScoredOnTheMatch) {
  Json prediction = Predicted("p1", {"000_a"});
  prediction["event_type"] = "Explosions/Remote violence";
  prediction["actor2_id"] = nullptr;  // gold has ISIS: wrong
  prediction["fatalities"] = 5;
  Scored scored = Score(Gold({GoldDocument("000_a", {GoldEvent("a-1")})}), {prediction});
  ExpectCounts(scored.scores(), 1, 0, 0);
  EXPECT_EQ(scored.scores().type.value(), 0.0);
  EXPECT_EQ(scored.scores().actor1.value(), 1.0);
  EXPECT_EQ(scored.scores().actor2.value(), 0.0);
  EXPECT_EQ(scored.scores().fatalities.value(), 0.0);
}

TEST(Matching, DocIdWithExtensionOrDirectoryCitesTheArticle) {
  Scored scored = Score(
      Gold({GoldDocument("000_a", {GoldEvent("a-1"), GoldEvent("a-2")})}),
      {Predicted("p1", {"000_a.txt"}), Predicted("p2", {"seeds/000_a.html"}), Predicted("p3", {"000_ab"})});
  ExpectCounts(scored.scores(), 2, 0, 0);
  EXPECT_EQ(scored.scores().unscored_predictions, 1) << "000_ab is another article";
}

TEST(Matching, SameNamedVillageInAnotherGovernorateDoesNotMatch) {
  Json gold_event = GoldEvent("a-1");
  gold_event["location"] = {{"names_ar", {"الزر"}},
                            {"name_en", "Az-Zir"},
                            {"admin1", "Deir ez-Zor"},
                            {"lat", nullptr},
                            {"lon", nullptr}};
  Json elsewhere = Predicted("p1", {"000_a"});
  elsewhere["location_ar"] = "الزر";
  elsewhere["admin1"] = "Aleppo";
  elsewhere["latitude"] = 36.2, elsewhere["longitude"] = 37.1;
  Scored wrong = Score(Gold({GoldDocument("000_a", {gold_event})}), {elsewhere});
  ExpectCounts(wrong.scores(), 0, 1, 1);

  Json here = elsewhere;
  here["admin1"] = "Deir-ez-Zor";  // another spelling of the gold governorate
  here["location_ar"] = "الزّر";    // with a shadda the normaliser folds away
  Scored right = Score(Gold({GoldDocument("000_a", {gold_event})}), {here});
  ExpectCounts(right.scores(), 1, 0, 0);
  EXPECT_EQ(right.scores().admin1.value(), 1.0);
}

TEST(Matching, WithinTenKilometresOfTheGoldPoint) {
  struct Row {
    double latitude_offset;  // degrees north of the gold point (0.01 degree = 1.11 km)
    bool matches;
  } rows[] = {{0.0, true}, {0.05, true}, {0.089, true}, {0.091, false}, {0.2, false}};
  for (const Row& row : rows) {
    Json prediction = Predicted("p1", {"000_a"});
    prediction["location_ar"] = "قرية أخرى";  // only the distance can match
    prediction["latitude"] = kLatitude + row.latitude_offset;
    Scored scored = Score(Gold({GoldDocument("000_a", {GoldEvent("a-1")})}), {prediction});
    EXPECT_EQ(scored.scores().true_positives, row.matches ? 1 : 0) << row.latitude_offset;
  }
}

TEST(Matching, GoldNameAndGovernorateMatchWhateverTheCoordinates) {
  Json far = Predicted("p1", {"000_a"});
  far["latitude"] = 36.5, far["longitude"] = 40.7;  // the predictor placed it badly
  ExpectCounts(Score(Gold({GoldDocument("000_a", {GoldEvent("a-1")})}), {far}).scores(), 1, 0, 0);
  far.erase("latitude");
  Json no_coordinates = GoldEvent("a-1");
  no_coordinates["location"]["lat"] = nullptr, no_coordinates["location"]["lon"] = nullptr;
  ExpectCounts(Score(Gold({GoldDocument("000_a", {no_coordinates})}), {far}).scores(), 1, 0, 0);
}

TEST(Matching, NullGoldLocationMatchesOnDateAlone) {
  Json gold_event = GoldEvent("a-1");
  gold_event["location"] = nullptr;
  Json prediction = Predicted("p1", {"000_a"});
  prediction["location_ar"] = "مكان آخر", prediction["latitude"] = 33.5, prediction["admin1"] = "Damascus";
  Scored scored = Score(Gold({GoldDocument("000_a", {gold_event})}), {prediction});
  ExpectCounts(scored.scores(), 1, 0, 0);
  EXPECT_EQ(scored.scores().admin1.scored, 0) << "no gold admin1: not scored";
}

TEST(Matching, DateOutsideTheGoldRangeDoesNotMatch) {
  struct Row {
    Json event_date;
    bool matches;
  } rows[] = {{"2024-08-21", false},          {"2024-08-22", true},  {"2024-08-23", true},
              {"2024-08-23T23:00:00Z", true}, {"2024-08-24", false}, {nullptr, false}};
  for (const Row& row : rows) {
    Json prediction = Predicted("p1", {"000_a"});
    prediction["event_date"] = row.event_date;
    Scored scored = Score(Gold({GoldDocument("000_a", {GoldEvent("a-1")})}), {prediction});
    EXPECT_EQ(scored.scores().true_positives, row.matches ? 1 : 0) << row.event_date;
    EXPECT_EQ(scored.scores().false_positives, row.matches ? 0 : 1) << row.event_date;
  }
}

TEST(Matching, NullGoldDateAcceptsAnyDateAndIsNotScored) {
  Json gold_event = GoldEvent("a-1");
  gold_event["date"] = nullptr;
  Json undated = Predicted("p1", {"000_a"}), dated = Predicted("p2", {"000_a"});
  undated["event_date"] = nullptr, dated["event_date"] = "1999-01-01";
  Json twin = gold_event;
  twin["id"] = "a-2";
  Scored scored = Score(Gold({GoldDocument("000_a", {gold_event, twin})}), {undated, dated});
  ExpectCounts(scored.scores(), 2, 0, 0);
  EXPECT_EQ(scored.scores().date.scored, 0);
}

TEST(Matching, OptionalGoldEventIsNeutral) {
  Json optional = GoldEvent("a-bg1");
  optional["optional"] = true, optional["background"] = true;
  optional["date"] = {{"start", "2022-01-01"}, {"end", "2022-01-31"}};
  Json background = Predicted("p2", {"000_a"});
  background["event_date"] = "2022-01-15", background["background"] = true;
  Json unreported = background;  // a background mention the gold does not list
  unreported["event_id"] = "p3", unreported["event_date"] = "2019-05-05";
  Json gold = Gold({GoldDocument("000_a", {GoldEvent("a-1"), optional})});

  ExpectCounts(Score(gold, {Predicted("p1", {"000_a"}), background}).scores(), 1, 0, 0, 1);
  ExpectCounts(Score(gold, {Predicted("p1", {"000_a"})}).scores(), 1, 0, 0, 0);  // not missed either
  ExpectCounts(Score(gold, {Predicted("p1", {"000_a"}), unreported}).scores(), 1, 1, 0, 0);
}

TEST(Matching, DuplicatePredictionIsAFalsePositive) {
  Scored scored = Score(Gold({GoldDocument("000_a", {GoldEvent("a-1")})}),
                        {Predicted("p1", {"000_a"}), Predicted("p2", {"000_a"})});
  ExpectCounts(scored.scores(), 1, 1, 0);
  EXPECT_EQ(scored.scores().precision(), 0.5);
  EXPECT_EQ(scored.scores().recall(), 1.0);
}

TEST(Matching, AssignmentMaximisesMatches) {
  // p1 fits both gold events (2024-08-22), p2 only a-2 (2024-08-24): a
  // greedy first-come matching would pair p1 with a-2 and lose p2.
  Json early = GoldEvent("a-1"), late = GoldEvent("a-2");
  late["date"] = {{"start", "2024-08-22"}, {"end", "2024-08-24"}};
  Json p2 = Predicted("p2", {"000_a"});
  p2["event_date"] = "2024-08-24";
  Scored scored = Score(Gold({GoldDocument("000_a", {late, early})}), {Predicted("p1", {"000_a"}), p2});
  ExpectCounts(scored.scores(), 2, 0, 0);
}

TEST(Matching, AmongEqualAssignmentsTheBetterAgreementWins) {
  Json clash = GoldEvent("a-1"), strike = GoldEvent("a-2");
  strike["types"] = Json::array({Json::array({"Explosions/Remote violence", "Air/drone strike"})});
  strike["actor1"] = {"COALITION"};
  Json p_strike = Predicted("p2", {"000_a"});
  p_strike["event_type"] = "Explosions/Remote violence", p_strike["sub_event_type"] = "Air/drone strike";
  p_strike["actor1_id"] = "COALITION";
  Scored scored =
      Score(Gold({GoldDocument("000_a", {strike, clash})}), {Predicted("p1", {"000_a"}), p_strike});
  ExpectCounts(scored.scores(), 2, 0, 0);
  EXPECT_EQ(scored.scores().type.value(), 1.0);
  EXPECT_EQ(scored.scores().actor1.value(), 1.0);
}

TEST(Matching, MayMergeWithExcusesTheMergedEvent) {
  Json second = GoldEvent("a-2");
  second["may_merge_with"] = "a-1";
  Scored merged =
      Score(Gold({GoldDocument("000_a", {GoldEvent("a-1"), second})}), {Predicted("p1", {"000_a"})});
  ExpectCounts(merged.scores(), 1, 0, 0);
  ASSERT_EQ(merged.report.articles[0].excused.size(), 1u);
  Scored none = Score(Gold({GoldDocument("000_a", {GoldEvent("a-1"), second})}), {});
  ExpectCounts(none.scores(), 0, 0, 2);
  EXPECT_EQ(none.scores().precision(), std::nullopt) << "no prediction: precision undefined";
  EXPECT_EQ(none.scores().f1(), 0.0);
}

// ---- Same event across articles ---------------------------------------------

Json TwoArticles(bool same_event) {
  Json pair = same_event ? Json::array({Json::array({"a-1", "b-1"})}) : Json::array();
  return Gold({GoldDocument("000_a", {GoldEvent("a-1")}), GoldDocument("001_b", {GoldEvent("b-1")})}, pair);
}

TEST(SameEvent, PairMergedIntoOnePrediction) {
  Scored scored = Score(TwoArticles(true), {Predicted("p1", {"000_a", "001_b"})});
  ExpectCounts(scored.scores(), 2, 0, 0);
  EXPECT_EQ(scored.scores().same_event_merged.value(), 1.0);
  EXPECT_EQ(scored.scores().cross_article_merges, 1);
  EXPECT_EQ(scored.scores().wrong_merges, 0);
}

TEST(SameEvent, PairLeftAsTwoPredictions) {
  Scored scored = Score(TwoArticles(true), {Predicted("p1", {"000_a"}), Predicted("p2", {"001_b"})});
  ExpectCounts(scored.scores(), 2, 0, 0);
  EXPECT_EQ(scored.scores().same_event_merged.value(), 0.0);
  EXPECT_EQ(scored.scores().same_event_merged.scored, 1);
  EXPECT_EQ(scored.scores().cross_article_merges, 0);
}

TEST(SameEvent, MergeOfDifferentIncidentsIsWrong) {
  Scored scored = Score(TwoArticles(false), {Predicted("p1", {"000_a", "001_b"})});
  ExpectCounts(scored.scores(), 2, 0, 0);
  EXPECT_EQ(scored.scores().cross_article_merges, 1);
  EXPECT_EQ(scored.scores().wrong_merges, 1);
}

TEST(SameEvent, MergeIntoAnArticleThatDoesNotReportItIsWrong) {
  Json other = GoldEvent("b-1");
  other["date"] = {{"start", "2020-01-01"}, {"end", "2020-01-01"}};
  Json gold = Gold({GoldDocument("000_a", {GoldEvent("a-1")}), GoldDocument("001_b", {other})});
  Scored scored = Score(gold, {Predicted("p1", {"000_a", "001_b"})});
  ExpectCounts(scored.scores(), 1, 1, 1);
  EXPECT_EQ(scored.scores().wrong_merges, 1);
}

// ---- Rules ------------------------------------------------------------------

TEST(Rules, SameGovernorate) {
  struct Row {
    const char* first;
    const char* second;
    bool same;
  } rows[] = {
      {"Deir ez-Zor", "Deir ez-Zor", true},
      {"Deir ez-Zor", "Deir-ez-Zor", true},
      {"Deir ez-Zor", "deir ezzor", true},
      {"Deir ez-Zor", "Dayr az-Zawr", true},
      {"Ar-Raqqa", "Raqqa", true},
      {"Ar-Raqqa", "Al-Raqqah", true},
      {"Al-Hasakah", "Hasakeh", true},
      {"Al-Hasakah", "Al Hassakeh", true},
      {"Idlib", "Idleb", true},
      {"As-Sweida", "Suwayda", true},
      {"Homs", "Hama", false},
      {"Deir ez-Zor", "Al-Hasakah", false},
      {"Aleppo", "Idlib", false},
      {"Ar-Raqqa", "Daraa", false},
      {"", "", false},
      {"Deir ez-Zor", "", false},
      {"دير الزور", "دير الزور", true},
      {"دير الزور", "Deir ez-Zor", false},
  };
  for (const Row& row : rows)
    EXPECT_EQ(SameGovernorate(row.first, row.second), row.same) << row.first << " / " << row.second;
}

TEST(Rules, SameDocument) {
  EXPECT_TRUE(SameDocument("000_2910613168a8f388", "000_2910613168a8f388"));
  EXPECT_TRUE(SameDocument("000_2910613168a8f388.txt", "000_2910613168a8f388"));
  EXPECT_TRUE(SameDocument("../seeds/000_2910613168a8f388.txt", "000_2910613168a8f388"));
  EXPECT_FALSE(SameDocument("000_2910613168a8f38", "000_2910613168a8f388"));
  EXPECT_FALSE(SameDocument("https://example.com/000_abc.html", "000_abc"));
  EXPECT_FALSE(SameDocument("", "000_abc"));
}

TEST(Rules, Haversine) {
  EXPECT_NEAR(DistanceKm(kLatitude, kLongitude, kLatitude, kLongitude), 0.0, 1e-9);
  EXPECT_NEAR(DistanceKm(0, 0, 1, 0), 111.195, 0.01);
  // Al-Busayrah to Ash-Shuhayl (dev-gold): about 6 km.
  EXPECT_NEAR(DistanceKm(kLatitude, kLongitude, 35.1067, 40.466), 6.5, 0.5);
}

// Differential test: the Hungarian assignment against trying every pairing.
int64_t BestTotalByBruteForce(const std::vector<std::vector<int64_t>>& weights, size_t columns) {
  std::vector<size_t> order(std::max(weights.size(), columns));
  std::iota(order.begin(), order.end(), 0);
  int64_t best = 0;
  do {
    int64_t total = 0;
    for (size_t row = 0; row < weights.size(); ++row)
      if (order[row] < columns) total += weights[row][order[row]];
    best = std::max(best, total);
  } while (std::next_permutation(order.begin(), order.end()));
  return best;
}

TEST(Assignment, MatchesBruteForceOnRandomMatrices) {
  std::mt19937 random(20240822);
  for (int trial = 0; trial < 300; ++trial) {
    size_t rows = random() % 6, columns = random() % 6;
    std::vector<std::vector<int64_t>> weights(rows, std::vector<int64_t>(columns));
    for (auto& row : weights)
      for (int64_t& weight : row) weight = random() % 3 == 0 ? 0 : random() % 50;
    std::vector<int> assigned = MaxWeightAssignment(weights);
    ASSERT_EQ(assigned.size(), rows);
    int64_t total = 0;
    std::set<int> used;
    for (size_t row = 0; row < rows; ++row) {
      if (assigned[row] < 0) continue;
      EXPECT_TRUE(used.insert(assigned[row]).second) << "column used twice";
      EXPECT_GT(weights[row][assigned[row]], 0) << "pair that may not be paired";
      total += weights[row][assigned[row]];
    }
    EXPECT_EQ(total, BestTotalByBruteForce(weights, columns)) << "trial " << trial;
  }
}

// ---- Input errors -----------------------------------------------------------

TEST(Input, BadJsonLineIsReportedWithItsLine) {
  auto predictions = ParsePredictions("{\"event_id\": \"p1\"}\n\n{\"event_id\": \n", "pred.jsonl");
  ASSERT_FALSE(predictions.ok());
  EXPECT_THAT(predictions.error(), HasSubstr("pred.jsonl:3: bad JSON"));
  auto not_object = ParsePredictions("[1, 2]\n", "pred.jsonl");
  EXPECT_EQ(not_object.error(), "pred.jsonl:1: not a JSON object");
  auto wrong_type = ParsePredictions("{\"fatalities\": \"many\"}\n", "pred.jsonl");
  EXPECT_EQ(wrong_type.error(), "pred.jsonl:1: fatalities: expected a number");
}

TEST(Input, RecordsWithMissingFieldsAreRead) {
  auto predictions = ParsePredictions("{}\n{\"event_id\": null, \"documents\": null}\r\n", "pred.jsonl");
  ASSERT_TRUE(predictions.ok()) << predictions.error();
  ASSERT_EQ(predictions->size(), 2u);
  EXPECT_EQ((*predictions)[1].event_id, "line 2");
  EXPECT_EQ((*predictions)[1].line, 2);
}

TEST(Input, GoldErrorsNameTheirPlace) {
  EXPECT_THAT(ParseGold("{\n\"documents\": [,]\n}", "g.json").error(), HasSubstr("g.json:2: bad JSON"));
  Json unknown_pair =
      Gold({GoldDocument("000_a", {GoldEvent("a-1")})}, Json::array({Json::array({"a-1", "b-9"})}));
  EXPECT_EQ(ParseGold(unknown_pair.dump(), "g.json").error(), "g.json: same_event: no gold event b-9");
  Json bad_range = GoldEvent("a-1");
  bad_range["fatalities"] = {{"min", 3}, {"max", 1}};
  EXPECT_THAT(ParseGold(Gold({GoldDocument("000_a", {bad_range})}).dump(), "g.json").error(),
              HasSubstr("g.json: document 000_a: event a-1: fatalities:"));
  Json duplicate = Gold({GoldDocument("000_a", {GoldEvent("a-1"), GoldEvent("a-1")})});
  EXPECT_EQ(ParseGold(duplicate.dump(), "g.json").error(), "g.json: duplicate event id a-1");
}

// ---- Reports -----------------------------------------------------------------

TEST(Report, VerboseListsMatchesFalsePositivesAndMisses) {
  Json missed = GoldEvent("a-2");
  missed["location"]["names_ar"] = {"الشحيل"}, missed["location"]["lat"] = 35.1067;
  missed["location"]["lon"] = 40.466, missed["evidence"] = "جملة الحدث الفائت";
  Json stray = Predicted("p9", {"000_a"});
  stray["event_date"] = "2023-01-01";
  Scored scored =
      Score(Gold({GoldDocument("000_a", {GoldEvent("a-1"), missed})}), {Predicted("p1", {"000_a"}), stray});
  std::string text = RenderReport(scored.report, scored.gold, scored.predictions, true);
  EXPECT_THAT(text, HasSubstr("precision 0.500 (1/2)"));
  EXPECT_THAT(text, HasSubstr("match    a-1"));
  EXPECT_THAT(text, HasSubstr("false+   p9 (line 2)"));
  EXPECT_THAT(text, HasSubstr("missed   a-2"));
  EXPECT_THAT(text, HasSubstr("جملة الحدث الفائت"));
  Json json = ReportJson(scored.report, scored.gold, scored.predictions, true);
  EXPECT_EQ(json["events"]["precision"], 0.5);
  EXPECT_EQ(json["articles"][0]["misses"], Json::array({"a-2"}));
  EXPECT_EQ(json["articles"][0]["false_positives"][0]["line"], 2);
}

// ---- dev-gold.json against itself ---------------------------------------------

Json ReadJsonFile(const std::string& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return Json::parse(text.str());
}

// The prediction a perfect system would make of a gold event: first choices
// of every list, the earliest day of the range, the lowest count.
Json PerfectPrediction(const Json& event, const std::string& doc_id) {
  Json record = {{"event_id", "pred-" + event["id"].get<std::string>()},
                 {"documents", {{{"doc_id", doc_id}}}},
                 {"event_type", event["types"][0][0]},
                 {"sub_event_type", event["types"][0][1]},
                 {"actor1_id", event["actor1"][0]},
                 {"actor2_id", event["actor2"].empty() ? Json(nullptr) : event["actor2"][0]},
                 {"background", event.value("background", false)}};
  record["event_date"] = event["date"].is_null() ? Json(nullptr) : event["date"]["start"];
  if (event["fatalities"].is_object()) record["fatalities"] = event["fatalities"]["min"];
  if (const Json& location = event["location"]; location.is_object()) {
    record["location_ar"] = location["names_ar"][0];
    record["admin1"] = location["admin1"];
    record["latitude"] = location["lat"], record["longitude"] = location["lon"];
  }
  return record;
}

// One prediction per gold event; a same_event pair becomes one prediction
// citing both articles, dated on the first day both ranges share.
std::vector<Json> PerfectPredictions(const Json& gold) {
  std::map<std::string, std::pair<Json, std::string>> events;  // id -> (event, doc_id)
  for (const Json& document : gold["documents"])
    for (const Json& event : document["events"]) events[event["id"]] = {event, document["doc_id"]};
  std::vector<Json> predictions;
  std::set<std::string> merged;
  for (const Json& pair : gold["same_event"]) {
    const auto& [first, first_doc] = events[pair[0]];
    const auto& [second, second_doc] = events[pair[1]];
    Json record = PerfectPrediction(first, first_doc);
    record["documents"].push_back({{"doc_id", second_doc}});
    record["event_date"] = std::max(first["date"]["start"], second["date"]["start"]);
    predictions.push_back(record);
    merged.insert(pair[0]), merged.insert(pair[1]);
  }
  for (const auto& [id, entry] : events)
    if (!merged.contains(id)) predictions.push_back(PerfectPrediction(entry.first, entry.second));
  return predictions;
}

TEST(DevGold, ScoredAgainstItselfIsPerfect) {
  Json gold = ReadJsonFile(std::string(HADATH_SHARED_DIR) + "/eval/dev-gold.json");
  Scored scored = Score(gold, PerfectPredictions(gold));
  const Scores& scores = scored.scores();
  EXPECT_EQ(scores.precision(), 1.0);
  EXPECT_EQ(scores.recall(), 1.0);
  EXPECT_EQ(scores.f1(), 1.0);
  EXPECT_GT(scores.true_positives, 10);
  EXPECT_EQ(scores.false_positives, 0);
  EXPECT_EQ(scores.misses, 0);
  for (const Share* share :
       {&scores.type, &scores.actor1, &scores.actor2, &scores.admin1, &scores.date, &scores.fatalities})
    EXPECT_EQ(share->value(), 1.0) << share->right << "/" << share->scored;
  EXPECT_EQ(scores.same_event_merged.value(), 1.0);
  EXPECT_EQ(scores.wrong_merges, 0);
  EXPECT_EQ(scores.unscored_predictions, 0);
}

TEST(DevGold, EmptyPredictionsMissEveryRequiredEvent) {
  Json gold = ReadJsonFile(std::string(HADATH_SHARED_DIR) + "/eval/dev-gold.json");
  Scored scored = Score(gold, {});
  EXPECT_EQ(scored.scores().recall(), 0.0);
  EXPECT_EQ(scored.scores().precision(), std::nullopt);
  EXPECT_GT(scored.scores().misses, 10);
}

}  // namespace
}  // namespace hadath::eval

// The scores as JSON and as a readable report.
#include <cstdio>
#include <sstream>

#include "hadath/eval.h"

namespace hadath::eval {
namespace {

using Json = nlohmann::json;

Json Value(std::optional<double> value) { return value ? Json(*value) : Json(nullptr); }

Json ShareJson(const Share& share) {
  return {{"right", share.right}, {"scored", share.scored}, {"share", Value(share.value())}};
}

std::string Decimal(std::optional<double> value) {
  if (!value) return "n/a";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.3f", *value);
  return buffer;
}

std::string ShareText(const Share& share) {
  return Decimal(share.value()) + " (" + std::to_string(share.right) + "/" + std::to_string(share.scored) +
         ")";
}

const char* CheckText(std::optional<bool> check) {
  if (!check) return "-";
  return *check ? "ok" : "WRONG";
}

Json CheckJson(std::optional<bool> check) { return check ? Json(*check) : Json(nullptr); }

std::string OrDash(const std::string& text) { return text.empty() ? "-" : text; }

std::string Describe(const Prediction& prediction) {
  std::string text = prediction.event_id + " (line " + std::to_string(prediction.line) + ") " +
                     prediction.event_date.value_or("undated") + " " + OrDash(prediction.event_type) + "/" +
                     OrDash(prediction.sub_event_type) + " at " + OrDash(prediction.location_ar) + " (" +
                     OrDash(prediction.admin1) + "), " + OrDash(prediction.actor1_id) + " vs " +
                     OrDash(prediction.actor2_id);
  if (prediction.background) text += ", background";
  return text;
}

std::string Describe(const GoldEvent& event) {
  std::string text = event.id + " " + (event.date ? event.date->start + ".." + event.date->end : "undated");
  if (!event.types.empty()) text += " " + event.types[0].first + "/" + event.types[0].second;
  if (event.location) text += " at " + event.location->name_en + " (" + event.location->admin1 + ")";
  return text;
}

std::string Joined(const std::vector<std::string>& items, const char* separator) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : separator) + item;
  return joined.empty() ? "-" : joined;
}

std::string Count(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

// "actor2 ok", "actor2 -" (not scored) or "actor2 WRONG (- for ISIS)".
std::string CheckText(const char* field, std::optional<bool> check, const std::string& predicted,
                      const std::string& accepted) {
  std::string text = std::string(field) + " " + CheckText(check);
  if (check == false) text += " (" + OrDash(predicted) + " for " + accepted + ")";
  return text;
}

std::string ChecksText(const FieldChecks& checks, const Prediction& prediction, const GoldEvent& event) {
  std::vector<std::string> types;
  for (const auto& [type, sub_type] : event.types) types.push_back(type + "/" + sub_type);
  std::string fatalities = prediction.fatalities ? Count(*prediction.fatalities) : "";
  std::string gold_fatalities =
      event.fatalities ? Count(event.fatalities->min) + ".." + Count(event.fatalities->max) : "-";
  return Joined(
      {CheckText("type", checks.type, prediction.event_type + "/" + prediction.sub_event_type,
                 Joined(types, " | ")),
       CheckText("actor1", checks.actor1, prediction.actor1_id, Joined(event.actor1, "|")),
       CheckText("actor2", checks.actor2, prediction.actor2_id, Joined(event.actor2, "|")),
       CheckText("admin1", checks.admin1, prediction.admin1, event.location ? event.location->admin1 : "-"),
       CheckText("date", checks.date, prediction.event_date.value_or(""),
                 event.date ? event.date->start + ".." + event.date->end : "-"),
       CheckText("fatalities", checks.fatalities, fatalities, gold_fatalities)},
      ", ");
}

void RenderArticle(const ArticleResult& article, const GoldSet& gold,
                   const std::vector<Prediction>& predictions, std::ostringstream& out) {
  const GoldDocument& document = gold.documents[article.document];
  out << "\n" << document.doc_id << "\n";
  for (const Match& match : article.matches) {
    out << (match.optional ? "  neutral  " : "  match    ") << Describe(document.events[match.gold_event])
        << "\n"
        << "           <- " << Describe(predictions[match.prediction]) << "\n";
    if (!match.optional)
      out << "           "
          << ChecksText(match.checks, predictions[match.prediction], document.events[match.gold_event])
          << "\n";
  }
  for (size_t p : article.false_positives) {
    out << "  false+   " << Describe(predictions[p]) << "\n";
    if (!predictions[p].evidence.empty()) out << "           evidence: " << predictions[p].evidence << "\n";
    if (!predictions[p].notes.empty()) out << "           notes: " << predictions[p].notes << "\n";
  }
  for (size_t g : article.misses) {
    const GoldEvent& event = document.events[g];
    out << "  missed   " << Describe(event) << "\n";
    if (!event.evidence.empty()) out << "           evidence: " << event.evidence << "\n";
    if (!event.note.empty()) out << "           note: " << event.note << "\n";
  }
  for (size_t g : article.excused)
    out << "  merged   " << Describe(document.events[g]) << " (into " << document.events[g].may_merge_with
        << ")\n";
}

Json ArticleJson(const ArticleResult& article, const GoldSet& gold,
                 const std::vector<Prediction>& predictions) {
  const GoldDocument& document = gold.documents[article.document];
  Json matches = Json::array(), false_positives = Json::array(), misses = Json::array(),
       merged = Json::array();
  for (const Match& match : article.matches) {
    const Prediction& prediction = predictions[match.prediction];
    const FieldChecks& checks = match.checks;
    matches.push_back({{"gold", document.events[match.gold_event].id},
                       {"prediction", prediction.event_id},
                       {"line", prediction.line},
                       {"optional", match.optional},
                       {"checks",
                        {{"type", CheckJson(checks.type)},
                         {"actor1", CheckJson(checks.actor1)},
                         {"actor2", CheckJson(checks.actor2)},
                         {"admin1", CheckJson(checks.admin1)},
                         {"date", CheckJson(checks.date)},
                         {"fatalities", CheckJson(checks.fatalities)}}}});
  }
  for (size_t p : article.false_positives)
    false_positives.push_back({{"prediction", predictions[p].event_id}, {"line", predictions[p].line}});
  for (size_t g : article.misses) misses.push_back(document.events[g].id);
  for (size_t g : article.excused) merged.push_back(document.events[g].id);
  return {{"doc_id", document.doc_id},
          {"matches", matches},
          {"false_positives", false_positives},
          {"misses", misses},
          {"merged_by_may_merge_with", merged}};
}

}  // namespace

Json ReportJson(const EvalReport& report, const GoldSet& gold, const std::vector<Prediction>& predictions,
                bool articles) {
  const Scores& scores = report.scores;
  Json json = {{"format", "hadath-eval/1"},
               {"events",
                {{"true_positives", scores.true_positives},
                 {"false_positives", scores.false_positives},
                 {"misses", scores.misses},
                 {"neutral", scores.neutral},
                 {"predictions", scores.predictions},
                 {"unscored_predictions", scores.unscored_predictions},
                 {"precision", Value(scores.precision())},
                 {"recall", Value(scores.recall())},
                 {"f1", Value(scores.f1())}}},
               {"fields",
                {{"type", ShareJson(scores.type)},
                 {"actor1", ShareJson(scores.actor1)},
                 {"actor2", ShareJson(scores.actor2)},
                 {"admin1", ShareJson(scores.admin1)},
                 {"date", ShareJson(scores.date)},
                 {"fatalities", ShareJson(scores.fatalities)}}},
               {"same_event",
                {{"pairs", scores.same_event_merged.scored},
                 {"merged", scores.same_event_merged.right},
                 {"share", Value(scores.same_event_merged.value())},
                 {"cross_article_merges", scores.cross_article_merges},
                 {"wrong_merges", scores.wrong_merges}}}};
  if (articles) {
    json["articles"] = Json::array();
    for (const ArticleResult& article : report.articles)
      json["articles"].push_back(ArticleJson(article, gold, predictions));
  }
  return json;
}

std::string RenderReport(const EvalReport& report, const GoldSet& gold,
                         const std::vector<Prediction>& predictions, bool verbose) {
  const Scores& s = report.scores;
  std::ostringstream out;
  out << "events      precision " << Decimal(s.precision()) << " (" << s.true_positives << "/"
      << s.true_positives + s.false_positives << ")  recall " << Decimal(s.recall()) << " ("
      << s.true_positives << "/" << s.true_positives + s.misses << ")  F1 " << Decimal(s.f1()) << "\n"
      << "            " << s.true_positives << " matched, " << s.false_positives << " false positives, "
      << s.misses << " missed, " << s.neutral << " neutral (optional gold); " << s.predictions
      << " predictions, " << s.unscored_predictions << " citing no gold article\n"
      << "on the " << s.true_positives << " matched events:\n"
      << "  type        " << ShareText(s.type) << "\n"
      << "  actor1      " << ShareText(s.actor1) << "\n"
      << "  actor2      " << ShareText(s.actor2) << "\n"
      << "  admin1      " << ShareText(s.admin1) << "\n"
      << "  date        " << ShareText(s.date) << "\n"
      << "  fatalities  " << ShareText(s.fatalities) << "\n"
      << "same_event  " << ShareText(s.same_event_merged) << " pairs merged; " << s.cross_article_merges
      << " cross-article merges, " << s.wrong_merges << " wrong\n";
  if (verbose)
    for (const ArticleResult& article : report.articles) RenderArticle(article, gold, predictions, out);
  return out.str();
}

}  // namespace hadath::eval

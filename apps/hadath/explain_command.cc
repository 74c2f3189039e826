// hadath explain EVENT : an event's fields, each with the words of the
// articles that support it, marked inside their clause; why its reports were
// linked; and its change log. hadath explain --pair A B : why two reports
// are (or are not) one incident.
#include <fmt/core.h>
#include <unistd.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "hadath/link.h"
#include "pipeline/link_job.h"

namespace hadath::cli {
namespace {

struct ExplainArguments {
  std::string reference;
  std::vector<std::string> pair;
  bool json = false;
};

struct Marks {
  const char* open;
  const char* close;
};

std::string Field(const nlohmann::json& record, const char* name) {
  auto found = record.find(name);
  if (found == record.end() || found->is_null()) return "-";
  if (found->is_string()) return found->get<std::string>().empty() ? "-" : found->get<std::string>();
  return found->dump();
}

void PrintFields(const nlohmann::json& record) {
  const char* rows[][2] = {{"event", "event_id"},        {"date", "event_date"},
                           {"date range", "date_start"}, {"date note", "date_reason"},
                           {"type", "event_type"},       {"sub-type", "sub_event_type"},
                           {"actor1", "actor1_id"},      {"with", "assoc_actor_1_ids"},
                           {"actor2", "actor2_id"},      {"also", "assoc_actor_2_ids"},
                           {"place", "location"},        {"place (ar)", "location_ar"},
                           {"admin1", "admin1"},         {"precision", "geo_precision"},
                           {"fatalities", "fatalities"}, {"civilians", "civilian_fatalities"},
                           {"contested", "contested"},   {"background", "background"},
                           {"confidence", "confidence"}, {"notes", "notes"}};
  for (const auto& [label, name] : rows) {
    std::string value = Field(record, name);
    if (std::string_view(name) == "date_start") value += " .. " + Field(record, "date_end");
    fmt::print("{:<12} {}\n", label, value);
  }
}

// The clause holding `span`, with the span marked.
std::string Marked(const std::string& raw, const store::EvidenceRecord& clause,
                   const store::EvidenceRecord& span, Marks marks) {
  auto slice = [&](int64_t from, int64_t to) { return raw.substr(from, to - from); };
  return slice(clause.raw_start, span.raw_start) + marks.open + slice(span.raw_start, span.raw_end) +
         marks.close + slice(span.raw_end, clause.raw_end);
}

void PrintEvidence(store::Store& store, const store::FoundEvent& event, Marks marks) {
  std::string doc_id;
  std::string raw;
  for (const store::EvidenceRecord& evidence : event.evidence) {
    if (evidence.doc_id != doc_id) {
      doc_id = evidence.doc_id;
      auto document = store.LoadDocument(doc_id);
      raw = document ? document->article.raw : "";
      fmt::print("\n-- document {} ({})\n", doc_id, document ? document->article.key : "not found");
    }
    if (evidence.role == "event") continue;
    const store::EvidenceRecord* clause = nullptr;
    for (const store::EvidenceRecord& candidate : event.evidence)
      if (candidate.doc_id == doc_id && candidate.role == "event" &&
          candidate.raw_start <= evidence.raw_start && evidence.raw_end <= candidate.raw_end)
        clause = &candidate;
    bool sliceable = clause && static_cast<size_t>(clause->raw_end) <= raw.size();
    fmt::print("{:<11} [{}-{}] {}\n", evidence.role, evidence.raw_start, evidence.raw_end,
               sliceable ? Marked(raw, *clause, evidence, marks) : evidence.text);
  }
}

void PrintJoins(const std::string& joins_json) {
  nlohmann::json joins = nlohmann::json::parse(joins_json, nullptr, false);
  if (!joins.is_array() || joins.empty()) return;
  fmt::print("\n-- why its reports are one incident\n");
  for (const nlohmann::json& join : joins) {
    fmt::print("{} joined {}: score {} (threshold {})\n", Field(join, "report"), Field(join, "to"),
               Field(join, "score"), Field(join, "threshold"));
    for (const nlohmann::json& part : join.value("parts", nlohmann::json::array()))
      fmt::print("  {:+.2f}  {:<28} {}\n", part.value("points", 0.0), Field(part, "feature"),
                 Field(part, "detail"));
  }
}

void PrintChanges(store::Store& store, const std::string& event_id) {
  auto changes = store.ListChanges(event_id, "");
  if (!changes || changes->empty()) return;
  fmt::print("\n-- change log\n");
  for (const store::EventChange& change : *changes)
    fmt::print("{}  {:<14} {}\n", change.changed_at, change.change, change.reason);
}

// A report by its id, or an event's first report.
Result<store::StoredReport> ReportFor(store::Store& store, const std::string& reference) {
  if (auto report = store.FindReport(reference)) return report;
  auto event = store.FindEvent(reference);
  if (!event) return Status::Error("no report or event '" + reference + "'");
  nlohmann::json record = nlohmann::json::parse(event->event.record, nullptr, false);
  auto reports =
      record.is_object() ? record.value("reports", nlohmann::json::array()) : nlohmann::json::array();
  if (reports.empty() || !reports[0].is_string())
    return Status::Error("event '" + reference + "' has no report");
  return store.FindReport(reports[0].get<std::string>());
}

int ExplainPair(store::Store& store, const std::string& first, const std::string& second) {
  auto a = ReportFor(store, first), b = ReportFor(store, second);
  if (!a || !b) return fmt::print(stderr, "hadath explain: {}\n", (!a ? a : b).error()), kExitFatal;
  auto linker = link::Linker::Load();
  if (!linker) return fmt::print(stderr, "hadath explain: {}\n", linker.error()), kExitFatal;
  link::Report ra = pipeline::ToLinkReport(*a), rb = pipeline::ToLinkReport(*b);
  link::PairScore score = linker->Score(linker->Describe(ra), linker->Describe(rb));
  fmt::print("report {} (event {})\nreport {} (event {})\n", ra.id, ra.event_id, rb.id, rb.event_id);
  if (!score.veto.empty()) {
    fmt::print("never one incident: {}\n", score.veto);
  } else {
    for (const link::Part& part : score.parts)
      fmt::print("  {:+.2f}  {:<28} {}\n", part.points, part.feature, part.detail);
    fmt::print("score {:.2f}, threshold {:.2f}: {}\n", score.score, score.threshold,
               score.linked() ? "linked" : "not linked");
    if (!score.uncorroborated.empty()) fmt::print("not linked: {}\n", score.uncorroborated);
  }
  if (!ra.event_id.empty() && ra.event_id == rb.event_id)
    fmt::print("they are in one event: {}\n", ra.event_id);
  else if (score.linked())
    fmt::print("they are in different events: another report of one of them made a veto\n");
  return kExitOk;
}

int RunExplain(const ExplainArguments& arguments, const CommonOptions& common) {
  auto store = OpenExistingStore(common.db, "explain");
  if (!store) return kExitFatal;
  if (!arguments.pair.empty()) return ExplainPair(**store, arguments.pair[0], arguments.pair[1]);
  if (arguments.reference.empty())
    return fmt::print(stderr, "hadath explain: give an EVENT or --pair A B\n"), kExitFatal;
  auto event = (*store)->FindEvent(arguments.reference);
  if (!event) return fmt::print(stderr, "hadath explain: {}\n", event.error()), kExitFatal;
  nlohmann::json record = nlohmann::json::parse(event->event.record, nullptr, false);
  if (arguments.json) return fmt::print("{}\n", record.dump(2)), kExitOk;
  PrintFields(record);
  Marks marks = isatty(STDOUT_FILENO) ? Marks{"\033[1;4m", "\033[0m"} : Marks{"⟦", "⟧"};
  PrintEvidence(**store, *event, marks);
  PrintJoins(event->event.joins);
  PrintChanges(**store, event->event.id);
  return kExitOk;
}

}  // namespace

void AddExplainCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto arguments = std::make_shared<ExplainArguments>();
  CLI::App* command = app.add_subcommand(
      "explain",
      "Show a stored event with the words of the articles behind each field, marked in their clause, "
      "why its reports were linked, and its change log");
  command->add_option("event", arguments->reference,
                      "Event id or a unique prefix (a report's id, or a retired id, finds its event)");
  command->add_option("--pair", arguments->pair, "Why two reports (or events) are or are not one incident")
      ->expected(2);
  AddDbOption(command, common);
  command->add_flag("--json", arguments->json, "Print the stored record as JSON");
  command->callback([arguments, &common, &exit_code] { exit_code = RunExplain(*arguments, common); });
}

}  // namespace hadath::cli

// hadath explain EVENT : an event's fields, each with the words of the
// article that support it, marked inside their clause.
#include <fmt/core.h>
#include <unistd.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"

namespace hadath::cli {
namespace {

struct ExplainArguments {
  std::string reference;
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

void PrintEvidence(store::Store& store, const store::NewEvent& event, Marks marks) {
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

int RunExplain(const ExplainArguments& arguments, const CommonOptions& common) {
  auto store = OpenExistingStore(common.db, "explain");
  if (!store) return kExitFatal;
  auto event = (*store)->FindEvent(arguments.reference);
  if (!event) return fmt::print(stderr, "hadath explain: {}\n", event.error()), kExitFatal;
  nlohmann::json record = nlohmann::json::parse(event->event.record, nullptr, false);
  if (arguments.json) return fmt::print("{}\n", record.dump(2)), kExitOk;
  PrintFields(record);
  Marks marks = isatty(STDOUT_FILENO) ? Marks{"\033[1;4m", "\033[0m"} : Marks{"⟦", "⟧"};
  PrintEvidence(**store, *event, marks);
  return kExitOk;
}

}  // namespace

void AddExplainCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto arguments = std::make_shared<ExplainArguments>();
  CLI::App* command = app.add_subcommand(
      "explain",
      "Show a stored event with the words of the article behind each field, marked in their clause");
  command->add_option("event", arguments->reference, "Event id or a unique prefix")->required();
  command->add_option("--db", common.db, "SQLite database file (default: $HADATH_DB or hadath.db)");
  command->add_flag("--json", arguments->json, "Print the stored record as JSON");
  command->callback([arguments, &common, &exit_code] { exit_code = RunExplain(*arguments, common); });
}

}  // namespace hadath::cli

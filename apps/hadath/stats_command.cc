// hadath stats : what the store holds.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "hadath/store.h"

namespace hadath::cli {
namespace {

void PrintCounts(const char* heading, const std::vector<std::pair<std::string, int64_t>>& counts,
                 size_t limit) {
  if (counts.empty()) return;
  fmt::print("{}\n", heading);
  for (size_t i = 0; i < counts.size() && i < limit; ++i)
    fmt::print("  {:>8}  {}\n", counts[i].second, counts[i].first);
  if (counts.size() > limit) fmt::print("  {:>8}  (and {} more)\n", "", counts.size() - limit);
}

nlohmann::json CountsJson(const std::vector<std::pair<std::string, int64_t>>& counts) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [name, count] : counts) object[name] = count;
  return object;
}

void PrintJson(const store::Stats& stats) {
  nlohmann::json json = {{"schema_version", stats.schema_version},
                         {"documents", stats.documents},
                         {"superseded", stats.superseded},
                         {"keys", stats.keys},
                         {"sentences", stats.sentences},
                         {"raw_bytes", stats.raw_bytes},
                         {"events", stats.events},
                         {"reports", stats.reports},
                         {"undated", stats.undated},
                         {"earliest_published", stats.earliest_published},
                         {"latest_published", stats.latest_published},
                         {"ingest_runs", stats.ingest_runs},
                         {"ingest_errors", stats.ingest_errors},
                         {"by_outlet", CountsJson(stats.by_outlet)},
                         {"by_format", CountsJson(stats.by_format)},
                         {"by_encoding", CountsJson(stats.by_encoding)},
                         {"dropped_by_reason", CountsJson(stats.dropped_by_reason)}};
  fmt::print("{}\n", json.dump(2));
}

void PrintText(const store::Stats& stats, const std::string& db) {
  fmt::print("{} (schema version {})\n", db, stats.schema_version);
  fmt::print("  documents  {} ({} older versions kept), {} external keys\n", stats.documents,
             stats.superseded, stats.keys);
  fmt::print("  sentences  {}\n  text       {} as read\n", stats.sentences,
             HumanBytes(static_cast<double>(stats.raw_bytes)));
  if (!stats.earliest_published.empty())
    fmt::print("  published  {} .. {}; {} undated\n", stats.earliest_published, stats.latest_published,
               stats.undated);
  else
    fmt::print("  published  no dates known\n");
  fmt::print("  events     {} (from {} per-article reports)\n  ingest     {} runs, {} documents failed\n",
             stats.events, stats.reports, stats.ingest_runs, stats.ingest_errors);
  PrintCounts("by outlet:", stats.by_outlet, 20);
  PrintCounts("by format:", stats.by_format, 10);
  PrintCounts("by encoding:", stats.by_encoding, 10);
  PrintCounts("page furniture dropped:", stats.dropped_by_reason, 20);
}

}  // namespace

void AddStatsCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto json = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand("stats", "Counts of what the store holds");
  AddDbOption(command, common);
  command->add_flag("--json", *json, "Print as JSON");
  command->callback([json, &common, &exit_code] {
    auto store = OpenExistingStore(common.db, "stats");
    if (!store) return (void)(exit_code = kExitFatal);
    auto stats = (*store)->GetStats();
    if (!stats)
      return (void)(fmt::print(stderr, "hadath stats: {}\n", stats.error()), exit_code = kExitFatal);
    if (*json)
      PrintJson(*stats);
    else
      PrintText(*stats, common.db);
  });
}

}  // namespace hadath::cli

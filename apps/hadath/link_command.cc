// hadath link : group the stored reports of one incident into one event
// (extract does this after each run); hadath changes : the change log.
#include <fmt/core.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "hadath/link.h"
#include "pipeline/link_job.h"

namespace hadath::cli {

int LinkStored(const events::EventExtractor& extractor, store::Store& store, bool all, const char* command) {
  auto linker = link::Linker::Load();
  if (!linker) return fmt::print(stderr, "hadath {}: {}\n", command, linker.error()), kExitFatal;
  pipeline::LinkJobOptions options;
  options.all = all;
  options.notes = [&extractor](const events::NoteFacts& facts) { return extractor.Note(facts); };
  auto summary = pipeline::RunLinkJob(options, *linker, store);
  if (!summary) return fmt::print(stderr, "hadath {}: linking: {}\n", command, summary.error()), kExitFatal;
  fmt::print(
      stderr,
      "link: {} new or changed reports; {} reports regrouped into {} events ({} with several reports); "
      "{} created, {} kept their id, {} retired ({:.2f} s)\n",
      summary->pending, summary->considered, summary->groups, summary->multi_report, summary->created,
      summary->updated, summary->retired, summary->seconds);
  return kExitOk;
}

namespace {

struct LinkArguments {
  bool all = false;
  std::string gazetteer;
};

int RunLink(const LinkArguments& arguments, const CommonOptions& common) {
  auto store = OpenExistingStore(common.db, "link");
  if (!store) return kExitFatal;
  auto gazetteer =
      geo::Gazetteer::Load(arguments.gazetteer.empty() ? geo::Gazetteer::DefaultPath() : arguments.gazetteer);
  if (!gazetteer) return fmt::print(stderr, "hadath link: {}\n", gazetteer.error()), kExitFatal;
  auto extractor = events::EventExtractor::Load(*gazetteer);
  if (!extractor) return fmt::print(stderr, "hadath link: {}\n", extractor.error()), kExitFatal;
  return LinkStored(*extractor, **store, arguments.all, "link");
}

struct ChangesArguments {
  std::string event;
  std::string since;
};

int RunChanges(const ChangesArguments& arguments, const CommonOptions& common) {
  auto store = OpenExistingStore(common.db, "changes");
  if (!store) return kExitFatal;
  auto changes = (*store)->ListChanges(arguments.event, arguments.since);
  if (!changes) return fmt::print(stderr, "hadath changes: {}\n", changes.error()), kExitFatal;
  for (const store::EventChange& change : *changes)
    fmt::print("{}\n", nlohmann::json{{"event_id", change.event_id},
                                      {"changed_at", change.changed_at},
                                      {"change", change.change},
                                      {"reason", change.reason}}
                           .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return kExitOk;
}

}  // namespace

void AddLinkCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto arguments = std::make_shared<LinkArguments>();
  CLI::App* command = app.add_subcommand(
      "link",
      "Link the stored reports of one incident across articles into one event (extract does this after "
      "each run). Only new or changed reports and their neighbours are regrouped, unless --all.");
  AddDbOption(command, common);
  command->add_flag("--all", arguments->all, "Regroup every stored report (ids are kept)");
  command->add_option("--gazetteer", arguments->gazetteer,
                      "Compiled gazetteer (default: $HADATH_GAZETTEER or build/gazetteer.bin)");
  command->callback([arguments, &common, &exit_code] { exit_code = RunLink(*arguments, common); });
}

void AddChangesCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto arguments = std::make_shared<ChangesArguments>();
  CLI::App* command = app.add_subcommand(
      "changes", "Print the change log of the events (JSON Lines: event_id, changed_at, change, reason)");
  AddDbOption(command, common);
  command->add_option("--event", arguments->event, "Only this event's changes");
  command->add_option("--since", arguments->since, "Only changes at or after this ISO 8601 UTC time");
  command->callback([arguments, &common, &exit_code] { exit_code = RunChanges(*arguments, common); });
}

}  // namespace hadath::cli

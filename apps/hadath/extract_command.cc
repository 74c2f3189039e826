// hadath extract [PATH...] : ingest PATHs (if given), then read the events of
// the stored documents and store them.
#include <fmt/core.h>

#include <cstdio>
#include <fstream>
#include <memory>

#include "commands.h"
#include "hadath/events.h"
#include "hadath/link.h"
#include "pipeline/extract_job.h"
#include "pipeline/ingest_job.h"
#include "pipeline/link_job.h"

namespace hadath::cli {
namespace {

struct ExtractArguments {
  std::vector<std::string> paths;
  std::vector<std::string> documents;
  std::string gazetteer;
  std::string jsonl;  // where to write the records too; "-" for stdout
  bool include_background = false;
  bool json = false;
};

// Ingests `paths` first, as `hadath ingest` does with its defaults.
int IngestFirst(const ExtractArguments& arguments, store::Store& store) {
  auto cleaner = clean::Cleaner::Load();
  if (!cleaner) return fmt::print(stderr, "hadath extract: {}\n", cleaner.error()), kExitFatal;
  pipeline::IngestJobOptions options;
  options.on_error = [](const std::string& where, const std::string& reason) {
    fmt::print(stderr, "{}: error: {}\n", where, reason);
  };
  auto summary = pipeline::RunIngestJob(arguments.paths, options, *cleaner, store);
  if (!summary) return fmt::print(stderr, "hadath extract: {}\n", summary.error()), kExitFatal;
  fmt::print(stderr, "ingest: read {}, added {}, duplicates {}, updated {}, failed {}\n", summary->read,
             summary->added, summary->duplicates, summary->updated, summary->failed);
  return summary->failed > 0 ? kExitSomeFailed : kExitOk;
}

int RunExtract(const ExtractArguments& arguments, const CommonOptions& common) {
  auto store = store::Store::Open(common.db);
  if (!store) return fmt::print(stderr, "hadath extract: {}\n", store.error()), kExitFatal;
  int ingest_code = arguments.paths.empty() ? kExitOk : IngestFirst(arguments, **store);
  if (ingest_code == kExitFatal) return ingest_code;

  std::string gazetteer_path =
      arguments.gazetteer.empty() ? geo::Gazetteer::DefaultPath() : arguments.gazetteer;
  auto gazetteer = geo::Gazetteer::Load(gazetteer_path);
  if (!gazetteer) return fmt::print(stderr, "hadath extract: {}\n", gazetteer.error()), kExitFatal;
  auto extractor = events::EventExtractor::Load(*gazetteer);
  if (!extractor) return fmt::print(stderr, "hadath extract: {}\n", extractor.error()), kExitFatal;

  std::FILE* out = nullptr;
  if (arguments.jsonl == "-") {
    out = stdout;
  } else if (!arguments.jsonl.empty()) {
    out = std::fopen(arguments.jsonl.c_str(), "w");
    if (!out) return fmt::print(stderr, "hadath extract: {}: cannot write\n", arguments.jsonl), kExitFatal;
  }
  pipeline::ExtractJobOptions options;
  options.documents = arguments.documents;
  options.on_error = [](const std::string& document, const std::string& reason) {
    fmt::print(stderr, "{}: error: {}\n", document, reason);
  };
  auto summary = pipeline::RunExtractJob(options, *extractor, **store);
  if (!summary) return fmt::print(stderr, "hadath extract: {}\n", summary.error()), kExitFatal;
  double seconds = summary->seconds > 0 ? summary->seconds : 1e-9;
  if (arguments.json)
    fmt::print(stderr,
               "{{\"documents\":{},\"events\":{},\"background\":{},\"failed\":{},\"seconds\":{:.3f}}}\n",
               summary->documents, summary->events, summary->background, summary->failed, summary->seconds);
  else
    fmt::print(
        stderr,
        "extract: {} documents, {} events, {} background, {} failed ({} in {:.2f} s: {:.0f} articles/s)\n",
        summary->documents, summary->events, summary->background, summary->failed, HumanBytes(summary->bytes),
        summary->seconds, summary->documents / seconds);
  int link_code = LinkStored(*extractor, **store, /*all=*/false, "extract");
  if (link_code != kExitOk) return link_code;
  if (out) {
    auto events = (*store)->ListEvents({.include_background = arguments.include_background});
    if (!events) return fmt::print(stderr, "hadath extract: {}\n", events.error()), kExitFatal;
    for (const store::EventRecord& event : *events) fmt::print(out, "{}\n", event.record);
    if (out != stdout) std::fclose(out);
  }
  return summary->failed > 0 ? kExitSomeFailed : ingest_code;
}

}  // namespace

void AddExtractCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto arguments = std::make_shared<ExtractArguments>();
  CLI::App* command = app.add_subcommand(
      "extract",
      "Ingest PATHs (if given; as `hadath ingest`), extract the events of the stored documents, "
      "and link the reports of one incident across articles into one event. Re-running changes "
      "nothing; an edited article updates its events.");
  command->add_option("paths", arguments->paths, "Files or directories to ingest first");
  AddDbOption(command, common);
  command->add_option("--doc", arguments->documents,
                      "Only this stored document (id, key or url; repeatable)");
  command->add_option("--gazetteer", arguments->gazetteer,
                      "Compiled gazetteer (default: $HADATH_GAZETTEER or build/gazetteer.bin)");
  command->add_option("--jsonl", arguments->jsonl,
                      "Also write the store's events, after linking, here (- for standard output)");
  command->add_flag("--include-background", arguments->include_background,
                    "With --jsonl, also write recalled older incidents");
  command->add_flag("--json", arguments->json, "Print the summary as one JSON object");
  command->callback([arguments, &common, &exit_code] { exit_code = RunExtract(*arguments, common); });
}

}  // namespace hadath::cli

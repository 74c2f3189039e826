// hadath export --format jsonl|acled|geojson [--out FILE] : the stored
// events in a format analysts load (see include/hadath/export.h).
#include <fmt/core.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>

#include "commands.h"
#include "hadath/export.h"
#include "hadath/store.h"

namespace hadath::cli {
namespace {

struct ExportArguments {
  std::string format;
  std::string out;  // "" for stdout
  bool include_background = false;
  std::string since;
};

bool IsIsoDateOrTime(const std::string& text) {
  static const std::regex iso(R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?)");
  return std::regex_match(text, iso);
}

// Writes every event; a record that is not JSON is reported and skipped.
// Returns the number skipped.
int64_t WriteEvents(const std::vector<store::EventRecord>& events, exporter::Format format,
                    std::ostream& out) {
  exporter::RecordWriter writer(format, out);
  for (const store::EventRecord& event : events)
    if (Status added = writer.AddText(event.record); !added)
      fmt::print(stderr, "hadath export: event {}: {}\n", event.id, added.message());
  writer.Finish();
  return writer.rejected();
}

// Writes to `path` through a temporary file beside it, renamed into place
// only once complete: readers never see half an export.
Result<int64_t> WriteFileAtomically(const std::string& path, const std::vector<store::EventRecord>& events,
                                    exporter::Format format) {
  std::string temporary = path + ".tmp-" + std::to_string(::getpid());
  int64_t skipped = 0;
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Error(path + ": cannot write " + temporary);
    skipped = WriteEvents(events, format, out);
    out.flush();
    if (!out) {
      std::filesystem::remove(temporary);
      return Status::Error(path + ": write failed (disk full?)");
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary);
    return Status::Error(path + ": cannot replace: " + error.message());
  }
  return skipped;
}

int RunExport(const ExportArguments& arguments, const CommonOptions& common) {
  std::optional<exporter::Format> format = exporter::ParseFormat(arguments.format);
  if (!format)
    return fmt::print(stderr, "hadath export: --format: unknown '{}'\n", arguments.format), kExitFatal;
  if (!arguments.since.empty() && !IsIsoDateOrTime(arguments.since))
    return fmt::print(stderr,
                      "hadath export: --since: '{}' is not an ISO 8601 date or time (2024-08-22, "
                      "2024-08-22T10:00:00Z)\n",
                      arguments.since),
           kExitFatal;
  auto store = OpenExistingStore(common.db, "export");
  if (!store) return kExitFatal;
  store::EventQuery query;
  query.include_background = arguments.include_background;
  query.changed_since = arguments.since;
  auto events = (*store)->ListEvents(query);
  if (!events) return fmt::print(stderr, "hadath export: {}: {}\n", common.db, events.error()), kExitFatal;

  int64_t skipped = 0;
  if (arguments.out.empty() || arguments.out == "-") {
    skipped = WriteEvents(*events, *format, std::cout);
    std::cout.flush();
  } else {
    auto written = WriteFileAtomically(arguments.out, *events, *format);
    if (!written) return fmt::print(stderr, "hadath export: {}\n", written.error()), kExitFatal;
    skipped = *written;
  }
  fmt::print(stderr, "hadath export: {} events ({}) -> {}{}\n",
             static_cast<int64_t>(events->size()) - skipped, arguments.format,
             arguments.out.empty() ? "stdout" : arguments.out,
             skipped ? fmt::format("; {} unreadable records skipped", skipped) : "");
  return skipped ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto arguments = std::make_shared<ExportArguments>();
  CLI::App* command =
      app.add_subcommand("export", "Write the stored events as JSON Lines, ACLED-style CSV or GeoJSON");
  AddDbOption(command, common);
  command
      ->add_option("--format", arguments->format,
                   "jsonl (as stored), acled (CSV: ACLED's 31 columns, "
                   "then hadath's) or geojson (FeatureCollection)")
      ->required()
      ->check(CLI::IsMember({"jsonl", "acled", "geojson"}));
  command->add_option("--out", arguments->out,
                      "Output file, replaced atomically once complete (default: standard output)");
  command->add_flag("--include-background", arguments->include_background,
                    "Also export background events (older incidents recalled for context)");
  command->add_option("--since", arguments->since,
                      "Only events created or changed at or after this ISO 8601 UTC date or time");
  command->callback([arguments, &common, &exit_code] { exit_code = RunExport(*arguments, common); });
}

}  // namespace hadath::cli

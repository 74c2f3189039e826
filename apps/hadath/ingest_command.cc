// hadath ingest PATH... : read articles into the store.
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>

#include "commands.h"
#include "pipeline/ingest_job.h"

namespace hadath::cli {
namespace {

struct IngestArguments {
  std::vector<std::string> paths;
  std::vector<std::string> fields;  // role=name
  std::string format;
  std::string encoding;
  std::string sidecar;
  int batch_size = 500;
  uint64_t max_bytes = 64ull << 20;
  bool json = false;
  bool quiet = false;
  bool no_progress = false;
};

// A progress line on a terminal, redrawn at most ten times a second.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled) {}

  void Update(uint64_t done, uint64_t total, int64_t articles) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    std::string bar;
    if (total > 0) {
      int filled = static_cast<int>(30.0 * std::min(done, total) / total);
      bar = fmt::format("[{}{}] {:3.0f}%  {:.1f}/{:.1f} MB read, ", std::string(filled, '#'),
                        std::string(30 - filled, ' '), 100.0 * done / total, done / 1e6, total / 1e6);
    }
    std::fprintf(stderr, "\r%s%lld articles ", bar.c_str(), static_cast<long long>(articles));
    drawn_ = true;
  }

  // Clears the line so that another message can be printed.
  void Clear() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
  }

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

Result<ingest::FieldNames> ParseFields(const std::vector<std::string>& fields) {
  ingest::FieldNames names;
  for (const std::string& field : fields) {
    size_t equals = field.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == field.size())
      return Status::Error("--field expects ROLE=NAME, got '" + field + "'");
    Status set = names.Set(field.substr(0, equals), field.substr(equals + 1));
    if (!set) return set;
  }
  return names;
}

void PrintSummary(const pipeline::IngestSummary& summary, bool json) {
  double megabytes = summary.bytes / 1e6;
  double seconds = summary.seconds > 0 ? summary.seconds : 1e-9;
  if (json) {
    fmt::print(
        "{{\"read\":{},\"added\":{},\"duplicates\":{},\"updated\":{},\"failed\":{},\"warnings\":{},"
        "\"bytes\":{},\"seconds\":{:.3f}}}\n",
        summary.read, summary.added, summary.duplicates, summary.updated, summary.failed, summary.warnings,
        summary.bytes, summary.seconds);
    return;
  }
  fmt::print("ingest: read {}, added {}, duplicates {}, updated {}, failed {}", summary.read, summary.added,
             summary.duplicates, summary.updated, summary.failed);
  if (summary.warnings) fmt::print(", with warnings {}", summary.warnings);
  fmt::print(" ({} in {:.2f} s: {:.1f} MB/s, {:.0f} articles/s)\n", HumanBytes(summary.bytes),
             summary.seconds, megabytes / seconds, summary.read / seconds);
}

int RunIngest(const IngestArguments& arguments, const CommonOptions& common) {
  auto fields = ParseFields(arguments.fields);
  if (!fields) return fmt::print(stderr, "hadath ingest: {}\n", fields.error()), kExitFatal;
  auto cleaner = clean::Cleaner::Load();
  if (!cleaner) return fmt::print(stderr, "hadath ingest: {}\n", cleaner.error()), kExitFatal;
  auto store = store::Store::Open(common.db);
  if (!store) return fmt::print(stderr, "hadath ingest: {}\n", store.error()), kExitFatal;

  ProgressBar progress(!arguments.quiet && !arguments.no_progress && isatty(STDERR_FILENO));
  pipeline::IngestJobOptions options;
  options.input.fields = *fields;
  options.input.format = arguments.format;
  options.input.encoding = arguments.encoding;
  options.input.sidecar_path = arguments.sidecar;
  options.input.max_document_bytes = arguments.max_bytes;
  options.batch_size = arguments.batch_size;
  options.on_error = [&](const std::string& where, const std::string& reason) {
    progress.Clear();
    fmt::print(stderr, "{}: error: {}\n", where, reason);
  };
  options.on_progress = [&](uint64_t done, uint64_t total, int64_t articles) {
    progress.Update(done, total, articles);
  };
  auto summary = pipeline::RunIngestJob(arguments.paths, options, *cleaner, **store);
  progress.Clear();
  if (!summary) return fmt::print(stderr, "hadath ingest: {}\n", summary.error()), kExitFatal;
  if (!arguments.quiet || arguments.json) PrintSummary(*summary, arguments.json);
  return summary->failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto arguments = std::make_shared<IngestArguments>();
  CLI::App* command = app.add_subcommand(
      "ingest",
      "Read articles (.txt in UTF-8/UTF-16/Windows-1256, .html/.htm, .jsonl/.ndjson, any of them "
      ".gz; directories recursively; - for stdin) into the store. A metadata.tsv in a directory "
      "gives the publication date, outlet and url of the files beside it.");
  command->add_option("paths", arguments->paths, "Files, directories, or - for standard input")->required();
  AddDbOption(command, common);
  command->add_option("--meta", arguments->sidecar,
                      "Metadata sidecar (TSV or JSON): file -> published, outlet, url, title");
  command->add_option("--field", arguments->fields,
                      "JSON Lines field for a role, ROLE=NAME; roles: id, text, title, url, "
                      "published, outlet (repeatable)");
  command->add_option("--format", arguments->format, "Force the input format")
      ->check(CLI::IsMember({"text", "html", "jsonl"}));
  command->add_option("--encoding", arguments->encoding,
                      "Force the charset of text/HTML inputs (e.g. windows-1256)");
  command->add_option("--batch-size", arguments->batch_size, "Articles per transaction")
      ->check(CLI::Range(1, 1000000));
  command->add_option("--max-bytes", arguments->max_bytes, "Largest document accepted, in bytes");
  command->add_flag("--json", arguments->json, "Print the summary as one JSON object");
  command->add_flag("--quiet,-q", arguments->quiet, "Print only errors");
  command->add_flag("--no-progress", arguments->no_progress, "No progress bar even on a terminal");
  command->callback([arguments, &common, &exit_code] { exit_code = RunIngest(*arguments, common); });
}

}  // namespace hadath::cli

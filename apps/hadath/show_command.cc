// hadath show DOC : one stored document: metadata, clean text as sentences
// with their spans in the original bytes, tokens, and what was dropped.
#include <fmt/core.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "commands.h"
#include "hadath/store.h"
#include "hadath/text/tokenizer.h"
#include "pipeline/document_report.h"

namespace hadath::cli {
namespace {

struct ShowArguments {
  std::string reference;
  bool tokens = false;
  bool json = false;
  bool list = false;
};

const char* KindName(BlockKind kind) { return kind == BlockKind::kHeadline ? "headline" : "body"; }

nlohmann::json SpanJson(const Document& document, Span text_span) {
  Span raw = document.RawSpan(text_span);
  return {{"start", raw.start}, {"end", raw.end}, {"text", document.TextOf(text_span)}};
}

void PrintJson(const Document& document) {
  const Article& article = document.article;
  nlohmann::json json = {{"id", document.id},
                         {"key", article.key},
                         {"path", article.path},
                         {"format", FormatName(article.format)},
                         {"encoding", article.encoding},
                         {"outlet", article.metadata.outlet},
                         {"url", article.metadata.url},
                         {"title", article.metadata.title},
                         {"published", article.metadata.published.ToIso()},
                         {"published_precision", PrecisionName(article.metadata.published.precision)},
                         {"warnings", article.warnings},
                         {"text", document.text}};
  json["sentences"] = nlohmann::json::array();
  for (const Sentence& sentence : document.sentences) {
    nlohmann::json entry = SpanJson(document, sentence.text);
    entry["paragraph"] = sentence.paragraph;
    entry["kind"] = KindName(sentence.kind);
    json["sentences"].push_back(entry);
  }
  json["dropped"] = nlohmann::json::array();
  for (const DroppedBlock& block : document.dropped)
    json["dropped"].push_back({{"start", block.source.start},
                               {"end", block.source.end},
                               {"reason", block.reason},
                               {"text", block.text}});
  fmt::print("{}\n", json.dump(2));
}

int ListDocuments(store::Store& store) {
  auto documents = store.ListDocuments(1000000, 0);
  if (!documents) return fmt::print(stderr, "hadath show: {}\n", documents.error()), kExitFatal;
  for (const store::DocumentSummary& summary : *documents)
    fmt::print("{}  {}  {}  {}  {}\n", summary.id, summary.key,
               summary.published.empty() ? "-" : summary.published,
               summary.outlet.empty() ? "-" : summary.outlet, summary.title.empty() ? "-" : summary.title);
  return kExitOk;
}

int RunShow(const ShowArguments& arguments, const CommonOptions& common) {
  auto store = OpenExistingStore(common.db, "show");
  if (!store) return kExitFatal;
  if (arguments.list || arguments.reference.empty()) return ListDocuments(**store);
  auto summary = (*store)->FindDocument(arguments.reference);
  if (!summary) return fmt::print(stderr, "hadath show: {}\n", summary.error()), kExitFatal;
  auto document = (*store)->LoadDocument(summary->id);
  if (!document) return fmt::print(stderr, "hadath show: {}\n", document.error()), kExitFatal;
  if (arguments.json) return PrintJson(*document), kExitOk;
  std::optional<text::Tokenizer> tokenizer;
  if (arguments.tokens) {
    auto loaded = text::Tokenizer::Load();
    if (!loaded) return fmt::print(stderr, "hadath show: {}\n", loaded.error()), kExitFatal;
    tokenizer.emplace(std::move(*loaded));
  }
  pipeline::ReportOptions options;
  options.tokenizer = tokenizer ? &*tokenizer : nullptr;
  fmt::print("{}", pipeline::RenderDocumentReport(*document, options));
  return kExitOk;
}

}  // namespace

void AddShowCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto arguments = std::make_shared<ShowArguments>();
  CLI::App* command =
      app.add_subcommand("show",
                         "Show a stored document: its clean text as sentences with byte spans in the "
                         "original, its tokens, and the page furniture dropped from it");
  command->add_option("doc", arguments->reference,
                      "Document id (or a unique prefix of at least 4 characters), external key "
                      "(e.g. the file name without extension) or url; none lists the documents");
  AddDbOption(command, common);
  command->add_flag("--tokens", arguments->tokens, "Also list each sentence's tokens");
  command->add_flag("--json", arguments->json, "Print as JSON");
  command->add_flag("--list", arguments->list, "List the stored documents");
  command->callback([arguments, &common, &exit_code] { exit_code = RunShow(*arguments, common); });
}

}  // namespace hadath::cli

// hadath show DOC : one stored document: metadata, clean text as sentences
// with their spans in the original bytes, tokens, and what was dropped.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "hadath/store.h"
#include "hadath/text.h"

namespace hadath::cli {
namespace {

struct ShowArguments {
  std::string reference;
  bool tokens = false;
  bool json = false;
  bool list = false;
};

const char* KindName(BlockKind kind) { return kind == BlockKind::kHeadline ? "headline" : "body"; }

void PrintHeader(const Document& document) {
  const Article& article = document.article;
  const PublishedDate& published = article.metadata.published;
  fmt::print("document   {}\nkey        {}\npath       {}\n", document.id, article.key, article.path);
  fmt::print("format     {}, {} ({} bytes as read)\n", FormatName(article.format), article.encoding,
             article.raw.size());
  fmt::print("outlet     {}\nurl        {}\n", article.metadata.outlet.empty() ? "-" : article.metadata.outlet,
             article.metadata.url.empty() ? "-" : article.metadata.url);
  fmt::print("published  {}\n", published.known() ? published.ToIso() + " (" + PrecisionName(published.precision) + ")"
                                                   : std::string("unknown"));
  fmt::print("title      {}\n", article.metadata.title.empty() ? "-" : article.metadata.title);
  for (const std::string& warning : article.warnings) fmt::print("warning    {}\n", warning);
}

void PrintTokens(const text::Tokenizer& tokenizer, const Document& document, const Sentence& sentence) {
  text::TokenizedText tokens;
  std::string_view text = document.TextOf(sentence.text);
  tokenizer.Tokenize(text, &tokens);
  for (const text::Token& token : tokens.tokens) {
    Span in_text{sentence.text.start + token.span.start, sentence.text.start + token.span.end};
    Span raw = document.RawSpan(in_text);
    fmt::print("      {:>6}-{:<6} {:<7} {}  [{}]\n", raw.start, raw.end, text::KindName(token.kind),
               document.TextOf(in_text), tokens.NormalizedOf(token));
  }
}

void PrintText(const Document& document, const text::Tokenizer* tokenizer) {
  PrintHeader(document);
  fmt::print("\n-- text: {} paragraphs, {} sentences; [raw start-end] are byte offsets in the original\n",
             document.paragraphs.size(), document.sentences.size());
  uint32_t paragraph = UINT32_MAX;
  for (size_t i = 0; i < document.sentences.size(); ++i) {
    const Sentence& sentence = document.sentences[i];
    if (sentence.paragraph != paragraph && i > 0) fmt::print("\n");
    paragraph = sentence.paragraph;
    Span raw = document.RawSpan(sentence.text);
    fmt::print("s{:<3} [{}-{}] {}: {}\n", i, raw.start, raw.end, KindName(sentence.kind),
               document.TextOf(sentence.text));
    if (tokenizer) PrintTokens(*tokenizer, document, sentence);
  }
  fmt::print("\n-- dropped as page furniture: {}\n", document.dropped.size());
  for (const DroppedBlock& block : document.dropped)
    fmt::print("[{}-{}] {}: {}\n", block.source.start, block.source.end, block.reason, block.text);
}

nlohmann::json SpanJson(const Document& document, Span text_span) {
  Span raw = document.RawSpan(text_span);
  return {{"start", raw.start}, {"end", raw.end}, {"text", document.TextOf(text_span)}};
}

void PrintJson(const Document& document) {
  const Article& article = document.article;
  nlohmann::json json = {
      {"id", document.id}, {"key", article.key}, {"path", article.path},
      {"format", FormatName(article.format)}, {"encoding", article.encoding},
      {"outlet", article.metadata.outlet}, {"url", article.metadata.url},
      {"title", article.metadata.title},
      {"published", article.metadata.published.ToIso()},
      {"published_precision", PrecisionName(article.metadata.published.precision)},
      {"warnings", article.warnings}, {"text", document.text}};
  json["sentences"] = nlohmann::json::array();
  for (const Sentence& sentence : document.sentences) {
    nlohmann::json entry = SpanJson(document, sentence.text);
    entry["paragraph"] = sentence.paragraph;
    entry["kind"] = KindName(sentence.kind);
    json["sentences"].push_back(entry);
  }
  json["dropped"] = nlohmann::json::array();
  for (const DroppedBlock& block : document.dropped)
    json["dropped"].push_back({{"start", block.source.start}, {"end", block.source.end},
                               {"reason", block.reason}, {"text", block.text}});
  fmt::print("{}\n", json.dump(2));
}

int ListDocuments(store::Store& store) {
  auto documents = store.ListDocuments(1000000, 0);
  if (!documents) return fmt::print(stderr, "hadath show: {}\n", documents.error()), kExitFatal;
  for (const store::DocumentSummary& summary : *documents)
    fmt::print("{}  {}  {}  {}  {}\n", summary.id, summary.key,
               summary.published.empty() ? "-" : summary.published,
               summary.outlet.empty() ? "-" : summary.outlet, summary.title);
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
  PrintText(*document, tokenizer ? &*tokenizer : nullptr);
  return kExitOk;
}

}  // namespace

void AddShowCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto arguments = std::make_shared<ShowArguments>();
  CLI::App* command = app.add_subcommand(
      "show", "Show a stored document: its clean text as sentences with byte spans in the "
              "original, its tokens, and the page furniture dropped from it");
  command->add_option("doc", arguments->reference,
                      "Document id (or a unique prefix of at least 4 characters), external key "
                      "(e.g. the file name without extension) or url; none lists the documents");
  command->add_option("--db", common.db, "SQLite database file (default: $HADATH_DB or hadath.db)");
  command->add_flag("--tokens", arguments->tokens, "Also list each sentence's tokens");
  command->add_flag("--json", arguments->json, "Print as JSON");
  command->add_flag("--list", arguments->list, "List the stored documents");
  command->callback([arguments, &common, &exit_code] { exit_code = RunShow(*arguments, common); });
}

}  // namespace hadath::cli

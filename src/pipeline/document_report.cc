#include "pipeline/document_report.h"

#include <fmt/core.h>

#include "hadath/text/tokenizer.h"

namespace hadath::pipeline {
namespace {

const char* KindName(BlockKind kind) { return kind == BlockKind::kHeadline ? "headline" : "body"; }

void AppendHeader(const Document& document, const ReportOptions& options, std::string* out) {
  const Article& article = document.article;
  const ArticleMetadata& metadata = article.metadata;
  const PublishedDate& published = metadata.published;
  auto or_dash = [](const std::string& value) { return value.empty() ? std::string("-") : value; };
  *out += fmt::format("document   {}\nkey        {}\n", document.id, article.key);
  if (options.include_paths) *out += fmt::format("path       {}\n", article.path);
  *out += fmt::format("format     {}, {} ({} bytes as read)\n", FormatName(article.format), article.encoding,
                      article.raw.size());
  *out += fmt::format("outlet     {}\nurl        {}\n", or_dash(metadata.outlet), or_dash(metadata.url));
  *out += fmt::format("published  {}\n",
                      published.known() ? published.ToIso() + " (" + PrecisionName(published.precision) + ")"
                                        : std::string("unknown"));
  *out += fmt::format("title      {}\n", or_dash(metadata.title));
  for (const std::string& warning : article.warnings) *out += fmt::format("warning    {}\n", warning);
}

void AppendTokens(const text::Tokenizer& tokenizer, const Document& document, const Sentence& sentence,
                  std::string* out) {
  text::TokenizedText tokens;
  tokenizer.Tokenize(document.TextOf(sentence.text), &tokens);
  for (const text::Token& token : tokens.tokens) {
    Span in_text{sentence.text.start + token.span.start, sentence.text.start + token.span.end};
    Span raw = document.RawSpan(in_text);
    *out += fmt::format("      {:>6}-{:<6} {:<11} {}  [{}]\n", raw.start, raw.end, text::KindName(token.kind),
                        document.TextOf(in_text), tokens.NormalizedOf(token));
  }
}

void AppendSentences(const Document& document, const ReportOptions& options, std::string* out) {
  *out +=
      fmt::format("\n-- text: {} paragraphs, {} sentences; [start-end] are byte offsets in the original\n",
                  document.paragraphs.size(), document.sentences.size());
  uint32_t paragraph = 0;
  for (size_t i = 0; i < document.sentences.size(); ++i) {
    const Sentence& sentence = document.sentences[i];
    if (i > 0 && sentence.paragraph != paragraph) *out += "\n";
    paragraph = sentence.paragraph;
    Span raw = document.RawSpan(sentence.text);
    *out += fmt::format("s{:<3} [{}-{}] {}: {}\n", i, raw.start, raw.end, KindName(sentence.kind),
                        document.TextOf(sentence.text));
    if (options.tokenizer) AppendTokens(*options.tokenizer, document, sentence, out);
  }
}

void AppendDropped(const Document& document, std::string* out) {
  *out += fmt::format("\n-- dropped as page furniture: {}\n", document.dropped.size());
  for (const DroppedBlock& block : document.dropped)
    *out += fmt::format("[{}-{}] {}: {}\n", block.source.start, block.source.end, block.reason, block.text);
}

}  // namespace

std::string RenderDocumentReport(const Document& document, const ReportOptions& options) {
  std::string out;
  AppendHeader(document, options, &out);
  AppendSentences(document, options, &out);
  AppendDropped(document, &out);
  return out;
}

}  // namespace hadath::pipeline

// hadath analyze [TEXT|-] : the text layer on a string, for a user checking
// why a word does or does not match: normalised form, sentences, tokens with
// their clitic analyses, numbers.
#include <fmt/core.h>

#include <iostream>
#include <iterator>

#include "commands.h"
#include "hadath/numbers.h"
#include "hadath/text.h"

namespace hadath::cli {
namespace {

struct TextLayer {
  text::Tokenizer tokenizer;
  text::SentenceSplitter sentences;
  lexicon::NumberReader numbers;
};

Result<TextLayer> LoadTextLayer() {
  auto tokenizer = text::Tokenizer::Load();
  if (!tokenizer) return tokenizer.status();
  auto sentences = text::SentenceSplitter::Load();
  if (!sentences) return sentences.status();
  auto numbers = lexicon::NumberReader::Load(*tokenizer);
  if (!numbers) return numbers.status();
  return TextLayer{std::move(*tokenizer), std::move(*sentences), std::move(*numbers)};
}

std::string Analyses(const text::Tokenizer& tokenizer, const text::Token& token, std::string_view form) {
  std::vector<text::CliticAnalysis> analyses;
  tokenizer.clitics().Analyze(form, token.StrippableSides(), &analyses);
  std::string joined;
  for (size_t i = 1; i < analyses.size(); ++i) {
    const text::CliticAnalysis& analysis = analyses[i];
    joined += fmt::format("{}{}+{}+{}", joined.empty() ? "" : " ", form.substr(0, analysis.proclitic_bytes),
                          analysis.stem, form.substr(form.size() - analysis.enclitic_bytes));
  }
  return joined;
}

void PrintAnalysis(const TextLayer& layer, std::string_view input) {
  text::TokenizedText tokens;
  layer.tokenizer.Tokenize(input, &tokens);
  fmt::print("normalised: {}\n\nsentences:\n", tokens.normalized.text);
  for (Span sentence : layer.sentences.Split(input))
    fmt::print("  [{}-{}] {}\n", sentence.start, sentence.end, input.substr(sentence.start, sentence.size()));
  fmt::print("\ntokens (bytes, kind, text, normalised form, clitic analyses):\n");
  for (const text::Token& token : tokens.tokens) {
    std::string_view form = tokens.NormalizedOf(token);
    fmt::print("  {:>5}-{:<5} {:<11} {}  [{}]{}  {}\n", token.span.start, token.span.end,
               text::KindName(token.kind), input.substr(token.span.start, token.span.size()), form,
               token.rejoined ? " (rejoined)" : "",
               token.kind == text::TokenKind::kArabicWord ? Analyses(layer.tokenizer, token, form) : "");
  }
  lexicon::MatchState state;
  std::vector<lexicon::Number> numbers;
  layer.numbers.Read(tokens, &state, &numbers);
  fmt::print("\nnumbers:\n");
  for (const lexicon::Number& number : numbers)
    fmt::print("  [{}-{}] {}  value {} low {} high {} {} {}\n", number.span.start, number.span.end,
               input.substr(number.span.start, number.span.size()), number.value, number.low, number.high,
               lexicon::NumberKindName(number.kind), lexicon::QualifierName(number.qualifier));
}

}  // namespace

void AddAnalyzeCommand(CLI::App& app, int& exit_code) {
  auto input = std::make_shared<std::string>("-");
  CLI::App* command =
      app.add_subcommand("analyze",
                         "Show what the Arabic text layer makes of a text: normalised form, sentences, "
                         "tokens with clitics, numbers");
  command->add_option("text", *input, "The text, or - (default) to read standard input");
  command->callback([input, &exit_code] {
    if (*input == "-") input->assign(std::istreambuf_iterator<char>(std::cin), {});
    auto layer = LoadTextLayer();
    if (!layer)
      return (void)(fmt::print(stderr, "hadath analyze: {}\n", layer.error()), exit_code = kExitFatal);
    PrintAnalysis(*layer, *input);
  });
}

}  // namespace hadath::cli

// hadath places [DOC] [--text TEXT] : the places a document (or a text)
// names, sentence by sentence, and where the geocoder puts them.
#include <fmt/core.h>

#include <iostream>
#include <iterator>

#include "commands.h"
#include "hadath/geocoder.h"
#include "hadath/store.h"

namespace hadath::cli {
namespace {

struct PlacesArguments {
  std::string reference;
  std::string text;
  std::string gazetteer;
};

struct SentenceText {
  std::string_view text;
  uint32_t offset;  // where the sentence starts in the document text
};

void PrintLocation(const extract::PlaceMention& mention, const resolve::Location& location) {
  std::string precision = location.geo_precision ? std::to_string(location.geo_precision) : "-";
  fmt::print("    {}  ->  {}", mention.surface,
             location.geo_precision ? location.location_en : "(not placed)");
  if (location.has_coordinates) fmt::print("  {:.4f},{:.4f}", location.latitude, location.longitude);
  fmt::print("  admin1 {}  precision {}  confidence {:.2f}{}\n       {}\n",
             location.admin1.name_en.empty() ? "-" : location.admin1.name_en, precision, location.confidence,
             location.gap ? "  GAP" : "", location.how);
}

int PrintPlaces(const std::vector<SentenceText>& sentences, const PlacesArguments& arguments) {
  auto tokenizer = text::Tokenizer::Load();
  if (!tokenizer) return fmt::print(stderr, "hadath places: {}\n", tokenizer.error()), kExitFatal;
  std::string path = arguments.gazetteer.empty() ? geo::Gazetteer::DefaultPath() : arguments.gazetteer;
  auto gazetteer = geo::Gazetteer::Load(path);
  if (!gazetteer) return fmt::print(stderr, "hadath places: {}\n", gazetteer.error()), kExitFatal;
  auto recognizer = extract::ToponymRecognizer::Load(*gazetteer, *tokenizer);
  if (!recognizer) return fmt::print(stderr, "hadath places: {}\n", recognizer.error()), kExitFatal;

  std::vector<std::vector<extract::PlaceMention>> mentions;
  text::TokenizedText tokens;
  for (const SentenceText& sentence : sentences) {
    tokenizer->Tokenize(sentence.text, &tokens);
    mentions.push_back(recognizer->Find(sentence.text, tokens));
  }
  resolve::Geocoder geocoder(*gazetteer);
  resolve::ArticlePlaces context = geocoder.Context(mentions);
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (mentions[i].empty()) continue;
    fmt::print("s{}: {}\n", i, sentences[i].text);
    for (size_t m = 0; m < mentions[i].size(); ++m)
      PrintLocation(mentions[i][m], geocoder.Resolve(mentions[i], m, context));
  }
  return kExitOk;
}

int RunPlaces(PlacesArguments& arguments, const CommonOptions& common) {
  if (arguments.reference.empty()) {
    if (arguments.text.empty() || arguments.text == "-")
      arguments.text.assign(std::istreambuf_iterator<char>(std::cin), {});
    return PrintPlaces({{arguments.text, 0}}, arguments);
  }
  auto store = OpenExistingStore(common.db, "places");
  if (!store) return kExitFatal;
  auto summary = (*store)->FindDocument(arguments.reference);
  if (!summary) return fmt::print(stderr, "hadath places: {}\n", summary.error()), kExitFatal;
  auto document = (*store)->LoadDocument(summary->id);
  if (!document) return fmt::print(stderr, "hadath places: {}\n", document.error()), kExitFatal;
  std::vector<SentenceText> sentences;
  for (const Sentence& sentence : document->sentences)
    sentences.push_back({document->TextOf(sentence.text), sentence.text.start});
  return PrintPlaces(sentences, arguments);
}

}  // namespace

void AddPlacesCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto arguments = std::make_shared<PlacesArguments>();
  CLI::App* command = app.add_subcommand(
      "places", "Show the places a stored document (or a text) names and where the geocoder puts them");
  command->add_option("doc", arguments->reference, "Document id, key or url (as for `show`)");
  command->add_option("--text", arguments->text, "Geocode this text instead (- reads standard input)");
  command->add_option("--db", common.db, "SQLite database file (default: $HADATH_DB or hadath.db)");
  command->add_option("--gazetteer", arguments->gazetteer,
                      "Compiled gazetteer (default: $HADATH_GAZETTEER or build/gazetteer.bin)");
  command->callback([arguments, &common, &exit_code] { exit_code = RunPlaces(*arguments, common); });
}

}  // namespace hadath::cli

// hadath places [DOC] [--text TEXT] : the places a document (or a text)
// names, sentence by sentence, and where the geocoder puts them.
#include <fmt/core.h>

#include <iostream>
#include <iterator>

#include "commands.h"
#include "hadath/geocoder.h"
#include "hadath/store.h"
#include "pipeline/place_layer.h"

namespace hadath::cli {
namespace {

struct PlacesArguments {
  std::string reference;
  std::string text;
  std::string gazetteer;
  bool gaps = false;
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

using pipeline::PlaceLayer;

// Calls visit(sentence index, mention, location) for every place mention of
// an article, resolved with the article's other places as context.
template <typename Visit>
void ForEachLocation(const PlaceLayer& layer, const std::vector<SentenceText>& sentences, Visit visit) {
  std::vector<std::vector<extract::PlaceMention>> mentions;
  for (const SentenceText& sentence : sentences) mentions.push_back(layer.Mentions(sentence.text));
  resolve::Geocoder geocoder(*layer.gazetteer);
  resolve::ArticlePlaces context = geocoder.Context(mentions);
  for (size_t i = 0; i < sentences.size(); ++i)
    for (size_t m = 0; m < mentions[i].size(); ++m)
      visit(i, mentions[i][m], geocoder.Resolve(mentions[i], m, context));
}

void PrintPlaces(const PlaceLayer& layer, const std::vector<SentenceText>& sentences) {
  size_t printed = SIZE_MAX;
  ForEachLocation(layer, sentences,
                  [&](size_t i, const extract::PlaceMention& mention, const resolve::Location& location) {
                    if (printed != i) fmt::print("s{}: {}\n", i, sentences[i].text);
                    printed = i;
                    PrintLocation(mention, location);
                  });
}

std::vector<SentenceText> SentencesOf(const Document& document) {
  std::vector<SentenceText> sentences;
  for (const Sentence& sentence : document.sentences)
    sentences.push_back({document.TextOf(sentence.text), sentence.text.start});
  return sentences;
}

// The gazetteer-gaps report over every stored document, as TSV.
int PrintGaps(const PlaceLayer& layer, store::Store& store) {
  auto documents = store.ListDocuments(INT64_MAX, 0);
  if (!documents) return fmt::print(stderr, "hadath places: {}\n", documents.error()), kExitFatal;
  resolve::GapReport report;
  for (const store::DocumentSummary& summary : *documents) {
    auto document = store.LoadDocument(summary.id);
    if (!document) continue;
    std::vector<SentenceText> sentences = SentencesOf(*document);
    ForEachLocation(layer, sentences,
                    [&](size_t i, const extract::PlaceMention& mention, const resolve::Location& location) {
                      report.Add(mention, location, sentences[i].text, document->article.key);
                    });
  }
  fmt::print("name\tcoded_at\tadmin1\tseen\tdocument\texample\n");
  for (const resolve::GapReport::Gap& gap : report.Gaps())
    fmt::print("{}\t{}\t{}\t{}\t{}\t{}\n", gap.name, gap.parent.empty() ? "-" : gap.parent,
               gap.admin1.empty() ? "-" : gap.admin1, gap.count, gap.document, gap.example);
  return kExitOk;
}

int RunPlaces(PlacesArguments& arguments, const CommonOptions& common) {
  auto layer = pipeline::LoadPlaceLayer(arguments.gazetteer.empty() ? geo::Gazetteer::DefaultPath()
                                                                    : arguments.gazetteer);
  if (!layer) return fmt::print(stderr, "hadath places: {}\n", layer.error()), kExitFatal;
  if (arguments.reference.empty() && !arguments.gaps) {
    if (arguments.text.empty() || arguments.text == "-")
      arguments.text.assign(std::istreambuf_iterator<char>(std::cin), {});
    PrintPlaces(**layer, {{arguments.text, 0}});
    return kExitOk;
  }
  auto store = OpenExistingStore(common.db, "places");
  if (!store) return kExitFatal;
  if (arguments.gaps) return PrintGaps(**layer, **store);
  auto summary = (*store)->FindDocument(arguments.reference);
  if (!summary) return fmt::print(stderr, "hadath places: {}\n", summary.error()), kExitFatal;
  auto document = (*store)->LoadDocument(summary->id);
  if (!document) return fmt::print(stderr, "hadath places: {}\n", document.error()), kExitFatal;
  PrintPlaces(**layer, SentencesOf(*document));
  return kExitOk;
}

}  // namespace

void AddPlacesCommand(CLI::App& app, CommonOptions& common, int& exit_code) {
  auto arguments = std::make_shared<PlacesArguments>();
  CLI::App* command = app.add_subcommand(
      "places", "Show the places a stored document (or a text) names and where the geocoder puts them");
  command->add_option("doc", arguments->reference, "Document id, key or url (as for `show`)");
  command->add_option("--text", arguments->text, "Geocode this text instead (- reads standard input)");
  command->add_flag("--gaps", arguments->gaps,
                    "Report the places missing from the gazetteer over all stored documents (TSV: name, "
                    "where it was coded, admin1, times seen, document, an example sentence)");
  AddDbOption(command, common);
  command->add_option("--gazetteer", arguments->gazetteer,
                      "Compiled gazetteer (default: $HADATH_GAZETTEER or build/gazetteer.bin)");
  command->callback([arguments, &common, &exit_code] { exit_code = RunPlaces(*arguments, common); });
}

}  // namespace hadath::cli

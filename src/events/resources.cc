#include "events/resources.h"

#include <algorithm>
#include <set>

namespace hadath::events {
namespace {

std::optional<CueKind> ParseCueKind(std::string_view name) {
  static const std::map<std::string_view, CueKind> kinds = {
      {"report", CueKind::kReport},       {"complementizer", CueKind::kComplementizer},
      {"support", CueKind::kSupport},     {"perpetrator", CueKind::kPerpetrator},
      {"target", CueKind::kTarget},       {"background", CueKind::kBackground},
      {"habitual", CueKind::kHabitual},   {"aggregate", CueKind::kAggregate},
      {"negation", CueKind::kNegation},   {"origin", CueKind::kOrigin},
      {"reporter", CueKind::kReporter},   {"new-incident", CueKind::kNewIncident},
      {"direction", CueKind::kDirection}, {"not-conflict", CueKind::kNotConflict},
      {"reaction", CueKind::kReaction},   {"source-of", CueKind::kSourceOf},
      {"aircraft", CueKind::kAircraft},   {"clause-break", CueKind::kClauseBreak},
  };
  auto found = kinds.find(name);
  if (found == kinds.end()) return std::nullopt;
  return found->second;
}

// An optional count column: empty is 0, otherwise a whole number >= 0.
std::optional<int> ParseSmallInt(std::string_view text) {
  if (text.empty()) return 0;
  std::optional<int> value = ParseNumber<int>(text);
  if (value && *value < 0) return std::nullopt;
  return value;
}

Result<std::map<std::string, TriggerClass, std::less<>>> LoadClasses(const std::string& path) {
  auto table = TsvTable::Load(path, {"trigger", "event_type", "sub_event_type", "rank", "violent"});
  if (!table) return table.status();
  std::map<std::string, TriggerClass, std::less<>> classes;
  for (const TsvRow& row : table->rows()) {
    std::optional<int> rank = ParseSmallInt(row.Get("rank"));
    if (!rank) return Status::Error(row.Where("rank must be a whole number"));
    const std::string& violent = row.Get("violent");
    if (violent != "yes" && violent != "no") return Status::Error(row.Where("violent must be yes or no"));
    TriggerClass trigger{row.Get("trigger"), row.Get("event_type"), row.Get("sub_event_type"), *rank,
                         violent == "yes"};
    if (!classes.emplace(trigger.name, trigger).second)
      return Status::Error(row.Where("trigger class '" + trigger.name + "' listed twice"));
  }
  return classes;
}

// Checks the trigger lexicon's own columns against the classes.
Status CheckTriggers(const lexicon::Lexicon& triggers, const Resources& resources) {
  for (uint32_t i = 0; i < triggers.size(); ++i) {
    const TsvRow& row = triggers.entry(i);
    if (!resources.ClassOf(row.Get("trigger")))
      return Status::Error(
          row.Where("trigger class '" + row.Get("trigger") + "' is not in trigger-types.tsv"));
    if (row.Get("strength") != "strong" && row.Get("strength") != "weak")
      return Status::Error(row.Where("strength must be strong or weak"));
    if (row.Get("number") != "one" && row.Get("number") != "many")
      return Status::Error(row.Where("number must be one or many"));
    if (!ParseSmallInt(row.Get("victims")))
      return Status::Error(row.Where("victims must be empty or a number"));
  }
  return Status::Ok();
}

Result<std::vector<CueWord>> ReadCueWords(const lexicon::Lexicon& cues) {
  std::vector<CueWord> words;
  for (uint32_t i = 0; i < cues.size(); ++i) {
    const TsvRow& row = cues.entry(i);
    std::optional<CueKind> kind = ParseCueKind(row.Get("cue"));
    if (!kind) return Status::Error(row.Where("unknown cue '" + row.Get("cue") + "'"));
    std::optional<int> scope = ParseSmallInt(row.Get("scope"));
    if (!scope) return Status::Error(row.Where("scope must be empty or a number of tokens"));
    words.push_back({*kind, *scope});
  }
  return words;
}

Result<std::map<std::string, std::string, std::less<>>> LoadNotes(const std::string& path) {
  auto table = TsvTable::Load(path, {"key", "template"});
  if (!table) return table.status();
  std::map<std::string, std::string, std::less<>> notes;
  for (const TsvRow& row : table->rows())
    if (!notes.emplace(row.Get("key"), row.Get("template")).second)
      return Status::Error(row.Where("key '" + row.Get("key") + "' listed twice"));
  return notes;
}

// Letters of the indefinite accusative rule, as UTF-8.
constexpr std::string_view kAlef = "\u0627";
constexpr std::string_view kArticle = "\u0627\u0644";
constexpr std::string_view kNoAccusativeAlef[] = {"\u0627", "\u0649", "\u0621", "\u0629"};  // ا ى ء ة

// The indefinite accusative of a phrase: every word without the article
// takes the alef of tanwin fath (إنزالاً جوياً، قصفاً مدفعياً), unless it ends
// in a letter that takes none.
std::string Accusative(std::string_view form) {
  std::string out;
  size_t start = 0;
  while (start <= form.size()) {
    size_t space = form.find(' ', start);
    std::string_view word =
        form.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start);
    out += word;
    bool takes_alef = !word.starts_with(kArticle) &&
                      std::none_of(std::begin(kNoAccusativeAlef), std::end(kNoAccusativeAlef),
                                   [&](std::string_view letter) { return word.ends_with(letter); });
    if (takes_alef) out += kAlef;
    if (space == std::string_view::npos) break;
    out += ' ';
    start = space + 1;
  }
  return out;
}

// triggers.tsv with a row added for the accusative of each form that has
// one of its own and is not listed already (the dual verb قتلا is).
Result<std::string> TriggersWithAccusatives(const std::string& path, const text::Tokenizer& tokenizer) {
  auto text = ReadFile(path);
  if (!text) return text.status();
  auto table = TsvTable::Parse(*text, path, {"form"});
  if (!table) return table.status();
  lexicon::MatcherBuilder keys(tokenizer);
  std::set<std::string> known;
  for (const TsvRow& row : table->rows()) known.insert(keys.KeyOf(row.Get("form")));
  std::string extended = *text;
  if (!extended.empty() && extended.back() != '\n') extended += '\n';
  for (const TsvRow& row : table->rows()) {
    std::string accusative = Accusative(row.Get("form"));
    if (!known.insert(keys.KeyOf(accusative)).second) continue;
    std::vector<std::string> fields = row.fields();
    fields[table->ColumnIndex("form")] = accusative;
    for (size_t i = 0; i < fields.size(); ++i) extended += (i ? "\t" : "") + fields[i];
    extended += '\n';
  }
  return extended;
}

template <typename T>
std::unique_ptr<T> OnHeap(T&& value) {
  return std::make_unique<T>(std::move(value));
}

}  // namespace

Result<std::shared_ptr<const Resources>> LoadResources(const geo::Gazetteer& gazetteer,
                                                       const std::string& data_dir) {
  auto base = text::Tokenizer::Load(data_dir);
  if (!base) return base.status();
  auto actor_reader = actors::ActorRecognizer::Load(*base, data_dir);
  if (!actor_reader) return actor_reader.status();

  auto resources = std::make_shared<Resources>(Resources{base->WithSplitWords(actor_reader->SplitWords())});
  Resources& r = *resources;
  r.gazetteer = &gazetteer;
  r.actors = OnHeap(std::move(*actor_reader));
  auto toponyms = extract::ToponymRecognizer::Load(gazetteer, r.tokenizer, data_dir);
  if (!toponyms) return toponyms.status();
  r.toponyms = OnHeap(std::move(*toponyms));
  r.geocoder = std::make_unique<resolve::Geocoder>(gazetteer);
  auto numbers = lexicon::NumberReader::Load(r.tokenizer, data_dir);
  if (!numbers) return numbers.status();
  r.numbers = OnHeap(std::move(*numbers));
  auto dates = dates::DateReader::Load(r.tokenizer, data_dir);
  if (!dates) return dates.status();
  r.dates = OnHeap(std::move(*dates));

  lexicon::MatcherBuilder countries(r.tokenizer);
  for (const actors::Country& country : r.actors->registry().countries()) {
    auto added = countries.Add(country.name_ar, static_cast<uint32_t>(r.country_codes.size()));
    if (!added) return Status::Error("countries.tsv: " + country.iso2 + ": " + added.error());
    r.country_codes.push_back(country.iso2);
  }
  r.country_names = std::make_unique<lexicon::Matcher>(std::move(countries).Compile());

  auto classes = LoadClasses(data_dir + "/events/trigger-types.tsv");
  if (!classes) return classes.status();
  r.classes = std::move(*classes);
  auto notes = LoadNotes(data_dir + "/events/notes.tsv");
  if (!notes) return notes.status();
  r.notes = std::move(*notes);

  const std::string triggers_path = data_dir + "/events/triggers.tsv";
  auto triggers_text = TriggersWithAccusatives(triggers_path, r.tokenizer);
  if (!triggers_text) return triggers_text.status();
  auto triggers = lexicon::Lexicon::Parse(*triggers_text, triggers_path, r.tokenizer,
                                          {.required_columns = {"trigger", "strength", "number", "victims"}});
  if (!triggers) return triggers.status();
  if (Status checked = CheckTriggers(*triggers, r); !checked) return checked;
  r.triggers = OnHeap(std::move(*triggers));
  auto cues = lexicon::Lexicon::Load(data_dir + "/events/cues.tsv", r.tokenizer,
                                     {.required_columns = {"cue", "scope"}});
  if (!cues) return cues.status();
  auto cue_words = ReadCueWords(*cues);
  if (!cue_words) return cue_words.status();
  r.cue_words = std::move(*cue_words);
  r.cues = OnHeap(std::move(*cues));
  return std::shared_ptr<const Resources>(std::move(resources));
}

}  // namespace hadath::events

// The FORMAT.md JSON record of an event, and its English note.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "events/resources.h"
#include "hadath/events.h"

namespace hadath::events {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

// "17 May 2020" from "2020-05-17"; the input when it is not a day.
std::string EnglishDay(const std::string& iso) {
  int year = 0, month = 0, day = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &year, &month, &day) != 3 || month < 1 || month > 12) return iso;
  return std::to_string(day) + " " + kMonths[month - 1] + " " + std::to_string(year);
}

std::string DatePhrase(const std::string& event_date, int time_precision) {
  if (event_date.empty()) return "On an unknown date";
  if (time_precision == 3) {
    std::string day = EnglishDay(event_date);
    return "In " + day.substr(day.find(' ') + 1);
  }
  return (time_precision == 1 ? "On " : "On or about ") + EnglishDay(event_date);
}

void Replace(std::string* text, std::string_view placeholder, std::string_view value) {
  for (size_t at = text->find(placeholder); at != std::string::npos;
       at = text->find(placeholder, at + value.size()))
    text->replace(at, placeholder.size(), value);
}

std::string Joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!joined.empty()) joined += separator;
    joined += part;
  }
  return joined;
}

std::string EnglishName(const Resources& resources, const std::string& id) {
  const actors::Actor* actor = id.empty() ? nullptr : resources.actors->registry().Find(id);
  return actor ? actor->name_en : "unidentified actors";
}

std::string ComposeNote(const NoteFacts& facts, const Resources& resources) {
  std::string note(resources.Note(facts.sub_event_type));
  std::vector<std::string> helpers;
  for (const std::string& id : facts.helpers) helpers.push_back(EnglishName(resources, id));
  std::string with = helpers.empty() ? "" : " with support from " + Joined(helpers, " and ");
  Replace(&note, "{date}", DatePhrase(facts.event_date, facts.time_precision));
  Replace(&note, "{actor1}", EnglishName(resources, facts.actor1));
  Replace(&note, "{actor2}", EnglishName(resources, facts.actor2));
  Replace(&note, "{with}", with);
  Replace(&note, "{location}", facts.location.empty() ? "an unknown place" : facts.location);
  std::string deaths;
  int n = facts.fatalities;
  if (n == 0)
    deaths = resources.Note("no-fatalities");
  else if (facts.unnumbered)
    deaths = resources.Note("fatalities-unnumbered");
  else if (facts.fatalities_high && *facts.fatalities_high != n)
    deaths = resources.Note("fatalities-range");
  else
    deaths = resources.Note(n == 1 ? "one-fatality" : "fatalities");
  Replace(&deaths, "{n}", std::to_string(n));
  Replace(&deaths, "{low}", std::to_string(facts.fatalities_low.value_or(n)));
  Replace(&deaths, "{high}", std::to_string(facts.fatalities_high.value_or(n)));
  std::vector<std::string> sentences = {note, deaths};
  if (facts.contested) sentences.emplace_back(resources.Note("contested"));
  if (facts.background) sentences.emplace_back(resources.Note("background"));
  return Joined(sentences, " ");
}

class RecordWriter {
 public:
  RecordWriter(const Event& event, const Document& document, const Resources& resources)
      : event_(event), document_(document), resources_(resources) {}

  std::string Write() const;

 private:
  const actors::Actor* ActorOf(const std::string& id) const {
    return id.empty() ? nullptr : resources_.actors->registry().Find(id);
  }
  std::string AcledName(const std::string& id) const {
    const actors::Actor* actor = ActorOf(id);
    return actor ? resources_.actors->registry().AcledName(*actor, event_.location.country) : id;
  }
  int Inter(const std::string& id) const {
    const actors::Actor* actor = ActorOf(id);
    return actor ? actor->InterIn(event_.location.country) : 0;
  }
  std::string Notes() const;
  std::string Tags() const {
    bool numbered = std::any_of(event_.claims.begin(), event_.claims.end(),
                                [](const Claim& claim) { return claim.fatalities.has_value(); });
    return !event_.claims.empty() && !numbered ? "fatalities: unnumbered, ACLED default" : "";
  }
  std::string LocationPhrase() const;
  Json Documents() const;
  std::string EvidenceText(const Evidence& evidence) const;

  const Event& event_;
  const Document& document_;
  const Resources& resources_;
};

std::string RecordWriter::LocationPhrase() const {
  const resolve::Location& where = event_.location;
  if (where.geo_precision == 0) return "an unknown place";
  std::string phrase = where.location_en.empty() ? where.location_ar : geo::PlainLatin(where.location_en);
  if (!where.admin1.name_en.empty() && where.admin1.name_en != phrase)
    phrase += " (" + where.admin1.name_en + ")";
  return phrase;
}

std::string RecordWriter::Notes() const {
  NoteFacts facts{.sub_event_type = event_.sub_event_type,
                  .event_date = event_.event_date,
                  .time_precision = event_.time_precision,
                  .actor1 = event_.actor1,
                  .actor2 = event_.actor2,
                  .helpers = event_.assoc_actor1,
                  .location = LocationPhrase(),
                  .fatalities = event_.fatalities.value_or(0),
                  .fatalities_low = event_.fatalities_low,
                  .fatalities_high = event_.fatalities_high,
                  .unnumbered = std::none_of(event_.claims.begin(), event_.claims.end(),
                                             [](const Claim& claim) { return claim.fatalities.has_value(); }),
                  .contested = event_.contested,
                  .background = event_.background};
  return ComposeNote(facts, resources_);
}

// The quoted text of an evidence span: the original bytes when they are
// UTF-8 (they then slice the file exactly), else the clean text.
std::string RecordWriter::EvidenceText(const Evidence& evidence) const {
  const std::string& raw = document_.article.raw;
  if (document_.article.encoding == "UTF-8" && evidence.raw.end <= raw.size())
    return raw.substr(evidence.raw.start, evidence.raw.size());
  return std::string(document_.TextOf(evidence.text));
}

Json RecordWriter::Documents() const {
  Json evidence = Json::array();
  for (const Evidence& span : event_.evidence)
    evidence.push_back({{"start", span.raw.start},
                        {"end", span.raw.end},
                        {"text", EvidenceText(span)},
                        {"role", span.role}});
  const ArticleMetadata& metadata = document_.article.metadata;
  Json entry = {{"doc_id", document_.article.key},
                {"document", document_.id},
                {"outlet", metadata.outlet.empty() ? Json() : Json(metadata.outlet)},
                {"published", metadata.published.known() ? Json(metadata.published.ToIso()) : Json()},
                {"url", metadata.url.empty() ? Json() : Json(metadata.url)},
                {"evidence", evidence}};
  return Json::array({entry});
}

Json OrNull(const std::string& text) { return text.empty() ? Json() : Json(text); }
Json OrNull(const std::optional<int>& value) { return value ? Json(*value) : Json(); }

std::string DisorderType(const std::string& event_type) {
  if (event_type == "Protests" || event_type == "Riots") return "Demonstrations";
  if (event_type == "Strategic developments") return "Strategic developments";
  return "Political violence";
}

std::string RecordWriter::Write() const {
  const resolve::Location& where = event_.location;
  const actors::Country* country = resources_.actors->registry().FindCountry(where.country);
  int inter1 = Inter(event_.actor1), inter2 = Inter(event_.actor2);
  int interaction = inter2 == 0 ? inter1 * 10 : std::min(inter1, inter2) * 10 + std::max(inter1, inter2);
  std::vector<std::string> assoc1, assoc2;
  for (const std::string& id : event_.assoc_actor1) assoc1.push_back(AcledName(id));
  for (const std::string& id : event_.assoc_actor2) assoc2.push_back(AcledName(id));
  bool placed = where.geo_precision > 0;
  Json claims = Json::array();
  for (const Claim& claim : event_.claims)
    claims.push_back({{"source", OrNull(claim.source)},
                      {"fatalities", OrNull(claim.fatalities)},
                      {"civilian_victims", claim.civilian_victims},
                      {"combatant_victims", claim.combatant_victims},
                      {"text", std::string(document_.TextOf(claim.evidence))}});
  Json record = {
      {"event_id_cnty", EventIdCnty(country ? country->iso3 : "", event_.id)},
      {"event_date", OrNull(event_.event_date)},
      {"year", event_.event_date.size() >= 4 ? Json(std::stoi(event_.event_date.substr(0, 4))) : Json()},
      {"time_precision", event_.time_precision ? Json(event_.time_precision) : Json()},
      {"disorder_type", DisorderType(event_.event_type)},
      {"event_type", event_.event_type},
      {"sub_event_type", event_.sub_event_type},
      {"actor1", OrNull(event_.actor1.empty() ? "" : AcledName(event_.actor1))},
      {"assoc_actor_1", Joined(assoc1, "; ")},
      {"inter1", inter1 ? Json(inter1) : Json()},
      {"actor2", OrNull(event_.actor2.empty() ? "" : AcledName(event_.actor2))},
      {"assoc_actor_2", Joined(assoc2, "; ")},
      {"inter2", inter2 ? Json(inter2) : Json()},
      {"interaction", inter1 ? Json(interaction) : Json()},
      {"civilian_targeting", event_.civilian_targeting ? "Civilian targeting" : ""},
      {"iso", country ? Json(country->iso_numeric) : Json()},
      {"region", country ? Json(country->region) : Json()},
      {"country", country ? Json(country->name_en) : Json()},
      {"admin1", OrNull(where.admin1.name_en)},
      {"admin2", OrNull(where.admin2.name_en)},
      {"admin3", OrNull(where.admin3.name_en)},
      {"location",
       OrNull(placed ? (where.location_en.empty() ? where.location_ar : geo::PlainLatin(where.location_en))
                     : "")},
      {"latitude", placed && where.has_coordinates ? Json(where.latitude) : Json()},
      {"longitude", placed && where.has_coordinates ? Json(where.longitude) : Json()},
      {"geo_precision", placed ? Json(where.geo_precision) : Json()},
      {"source", OrNull(document_.article.metadata.outlet)},
      {"source_scale", ""},
      {"notes", Notes()},
      {"fatalities", OrNull(event_.fatalities)},
      {"tags", Tags()},
      {"timestamp", Json()},
      {"event_id", event_.id},
      {"actor1_id", OrNull(event_.actor1)},
      {"actor2_id", OrNull(event_.actor2)},
      {"assoc_actor_1_ids", event_.assoc_actor1},
      {"assoc_actor_2_ids", event_.assoc_actor2},
      {"date_start", OrNull(event_.date_start)},
      {"date_end", OrNull(event_.date_end)},
      {"date_reason", OrNull(event_.date_reason)},
      {"date_basis", OrNull(event_.date_basis)},
      {"location_ar", OrNull(placed ? where.location_ar : "")},
      {"admin1_ar", OrNull(where.admin1.name_ar)},
      {"admin1_pcode", OrNull(where.admin1.pcode)},
      {"admin2_pcode", OrNull(where.admin2.pcode)},
      {"admin3_pcode", OrNull(where.admin3.pcode)},
      {"gazetteer_id",
       where.place && placed ? Json(resources_.gazetteer->place(*where.place).source_id) : Json()},
      {"location_gap", where.gap},
      {"coded_at", OrNull(where.coded_at)},
      {"fatalities_low", OrNull(event_.fatalities_low)},
      {"fatalities_high", OrNull(event_.fatalities_high)},
      {"civilian_fatalities", OrNull(event_.civilian_fatalities)},
      {"contested", event_.contested},
      {"claims", claims},
      {"confidence", std::round(event_.confidence * 100) / 100},
      {"background", event_.background},
      {"triggers", event_.trigger_words},
      {"documents", Documents()},
  };
  return record.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string EventIdCnty(std::string_view iso3, std::string_view event_id) {
  uint64_t number = std::stoull(std::string(event_id.substr(3, 12)), nullptr, 16) % 1000000000ull;
  return (iso3.empty() ? std::string("XXX") : std::string(iso3)) + std::to_string(number);
}

std::string EventExtractor::Note(const NoteFacts& facts) const { return ComposeNote(facts, *resources_); }

std::string ToRecord(const Event& event, const Document& document, const EventExtractor& extractor) {
  return RecordWriter(event, document, extractor.resources()).Write();
}

}  // namespace hadath::events

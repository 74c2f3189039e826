// Reads hadath-gold/1 reference annotations (see /work/shared/eval/FORMAT.md).
#include <fstream>
#include <set>
#include <sstream>

#include "eval/json_read.h"
#include "hadath/eval.h"

namespace hadath::eval {
namespace {

constexpr const char* kGoldFormat = "hadath-gold/1";

// Runs `read`, prefixing any InputError it throws with `where`.
template <typename Read>
auto Within(const std::string& where, Read read) {
  try {
    return read();
  } catch (const InputError& error) {
    throw InputError(where + ": " + error.what());
  }
}

std::optional<DateRange> ReadDate(const Json& event) {
  const Json& date = Member(event, "date");
  if (date.is_null()) return std::nullopt;
  if (!date.is_object()) throw InputError("date: expected {start, end} or null");
  DateRange range{StringOr(date, "start"), StringOr(date, "end")};
  if (range.start.empty()) throw InputError("date: start missing");
  if (range.end.empty()) range.end = range.start;
  if (range.end < range.start) throw InputError("date: end before start");
  return range;
}

std::optional<CountRange> ReadCount(const Json& event, const char* key) {
  const Json& count = Member(event, key);
  if (count.is_null()) return std::nullopt;
  std::optional<double> min = OptionalNumber(count, "min"), max = OptionalNumber(count, "max");
  if (!count.is_object() || !min || !max || *max < *min)
    throw InputError(std::string(key) + ": expected {min, max} with min <= max, or null");
  return CountRange{*min, *max};
}

std::vector<std::pair<std::string, std::string>> ReadTypes(const Json& event) {
  std::vector<std::pair<std::string, std::string>> types;
  for (const Json& pair : Member(event, "types")) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
      throw InputError("types: expected [event_type, sub_event_type] pairs");
    types.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
  return types;
}

std::optional<GoldLocation> ReadLocation(const Json& event) {
  const Json& location = Member(event, "location");
  if (location.is_null()) return std::nullopt;
  if (!location.is_object()) throw InputError("location: expected an object or null");
  return Within("location", [&] {
    return GoldLocation{StringList(location, "names_ar"), StringOr(location, "name_en"),
                        StringOr(location, "admin1"), OptionalNumber(location, "lat"),
                        OptionalNumber(location, "lon")};
  });
}

GoldEvent ReadEvent(const Json& json) {
  GoldEvent event;
  event.id = StringOr(json, "id");
  if (event.id.empty()) throw InputError("event without an id");
  return Within("event " + event.id, [&] {
    event.optional = BoolOr(json, "optional", false);
    event.background = BoolOr(json, "background", false);
    event.may_merge_with = StringOr(json, "may_merge_with");
    event.date = ReadDate(json);
    event.types = ReadTypes(json);
    event.actor1 = StringList(json, "actor1");
    event.actor2 = StringList(json, "actor2");
    event.location = ReadLocation(json);
    event.fatalities = ReadCount(json, "fatalities");
    ReadCount(json, "civilian_fatalities");  // checked, not scored
    event.evidence = StringOr(json, "evidence");
    event.note = StringOr(json, "note");
    return event;
  });
}

GoldDocument ReadDocument(const Json& json) {
  GoldDocument document;
  document.doc_id = StringOr(json, "doc_id");
  if (document.doc_id.empty()) throw InputError("document without a doc_id");
  return Within("document " + document.doc_id, [&] {
    const Json& events = Member(json, "events");
    if (!events.is_null() && !events.is_array()) throw InputError("events: expected an array");
    for (const Json& event : events) document.events.push_back(ReadEvent(event));
    return document;
  });
}

void ReadSameEvent(const Json& root, GoldSet& gold) {
  for (const Json& pair : Member(root, "same_event")) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
      throw InputError("same_event: expected pairs of gold event ids");
    gold.same_event.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
}

// Ids are unique and every id referred to exists.
void CheckReferences(const GoldSet& gold) {
  std::set<std::string> documents, events;
  for (const GoldDocument& document : gold.documents) {
    if (!documents.insert(document.doc_id).second) throw InputError("duplicate doc_id " + document.doc_id);
    for (const GoldEvent& event : document.events)
      if (!events.insert(event.id).second) throw InputError("duplicate event id " + event.id);
  }
  for (const GoldDocument& document : gold.documents)
    for (const GoldEvent& event : document.events)
      if (!event.may_merge_with.empty() && !events.contains(event.may_merge_with))
        throw InputError("event " + event.id +
                         ": may_merge_with names no gold event: " + event.may_merge_with);
  for (const auto& [first, second] : gold.same_event)
    for (const std::string& id : {first, second})
      if (!events.contains(id)) throw InputError("same_event: no gold event " + id);
}

GoldSet ReadGold(const Json& root) {
  if (!root.is_object()) throw InputError("expected a JSON object");
  if (std::string format = StringOr(root, "format"); !format.empty() && format != kGoldFormat)
    throw InputError("format is \"" + format + "\", expected \"" + kGoldFormat + "\"");
  const Json& documents = Member(root, "documents");
  if (!documents.is_array()) throw InputError("documents: expected an array");
  GoldSet gold;
  for (const Json& document : documents) gold.documents.push_back(ReadDocument(document));
  ReadSameEvent(root, gold);
  CheckReferences(gold);
  return gold;
}

}  // namespace

Result<GoldSet> ParseGold(std::string_view json_text, const std::string& path) {
  Json root;
  try {
    root = Json::parse(json_text);
  } catch (const Json::parse_error& error) {
    int line = LineOf(json_text, error.byte > 0 ? error.byte - 1 : 0);
    return Status::Error(path + ":" + std::to_string(line) + ": bad JSON: " + JsonMessage(error));
  }
  try {
    return ReadGold(root);
  } catch (const InputError& error) {
    return Status::Error(path + ": " + error.what());
  }
}

Result<GoldSet> LoadGold(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::Error(path + ": cannot read");
  std::stringstream text;
  text << file.rdbuf();
  return ParseGold(text.str(), path);
}

}  // namespace hadath::eval

// Reads predicted event records (FORMAT.md) from JSON Lines.
#include <fstream>
#include <iostream>
#include <sstream>

#include "eval/json_read.h"
#include "hadath/eval.h"

namespace hadath::eval {
namespace {

// documents[].doc_id, and the first evidence text met.
void ReadDocuments(const Json& record, Prediction& prediction) {
  const Json& documents = Member(record, "documents");
  if (!documents.is_null() && !documents.is_array()) throw InputError("documents: expected an array");
  for (const Json& document : documents) {
    if (!document.is_object()) throw InputError("documents: expected objects");
    if (std::string id = StringOr(document, "doc_id"); !id.empty()) prediction.doc_ids.push_back(id);
    const Json& evidence = Member(document, "evidence");
    if (prediction.evidence.empty() && evidence.is_array() && !evidence.empty())
      prediction.evidence = StringOr(evidence.front(), "text");
  }
}

std::optional<std::string> ReadDay(const Json& record) {
  std::optional<std::string> date = OptionalString(record, "event_date");
  if (date && date->size() > 10) date->resize(10);  // "2024-08-22T..." -> the day
  if (date && date->empty()) date.reset();
  return date;
}

Status LineError(const std::string& path, int line, const std::string& message) {
  return Status::Error(path + ":" + std::to_string(line) + ": " + message);
}

std::string_view TrimmedLine(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return line;
}

}  // namespace

Result<Prediction> PredictionFromRecord(const nlohmann::json& record) {
  if (!record.is_object()) return Status::Error("not a JSON object");
  try {
    Prediction prediction;
    prediction.event_id = StringOr(record, "event_id");
    ReadDocuments(record, prediction);
    prediction.event_date = ReadDay(record);
    prediction.event_type = StringOr(record, "event_type");
    prediction.sub_event_type = StringOr(record, "sub_event_type");
    prediction.actor1_id = StringOr(record, "actor1_id");
    prediction.actor2_id = StringOr(record, "actor2_id");
    prediction.location = StringOr(record, "location");
    prediction.location_ar = StringOr(record, "location_ar");
    prediction.admin1 = StringOr(record, "admin1");
    prediction.latitude = OptionalNumber(record, "latitude");
    prediction.longitude = OptionalNumber(record, "longitude");
    prediction.fatalities = OptionalNumber(record, "fatalities");
    prediction.background = BoolOr(record, "background", false);
    prediction.notes = StringOr(record, "notes");
    return prediction;
  } catch (const InputError& error) {
    return Status::Error(error.what());
  }
}

Result<std::vector<Prediction>> ParsePredictions(std::string_view jsonl, const std::string& path) {
  std::vector<Prediction> predictions;
  int line_number = 0;
  for (size_t begin = 0; begin < jsonl.size();) {
    size_t end = std::min(jsonl.find('\n', begin), jsonl.size());
    std::string_view line = TrimmedLine(jsonl.substr(begin, end - begin));
    begin = end + 1;
    ++line_number;
    if (line.empty()) continue;
    Json record;
    try {
      record = Json::parse(line);
    } catch (const Json::parse_error& error) {
      return LineError(path, line_number, "bad JSON: " + JsonMessage(error));
    }
    auto prediction = PredictionFromRecord(record);
    if (!prediction) return LineError(path, line_number, prediction.error());
    prediction->line = line_number;
    if (prediction->event_id.empty()) prediction->event_id = "line " + std::to_string(line_number);
    predictions.push_back(std::move(*prediction));
  }
  return predictions;
}

Result<std::vector<Prediction>> LoadPredictions(const std::string& path) {
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) return Status::Error(path + ": cannot read");
    text << file.rdbuf();
  }
  return ParsePredictions(text.str(), path == "-" ? "<stdin>" : path);
}

}  // namespace hadath::eval

// RecordWriter: one record at a time to JSON Lines, ACLED CSV or GeoJSON.
#include <algorithm>
#include <ostream>

#include "export/cells.h"
#include "hadath/export.h"
#include "hadath/tsv.h"

namespace hadath::exporter {
namespace {

// Fields that hold counts or codes: 2.0 is written 2 in GeoJSON properties.
constexpr std::string_view kIntegerFields[] = {"year",
                                               "time_precision",
                                               "inter1",
                                               "inter2",
                                               "interaction",
                                               "iso",
                                               "geo_precision",
                                               "fatalities",
                                               "fatalities_low",
                                               "fatalities_high",
                                               "civilian_fatalities",
                                               "timestamp"};

std::string_view Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

// nlohmann's messages start with "[json.exception.parse_error.101] ".
std::string WithoutExceptionTag(const char* what) {
  std::string_view message = what;
  if (message.starts_with("[json.exception.")) message.remove_prefix(message.find(' ') + 1);
  return std::string(message);
}

const Record& Documents(const Record& record) { return Field(record, "documents"); }

// documents[].doc_id, in order.
Record DocIds(const Record& record) {
  Record ids = Record::array();
  for (const Record& document : Documents(record))
    if (const Record& id = Field(document, "doc_id"); !id.is_null()) ids.push_back(id);
  return ids;
}

// The first evidence text of each document, " | "-joined.
std::string FirstEvidenceTexts(const Record& record) {
  std::string joined;
  for (const Record& document : Documents(record)) {
    const Record& evidence = Field(document, "evidence");
    if (!evidence.is_array() || evidence.empty()) continue;
    std::string text = CellText(Field(evidence.front(), "text"));
    if (text.empty()) continue;
    if (!joined.empty()) joined += " | ";
    joined += text;
  }
  return joined;
}

// The distinct outlets of the documents, "; "-joined (for a record without `source`).
std::string OutletsOf(const Record& record) {
  std::vector<std::string> outlets;
  for (const Record& document : Documents(record)) {
    std::string outlet = CellText(Field(document, "outlet"));
    if (!outlet.empty() && std::find(outlets.begin(), outlets.end(), outlet) == outlets.end())
      outlets.push_back(outlet);
  }
  return CellText(Record(outlets));
}

std::string CellOf(const Record& record, const std::string& column) {
  const Record& value = Field(record, column);
  if (column == "source" && value.is_null()) return OutletsOf(record);
  if (column == "year" && value.is_null()) {
    std::string date = CellText(Field(record, "event_date"));
    return date.size() >= 4 ? date.substr(0, 4) : "";
  }
  if (column == "doc_ids") return CellText(DocIds(record));
  if (column == "evidence") return FirstEvidenceTexts(record);
  return CellText(value);
}

void WriteCsvLine(const std::vector<std::string>& cells, std::ostream& out) {
  for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << CsvField(cells[i]);
  out << "\r\n";
}

const std::vector<std::string>& CsvColumns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> all = AcledColumns();
    all.insert(all.end(), HadathColumns().begin(), HadathColumns().end());
    return all;
  }();
  return columns;
}

// A coordinate given as a number or as numeric text; null otherwise.
Record Coordinate(const Record& value) {
  if (value.is_number()) return value;
  if (!value.is_string()) return nullptr;
  const std::string& text = value.get_ref<const std::string&>();
  std::optional<double> number = ParseNumber<double>(text);
  return number ? Record(*number) : Record(nullptr);
}

Record Geometry(const Record& record) {
  Record latitude = Coordinate(Field(record, "latitude"));
  Record longitude = Coordinate(Field(record, "longitude"));
  if (latitude.is_null() || longitude.is_null()) return nullptr;
  return {{"type", "Point"}, {"coordinates", {longitude, latitude}}};
}

Record Properties(const Record& record) {
  Record properties = record;
  properties.erase("documents");
  for (std::string_view name : kIntegerFields) {
    auto found = properties.find(name);
    if (found == properties.end()) continue;
    if (std::optional<int64_t> whole = WholeNumber(*found)) *found = *whole;
  }
  properties["doc_ids"] = DocIds(record);
  return properties;
}

}  // namespace

const Record& Field(const Record& record, std::string_view key) {
  static const Record null_value;
  if (!record.is_object()) return null_value;
  auto found = record.find(key);
  return found == record.end() ? null_value : *found;
}

RecordWriter::RecordWriter(Format format, std::ostream& out) : format_(format), out_(out) {}

void RecordWriter::BeginIfNeeded() {
  if (begun_) return;
  begun_ = true;
  if (format_ == Format::kAcled) WriteCsvLine(CsvColumns(), out_);
  if (format_ == Format::kGeojson) out_ << R"({"type":"FeatureCollection","features":[)";
}

void RecordWriter::Add(const Record& record) {
  if (!record.is_object()) return (void)++rejected_;
  BeginIfNeeded();
  switch (format_) {
    case Format::kJsonl: out_ << CompactDump(record) << '\n'; break;
    case Format::kAcled: WriteAcledRow(record); break;
    case Format::kGeojson: WriteFeature(record); break;
  }
  ++written_;
}

Status RecordWriter::AddText(std::string_view record_json) {
  Record record;
  try {
    record = Record::parse(record_json);
  } catch (const Record::parse_error& error) {
    ++rejected_;
    return Status::Error("bad record JSON: " + WithoutExceptionTag(error.what()));
  }
  if (!record.is_object()) return ++rejected_, Status::Error("record is not a JSON object");
  std::string_view text = Trim(record_json);
  if (format_ != Format::kJsonl || text.find_first_of("\r\n") != std::string_view::npos) {
    Add(record);
    return Status::Ok();
  }
  BeginIfNeeded();
  out_ << text << '\n';  // as stored
  ++written_;
  return Status::Ok();
}

void RecordWriter::Finish() {
  BeginIfNeeded();
  if (format_ == Format::kGeojson) out_ << "\n]}\n";
}

void RecordWriter::WriteAcledRow(const Record& record) {
  std::vector<std::string> cells;
  for (const std::string& column : CsvColumns()) cells.push_back(CellOf(record, column));
  WriteCsvLine(cells, out_);
}

void RecordWriter::WriteFeature(const Record& record) {
  Record feature = {{"type", "Feature"}};
  if (const Record& id = Field(record, "event_id"); !id.is_null()) feature["id"] = id;
  feature["geometry"] = Geometry(record);
  feature["properties"] = Properties(record);
  out_ << (written_ ? ",\n" : "\n") << CompactDump(feature);
}

void WriteRecords(Format format, const std::vector<nlohmann::json>& records, std::ostream& out) {
  RecordWriter writer(format, out);
  for (const nlohmann::json& record : records) writer.Add(record);
  writer.Finish();
}

}  // namespace hadath::exporter

// hadath/export.h — writes event records (FORMAT.md's JSON objects, one per
// event) in the formats analysts load: JSON Lines, ACLED-style CSV, GeoJSON.
//
//   hadath::exporter::RecordWriter writer(hadath::exporter::Format::kAcled, std::cout);
//   for (const hadath::store::EventRecord& event : events)
//     if (hadath::Status added = writer.AddText(event.record); !added) report(added.message());
//   writer.Finish();   // closes the GeoJSON collection; writes the CSV header if nothing came
//
// Formats:
//   jsonl    one record per line, as given (text records are copied byte for
//            byte when they already fit on one line).
//   acled    CSV (RFC 4180: every field holding a comma, a quote, CR or LF is
//            quoted, quotes doubled, records end with CRLF; UTF-8, no BOM).
//            Header: ACLED's 31 export columns in ACLED's order (AcledColumns),
//            then hadath's extras (HadathColumns). Null or missing fields are
//            empty cells; arrays are joined with "; "; numbers carry no
//            spurious decimals (2.0 -> 2; 35.1556 stays 35.1556).
//   geojson  a FeatureCollection, one Feature per line; Point geometry
//            [longitude, latitude], or null geometry when a coordinate is
//            missing; properties = the record without `documents`, plus
//            `doc_ids`.
// Any field of a record may be null or missing; writers never fail on that.
//
// Thread safety: a RecordWriter is used from one thread at a time. The
// stream must outlive the writer.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/status.h"

namespace hadath::exporter {

// A record as the writers hold it: JSON that keeps its keys in the order
// given (a nlohmann::json converts implicitly).
using Record = nlohmann::ordered_json;

enum class Format { kJsonl, kAcled, kGeojson };

// "jsonl", "acled", "geojson".
const char* FormatName(Format format);
// The format named `name` (as FormatName gives it), or nullopt.
std::optional<Format> ParseFormat(std::string_view name);

// ACLED's 31 export columns, in ACLED's order.
const std::vector<std::string>& AcledColumns();
// The columns hadath appends after ACLED's in the CSV.
const std::vector<std::string>& HadathColumns();

// One CSV field, quoted iff it holds a comma, a double quote, CR or LF.
std::string CsvField(std::string_view value);
// The cell text of a JSON value: "" for null, strings as they are, numbers
// without spurious decimals, booleans "true"/"false", arrays "; "-joined.
std::string CellText(const Record& value);

class RecordWriter {
 public:
  RecordWriter(Format format, std::ostream& out);

  // Writes one record (a JSON object; anything else is skipped and counted
  // as rejected).
  void Add(const Record& record);
  // Parses `record_json` (EventRecord::record) and writes it. Returns an
  // error, and writes nothing, when it is not a JSON object.
  Status AddText(std::string_view record_json);
  // Records that were not JSON objects.
  int64_t rejected() const { return rejected_; }
  // Ends the output (the GeoJSON closing brackets; the CSV header when no
  // record came). Call once, after the last Add.
  void Finish();

  int64_t written() const { return written_; }

 private:
  void BeginIfNeeded();
  void WriteAcledRow(const Record& record);
  void WriteFeature(const Record& record);

  Format format_;
  std::ostream& out_;
  bool begun_ = false;
  int64_t written_ = 0;
  int64_t rejected_ = 0;
};

// Writes all `records` in `format` (Add each, then Finish).
void WriteRecords(Format format, const std::vector<nlohmann::json>& records, std::ostream& out);

}  // namespace hadath::exporter

// Writers of src/export/: the ACLED CSV (header from ACLED.md, RFC 4180
// quoting checked by reading rows back), GeoJSON and JSON Lines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "hadath/export.h"

namespace hadath::exporter {
namespace {

using ::testing::ElementsAreArray;
using Json = nlohmann::json;

// The 31 column names listed under "## Export columns" in ACLED.md.
std::vector<std::string> AcledColumnsFromCodebook() {
  std::ifstream file(std::string(HADATH_SHARED_DIR) + "/eval/ACLED.md");
  std::string line, listing;
  bool inside = false;
  while (std::getline(file, line)) {
    if (line.starts_with("## "))
      inside = line.starts_with("## Export columns");
    else if (inside && (line.empty() || line.starts_with("- ")))
      inside = listing.empty();
    else if (inside)
      listing += line + " ";
  }
  std::vector<std::string> columns;
  std::regex name("[a-z0-9_]+");
  for (std::sregex_iterator it(listing.begin(), listing.end(), name), end; it != end; ++it)
    columns.push_back(it->str());
  return columns;
}

// A small RFC 4180 reader: rows of fields; quoted fields may hold commas,
// doubled quotes and line breaks; records end with CRLF (or LF).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c != '"')
        field += c;
      else if (i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field)), field.clear();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field)), field.clear();
      rows.push_back(std::move(row)), row.clear();
    } else {
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  if (!field.empty() || !row.empty()) row.push_back(field), rows.push_back(row);
  return rows;
}

std::string Export(Format format, const std::vector<Json>& records) {
  std::ostringstream out;
  WriteRecords(format, records, out);
  return out.str();
}

// The value of `column` in a row of a CSV whose first row is the header.
std::string Cell(const std::vector<std::vector<std::string>>& rows, size_t row, const std::string& column) {
  auto found = std::find(rows[0].begin(), rows[0].end(), column);
  EXPECT_NE(found, rows[0].end()) << column;
  return rows[row].at(found - rows[0].begin());
}

const Json kEvent = Json::parse(R"({
  "event_id": "ev-1", "event_id_cnty": "SYR1", "event_date": "2024-08-22", "year": 2024,
  "time_precision": 1, "disorder_type": "Political violence", "event_type": "Battles",
  "sub_event_type": "Armed clash", "actor1": "SDF: Syrian Democratic Forces",
  "assoc_actor_1": "Coalition", "actor1_id": "SDF", "actor2_id": "ISIS",
  "assoc_actor_1_ids": ["COALITION", "US_FORCES"], "iso": 760, "country": "Syria",
  "admin1": "Deir ez-Zor", "location": "Al-Busayrah", "location_ar": "البصيرة",
  "latitude": 35.1556, "longitude": 40.4258, "geo_precision": 1,
  "source": "Enab Baladi; North Press", "fatalities": 2.0, "fatalities_low": 1, "fatalities_high": 3,
  "notes": "On 22 August, \"SDF\" fighters clashed with ISIS, killing 2.\nA nurse, locals say, was among them.",
  "confidence": 0.85, "background": false,
  "documents": [
    {"doc_id": "000_a", "outlet": "Enab Baladi", "published": "2024-08-23",
     "evidence": [{"start": 10, "end": 40, "text": "قتل القيادي، الخميس", "role": "event"},
                  {"start": 50, "end": 60, "text": "second", "role": "place"}]},
    {"doc_id": "003_b", "outlet": "North Press", "evidence": [{"start": 0, "end": 5, "text": "اشتباك", "role": "event"}]}
  ]})");

TEST(AcledCsv, HeaderIsAcledsColumnsInOrderThenHadaths) {
  std::vector<std::string> expected = AcledColumnsFromCodebook();
  ASSERT_EQ(expected.size(), 31u) << "could not read the column list of ACLED.md";
  EXPECT_THAT(AcledColumns(), ElementsAreArray(expected));
  expected.insert(expected.end(), HadathColumns().begin(), HadathColumns().end());
  std::string csv = Export(Format::kAcled, {});
  auto rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 1u) << "an empty export is the header alone";
  EXPECT_THAT(rows[0], ElementsAreArray(expected));
  EXPECT_TRUE(
      csv.ends_with("timestamp,event_id,actor1_id,actor2_id,assoc_actor_1_ids,assoc_actor_2_ids,"
                    "date_start,date_end,location_ar,admin1_pcode,admin2_pcode,admin3_pcode,"
                    "fatalities_low,fatalities_high,civilian_fatalities,confidence,background,"
                    "doc_ids,evidence\r\n"));
}

TEST(AcledCsv, FieldsNeedingQuotesAreQuoted) {
  struct Row {
    std::string value, expected;
  } rows[] = {
      {"plain", "plain"},
      {"", ""},
      {"a,b", "\"a,b\""},
      {"say \"no\"", "\"say \"\"no\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"البصيرة، دير الزور", "البصيرة، دير الزور"},  // the Arabic comma needs no quotes
  };
  for (const Row& row : rows) EXPECT_EQ(CsvField(row.value), row.expected) << row.value;
}

TEST(AcledCsv, RowReadsBackThroughAnRfc4180Parser) {
  auto rows = ParseCsv(Export(Format::kAcled, {kEvent}));
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[1].size(), rows[0].size());
  EXPECT_EQ(Cell(rows, 1, "notes"), kEvent["notes"].get<std::string>());
  EXPECT_EQ(Cell(rows, 1, "event_date"), "2024-08-22");
  EXPECT_EQ(Cell(rows, 1, "actor1"), "SDF: Syrian Democratic Forces");
  EXPECT_EQ(Cell(rows, 1, "iso"), "760");
  EXPECT_EQ(Cell(rows, 1, "fatalities"), "2") << "no spurious decimals";
  EXPECT_EQ(Cell(rows, 1, "latitude"), "35.1556");
  EXPECT_EQ(Cell(rows, 1, "longitude"), "40.4258");
  EXPECT_EQ(Cell(rows, 1, "confidence"), "0.85");
  EXPECT_EQ(Cell(rows, 1, "background"), "false");
  EXPECT_EQ(Cell(rows, 1, "assoc_actor_1_ids"), "COALITION; US_FORCES");
  EXPECT_EQ(Cell(rows, 1, "location_ar"), "البصيرة");
  EXPECT_EQ(Cell(rows, 1, "doc_ids"), "000_a; 003_b");
  EXPECT_EQ(Cell(rows, 1, "evidence"), "قتل القيادي، الخميس | اشتباك");
  EXPECT_EQ(Cell(rows, 1, "actor2"), "") << "missing field";
  EXPECT_EQ(Cell(rows, 1, "tags"), "");
}

TEST(AcledCsv, RecordWithMissingFieldsGivesEmptyCells) {
  Json sparse = {{"event_id", "ev-2"},
                 {"event_date", nullptr},
                 {"latitude", nullptr},
                 {"documents", {{{"doc_id", "x"}, {"outlet", "Enab Baladi"}}}}};
  auto rows = ParseCsv(Export(Format::kAcled, {sparse, Json::object()}));
  ASSERT_EQ(rows.size(), 3u);
  for (size_t row = 1; row < rows.size(); ++row) ASSERT_EQ(rows[row].size(), rows[0].size());
  EXPECT_EQ(Cell(rows, 1, "event_id"), "ev-2");
  EXPECT_EQ(Cell(rows, 1, "event_date"), "");
  EXPECT_EQ(Cell(rows, 1, "year"), "");
  EXPECT_EQ(Cell(rows, 1, "source"), "Enab Baladi") << "outlets stand in for a missing source";
  EXPECT_EQ(Cell(rows, 1, "evidence"), "");
  EXPECT_EQ(Cell(rows, 2, "doc_ids"), "");
}

TEST(AcledCsv, NonObjectsAreRejected) {
  std::ostringstream out;
  RecordWriter writer(Format::kAcled, out);
  writer.Add(Json::array({1, 2}));
  EXPECT_FALSE(writer.AddText("{\"event_id\": ").ok());
  EXPECT_FALSE(writer.AddText("[1]").ok());
  writer.Finish();
  EXPECT_EQ(writer.written(), 0);
  EXPECT_EQ(writer.rejected(), 3);
  EXPECT_EQ(ParseCsv(out.str()).size(), 1u);
}

TEST(CellText, Values) {
  struct Row {
    Json value;
    std::string expected;
  } rows[] = {
      {nullptr, ""},       {"text", "text"}, {2, "2"},
      {2.0, "2"},          {-3.0, "-3"},     {35.1556, "35.1556"},
      {0.1, "0.1"},        {true, "true"},   {Json::array({"a", nullptr, "b"}), "a; b"},
      {Json::array(), ""}, {1e20, "1e+20"},
  };
  for (const Row& row : rows) EXPECT_EQ(CellText(row.value), row.expected) << row.value.dump();
}

TEST(Geojson, FeatureCollectionWithLonLatPoints) {
  Json no_place = {{"event_id", "ev-2"}, {"fatalities", 0}, {"latitude", 35.0}, {"longitude", nullptr}};
  Json text_coordinates = {{"event_id", "ev-3"}, {"latitude", "36.5"}, {"longitude", "40.75"}};
  Json parsed = Json::parse(Export(Format::kGeojson, {kEvent, no_place, text_coordinates}));
  EXPECT_EQ(parsed["type"], "FeatureCollection");
  ASSERT_EQ(parsed["features"].size(), 3u);
  const Json& feature = parsed["features"][0];
  EXPECT_EQ(feature["type"], "Feature");
  EXPECT_EQ(feature["id"], "ev-1");
  EXPECT_EQ(feature["geometry"]["type"], "Point");
  EXPECT_EQ(feature["geometry"]["coordinates"], Json::array({40.4258, 35.1556})) << "[lon, lat]";
  const Json& properties = feature["properties"];
  EXPECT_FALSE(properties.contains("documents"));
  EXPECT_EQ(properties["doc_ids"], Json::array({"000_a", "003_b"}));
  EXPECT_EQ(properties["location_ar"], "البصيرة");
  EXPECT_TRUE(properties["fatalities"].is_number_integer()) << properties["fatalities"];
  EXPECT_TRUE(parsed["features"][1]["geometry"].is_null());
  EXPECT_EQ(parsed["features"][1]["properties"]["doc_ids"], Json::array());
  EXPECT_EQ(parsed["features"][2]["geometry"]["coordinates"], Json::array({40.75, 36.5}));
}

TEST(Geojson, EmptyExportIsAnEmptyCollection) {
  Json parsed = Json::parse(Export(Format::kGeojson, {}));
  EXPECT_EQ(parsed, Json::parse(R"({"type":"FeatureCollection","features":[]})"));
}

TEST(Jsonl, OneRecordPerLineTextKeptAsStored) {
  std::ostringstream out;
  RecordWriter writer(Format::kJsonl, out);
  ASSERT_TRUE(writer.AddText(R"({"event_id":"b","z":1,  "a":2.0})").ok());
  ASSERT_TRUE(writer.AddText("{\"event_id\":\n\"c\"}\n").ok());
  writer.Add(Json{{"event_id", "d"}});
  writer.Finish();
  EXPECT_EQ(out.str(),
            "{\"event_id\":\"b\",\"z\":1,  \"a\":2.0}\n{\"event_id\":\"c\"}\n{\"event_id\":\"d\"}\n");
  EXPECT_EQ(writer.written(), 3);
}

TEST(Formats, NamesRoundTrip) {
  for (Format format : {Format::kJsonl, Format::kAcled, Format::kGeojson})
    EXPECT_EQ(ParseFormat(FormatName(format)), format);
  EXPECT_EQ(ParseFormat("csv"), std::nullopt);
}

}  // namespace
}  // namespace hadath::exporter

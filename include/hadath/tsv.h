// hadath/tsv.h — the one reader for hadath's UTF-8 TSV resource files.
//
// Format (every file under data/ that is a table):
//   - UTF-8, one record per line, fields separated by a single TAB.
//   - Lines starting with '#' and blank lines are comments.
//   - The first non-comment line is the header: the column names.
//   - Every record has exactly as many fields as the header (trailing empty
//     fields must still be written as TABs).
//
//   hadath::Result<hadath::TsvTable> table = hadath::TsvTable::Load(path, {"form", "value"});
//   if (!table) return table.status();          // "path:7: expected 3 fields, found 2"
//   for (const hadath::TsvRow& row : table->rows())
//     use(row.Get("form"), row.line());
//
// Errors name the file and line: "data/text/numbers.tsv:12: ...".
#pragma once

#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/status.h"

namespace hadath {

class TsvTable;

class TsvRow {
 public:
  // The field in column `name`; aborts (assert) if the table has no such
  // column: ask Load() to require the columns you read.
  const std::string& Get(std::string_view name) const;
  const std::vector<std::string>& fields() const { return fields_; }
  int line() const { return line_; }
  // "file:line: message", for loaders that find a bad value in a field.
  std::string Where(std::string_view message) const;

 private:
  friend class TsvTable;
  const TsvTable* table_ = nullptr;
  std::vector<std::string> fields_;
  int line_ = 0;
};

class TsvTable {
 public:
  // Reads `path`; fails when the file cannot be read, a required column is
  // missing from the header, or a record has the wrong number of fields.
  static Result<TsvTable> Load(const std::string& path, const std::vector<std::string>& required_columns);
  // Same, from text already in memory; `path` is used in messages only.
  static Result<TsvTable> Parse(std::string_view text, const std::string& path,
                                const std::vector<std::string>& required_columns);

  const std::string& path() const { return path_; }
  const std::vector<std::string>& columns() const { return columns_; }
  const std::vector<TsvRow>& rows() const { return rows_; }
  // Column index of `name`, or -1.
  int ColumnIndex(std::string_view name) const;

  TsvTable(TsvTable&& other) noexcept;
  TsvTable& operator=(TsvTable&& other) noexcept;
  TsvTable(const TsvTable&) = delete;
  TsvTable& operator=(const TsvTable&) = delete;

 private:
  TsvTable() = default;
  void RebindRows();

  std::string path_;
  std::vector<std::string> columns_;
  std::vector<TsvRow> rows_;
};

// Reads a whole file; the error names the path and the system's reason.
Result<std::string> ReadFile(const std::string& path);

// The directory holding hadath's resource files: $HADATH_DATA if set, else
// the data/ folder of the source tree the binary was built from.
std::string DataDir();
// DataDir() + "/" + relative.
std::string DataPath(std::string_view relative);

// The number a field holds, all of it ("12", "-3.5", "33.5138"); nothing
// for "", " 12", "12a". T is an integer or floating-point type.
template <typename T>
std::optional<T> ParseNumber(std::string_view text) {
  T value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace hadath

#include "hadath/tsv.h"

#include <cassert>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#ifndef HADATH_SOURCE_DATA_DIR
#define HADATH_SOURCE_DATA_DIR "data"
#endif

namespace hadath {
namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.emplace_back(line.substr(start));
      return fields;
    }
    fields.emplace_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool IsComment(std::string_view line) {
  size_t first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || line[first] == '#';
}

}  // namespace

const std::string& TsvRow::Get(std::string_view name) const {
  int index = table_->ColumnIndex(name);
  assert(index >= 0 && "column not in table: require it in TsvTable::Load");
  return fields_[static_cast<size_t>(index)];
}

std::string TsvRow::Where(std::string_view message) const {
  return table_->path() + ":" + std::to_string(line_) + ": " + std::string(message);
}

int TsvTable::ColumnIndex(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i] == name) return static_cast<int>(i);
  return -1;
}

TsvTable::TsvTable(TsvTable&& other) noexcept
    : path_(std::move(other.path_)), columns_(std::move(other.columns_)), rows_(std::move(other.rows_)) {
  RebindRows();
}

TsvTable& TsvTable::operator=(TsvTable&& other) noexcept {
  path_ = std::move(other.path_);
  columns_ = std::move(other.columns_);
  rows_ = std::move(other.rows_);
  RebindRows();
  return *this;
}

void TsvTable::RebindRows() {
  for (TsvRow& row : rows_) row.table_ = this;
}

Result<TsvTable> TsvTable::Load(const std::string& path, const std::vector<std::string>& required_columns) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.status();
  return Parse(*text, path, required_columns);
}

Result<TsvTable> TsvTable::Parse(std::string_view text, const std::string& path,
                                 const std::vector<std::string>& required_columns) {
  TsvTable table;
  table.path_ = path;
  int line_number = 0;
  size_t position = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") position = 3;  // tolerate a BOM
  while (position < text.size()) {
    size_t newline = text.find('\n', position);
    if (newline == std::string_view::npos) newline = text.size();
    std::string_view line = text.substr(position, newline - position);
    position = newline + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (IsComment(line)) continue;
    std::vector<std::string> fields = SplitTabs(line);
    if (table.columns_.empty()) {
      table.columns_ = std::move(fields);
      for (const std::string& column : required_columns)
        if (table.ColumnIndex(column) < 0)
          return Status::Error(path + ":" + std::to_string(line_number) + ": header lacks required column '" +
                               column + "'");
      continue;
    }
    if (fields.size() != table.columns_.size())
      return Status::Error(path + ":" + std::to_string(line_number) + ": expected " +
                           std::to_string(table.columns_.size()) + " tab-separated fields, found " +
                           std::to_string(fields.size()));
    TsvRow row;
    row.fields_ = std::move(fields);
    row.line_ = line_number;
    table.rows_.push_back(std::move(row));
  }
  if (table.columns_.empty()) return Status::Error(path + ": no header line");
  table.RebindRows();
  return table;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open: " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::Error(path + ": read error");
  return buffer.str();
}

std::string DataDir() {
  if (const char* from_environment = std::getenv("HADATH_DATA"); from_environment && *from_environment)
    return from_environment;
  return HADATH_SOURCE_DATA_DIR;
}

std::string DataPath(std::string_view relative) { return DataDir() + "/" + std::string(relative); }

}  // namespace hadath

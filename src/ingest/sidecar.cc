// Sidecar metadata files: TSV or JSON, file name -> published, outlet, url, title.
#include <filesystem>
#include <nlohmann/json.hpp>

#include "hadath/ingest.h"
#include "hadath/tsv.h"
#include "ingest/utf8.h"

namespace hadath::ingest {
namespace {

namespace fs = std::filesystem;
using internal::TrimAscii;

constexpr const char* kFields[] = {"published", "outlet", "url", "title"};

// The form in which file names are stored and looked up: "a/b.txt".
std::string NormalFileName(std::string_view name) {
  std::string normal = fs::path(std::string(name)).lexically_normal().generic_string();
  while (normal.substr(0, 2) == "./") normal.erase(0, 2);
  return normal;
}

bool LooksLikeJson(const std::string& path, std::string_view text) {
  if (fs::path(path).extension() == ".json") return true;
  std::string_view trimmed = TrimAscii(text.substr(text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0));
  return !trimmed.empty() && (trimmed.front() == '{' || trimmed.front() == '[');
}

// Sets one metadata field from its text; fails with a reason for a bad date.
Status SetField(std::string_view field, std::string_view value, ArticleMetadata* metadata) {
  value = TrimAscii(value);
  if (value.empty()) return Status::Ok();
  if (field == "outlet") metadata->outlet = value;
  if (field == "url") metadata->url = value;
  if (field == "title") metadata->title = value;
  if (field == "published") {
    metadata->published = ParseDate(value);
    if (!metadata->published.known())
      return Status::Error("cannot read the date '" + std::string(value) +
                           "' in 'published' (write it like 2020-05-18)");
  }
  return Status::Ok();
}

using Entries = std::map<std::string, ArticleMetadata, std::less<>>;

Status LoadTsv(const std::string& path, std::string_view text, Entries* entries) {
  Result<TsvTable> table = TsvTable::Parse(text, path, {"file"});
  if (!table) return table.status();
  std::map<std::string, int> first_line;
  for (const TsvRow& row : table->rows()) {
    std::string file = NormalFileName(TrimAscii(row.Get("file")));
    if (TrimAscii(row.Get("file")).empty()) return Status::Error(row.Where("empty file name"));
    if (auto [at, added] = first_line.emplace(file, row.line()); !added)
      return Status::Error(
          row.Where("'" + file + "' is listed twice (first on line " + std::to_string(at->second) + ")"));
    ArticleMetadata& metadata = (*entries)[file];
    for (const char* field : kFields) {
      if (table->ColumnIndex(field) < 0) continue;
      if (Status set = SetField(field, row.Get(field), &metadata); !set)
        return Status::Error(row.Where(set.message()));
    }
  }
  return Status::Ok();
}

Status AddJsonEntry(const std::string& path, const std::string& file, const nlohmann::json& fields,
                    Entries* entries) {
  std::string where = path + ": entry '" + file + "'";
  if (file.empty()) return Status::Error(path + ": an entry has an empty file name");
  if (!fields.is_object()) return Status::Error(where + ": expected an object of fields");
  ArticleMetadata& metadata = (*entries)[NormalFileName(file)];
  for (const char* field : kFields) {
    auto value = fields.find(field);
    if (value == fields.end() || value->is_null()) continue;
    if (!value->is_string()) return Status::Error(where + ": '" + field + "' must be a string");
    if (Status set = SetField(field, value->get<std::string>(), &metadata); !set)
      return Status::Error(where + ": " + set.message());
  }
  return Status::Ok();
}

std::string JsonErrorWhere(const std::string& path, std::string_view text, size_t byte) {
  size_t line = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) line += text[i] == '\n';
  return path + ":" + std::to_string(line);
}

Status LoadJson(const std::string& path, std::string_view text, Entries* entries) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    return Status::Error(JsonErrorWhere(path, text, error.byte) + ": invalid JSON: " + error.what());
  }
  if (json.is_object()) {
    for (const auto& [file, fields] : json.items())
      if (Status added = AddJsonEntry(path, file, fields, entries); !added) return added;
    return Status::Ok();
  }
  if (!json.is_array())
    return Status::Error(path + ": expected an object {\"file\": {...}} or an array of objects");
  for (const nlohmann::json& entry : json) {
    auto file = entry.is_object() ? entry.find("file") : entry.end();
    if (!entry.is_object() || file == entry.end() || !file->is_string())
      return Status::Error(path + ": every array element must be an object with a string \"file\"");
    if (Status added = AddJsonEntry(path, file->get<std::string>(), entry, entries); !added) return added;
  }
  return Status::Ok();
}

}  // namespace

Result<Sidecar> Sidecar::Load(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.status();
  Sidecar sidecar;
  sidecar.path_ = path;
  sidecar.folder_ = fs::path(path).parent_path().string();
  Status loaded = LooksLikeJson(path, *text) ? LoadJson(path, *text, &sidecar.entries_)
                                             : LoadTsv(path, *text, &sidecar.entries_);
  if (!loaded) return loaded;
  return sidecar;
}

Result<Sidecar> LoadSidecar(const std::string& path) { return Sidecar::Load(path); }

const ArticleMetadata* Sidecar::Find(std::string_view file_path) const {
  std::error_code error;
  fs::path folder = fs::absolute(folder_.empty() ? fs::path(".") : fs::path(folder_), error);
  fs::path file = fs::absolute(fs::path(std::string(file_path)), error);
  std::string relative =
      file.lexically_normal().lexically_relative(folder.lexically_normal()).generic_string();
  std::string candidates[] = {relative, NormalFileName(file_path),
                              fs::path(std::string(file_path)).filename().string()};
  for (const std::string& candidate : candidates) {
    if (candidate.empty() || candidate == ".." || candidate.substr(0, 3) == "../") continue;
    if (auto entry = entries_.find(candidate); entry != entries_.end()) return &entry->second;
  }
  return nullptr;
}

void OverrideMetadata(const ArticleMetadata& sidecar, ArticleMetadata* metadata) {
  if (!sidecar.outlet.empty()) metadata->outlet = sidecar.outlet;
  if (!sidecar.url.empty()) metadata->url = sidecar.url;
  if (!sidecar.title.empty()) metadata->title = sidecar.title;
  if (sidecar.published.known()) metadata->published = sidecar.published;
}

void FillMissingMetadata(const ArticleMetadata& defaults, ArticleMetadata* metadata) {
  if (metadata->outlet.empty()) metadata->outlet = defaults.outlet;
  if (metadata->url.empty()) metadata->url = defaults.url;
  if (metadata->title.empty()) metadata->title = defaults.title;
  if (!metadata->published.known()) metadata->published = defaults.published;
}

}  // namespace hadath::ingest

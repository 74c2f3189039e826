// ReadInputs: files, directories and stdin -> Articles for a sink.
//
//   paths --Plan--> list of inputs (directories walked in sorted order, each
//                   file with its nearest metadata.tsv)
//   input --ReadInput--> gunzip? --> format (option, extension, or sniffed)
//         text  : DecodeText            -> Article
//         html  : ExtractHtml           -> Article
//         jsonl : LineReader + JsonRecordParser, one Article per line
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>

#include "hadath/ingest.h"
#include "ingest/streams.h"
#include "ingest/utf8.h"

namespace hadath::ingest {
namespace {

namespace fs = std::filesystem;
using internal::AsciiLower;

constexpr uint64_t kProgressEveryBytes = 4 << 20;
constexpr const char* kDirectorySidecarName = "metadata.tsv";

struct Extension {
  const char* suffix;
  SourceFormat format;
};
constexpr Extension kExtensions[] = {
    {".txt", SourceFormat::kText},        {".text", SourceFormat::kText},
    {".html", SourceFormat::kHtml},       {".htm", SourceFormat::kHtml},
    {".xhtml", SourceFormat::kHtml},      {".jsonl", SourceFormat::kJsonLines},
    {".ndjson", SourceFormat::kJsonLines}};

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// File name without ".gz".
std::string WithoutGz(std::string name) {
  if (EndsWith(AsciiLower(name), ".gz")) name.resize(name.size() - 3);
  return name;
}

// The format a file name announces (".txt", ".html.gz", ...), if any.
std::optional<SourceFormat> FormatOfName(const std::string& file_name) {
  std::string name = AsciiLower(WithoutGz(file_name));
  for (const Extension& extension : kExtensions)
    if (EndsWith(name, extension.suffix)) return extension.format;
  return std::nullopt;
}

// "000_29106.txt.gz" -> "000_29106"; an unknown extension goes too ("a.md" -> "a").
std::string KeyOfFile(const std::string& path) {
  std::string name = WithoutGz(fs::path(path).filename().string());
  std::string lower = AsciiLower(name);
  for (const Extension& extension : kExtensions)
    if (EndsWith(lower, extension.suffix)) return name.substr(0, name.size() - std::strlen(extension.suffix));
  size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// Returns true iff a directory walk should read this file as an article.
bool IsArticleFile(const fs::path& path) {
  std::string name = path.filename().string();
  if (name.empty() || name[0] == '.') return false;
  if (AsciiLower(name).rfind("readme", 0) == 0) return false;
  return FormatOfName(name).has_value();
}

Result<SourceFormat> ParseFormatOption(const std::string& format) {
  if (format.empty() || format == "text") return SourceFormat::kText;
  if (format == "html") return SourceFormat::kHtml;
  if (format == "jsonl") return SourceFormat::kJsonLines;
  return Status::Error("unknown input format '" + format + "' (expected text, html or jsonl)");
}

// Guesses the format from the first bytes: '{' JSON Lines, '<' HTML, else text.
SourceFormat SniffFormat(std::string_view head) {
  for (std::string_view bom : {"\xEF\xBB\xBF", "\xFF\xFE", "\xFE\xFF"})
    if (head.substr(0, bom.size()) == bom) head.remove_prefix(bom.size());
  for (char c : head) {
    if (c == '\0' || internal::IsAsciiSpace(c)) continue;
    if (c == '{') return SourceFormat::kJsonLines;
    if (c == '<') return SourceFormat::kHtml;
    return SourceFormat::kText;
  }
  return SourceFormat::kText;
}

// One thing to read, found by walking the paths.
struct PlannedInput {
  std::string path;         // as the user will see it
  std::string error;        // set: report this instead of reading
  fs::path sidecar_folder;  // folder of the metadata.tsv that applies, or empty
  uint64_t size = 0;        // bytes on disk, 0 when unknown
};

class InputReader {
 public:
  InputReader(const Options& options, ArticleSink& sink) : options_(options), sink_(sink) {}

  Status Run(const std::vector<std::string>& paths) {
    if (Status checked = CheckOptions(); !checked) return checked;
    for (const std::string& path : paths) Plan(path);
    for (const PlannedInput& input : planned_) total_bytes_ += input.size;
    for (const PlannedInput& input : planned_) {
      if (!input.error.empty()) {
        sink_.OnError(input.path, input.error);
      } else {
        ReadInput(input);
      }
      if (!fatal_.ok()) return fatal_;
      done_bytes_ += input.size;
      sink_.OnProgress(done_bytes_, total_bytes_);
    }
    return Status::Ok();
  }

 private:
  // ---- options and sidecars

  Status CheckOptions() {
    Result<SourceFormat> format = ParseFormatOption(options_.format);
    if (!format) return format.status();
    if (!options_.encoding.empty() && !IsKnownEncoding(options_.encoding))
      return Status::Error("unknown encoding '" + options_.encoding +
                           "' (known names include UTF-8, UTF-16LE, windows-1256, ISO-8859-6)");
    if (!options_.sidecar_path.empty()) {
      Result<Sidecar> sidecar = LoadSidecar(options_.sidecar_path);
      if (!sidecar) return Status::Error("metadata sidecar: " + sidecar.error());
      explicit_sidecar_ = std::move(*sidecar);
    }
    return Status::Ok();
  }

  // The metadata.tsv of `folder`, loaded once; nullptr when absent or broken
  // (a broken one is reported once).
  const Sidecar* DirectorySidecar(const fs::path& folder) {
    if (folder.empty()) return nullptr;
    auto [at, added] = directory_sidecars_.try_emplace(folder.string());
    if (added) {
      Result<Sidecar> sidecar = LoadSidecar((folder / kDirectorySidecarName).string());
      if (sidecar)
        at->second = std::move(*sidecar);
      else
        sink_.OnError((folder / kDirectorySidecarName).string(), "metadata sidecar: " + sidecar.error());
    }
    return at->second ? &*at->second : nullptr;
  }

  // Sidecar metadata wins over what the document says (see ingest.h).
  void ApplySidecars(const PlannedInput& input, Article* article) {
    if (const Sidecar* folder = DirectorySidecar(input.sidecar_folder))
      if (const ArticleMetadata* entry = folder->Find(input.path))
        OverrideMetadata(*entry, &article->metadata);
    if (explicit_sidecar_)
      if (const ArticleMetadata* entry = explicit_sidecar_->Find(input.path))
        OverrideMetadata(*entry, &article->metadata);
  }

  // For a JSON Lines record: a row naming the record's key overrides, a row
  // naming the file fills what the record leaves empty.
  void ApplySidecarsToRecord(const PlannedInput& input, Article* article) {
    const Sidecar* explicit_sidecar = explicit_sidecar_ ? &*explicit_sidecar_ : nullptr;
    for (const Sidecar* sidecar : {DirectorySidecar(input.sidecar_folder), explicit_sidecar}) {
      if (!sidecar) continue;
      if (const ArticleMetadata* entry = sidecar->Find(article->key))
        OverrideMetadata(*entry, &article->metadata);
      if (const ArticleMetadata* entry = sidecar->Find(input.path))
        FillMissingMetadata(*entry, &article->metadata);
    }
  }

  // ---- planning

  void Plan(const std::string& path) {
    if (path == "-") return planned_.push_back({"-", "", {}, 0});
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (status.type() == fs::file_type::not_found)
      return planned_.push_back({path, "cannot read: no such file or directory", {}, 0});
    if (error) return planned_.push_back({path, "cannot read: " + error.message(), {}, 0});
    if (fs::is_directory(status)) return PlanDirectory(path);
    planned_.push_back({path, "", {}, FileSize(path)});
  }

  void PlanDirectory(const fs::path& root) {
    std::vector<fs::path> files;
    std::error_code error;
    fs::recursive_directory_iterator walk(root, fs::directory_options::skip_permission_denied, error);
    for (; !error && walk != fs::recursive_directory_iterator(); walk.increment(error)) {
      std::string name = walk->path().filename().string();
      if (walk->is_directory(error) && !name.empty() && name[0] == '.') {
        walk.disable_recursion_pending();
        continue;
      }
      if (walk->is_regular_file(error) && IsArticleFile(walk->path())) files.push_back(walk->path());
    }
    if (error) planned_.push_back({root.string(), "cannot walk the directory: " + error.message(), {}, 0});
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files)
      planned_.push_back({file.string(), "", NearestSidecarFolder(root, file), FileSize(file)});
  }

  // The deepest folder from `file` up to `root` holding a metadata.tsv.
  static fs::path NearestSidecarFolder(const fs::path& root, const fs::path& file) {
    fs::path normal_root = root.lexically_normal();
    for (fs::path folder = file.parent_path();; folder = folder.parent_path()) {
      std::error_code error;
      if (fs::is_regular_file(folder / kDirectorySidecarName, error)) return folder;
      if (folder.lexically_normal() == normal_root || folder.empty() || folder == folder.parent_path())
        return {};
    }
  }

  static uint64_t FileSize(const fs::path& path) {
    std::error_code error;
    uintmax_t size = fs::file_size(path, error);
    return error ? 0 : static_cast<uint64_t>(size);
  }

  // ---- reading

  void ReadInput(const PlannedInput& input) {
    internal::FileSource file;
    if (Status opened = file.Open(input.path); !opened) return sink_.OnError(input.path, opened.message());
    internal::PeekableSource peekable(&file);
    Result<std::string_view> magic = peekable.Peek(2);
    if (!magic) return sink_.OnError(input.path, magic.error());
    bool gzipped = LooksGzipped(*magic);
    if (!gzipped && input.size > options_.max_document_bytes &&
        FormatOf(input, *magic) != SourceFormat::kJsonLines)
      return sink_.OnError(input.path, "document too large (" + std::to_string(input.size) +
                                           " bytes > limit " + std::to_string(options_.max_document_bytes) +
                                           ")");
    std::optional<internal::GunzipSource> gunzip;
    internal::ByteSource* source = &peekable;
    if (gzipped) source = &gunzip.emplace(&peekable);
    internal::PeekableSource content(source);
    Result<std::string_view> head = content.Peek(1024);
    if (!head) return sink_.OnError(input.path, head.error());
    SourceFormat format = FormatOf(input, *head);
    if (format == SourceFormat::kJsonLines) return ReadJsonLines(input, &content, file);
    Result<std::string> bytes = internal::ReadAll(&content, options_.max_document_bytes);
    if (!bytes) return sink_.OnError(input.path, bytes.error());
    ReadDocument(input, format, std::move(*bytes));
  }

  SourceFormat FormatOf(const PlannedInput& input, std::string_view head) const {
    if (!options_.format.empty()) return *ParseFormatOption(options_.format);
    if (input.path != "-")
      if (std::optional<SourceFormat> format = FormatOfName(fs::path(input.path).filename().string()))
        return *format;
    return SniffFormat(head);
  }

  void ReadDocument(const PlannedInput& input, SourceFormat format, std::string bytes) {
    Result<Article> article =
        format == SourceFormat::kHtml ? ReadHtml(std::move(bytes)) : ReadText(std::move(bytes));
    if (!article) {
      if (fatal_.ok()) sink_.OnError(input.path, article.error());
      return;
    }
    article->key = input.path == "-" ? "stdin" : KeyOfFile(input.path);
    article->path = input.path;
    ApplySidecars(input, &*article);
    sink_.OnArticle(std::move(*article));
  }

  Result<Article> ReadText(std::string bytes) {
    Result<Decoded> decoded = DecodeText(bytes, options_.encoding);
    if (!decoded) return decoded.status();
    Article article;
    article.format = SourceFormat::kText;
    article.encoding = std::move(decoded->encoding);
    article.raw = std::move(bytes);
    article.decoded = std::move(decoded->text);
    article.decoded_to_raw = std::move(decoded->text_to_input);
    article.warnings = std::move(decoded->warnings);
    return article;
  }

  Result<Article> ReadHtml(std::string bytes) {
    const HtmlBoilerplate* rules = Boilerplate();
    if (!rules) return fatal_;
    return ExtractHtml(std::move(bytes), *rules, options_.encoding);
  }

  // The furniture rules: the caller's, or the data file loaded on first use.
  const HtmlBoilerplate* Boilerplate() {
    if (options_.boilerplate) return options_.boilerplate;
    if (!loaded_boilerplate_) {
      Result<HtmlBoilerplate> loaded = HtmlBoilerplate::LoadDefault();
      if (!loaded) {
        fatal_ = Status::Error("HTML furniture rules: " + loaded.error());
        return nullptr;
      }
      loaded_boilerplate_ = std::move(*loaded);
    }
    return &*loaded_boilerplate_;
  }

  void ReadJsonLines(const PlannedInput& input, internal::ByteSource* source,
                     const internal::FileSource& file) {
    internal::LineReader lines(source, options_.max_document_bytes);
    JsonRecordParser parser(options_.fields);
    uint64_t last_progress = 0;
    while (true) {
      internal::LineReader::Outcome outcome = lines.Next();
      if (outcome == internal::LineReader::kEnd) return;
      std::string where = input.path + ":" + std::to_string(lines.line_number());
      if (outcome == internal::LineReader::kError) return sink_.OnError(where, lines.error());
      if (outcome == internal::LineReader::kTooLong) {
        sink_.OnError(where, "record too large (" + std::to_string(lines.line_length()) + " bytes > limit " +
                                 std::to_string(options_.max_document_bytes) + ")");
        continue;
      }
      ReadRecord(input, parser, lines.line(), where);
      if (file.bytes_read() - last_progress >= kProgressEveryBytes) {
        last_progress = file.bytes_read();
        sink_.OnProgress(done_bytes_ + std::min(last_progress, input.size), total_bytes_);
      }
    }
  }

  void ReadRecord(const PlannedInput& input, JsonRecordParser& parser, const std::string& line,
                  const std::string& where) {
    if (internal::IsBlank(line)) return;
    std::string transcoded;
    std::string_view record = line;
    if (!options_.encoding.empty()) {
      Result<Decoded> decoded = DecodeText(line, options_.encoding);
      if (!decoded) return sink_.OnError(where, decoded.error());
      record = transcoded = std::move(decoded->text);
    }
    Result<Article> article = parser.Parse(record, where);
    if (!article) return sink_.OnError(where, article.error());
    ApplySidecarsToRecord(input, &*article);
    sink_.OnArticle(std::move(*article));
  }

  const Options& options_;
  ArticleSink& sink_;
  Status fatal_ = Status::Ok();
  std::vector<PlannedInput> planned_;
  uint64_t total_bytes_ = 0, done_bytes_ = 0;
  std::optional<Sidecar> explicit_sidecar_;
  std::map<std::string, std::optional<Sidecar>> directory_sidecars_;
  std::optional<HtmlBoilerplate> loaded_boilerplate_;
};

}  // namespace

Status ReadInputs(const std::vector<std::string>& paths, const Options& options, ArticleSink& sink) {
  return InputReader(options, sink).Run(paths);
}

}  // namespace hadath::ingest

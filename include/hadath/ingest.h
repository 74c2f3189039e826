// hadath/ingest.h — from bytes on disk to hadath::Article.
//
// The ingest stage reads plain text, HTML pages and JSON Lines files (each
// optionally gzip-compressed), decodes their charset, extracts the article
// text of HTML pages, and attaches metadata (title, outlet, url, publication
// date) found inside the input or in a sidecar file. Every Article carries a
// map from its decoded UTF-8 text back to the bytes as read
// (document.h says what "the bytes as read" are for each format).
//
// Reading a batch of inputs:
//
//   class Printer final : public hadath::ingest::ArticleSink {
//    public:
//     void OnArticle(hadath::Article&& article) override { Use(std::move(article)); }
//     void OnError(const std::string& where, const std::string& reason) override {
//       std::cerr << where << ": " << reason << "\n";   // "corpus.jsonl:17: invalid JSON: ..."
//     }
//   };
//   hadath::ingest::Options options;
//   options.fields.Set("text", "article_body");          // --field text=article_body
//   Printer printer;
//   hadath::Status status = hadath::ingest::ReadInputs({"seeds/", "feed.jsonl.gz", "-"}, options, printer);
//   if (!status) std::cerr << status.message() << "\n";  // only for problems that stop everything
//
// The pieces are usable on their own:
//
//   hadath::Result<Decoded> text = DecodeText(bytes);          // charset -> UTF-8 + map
//   hadath::Result<Article> page = ExtractHtml(html, *boilerplate);
//   hadath::PublishedDate date = ParseDate("Mon, 18 May 2020 06:51:00 +0300");
//
// Inputs and their keys (Article::key):
//   .txt .text               key = file name without its extensions ("000_29106.txt" -> "000_29106");
//                            the title is left to the cleaner (first line)
//   .html .htm .xhtml        main content blocks; title, date, outlet, url from the page
//   .jsonl .ndjson           one article per line; key = `id`, else `url`, else "<file>:<line>"
//   any of them + .gz        gunzipped first (concatenated gzip members are fine)
//   "-"                      standard input; format sniffed ('{' JSON Lines, '<' HTML, else text);
//                            key "stdin" (JSON Lines records: id, url, else "-:<line>")
//   directory                walked recursively in sorted order; only files with the extensions
//                            above are read (README* and dot files skipped); a `metadata.tsv` in a
//                            directory is the sidecar of the files in it and below it, unless a
//                            deeper one exists
//
// Metadata precedence (highest first): an explicit sidecar (Options::sidecar_path), the
// nearest metadata.tsv of a walked directory, then what the document says about itself (HTML
// meta tags, JSON Lines fields). Sidecars win over the page because a person wrote them on
// purpose for this run. Empty sidecar cells mean "unknown" and never erase a value. For JSON
// Lines, a sidecar row whose `file` is a record's key overrides that record; a row naming the
// .jsonl file itself only fills fields the records leave empty.
//
// Thread safety: the free functions are reentrant and may run in many threads at once.
// HtmlBoilerplate is immutable after Load() and may be shared between threads. A
// JsonRecordParser holds scratch buffers: one per thread.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/document.h"
#include "hadath/offsets.h"
#include "hadath/status.h"

namespace hadath::ingest {

// ---------------------------------------------------------------------------
// Charset decoding

// Text decoded to UTF-8, with a map from `text` to the input bytes.
struct Decoded {
  std::string text;                   // UTF-8; CRLF and lone CR turned into LF; no BOM
  OffsetMap text_to_input;            // text byte offsets -> input byte offsets
  std::string encoding;               // "UTF-8", "UTF-16LE", "UTF-16BE", "windows-1256", ...
  std::vector<std::string> warnings;  // e.g. "invalid UTF-8 at byte 1042 replaced by U+FFFD"
};

// Decodes `bytes` to UTF-8. With `forced_encoding` empty the charset is found
// from a BOM, the NUL-byte pattern of UTF-16, UTF-8 validity, then ICU's
// detector (windows-1256 is preferred for Arabic-looking single-byte text;
// ISO-8859-6 only when clearly better). Mostly-valid UTF-8 stays UTF-8 with
// U+FFFD for the bad bytes and a warning naming their offset. A forced
// encoding is any name ICU knows ("windows-1256", "cp1256", "utf-16le", ...).
// Fails with "empty document" for empty or whitespace-only input, "binary
// data, not text" for NUL-laden or control-character junk, or an unknown
// forced encoding.
Result<Decoded> DecodeText(std::string_view bytes, std::string_view forced_encoding = "");

// Returns true iff `name` is a charset name ICU can decode.
bool IsKnownEncoding(std::string_view name);

// ---------------------------------------------------------------------------
// gzip

// Returns true iff `bytes` starts with the gzip magic number (1f 8b).
bool LooksGzipped(std::string_view bytes);

// Decompresses gzip data (one or more concatenated members). Fails with the
// reason ("corrupt gzip data: invalid block type", "gzip data is truncated",
// "document too large (N bytes > limit)") when the data is bad or inflates
// past `max_output_bytes`.
Result<std::string> Gunzip(std::string_view bytes, uint64_t max_output_bytes = UINT64_MAX);

// ---------------------------------------------------------------------------
// HTML

// What the HTML extractor drops as page furniture, read from
// data/ingest/html-boilerplate.tsv (the file documents its columns).
class HtmlBoilerplate {
 public:
  struct Rule {
    enum class Match : uint8_t { kTag, kClassIdWord, kClassIdSubstring, kRole };
    Match match = Match::kTag;
    std::string pattern;         // lower case
    bool inside_content = true;  // false: only dropped outside the chosen content
    std::string reason;          // DroppedBlock::reason; "" drops silently
  };

  // Reads the rules; errors read "path:line: what is wrong".
  static Result<HtmlBoilerplate> Load(const std::string& path);
  // Load(DataPath("ingest/html-boilerplate.tsv")).
  static Result<HtmlBoilerplate> LoadDefault();

  // The rule dropping an element with this tag name (lower case), class, id
  // and role attributes, or nullptr. `inside_content` selects the rules that
  // apply inside the chosen article content.
  const Rule* Find(std::string_view tag, std::string_view class_attribute, std::string_view id_attribute,
                   std::string_view role_attribute, bool inside_content) const;

  const std::vector<Rule>& rules() const { return rules_; }

 private:
  std::vector<Rule> rules_;
};

// Reads an HTML page: decodes it (the page's BOM or <meta charset> is
// honoured; `forced_encoding` overrides both), picks the main content
// (<article> / [itemprop=articleBody], else the element with the most
// paragraph text), and returns an Article whose `decoded` holds one block per
// paragraph, heading or list item, joined by '\n', mapped to the bytes of
// `raw_html`. When the content holds no <h1>, the last visible <h1> before it
// becomes the first block (as the first line of a .txt is its headline).
// Furniture inside the content (captions, share widgets, related links, tags)
// is left out and listed in `dropped` with the element's raw span; what is
// outside the content (site navigation, sidebars, footer) is simply not read.
// A dateline inside the content is kept: the cleaner judges it as for .txt.
// Metadata: title (og:title, <title> without " - Site" suffix, first h1),
// published (article:published_time, itemprop=datePublished, JSON-LD
// datePublished, first <time datetime>), outlet (og:site_name), url
// (<link rel=canonical>, og:url). `key` and `path` are left empty.
// Fails when the bytes cannot be decoded or the page has no text.
Result<Article> ExtractHtml(std::string raw_html, const HtmlBoilerplate& boilerplate,
                            std::string_view forced_encoding = "");

// ---------------------------------------------------------------------------
// JSON Lines

// Field names of each role in a JSON Lines record, in order of preference.
struct FieldNames {
  std::vector<std::string> id = {"id"};
  std::vector<std::string> text = {"content", "text", "body"};
  std::vector<std::string> title = {"title"};
  std::vector<std::string> url = {"url"};
  std::vector<std::string> published = {"published", "date", "date_extracted"};
  std::vector<std::string> outlet = {"source", "outlet"};

  // Makes `name` the only field for `role` (id, text, title, url, published,
  // outlet); "a,b" gives several in order of preference. Fails on an
  // unknown role or an empty name.
  Status Set(std::string_view role, std::string_view name);
};

// Turns JSON Lines records into Articles. Reuses its buffers between calls:
// one per thread.
class JsonRecordParser {
 public:
  explicit JsonRecordParser(FieldNames fields = {});
  ~JsonRecordParser();
  JsonRecordParser(JsonRecordParser&&) noexcept;
  JsonRecordParser& operator=(JsonRecordParser&&) noexcept;

  // Parses one record. `where` ("file:LINE") becomes Article::path, and the
  // key when the record has neither id nor url. Fails with "invalid JSON: ...",
  // "not a JSON object ...", "no text: ..." (missing, empty or not a string).
  Result<Article> Parse(std::string_view line, std::string_view where);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// ---------------------------------------------------------------------------
// Dates

// Parses a publication date as found in metadata: ISO 8601 ("2020-05-18",
// "2020-05-18T06:51:00.123+03:00", "2020-05-18 06:51", "...Z", "...+0300"),
// "2022-12", "2022", "2020/05/18", "18/05/2020" (day first; also with '-' or
// '.'), RFC 2822 ("Mon, 18 May 2020 06:51:00 +0300"). Surrounding blanks are
// ignored. Returns a date of precision kUnknown for anything else, including
// impossible dates (month 13, 30 February, 25:00).
PublishedDate ParseDate(std::string_view text);

// ---------------------------------------------------------------------------
// Sidecar metadata

// Metadata for files, from a TSV (header `file` plus any of `published`,
// `outlet`, `url`, `title`; empty cell = unknown) or a JSON file (an object
// {"file.txt": {"published": ...}} or an array of objects with a "file"
// member).
class Sidecar {
 public:
  // Reads `path` (".json" by extension or a leading '{' / '['; TSV
  // otherwise). Errors read "path:line: what is wrong" (a bad date is one).
  static Result<Sidecar> Load(const std::string& path);

  // The entry for a file named by its path relative to the sidecar's folder
  // ("sub/a.txt"), by the path as given, or by its base name ("a.txt"); nullptr
  // when none matches. Fields the sidecar leaves unknown are empty.
  const ArticleMetadata* Find(std::string_view file_path) const;

  const std::string& path() const { return path_; }
  size_t size() const { return entries_.size(); }

 private:
  std::string path_;
  std::string folder_;  // folder of path_, for relative look-ups
  std::map<std::string, ArticleMetadata, std::less<>> entries_;
};

Result<Sidecar> LoadSidecar(const std::string& path);

// Writes the known fields of `sidecar` over `metadata` (empty fields keep
// the value `metadata` had).
void OverrideMetadata(const ArticleMetadata& sidecar, ArticleMetadata* metadata);
// Fills only the fields of `metadata` that are still unknown.
void FillMissingMetadata(const ArticleMetadata& defaults, ArticleMetadata* metadata);

// ---------------------------------------------------------------------------
// Walking inputs

// Receives what ReadInputs reads, in input order, on the calling thread.
class ArticleSink {
 public:
  virtual ~ArticleSink() = default;
  virtual void OnArticle(Article&& article) = 0;
  // A document (or one JSON Lines record) that could not be read. `where` is
  // a path or "file:LINE"; `reason` starts with a stable phrase so that
  // errors can be counted by kind ("no text: field 'content' is empty").
  virtual void OnError(const std::string& where, const std::string& reason) = 0;
  // Bytes of input files read so far out of the sum of their sizes (0 when
  // unknown, e.g. stdin). Called after each document and every few MB.
  virtual void OnProgress(uint64_t bytes_done, uint64_t bytes_total) {}
};

struct Options {
  FieldNames fields;
  std::string format;                         // "" (by extension, else sniffed), "text", "html" or "jsonl"
  std::string encoding;                       // forced charset of every input; "" detects. JSON Lines
                                              // lines are transcoded from it before parsing (ASCII-
                                              // compatible charsets only: lines are split at byte '\n')
  std::string sidecar_path;                   // explicit sidecar for all inputs; "" none
  uint64_t max_document_bytes = 64ull << 20;  // per document / JSON Lines record
  // Rules for HTML furniture; nullptr loads data/ingest/html-boilerplate.tsv
  // when the first HTML page is met.
  const HtmlBoilerplate* boilerplate = nullptr;
};

// Reads every path (file, directory, or "-" for stdin) and hands each article
// or error to `sink`. A missing or unreadable path is an error for that path
// only. Returns an error only for problems that stop everything: an unknown
// format or encoding in `options`, an explicit sidecar that cannot be read,
// or HTML furniture rules that cannot be loaded.
Status ReadInputs(const std::vector<std::string>& paths, const Options& options, ArticleSink& sink);

}  // namespace hadath::ingest

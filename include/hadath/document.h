// hadath/document.h — the article as it flows through the pipeline.
//
//   ingest  : bytes on disk / stdin / JSON Lines  ->  Article
//   clean   : Article                              ->  Document
//   (later) mentions -> events -> resolve -> link -> store -> export
//
// An Article is what was read: the original bytes, their charset, the
// metadata found beside or inside them, and the decoded UTF-8 text (for HTML,
// the text of the main content blocks) with a map back to the original bytes.
// A Document is the article made ready for reading: page furniture dropped
// (and kept aside, with the reason), paragraphs and sentences found, every
// span still pointing at the original bytes.
//
// What "original bytes" means per input:
//   .txt        the file's bytes as read (after gunzip), whatever the charset
//   .html       the HTML source as read
//   JSON Lines  the record's text field (`content`/`text`/`body`) as a UTF-8
//               string after JSON unescaping: the article a crawler stored
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/offsets.h"

namespace hadath {

enum class SourceFormat { kText, kHtml, kJsonLines };
const char* FormatName(SourceFormat format);

// How much of a publication date is known.
enum class DatePrecision : uint8_t { kUnknown = 0, kYear, kMonth, kDay, kMinute, kSecond };
const char* PrecisionName(DatePrecision precision);

// A publication date with its precision. Fields past the precision are 0.
// `utc_offset_minutes` is set only when the source gave a zone.
struct PublishedDate {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::optional<int> utc_offset_minutes;
  DatePrecision precision = DatePrecision::kUnknown;

  bool known() const { return precision != DatePrecision::kUnknown; }
  // "2024-08-23", "2022-12", "2015-07-21T02:51:32", "2020-05-18T18:51+03:00"; "" when unknown.
  std::string ToIso() const;
  // Parses what ToIso() writes; unknown (not an error) for anything else.
  // (Dates as users and crawlers write them: hadath::ingest::ParseDate.)
  static PublishedDate FromIso(std::string_view iso);
};

// Something removed from the article text, kept so that a user can check it.
struct DroppedBlock {
  Span source;         // bytes in Article::raw
  std::string text;    // the dropped text, UTF-8
  std::string reason;  // short kebab-case reason, e.g. "photo-caption", "donation-appeal"
};

// Metadata that may come from the input itself, a sidecar, or the command line.
struct ArticleMetadata {
  std::string outlet;
  std::string url;
  std::string title;
  PublishedDate published;
};

struct Article {
  std::string key;   // external id: file stem, JSON Lines `id`, else url, else "<file>:<line>"
  std::string path;  // where it was read: file path, "<file>:<line>", or "-" for stdin
  SourceFormat format = SourceFormat::kText;
  std::string encoding;  // charset of the original bytes, e.g. "UTF-8", "windows-1256", "UTF-16LE"
  ArticleMetadata metadata;

  std::string raw;      // original bytes as read (see top of file)
  std::string decoded;  // UTF-8; blocks (paragraphs, lines) separated by '\n'
  OffsetMap decoded_to_raw;

  std::vector<DroppedBlock> dropped;  // e.g. HTML nav/aside/footer text
  std::vector<std::string> warnings;  // non-fatal problems, e.g. replaced bad bytes
};

enum class BlockKind : uint8_t { kHeadline, kBody };

struct Paragraph {
  Span text;  // in Document::text
  BlockKind kind = BlockKind::kBody;
};

struct Sentence {
  Span text;           // in Document::text
  uint32_t paragraph;  // index into Document::paragraphs
  BlockKind kind = BlockKind::kBody;
};

struct Document {
  std::string id;  // content hash of the decoded text: stable across runs and encodings
  Article article;

  std::string text;  // clean UTF-8 text: kept paragraphs joined by '\n'
  OffsetMap text_to_raw;
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<DroppedBlock> dropped;  // article.dropped plus furniture found by the cleaner

  std::string_view TextOf(Span span) const { return std::string_view(text).substr(span.start, span.size()); }
  Span RawSpan(Span text_span) const { return text_to_raw.ToSource(text_span); }
};

}  // namespace hadath

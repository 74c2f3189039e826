// hadath/offsets.h — byte spans and the map from a derived text back to the
// bytes it came from.
//
// Every stage that rewrites text (charset decoding, HTML extraction,
// furniture removal) produces a new UTF-8 string and an OffsetMap from that
// string to its source. Maps compose, so the clean text of an article always
// maps straight to the original bytes as read:
//
//   OffsetMap decoded_to_raw = ...;          // from the charset decoder
//   OffsetMap clean_to_decoded = ...;        // from the furniture cleaner
//   OffsetMap clean_to_raw = clean_to_decoded.Compose(decoded_to_raw);
//   Span evidence_in_raw = clean_to_raw.ToSource({40, 95});
//
// A map is a sequence of segments in text order. A *copy* segment maps text
// bytes one to one onto source bytes (same length). A *replace* segment maps a
// whole text chunk onto a whole source chunk of another length (a character
// transcoded from Windows-1256, an HTML entity, a CRLF turned into LF); an
// offset inside it maps to the chunk's start (for a span start) or end (for a
// span end), so spans never cut a source character in two.
//
// Thread safety: const methods may be called from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hadath/status.h"

namespace hadath {

// Half-open byte range [start, end).
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool operator==(const Span&) const = default;
};

class OffsetMap {
 public:
  struct Segment {
    uint32_t text_start;
    uint32_t text_length;
    uint32_t source_start;
    uint32_t source_length;
    bool is_copy() const { return text_length == source_length; }
  };

  // The identity map of a text of `length` bytes onto itself.
  static OffsetMap Identity(uint32_t length);

  // Appends `length` text bytes that are the source bytes at `source_start`.
  // Adjacent copies that continue each other are merged into one segment.
  void AppendCopy(uint32_t length, uint32_t source_start);
  // Appends `text_length` text bytes standing for the source chunk
  // [source_start, source_start + source_length).
  void AppendReplace(uint32_t text_length, uint32_t source_start, uint32_t source_length);

  // Length of the mapped text (sum of the segments' text lengths).
  uint32_t text_length() const { return text_length_; }
  const std::vector<Segment>& segments() const { return segments_; }

  // Source offset where the text byte at `text_offset` begins. For
  // text_offset == text_length() returns the end of the last segment.
  uint32_t SourceStart(uint32_t text_offset) const;
  // Source offset just after the text byte at `text_end - 1`. For
  // text_end == 0 returns the start of the first segment.
  uint32_t SourceEnd(uint32_t text_end) const;
  // The source span covering the text span.
  Span ToSource(Span text_span) const {
    if (text_span.empty()) {
      uint32_t at = SourceStart(text_span.start);
      return {at, at};
    }
    return {SourceStart(text_span.start), SourceEnd(text_span.end)};
  }

  // Given this map (A -> B) and `next` (B -> C), returns the map A -> C.
  OffsetMap Compose(const OffsetMap& next) const;

  // Compact binary form for storage, and its inverse.
  std::string Serialize() const;
  static Result<OffsetMap> Deserialize(std::string_view bytes);

  bool operator==(const OffsetMap& other) const;

 private:
  // Index of the segment holding text byte `text_offset` (the last segment
  // for text_offset == text_length()).
  size_t SegmentAt(uint32_t text_offset) const;

  std::vector<Segment> segments_;
  uint32_t text_length_ = 0;
};

}  // namespace hadath

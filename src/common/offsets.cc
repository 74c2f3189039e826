#include "hadath/offsets.h"

#include <algorithm>
#include <cassert>

namespace hadath {
namespace {

constexpr uint32_t kSerialMagic = 0x4f4d4150;  // "OMAP"
constexpr uint32_t kSerialVersion = 1;

void PutVarint(uint32_t value, std::string* out) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

bool GetVarint(std::string_view* in, uint32_t* value) {
  uint32_t result = 0;
  for (int shift = 0; shift <= 28; shift += 7) {
    if (in->empty()) return false;
    auto byte = static_cast<uint8_t>(in->front());
    in->remove_prefix(1);
    result |= static_cast<uint32_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *value = result;
      return true;
    }
  }
  return false;
}

}  // namespace

OffsetMap OffsetMap::Identity(uint32_t length) {
  OffsetMap map;
  map.AppendCopy(length, 0);
  return map;
}

void OffsetMap::AppendCopy(uint32_t length, uint32_t source_start) {
  if (length == 0) return;
  if (!segments_.empty()) {
    Segment& last = segments_.back();
    if (last.is_copy() && last.source_start + last.source_length == source_start) {
      last.text_length += length;
      last.source_length += length;
      text_length_ += length;
      return;
    }
  }
  segments_.push_back({text_length_, length, source_start, length});
  text_length_ += length;
}

void OffsetMap::AppendReplace(uint32_t text_length, uint32_t source_start, uint32_t source_length) {
  if (text_length == source_length) {
    AppendCopy(text_length, source_start);
    return;
  }
  if (text_length == 0) return;  // deleted source bytes leave no text to map
  segments_.push_back({text_length_, text_length, source_start, source_length});
  text_length_ += text_length;
}

size_t OffsetMap::SegmentAt(uint32_t text_offset) const {
  assert(!segments_.empty());
  auto after =
      std::upper_bound(segments_.begin(), segments_.end(), text_offset,
                       [](uint32_t offset, const Segment& segment) { return offset < segment.text_start; });
  return static_cast<size_t>(after - segments_.begin()) - 1;
}

uint32_t OffsetMap::SourceStart(uint32_t text_offset) const {
  if (segments_.empty()) return 0;
  if (text_offset >= text_length_) {
    const Segment& last = segments_.back();
    return last.source_start + last.source_length;
  }
  const Segment& segment = segments_[SegmentAt(text_offset)];
  if (!segment.is_copy()) return segment.source_start;
  return segment.source_start + (text_offset - segment.text_start);
}

uint32_t OffsetMap::SourceEnd(uint32_t text_end) const {
  if (segments_.empty()) return 0;
  if (text_end == 0) return segments_.front().source_start;
  const Segment& segment = segments_[SegmentAt(std::min(text_end, text_length_) - 1)];
  if (!segment.is_copy()) return segment.source_start + segment.source_length;
  return segment.source_start + (std::min(text_end, text_length_) - segment.text_start);
}

OffsetMap OffsetMap::Compose(const OffsetMap& next) const {
  OffsetMap result;
  for (const Segment& segment : segments_) {
    if (!segment.is_copy()) {
      Span middle{segment.source_start, segment.source_start + segment.source_length};
      Span outer = next.ToSource(middle);
      result.AppendReplace(segment.text_length, outer.start, outer.size());
      continue;
    }
    // A copy segment may straddle several segments of `next`: split it.
    uint32_t done = 0;
    while (done < segment.text_length) {
      uint32_t middle_offset = segment.source_start + done;
      if (middle_offset >= next.text_length()) {
        // Past the end of `next`: nothing to map onto; keep lengths sane.
        uint32_t at = next.SourceStart(middle_offset);
        result.AppendReplace(segment.text_length - done, at, 0);
        break;
      }
      const Segment& inner = next.segments_[next.SegmentAt(middle_offset)];
      uint32_t inner_left = inner.text_start + inner.text_length - middle_offset;
      uint32_t piece = std::min(inner_left, segment.text_length - done);
      if (inner.is_copy()) {
        result.AppendCopy(piece, inner.source_start + (middle_offset - inner.text_start));
      } else {
        // Part of a replaced chunk: the whole chunk is the best we can say.
        result.AppendReplace(piece, inner.source_start, inner.source_length);
      }
      done += piece;
    }
  }
  return result;
}

std::string OffsetMap::Serialize() const {
  std::string out;
  PutVarint(kSerialMagic, &out);
  PutVarint(kSerialVersion, &out);
  PutVarint(static_cast<uint32_t>(segments_.size()), &out);
  uint32_t previous_source_end = 0;
  for (const Segment& segment : segments_) {
    // Sources mostly advance; store the start as a zigzag delta.
    int64_t delta = static_cast<int64_t>(segment.source_start) - previous_source_end;
    PutVarint(static_cast<uint32_t>(delta >= 0 ? delta * 2 : (-delta) * 2 - 1), &out);
    PutVarint(segment.text_length, &out);
    PutVarint(segment.source_length, &out);
    previous_source_end = segment.source_start + segment.source_length;
  }
  return out;
}

Result<OffsetMap> OffsetMap::Deserialize(std::string_view bytes) {
  uint32_t magic = 0, version = 0, count = 0;
  if (!GetVarint(&bytes, &magic) || magic != kSerialMagic)
    return Status::Error("offset map: bad magic number");
  if (!GetVarint(&bytes, &version) || version != kSerialVersion)
    return Status::Error("offset map: unsupported version " + std::to_string(version));
  if (!GetVarint(&bytes, &count)) return Status::Error("offset map: truncated header");
  OffsetMap map;
  uint32_t previous_source_end = 0;
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t zigzag = 0, text_length = 0, source_length = 0;
    if (!GetVarint(&bytes, &zigzag) || !GetVarint(&bytes, &text_length) || !GetVarint(&bytes, &source_length))
      return Status::Error("offset map: truncated at segment " + std::to_string(i));
    int64_t delta = (zigzag & 1) ? -static_cast<int64_t>((zigzag + 1) / 2) : zigzag / 2;
    int64_t source_start = previous_source_end + delta;
    if (source_start < 0) return Status::Error("offset map: negative source offset");
    map.segments_.push_back(
        {map.text_length_, text_length, static_cast<uint32_t>(source_start), source_length});
    map.text_length_ += text_length;
    previous_source_end = static_cast<uint32_t>(source_start) + source_length;
  }
  if (!bytes.empty()) return Status::Error("offset map: trailing bytes");
  return map;
}

bool OffsetMap::operator==(const OffsetMap& other) const {
  if (text_length_ != other.text_length_ || segments_.size() != other.segments_.size()) return false;
  for (size_t i = 0; i < segments_.size(); ++i) {
    const Segment& a = segments_[i];
    const Segment& b = other.segments_[i];
    if (a.text_start != b.text_start || a.text_length != b.text_length || a.source_start != b.source_start ||
        a.source_length != b.source_length)
      return false;
  }
  return true;
}

}  // namespace hadath

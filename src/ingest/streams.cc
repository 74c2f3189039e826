#include "ingest/streams.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "hadath/ingest.h"

namespace hadath::ingest {
namespace internal {
namespace {

constexpr size_t kChunkBytes = 1 << 20;

std::string TooLarge(uint64_t limit) {
  return "document too large (over the limit of " + std::to_string(limit) + " bytes)";
}

}  // namespace

// ---------------------------------------------------------------------------

FileSource::~FileSource() {
  if (file_ && owned_) std::fclose(file_);
}

Status FileSource::Open(const std::string& path) {
  if (path == "-") {
    file_ = stdin;
    owned_ = false;
    return Status::Ok();
  }
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) return Status::Error(std::string("cannot open: ") + std::strerror(errno));
  owned_ = true;
  return Status::Ok();
}

Result<size_t> FileSource::Read(char* buffer, size_t capacity) {
  size_t count = std::fread(buffer, 1, capacity, file_);
  if (count == 0 && std::ferror(file_))
    return Status::Error(std::string("read error: ") + std::strerror(errno));
  bytes_read_ += count;
  return count;
}

Result<size_t> MemorySource::Read(char* buffer, size_t capacity) {
  size_t count = std::min(capacity, bytes_.size());
  std::memcpy(buffer, bytes_.data(), count);
  bytes_.remove_prefix(count);
  return count;
}

// ---------------------------------------------------------------------------

Result<std::string_view> PeekableSource::Peek(size_t count) {
  while (peeked_.size() - peeked_at_ < count) {
    size_t have = peeked_.size();
    peeked_.resize(peeked_at_ + count);
    Result<size_t> got = inner_->Read(peeked_.data() + have, peeked_.size() - have);
    if (!got) return got.status();
    peeked_.resize(have + *got);
    if (*got == 0) break;
  }
  return std::string_view(peeked_).substr(peeked_at_, count);
}

Result<size_t> PeekableSource::Read(char* buffer, size_t capacity) {
  if (peeked_at_ < peeked_.size()) {
    size_t count = std::min(capacity, peeked_.size() - peeked_at_);
    std::memcpy(buffer, peeked_.data() + peeked_at_, count);
    peeked_at_ += count;
    return count;
  }
  return inner_->Read(buffer, capacity);
}

// ---------------------------------------------------------------------------

GunzipSource::GunzipSource(ByteSource* inner) : inner_(inner), input_(new char[kChunkBytes]) {
  // 15 window bits + 16: gzip wrapper only.
  initialised_ = inflateInit2(&stream_, 15 + 16) == Z_OK;
}

GunzipSource::~GunzipSource() {
  if (initialised_) inflateEnd(&stream_);
}

Status GunzipSource::Refill() {
  Result<size_t> got = inner_->Read(input_.get(), kChunkBytes);
  if (!got) return got.status();
  stream_.next_in = reinterpret_cast<Bytef*>(input_.get());
  stream_.avail_in = static_cast<uInt>(*got);
  compressed_offset_ += *got;
  inner_at_end_ = *got == 0;
  return Status::Ok();
}

// After a member's end: true if another member follows (the stream is reset
// for it), false at the end of the data. Zero padding is ignored; anything
// else is an error.
Result<bool> GunzipSource::StartNextMember() {
  while (true) {
    while (stream_.avail_in > 0 && *stream_.next_in == 0) {
      ++stream_.next_in;
      --stream_.avail_in;
    }
    if (stream_.avail_in > 0) break;
    if (Status refilled = Refill(); !refilled) return refilled;
    if (inner_at_end_) return false;
  }
  if (*stream_.next_in != 0x1f)
    return Status::Error("corrupt gzip data: trailing garbage after the compressed data");
  inflateReset(&stream_);
  return true;
}

Result<size_t> GunzipSource::Read(char* buffer, size_t capacity) {
  if (!initialised_) return Status::Error("cannot start zlib (out of memory?)");
  if (finished_ || capacity == 0) return size_t{0};
  stream_.next_out = reinterpret_cast<Bytef*>(buffer);
  stream_.avail_out = static_cast<uInt>(std::min<size_t>(capacity, UINT32_MAX));
  while (stream_.avail_out > 0) {
    if (stream_.avail_in == 0) {
      if (Status refilled = Refill(); !refilled) return refilled;
      if (inner_at_end_)
        return Status::Error("gzip data is truncated (it ends after " + std::to_string(compressed_offset_) +
                             " compressed bytes)");
    }
    int code = inflate(&stream_, Z_NO_FLUSH);
    if (code == Z_STREAM_END) {
      Result<bool> more = StartNextMember();
      if (!more) return more.status();
      if (!*more) {
        finished_ = true;
        break;
      }
      continue;
    }
    if (code == Z_DATA_ERROR || code == Z_NEED_DICT)
      return Status::Error(std::string("corrupt gzip data: ") +
                           (stream_.msg ? stream_.msg : "bad compressed data"));
    if (code == Z_MEM_ERROR) return Status::Error("out of memory while decompressing gzip data");
    if (code != Z_OK && code != Z_BUF_ERROR) return Status::Error("gzip error " + std::to_string(code));
    // Produce what we have rather than wait for a full buffer.
    if (stream_.avail_out < capacity && stream_.avail_in == 0) break;
  }
  return capacity - stream_.avail_out;
}

// ---------------------------------------------------------------------------

Result<std::string> ReadAll(ByteSource* source, uint64_t max_bytes) {
  std::string bytes;
  while (true) {
    size_t have = bytes.size();
    size_t chunk = std::max<size_t>(kChunkBytes / 16, std::min<size_t>(have, kChunkBytes * 16));
    bytes.resize(have + chunk);
    Result<size_t> got = source->Read(bytes.data() + have, chunk);
    if (!got) return got.status();
    bytes.resize(have + *got);
    if (bytes.size() > max_bytes) return Status::Error(TooLarge(max_bytes));
    if (*got == 0) return bytes;
  }
}

// ---------------------------------------------------------------------------

LineReader::LineReader(ByteSource* source, uint64_t max_line_bytes)
    : source_(source), max_line_bytes_(max_line_bytes) {}

bool LineReader::FillBuffer() {
  buffer_.resize(kChunkBytes);
  buffer_at_ = 0;
  Result<size_t> got = source_->Read(buffer_.data(), buffer_.size());
  if (!got) {
    error_ = got.error();
    buffer_.clear();
    return false;
  }
  buffer_.resize(*got);
  at_end_ = *got == 0;
  return true;
}

LineReader::Outcome LineReader::Next() {
  line_.clear();
  line_length_ = 0;
  bool too_long = false;
  bool any = false;
  while (true) {
    if (buffer_at_ >= buffer_.size()) {
      if (at_end_) break;
      if (!FillBuffer()) return kError;
      if (at_end_) break;
    }
    any = true;
    const char* start = buffer_.data() + buffer_at_;
    size_t available = buffer_.size() - buffer_at_;
    const void* newline = std::memchr(start, '\n', available);
    size_t take = newline ? static_cast<const char*>(newline) - start : available;
    line_length_ += take;
    too_long = too_long || line_length_ > max_line_bytes_;
    if (!too_long) line_.append(start, take);
    buffer_at_ += take + (newline ? 1 : 0);
    if (newline) break;
  }
  if (!any) return kEnd;
  ++line_number_;
  if (too_long) {
    line_.clear();
    line_.shrink_to_fit();
    return kTooLong;
  }
  if (!line_.empty() && line_.back() == '\r') line_.pop_back();
  return kLine;
}

}  // namespace internal

bool LooksGzipped(std::string_view bytes) { return bytes.substr(0, 2) == "\x1f\x8b"; }

Result<std::string> Gunzip(std::string_view bytes, uint64_t max_output_bytes) {
  internal::MemorySource memory(bytes);
  internal::GunzipSource gunzip(&memory);
  return internal::ReadAll(&gunzip, max_output_bytes);
}

}  // namespace hadath::ingest

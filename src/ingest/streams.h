// Internal: byte sources for the ingest stage (files, stdin, memory, gunzip)
// and a line reader that streams JSON Lines without holding the file.
//
//   FileSource file;
//   if (Status opened = file.Open(path); !opened) return opened;
//   PeekableSource input(&file);
//   GunzipSource gunzip(&input);                       // only if LooksGzipped(input.Peek(2))
//   LineReader lines(&gunzip, max_line_bytes);
//   while (lines.Next() == LineReader::kLine) use(lines.line(), lines.line_number());
//
// Not thread-safe; one chain of sources per input.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "hadath/status.h"

namespace hadath::ingest::internal {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `capacity` bytes; 0 at the end. Errors carry a reason
  // without the path (the caller knows it).
  virtual Result<size_t> Read(char* buffer, size_t capacity) = 0;
};

// A file, or standard input for "-".
class FileSource final : public ByteSource {
 public:
  FileSource() = default;
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Status Open(const std::string& path);
  Result<size_t> Read(char* buffer, size_t capacity) override;
  // Bytes read from the file so far (compressed bytes for a .gz).
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  std::FILE* file_ = nullptr;
  bool owned_ = false;
  uint64_t bytes_read_ = 0;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> Read(char* buffer, size_t capacity) override;

 private:
  std::string_view bytes_;
};

// Lets the first bytes be looked at before they are read.
class PeekableSource final : public ByteSource {
 public:
  explicit PeekableSource(ByteSource* inner) : inner_(inner) {}
  // Up to `count` first unread bytes (fewer at the end of the input).
  Result<std::string_view> Peek(size_t count);
  Result<size_t> Read(char* buffer, size_t capacity) override;

 private:
  ByteSource* inner_;
  std::string peeked_;
  size_t peeked_at_ = 0;
};

// Inflates gzip data read from `inner`: concatenated members are read in
// turn, trailing zero padding is ignored.
class GunzipSource final : public ByteSource {
 public:
  explicit GunzipSource(ByteSource* inner);
  ~GunzipSource() override;
  GunzipSource(const GunzipSource&) = delete;
  GunzipSource& operator=(const GunzipSource&) = delete;

  Result<size_t> Read(char* buffer, size_t capacity) override;

 private:
  Status Refill();
  Result<bool> StartNextMember();

  ByteSource* inner_;
  z_stream stream_{};
  bool initialised_ = false;
  bool finished_ = false;
  bool inner_at_end_ = false;
  uint64_t compressed_offset_ = 0;  // compressed bytes taken from inner_
  std::unique_ptr<char[]> input_;
};

// Reads all of `source`; fails with "document too large (more than N bytes)"
// past `max_bytes`.
Result<std::string> ReadAll(ByteSource* source, uint64_t max_bytes);

// Splits a source into lines ('\n'; a '\r' before it is dropped).
class LineReader {
 public:
  enum Outcome { kLine, kTooLong, kEnd, kError };

  LineReader(ByteSource* source, uint64_t max_line_bytes);

  // Reads the next line. kTooLong: the line (line_length() bytes) was
  // skipped. kError: see error().
  Outcome Next();
  const std::string& line() const { return line_; }
  uint64_t line_number() const { return line_number_; }
  uint64_t line_length() const { return line_length_; }
  const std::string& error() const { return error_; }

 private:
  bool FillBuffer();

  ByteSource* source_;
  uint64_t max_line_bytes_;
  std::string buffer_;
  size_t buffer_at_ = 0;
  bool at_end_ = false;
  std::string line_;
  uint64_t line_number_ = 0;
  uint64_t line_length_ = 0;
  std::string error_;
};

}  // namespace hadath::ingest::internal

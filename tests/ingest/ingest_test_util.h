// Helpers shared by the ingest tests: charset encoding with ICU, gzip,
// temporary folders, and a sink that keeps what it is given.
#pragma once

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "hadath/ingest.h"

namespace hadath::ingest::testing {

namespace fs = std::filesystem;

// `utf8` encoded in `encoding` by ICU (the same library, but the encoder side).
inline std::string Encode(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t length = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<size_t>(length));
  return out;
}

// `bytes` in `encoding` decoded to UTF-8 by ICU, for checking mapped spans.
inline std::string DecodeWithIcu(const std::string& bytes, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(bytes.size() * 4 + 16, '\0');
  int32_t length = ucnv_convert("UTF-8", encoding, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                                static_cast<int32_t>(bytes.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<size_t>(length));
  return out;
}

inline std::string Gzip(const std::string& bytes) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&stream, bytes.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

inline std::string RandomBytes(size_t count, uint32_t seed) {
  std::mt19937 random(seed);
  std::string bytes(count, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
  return bytes;
}

// A fresh folder under the test temp dir, removed at the end of the test.
class TempFolder {
 public:
  TempFolder() {
    std::string pattern = (fs::path(::testing::TempDir()) / "hadath-ingest-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

  // Writes `bytes` to `relative` (creating folders) and returns its path.
  std::string Write(const std::string& relative, const std::string& bytes) const {
    fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file.string();
  }

 private:
  fs::path path_;
};

class CollectingSink final : public ArticleSink {
 public:
  void OnArticle(Article&& article) override { articles.push_back(std::move(article)); }
  void OnError(const std::string& where, const std::string& reason) override {
    errors.push_back(where + ": " + reason);
  }
  void OnProgress(uint64_t done, uint64_t total) override {
    last_done = done;
    last_total = total;
    ++progress_calls;
  }

  std::vector<Article> articles;
  std::vector<std::string> errors;
  uint64_t last_done = 0, last_total = 0;
  int progress_calls = 0;
};

// The bytes of `raw` that `text_span` of the article's decoded text maps to.
inline std::string RawOf(const Article& article, Span text_span) {
  Span source = article.decoded_to_raw.ToSource(text_span);
  return article.raw.substr(source.start, source.size());
}

// The '\n'-separated blocks of `text`.
inline std::vector<std::string> Blocks(const std::string& text) {
  std::vector<std::string> blocks;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    blocks.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return blocks;
}

// Spans of the '\n'-separated blocks of `text`.
inline std::vector<Span> BlockSpans(const std::string& text) {
  std::vector<Span> spans;
  uint32_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    spans.push_back({start, static_cast<uint32_t>(end)});
    start = static_cast<uint32_t>(end) + 1;
  }
  return spans;
}

}  // namespace hadath::ingest::testing

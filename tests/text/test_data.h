// Shared helpers for the text and lexicon tests.
#pragma once

#include <string>
#include <string_view>

#include "hadath/offsets.h"
#include "hadath/tsv.h"

namespace hadath::testing {

// The project's data/ folder.
inline std::string DataDirectory() { return DataDir(); }

// The shared folder beside the repository (seeds, corpus).
inline std::string SharedDirectory() { return HADATH_SHARED_DIR; }

inline std::string_view Slice(std::string_view text, Span span) {
  return text.substr(span.start, span.size());
}

}  // namespace hadath::testing

#include <cstdio>
#include <vector>

#include "text/json_field.h"

namespace hadath::testing {

// The `content` of the first records of the shared corpus (read through
// gzip -dc), up to about `max_bytes`; empty when the corpus is absent.
inline std::vector<std::string> CorpusArticles(size_t max_bytes) {
  std::vector<std::string> articles;
  std::string path = SharedDirectory() + "/corpus/saudinewsnet.jsonl.gz";
  if (FILE* probe = std::fopen(path.c_str(), "rb"))
    std::fclose(probe);
  else
    return articles;
  FILE* pipe = ::popen(("gzip -dc '" + path + "'").c_str(), "r");
  if (!pipe) return articles;
  std::string line;
  size_t total = 0;
  char buffer[1 << 16];
  while (total < max_bytes && std::fgets(buffer, sizeof buffer, pipe)) {
    line += buffer;
    if (line.back() != '\n') continue;
    if (auto content = text::JsonStringField(line, "content"); content && !content->empty()) {
      total += content->size();
      articles.push_back(std::move(*content));
    }
    line.clear();
  }
  ::pclose(pipe);
  return articles;
}

}  // namespace hadath::testing

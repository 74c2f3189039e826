// Internal, for tests and benchmarks: pulls one string field out of a JSON
// Lines record (the shared corpus's `content`) without a JSON library, so
// that text_test needs no more than the text library. Not for production
// input: hadath::ingest reads JSON properly.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "text/utf8.h"

namespace hadath::text {

namespace json_field_internal {

inline std::optional<char32_t> ReadHex4(std::string_view text, size_t at) {
  if (at + 4 > text.size()) return std::nullopt;
  char32_t value = 0;
  for (size_t i = at; i < at + 4; ++i) {
    char c = text[i];
    int digit = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<char32_t>(digit);
  }
  return value;
}

// Decodes "\uXXXX" (and a following low surrogate) at text[at] == 'u';
// advances `at` past it.
inline char32_t ReadUnicodeEscape(std::string_view text, size_t* at) {
  auto unit = ReadHex4(text, *at + 1);
  if (!unit) return kReplacementCharacter;
  *at += 4;
  if (*unit < 0xD800 || *unit > 0xDFFF) return *unit;
  if (*unit > 0xDBFF || text.substr(*at + 1, 2) != "\\u") return kReplacementCharacter;
  auto low = ReadHex4(text, *at + 3);
  if (!low || *low < 0xDC00 || *low > 0xDFFF) return kReplacementCharacter;
  *at += 6;
  return 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00);
}

inline char SimpleEscape(char c) {
  switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'b': return '\b';
    case 'f': return '\f';
    default: return c;  // \" \\ \/
  }
}

}  // namespace json_field_internal

// The unescaped value of the string field `name` of the JSON object on
// `line`, or nullopt when absent.
inline std::optional<std::string> JsonStringField(std::string_view line, std::string_view name) {
  std::string key(1, '"');
  key.append(name).push_back('"');
  size_t at = line.find(key);
  if (at == std::string_view::npos) return std::nullopt;
  at = line.find('"', line.find(':', at + key.size()));
  if (at == std::string_view::npos) return std::nullopt;
  std::string value;
  for (++at; at < line.size() && line[at] != '"'; ++at) {
    if (line[at] != '\\') {
      value += line[at];
    } else if (++at < line.size() && line[at] == 'u') {
      AppendUtf8(json_field_internal::ReadUnicodeEscape(line, &at), &value);
    } else if (at < line.size()) {
      value += json_field_internal::SimpleEscape(line[at]);
    }
  }
  return value;
}

}  // namespace hadath::text

// Internal: charset decoding entry points shared by the text and HTML readers.
#pragma once

#include <string>
#include <string_view>

#include "hadath/ingest.h"

namespace hadath::ingest::internal {

enum class ContentKind { kText, kMarkup };

// DecodeText, telling the charset detector whether `bytes` is markup (then
// tags are ignored when guessing the charset).
Result<Decoded> DecodeBytes(std::string_view bytes, std::string_view forced_encoding, ContentKind kind);

// The charset an HTML page declares in its first 4 KiB (<meta charset>,
// <meta http-equiv=Content-Type content="...; charset=...">, or an XML
// declaration's encoding), or "" when it declares none.
std::string DeclaredHtmlCharset(std::string_view html);

// ICU's preferred name for a charset label ("cp1256" -> "windows-1256"), or
// "" when ICU does not know it.
std::string CanonicalEncodingName(std::string_view label);

// Returns true iff `bytes` (after an optional UTF-8 BOM) are well-formed UTF-8
// holding at least one non-ASCII character.
bool IsValidUtf8WithNonAscii(std::string_view bytes);

}  // namespace hadath::ingest::internal

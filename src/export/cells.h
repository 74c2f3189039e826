// Helpers shared by the writers of src/export/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hadath/export.h"

namespace hadath::exporter {

// The value of an integer, or of a float with no fractional part; nullopt
// for anything else.
std::optional<int64_t> WholeNumber(const Record& number);
// A number's text without spurious decimals ("" for NaN and infinities).
std::string NumberText(const Record& number);
// One-line JSON; invalid UTF-8 in strings becomes U+FFFD instead of throwing.
std::string CompactDump(const Record& value);

// record[key], or a null value when `record` is not an object or lacks key.
const Record& Field(const Record& record, std::string_view key);

}  // namespace hadath::exporter

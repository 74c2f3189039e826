// Typed reads of JSON fields for the gold and prediction readers. A field of
// the wrong type throws InputError("field: expected ..."); the readers catch
// it at the top and turn it into a Status naming the file and line.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hadath::eval {

struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using Json = nlohmann::json;

// object[key], or null when missing (or when `object` is not an object).
const Json& Member(const Json& object, const char* key);

// A string (a number is taken as its text); nullopt when null or missing.
std::optional<std::string> OptionalString(const Json& object, const char* key);
// Same, "" when null or missing.
std::string StringOr(const Json& object, const char* key);
// A number (or numeric text); nullopt when null or missing.
std::optional<double> OptionalNumber(const Json& object, const char* key);
// true/false; `fallback` when null or missing.
bool BoolOr(const Json& object, const char* key, bool fallback);
// An array of strings; empty when null or missing.
std::vector<std::string> StringList(const Json& object, const char* key);

// The line (1-based) of byte `offset` in `text`.
int LineOf(std::string_view text, size_t offset);
// nlohmann's message without its "[json.exception....] " tag, nor the line
// of a parse error (callers name it): "column 2: syntax error ...".
std::string JsonMessage(const std::exception& error);

}  // namespace hadath::eval

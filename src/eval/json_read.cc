#include "eval/json_read.h"
#include "hadath/tsv.h"

#include <algorithm>
#include <cmath>

namespace hadath::eval {
namespace {

[[noreturn]] void Expected(const char* key, const char* what) {
  throw InputError(std::string(key) + ": expected " + what);
}

}  // namespace

const Json& Member(const Json& object, const char* key) {
  static const Json null_value;
  if (!object.is_object()) return null_value;
  auto found = object.find(key);
  return found == object.end() ? null_value : *found;
}

std::optional<std::string> OptionalString(const Json& object, const char* key) {
  const Json& value = Member(object, key);
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return value.dump();
  Expected(key, "a string");
}

std::string StringOr(const Json& object, const char* key) { return OptionalString(object, key).value_or(""); }

std::optional<double> OptionalNumber(const Json& object, const char* key) {
  const Json& value = Member(object, key);
  if (value.is_null()) return std::nullopt;
  std::optional<double> number;
  if (value.is_number()) number = value.get<double>();
  if (value.is_string()) number = ParseNumber<double>(value.get<std::string>());
  if (!number || !std::isfinite(*number)) Expected(key, "a number");
  return number;
}

bool BoolOr(const Json& object, const char* key, bool fallback) {
  const Json& value = Member(object, key);
  if (value.is_null()) return fallback;
  if (!value.is_boolean()) Expected(key, "true or false");
  return value.get<bool>();
}

std::vector<std::string> StringList(const Json& object, const char* key) {
  const Json& value = Member(object, key);
  if (value.is_null()) return {};
  if (!value.is_array() ||
      !std::all_of(value.begin(), value.end(), [](const Json& item) { return item.is_string(); }))
    Expected(key, "an array of strings");
  return value.get<std::vector<std::string>>();
}

int LineOf(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

std::string JsonMessage(const std::exception& error) {
  std::string_view message = error.what();
  if (message.starts_with("[json.exception.")) message.remove_prefix(message.find(' ') + 1);
  // "parse error at line 1, column 2: ..." -> "column 2: ..." (callers give the line).
  if (message.starts_with("parse error at line ")) {
    size_t comma = message.find(", column ");
    if (comma != std::string_view::npos) message.remove_prefix(comma + 2);
  }
  return std::string(message);
}

}  // namespace hadath::eval

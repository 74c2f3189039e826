// Lenient reads of a record's JSON fields: a missing, null or mistyped field
// reads as absent (records come from the events stage or an older hadath).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace hadath::link {

using Json = nlohmann::json;

// The string at `key`, or "".
inline std::string TextField(const Json& object, const char* key) {
  auto field = object.find(key);
  return field != object.end() && field->is_string() ? field->get<std::string>() : std::string();
}

// The number at `key`, or nullopt.
template <typename T>
std::optional<T> NumberField(const Json& object, const char* key) {
  auto field = object.find(key);
  if (field == object.end() || !field->is_number()) return std::nullopt;
  return field->get<T>();
}

// The strings of the array at `key` (other items skipped), or none.
inline std::vector<std::string> TextList(const Json& object, const char* key) {
  std::vector<std::string> texts;
  auto field = object.find(key);
  if (field != object.end() && field->is_array())
    for (const Json& item : *field)
      if (item.is_string()) texts.push_back(item.get<std::string>());
  return texts;
}

}  // namespace hadath::link

// JSON Lines records -> Articles, with simdjson's on-demand parser.
#include <simdjson.h>

#include <array>
#include <climits>
#include <optional>

#include "hadath/ingest.h"
#include "ingest/utf8.h"

namespace hadath::ingest {
namespace {

namespace ondemand = simdjson::ondemand;
using internal::IsBlank;
using internal::TrimAscii;

enum Role { kId, kText, kTitle, kUrl, kPublished, kOutlet, kRoleCount };
constexpr std::array<const char*, kRoleCount> kRoleNames = {"id",  "text",      "title",
                                                            "url", "published", "outlet"};

std::vector<std::string>* NamesOf(FieldNames& fields, Role role) {
  switch (role) {
    case kId: return &fields.id;
    case kText: return &fields.text;
    case kTitle: return &fields.title;
    case kUrl: return &fields.url;
    case kPublished: return &fields.published;
    case kOutlet: return &fields.outlet;
    case kRoleCount: break;
  }
  return nullptr;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

// The value a record gives for one role.
struct FieldValue {
  bool present = false;
  int rank = INT_MAX;   // index of the field name in the role's list
  std::string name;     // the field it came from
  std::string value;    // the string (or the number's digits)
  std::string problem;  // "null", "an array", ... when not a usable string

  bool usable() const { return present && problem.empty() && !IsBlank(value); }
};

const char* TypeName(ondemand::json_type type) {
  switch (type) {
    case ondemand::json_type::array: return "an array";
    case ondemand::json_type::object: return "an object";
    case ondemand::json_type::number: return "a number";
    case ondemand::json_type::string: return "a string";
    case ondemand::json_type::boolean: return "true or false";
    case ondemand::json_type::null: return "null";
  }
  return "?";
}

Status InvalidJson(simdjson::error_code error) {
  if (error == simdjson::UTF8_ERROR)
    return Status::Error("invalid JSON: the line is not valid UTF-8 (JSON Lines must be UTF-8)");
  return Status::Error(std::string("invalid JSON: ") + simdjson::error_message(error));
}

// Reads a field's value into `slot`. A number id is kept as its digits;
// other non-strings are recorded as a problem.
Status ReadValue(ondemand::value value, Role role, std::string_view name, int rank, FieldValue* slot) {
  ondemand::json_type type;
  if (auto error = value.type().get(type)) return InvalidJson(error);
  FieldValue read;
  read.present = true;
  read.rank = rank;
  read.name = name;
  if (type == ondemand::json_type::string) {
    std::string_view text;
    if (auto error = value.get_string().get(text)) return InvalidJson(error);
    read.value = text;
  } else if (type == ondemand::json_type::number && role == kId) {
    read.value = TrimAscii(value.raw_json_token());
  } else {
    read.problem = TypeName(type);
  }
  // A usable value beats an unusable one; otherwise the preferred name wins.
  if (!slot->present || (read.usable() && !slot->usable()) ||
      (read.usable() == slot->usable() && read.rank < slot->rank))
    *slot = std::move(read);
  return Status::Ok();
}

// The error for a line that is not an object: "not a JSON object" when it
// is another JSON value, "invalid JSON" when it is not JSON at all.
Status NotAnObject(ondemand::document& document, ondemand::json_type type) {
  simdjson::error_code error = simdjson::SUCCESS;
  if (type == ondemand::json_type::null) {
    bool is_null = false;
    error = document.is_null().get(is_null);
    if (!error && !is_null) error = simdjson::N_ATOM_ERROR;
  } else if (type == ondemand::json_type::boolean) {
    error = document.get_bool().error();
  } else if (type == ondemand::json_type::number) {
    error = document.get_number().error();
  }
  if (error) return InvalidJson(error);
  return Status::Error(std::string("not a JSON object (the line holds ") + TypeName(type) + ")");
}

std::string TextProblem(const FieldValue& text, const FieldNames& fields) {
  if (!text.present) return "no text: none of the fields " + JoinNames(fields.text) + " is present";
  if (!text.problem.empty()) return "no text: field '" + text.name + "' is " + text.problem;
  return "no text: field '" + text.name + "' is empty";
}

std::string Trimmed(const FieldValue& field) {
  return field.usable() ? std::string(TrimAscii(field.value)) : std::string();
}

}  // namespace

Status FieldNames::Set(std::string_view role, std::string_view name) {
  for (int index = 0; index < kRoleCount; ++index) {
    if (role != kRoleNames[static_cast<size_t>(index)]) continue;
    std::vector<std::string> names;
    for (size_t start = 0; start <= name.size();) {
      size_t comma = std::min(name.find(',', start), name.size());
      std::string_view one = TrimAscii(name.substr(start, comma - start));
      if (one.empty())
        return Status::Error("empty field name for role '" + std::string(role) + "' in '" +
                             std::string(name) + "'");
      names.emplace_back(one);
      start = comma + 1;
    }
    *NamesOf(*this, static_cast<Role>(index)) = std::move(names);
    return Status::Ok();
  }
  return Status::Error("unknown field role '" + std::string(role) +
                       "' (roles: id, text, title, url, published, outlet)");
}

struct JsonRecordParser::State {
  FieldNames fields;
  ondemand::parser parser;
  std::string padded;  // the line, with simdjson's padding after it
  std::array<FieldValue, kRoleCount> values;

  // Role and rank of a key, or kRoleCount.
  std::pair<Role, int> RoleOf(std::string_view key) {
    for (int role = 0; role < kRoleCount; ++role) {
      const std::vector<std::string>& names = *NamesOf(fields, static_cast<Role>(role));
      for (size_t rank = 0; rank < names.size(); ++rank)
        if (names[rank] == key) return {static_cast<Role>(role), static_cast<int>(rank)};
    }
    return {kRoleCount, 0};
  }

  Status ReadRecord(std::string_view line);
  Article BuildArticle(std::string_view where);
};

Status JsonRecordParser::State::ReadRecord(std::string_view line) {
  values = {};
  padded.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  padded.assign(line);
  ondemand::document document;
  simdjson::padded_string_view view(padded.data(), padded.size(), padded.capacity());
  if (auto error = parser.iterate(view).get(document)) return InvalidJson(error);
  ondemand::json_type type;
  if (auto error = document.type().get(type)) return InvalidJson(error);
  if (type != ondemand::json_type::object) return NotAnObject(document, type);
  ondemand::object object;
  if (auto error = document.get_object().get(object)) return InvalidJson(error);
  for (auto field_result : object) {
    ondemand::field field;
    std::string_view key;
    if (auto error = std::move(field_result).get(field)) return InvalidJson(error);
    if (auto error = field.unescaped_key().get(key)) return InvalidJson(error);
    auto [role, rank] = RoleOf(key);
    if (role == kRoleCount) continue;  // on-demand skips the value
    if (Status read = ReadValue(field.value(), role, key, rank, &values[role]); !read) return read;
  }
  // At the end of the input current_location() says "out of bounds".
  if (document.current_location().error() != simdjson::OUT_OF_BOUNDS)
    return Status::Error("invalid JSON: more text after the object");
  return Status::Ok();
}

Article JsonRecordParser::State::BuildArticle(std::string_view where) {
  Article article;
  article.format = SourceFormat::kJsonLines;
  article.encoding = "UTF-8";
  article.path = where;
  article.raw = std::move(values[kText].value);
  article.decoded = article.raw;
  article.decoded_to_raw = OffsetMap::Identity(static_cast<uint32_t>(article.raw.size()));
  article.key = Trimmed(values[kId]);
  if (article.key.empty()) article.key = Trimmed(values[kUrl]);
  if (article.key.empty()) article.key = where;
  article.metadata.title = Trimmed(values[kTitle]);
  article.metadata.url = Trimmed(values[kUrl]);
  article.metadata.outlet = Trimmed(values[kOutlet]);
  std::string published = Trimmed(values[kPublished]);
  article.metadata.published = ParseDate(published);
  if (!published.empty() && !article.metadata.published.known())
    article.warnings.push_back("field '" + values[kPublished].name + "': cannot read the date '" + published +
                               "'");
  return article;
}

JsonRecordParser::JsonRecordParser(FieldNames fields) : state_(std::make_unique<State>()) {
  state_->fields = std::move(fields);
}
JsonRecordParser::~JsonRecordParser() = default;
JsonRecordParser::JsonRecordParser(JsonRecordParser&&) noexcept = default;
JsonRecordParser& JsonRecordParser::operator=(JsonRecordParser&&) noexcept = default;

Result<Article> JsonRecordParser::Parse(std::string_view line, std::string_view where) {
  if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // a BOM on the first line
  if (line.size() >= UINT32_MAX)
    return Status::Error("record too large for 32-bit offsets (" + std::to_string(line.size()) + " bytes)");
  if (IsBlank(line)) return Status::Error("empty line");
  if (Status read = state_->ReadRecord(line); !read) return read;
  if (!state_->values[kText].usable())
    return Status::Error(TextProblem(state_->values[kText], state_->fields));
  return state_->BuildArticle(where);
}

}  // namespace hadath::ingest

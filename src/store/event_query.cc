#include "store/event_query.h"

namespace hadath::store {
namespace {

void Add(WhereClause* where, std::string_view clause) {
  where->sql += where->sql.empty() ? "WHERE " : " AND ";
  where->sql += clause;
}

}  // namespace

WhereClause FilterClause(const EventFilter& filter) {
  WhereClause where;
  auto text = [&](const std::string& value, std::string_view clause, int times = 1) {
    if (value.empty()) return;
    Add(&where, clause);
    for (int i = 0; i < times; ++i) where.values.emplace_back(value);
  };
  if (!filter.include_background) Add(&where, "background = 0");
  // On the expression the order indexes hold (undated events sort as '9999').
  text(filter.date_from, "COALESCE(event_date, '9999') >= ? AND COALESCE(event_date, '9999') < '9999'");
  text(filter.date_to, "COALESCE(event_date, '9999') <= ?");
  text(filter.admin1, "admin1 = ?");
  text(filter.admin2, "json_extract(record, '$.admin2') = ?");
  text(filter.place_id, "json_extract(record, '$.gazetteer_id') = ?");
  text(filter.actor_id,
       "(json_extract(record, '$.actor1_id') = ? OR json_extract(record, '$.actor2_id') = ? OR "
       "EXISTS (SELECT 1 FROM json_each(record, '$.assoc_actor_1_ids') WHERE value = ?) OR "
       "EXISTS (SELECT 1 FROM json_each(record, '$.assoc_actor_2_ids') WHERE value = ?))",
       4);
  text(filter.event_type, "event_type = ?");
  text(filter.sub_event_type, "sub_event_type = ?");
  if (filter.min_fatalities) {
    Add(&where, "COALESCE(fatalities, 0) >= ?");
    where.values.emplace_back(*filter.min_fatalities);
  }
  if (filter.civilian_only)
    Add(&where,
        "(COALESCE(json_extract(record, '$.civilian_fatalities'), 0) > 0 OR "
        "json_extract(record, '$.civilian_targeting') = 'Civilian targeting')");
  if (filter.west && filter.south && filter.east && filter.north) {
    Add(&where, "latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?");
    for (double value : {*filter.south, *filter.north, *filter.west, *filter.east})
      where.values.emplace_back(value);
  }
  // The record holds the notes and every evidence text.
  text(filter.text, "instr(lower(record), lower(?)) > 0");
  text(filter.changed_since, "updated_at >= ?");
  return where;
}

OrderSql OrderOf(EventOrder order) {
  switch (order) {
    case EventOrder::kDate: return {"COALESCE(event_date, '9999')", "ASC", ">"};
    case EventOrder::kDateDescending: return {"COALESCE(event_date, '')", "DESC", "<"};
    case EventOrder::kFatalitiesDescending: return {"printf('%010d', COALESCE(fatalities, 0))", "DESC", "<"};
  }
  return {"id", "ASC", ">"};
}

std::string EncodeCursor(const std::string& key, const std::string& id) {
  static const char* const kHex = "0123456789abcdef";
  std::string plain = key + '\x1f' + id, hex;
  for (unsigned char c : plain) hex += {kHex[c >> 4], kHex[c & 15]};
  return hex;
}

bool DecodeCursor(const std::string& cursor, std::string* key, std::string* id) {
  if (cursor.size() % 2 != 0 || cursor.size() > 512) return false;
  std::string plain;
  for (size_t i = 0; i < cursor.size(); i += 2) {
    auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      return -1;
    };
    int high = nibble(cursor[i]), low = nibble(cursor[i + 1]);
    if (high < 0 || low < 0) return false;
    plain += static_cast<char>(high * 16 + low);
  }
  size_t separator = plain.find('\x1f');
  if (separator == std::string::npos) return false;
  *key = plain.substr(0, separator);
  *id = plain.substr(separator + 1);
  return !id->empty();
}

int BindAll(Statement& statement, const std::vector<std::variant<std::string, int64_t, double>>& values,
            int first) {
  int index = first;
  for (const auto& value : values) std::visit([&](const auto& v) { statement.Bind(index++, v); }, value);
  return index;
}

}  // namespace hadath::store

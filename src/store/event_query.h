// The SQL of the API's event queries: a WHERE clause from an EventFilter
// (every value a bound parameter) and keyset cursors for the orders.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "hadath/store.h"
#include "store/sqlite_db.h"

namespace hadath::store {

// A WHERE clause and the values of its "?" parameters, in order.
struct WhereClause {
  std::string sql;  // "" or "WHERE ..."
  std::vector<std::variant<std::string, int64_t, double>> values;
};

WhereClause FilterClause(const EventFilter& filter);

// What ORDER BY and the cursor condition read for `order`.
struct OrderSql {
  std::string key;        // the sort key expression (with id as the tie-break)
  std::string direction;  // "ASC" or "DESC"
  std::string after;      // "<" or ">": rows after the cursor
};
OrderSql OrderOf(EventOrder order);

// An opaque cursor: the last row's sort key and id.
std::string EncodeCursor(const std::string& key, const std::string& id);
bool DecodeCursor(const std::string& cursor, std::string* key, std::string* id);

// Binds `values` from parameter `first` on; returns the next free index.
int BindAll(Statement& statement, const std::vector<std::variant<std::string, int64_t, double>>& values,
            int first = 1);

}  // namespace hadath::store

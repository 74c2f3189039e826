// The store's schema, as an ordered list of migrations. Migration N (1-based)
// takes a database from schema version N-1 to N; the version is kept in
// SQLite's `PRAGMA user_version`. Never edit a migration that has shipped:
// append a new one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hadath::store {

// The SQL each store speaks. The migrations are written once, with tokens
// for what differs ({blob}, {real}, {serial_key}, {without_rowid},
// {json_text(expr, key)}, {postgis_events}), and expanded per dialect.
enum class Dialect { kSqlite, kPostgres };

const std::vector<std::string>& Migrations(Dialect dialect = Dialect::kSqlite);

}  // namespace hadath::store

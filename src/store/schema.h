// The store's schema, as an ordered list of migrations. Migration N (1-based)
// takes a database from schema version N-1 to N; the version is kept in
// SQLite's `PRAGMA user_version`. Never edit a migration that has shipped:
// append a new one.
#pragma once

#include <string_view>
#include <vector>

namespace hadath::store {

const std::vector<std::string_view>& Migrations();

}  // namespace hadath::store

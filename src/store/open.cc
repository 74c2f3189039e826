// Store::Open: a postgresql:// (or postgres://) URL opens the PostgreSQL
// store, anything else is the path of a SQLite file.
#include "hadath/store.h"
#include "store/stores.h"

namespace hadath::store {

bool IsPostgresUrl(std::string_view location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& location) {
  if (IsPostgresUrl(location)) return OpenPostgresStore(location);
  return OpenSqliteStore(location);
}

}  // namespace hadath::store

// The store implementations behind Store::Open.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "hadath/store.h"

namespace hadath::store {

bool IsPostgresUrl(std::string_view location);
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);
// `url`: a libpq connection URI, postgresql://user@host:port/database.
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url);

}  // namespace hadath::store

// PostgreSQL implementation of hadath::store::Store (to be written).
#include "store/stores.h"

namespace hadath::store {

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url) {
  return Status::Error(url.substr(0, url.find('@') == std::string::npos ? url.size() : 0) +
                       "PostgreSQL stores are not built yet");
}

}  // namespace hadath::store

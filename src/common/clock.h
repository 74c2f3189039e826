// Internal: the current time as the store and the run records write it.
#pragma once

#include <string>

namespace hadath {

// Now, in UTC, as ISO 8601 to the second: "2026-11-22T05:41:07Z".
std::string UtcNowIso();

}  // namespace hadath

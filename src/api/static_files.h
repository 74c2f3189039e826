// The web page's files, served from one folder with no way out of it.
#pragma once

#include <string>

#include "hadath/api.h"

namespace hadath::api {

// The file `path` names under `folder` ("/" is index.html): a 404 for what
// is not there, and for any path that tries to leave the folder ("..",
// backslashes, NUL, links pointing outside).
Response ServeStatic(const std::string& folder, const std::string& path);

}  // namespace hadath::api

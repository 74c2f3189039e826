#include "api/static_files.h"

#include <filesystem>
#include <fstream>
#include <map>

namespace hadath::api {
namespace {

namespace fs = std::filesystem;

std::string ContentType(const fs::path& file) {
  static const std::map<std::string, std::string> types = {{".html", "text/html; charset=utf-8"},
                                                           {".js", "text/javascript; charset=utf-8"},
                                                           {".css", "text/css; charset=utf-8"},
                                                           {".json", "application/json"},
                                                           {".geojson", "application/geo+json"},
                                                           {".png", "image/png"},
                                                           {".svg", "image/svg+xml"},
                                                           {".ico", "image/x-icon"},
                                                           {".woff2", "font/woff2"},
                                                           {".map", "application/json"}};
  auto found = types.find(file.extension().string());
  return found == types.end() ? "application/octet-stream" : found->second;
}

Response NotFound(const std::string& path) {
  Response response;
  response.status = 404;
  response.body =
      R"({"error":"no such file: )" + std::string(path.size() > 100 ? "(long path)" : "") + R"("})";
  return response;
}

}  // namespace

Response ServeStatic(const std::string& folder, const std::string& path) {
  if (path.empty() || path[0] != '/' || path.find('\\') != std::string::npos ||
      path.find('\0') != std::string::npos || path.size() > 512)
    return NotFound(path);
  fs::path relative = path == "/" ? fs::path("index.html") : fs::path(path.substr(1));
  for (const fs::path& part : relative)
    if (part == ".." || part == "." || part.string().empty()) return NotFound(path);
  std::error_code error;
  fs::path root = fs::canonical(folder, error);
  if (error) return NotFound(path);
  fs::path file = fs::weakly_canonical(root / relative, error);
  // After links are resolved the file must still lie inside the folder.
  auto [root_end, file_at] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  if (error || root_end != root.end() || !fs::is_regular_file(file, error)) return NotFound(path);
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFound(path);
  Response response;
  response.content_type = ContentType(file);
  response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return response;
}

}  // namespace hadath::api

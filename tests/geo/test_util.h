// Helpers shared by the geo tests.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace hadath::geo::testing {

inline std::string SharedDir() { return HADATH_SHARED_DIR; }
inline bool HaveSharedGazetteer() {
  return std::filesystem::exists(SharedDir() + "/data/gazetteer/geonames-sy/SY-populated.tsv");
}

// A fresh folder under the system temp dir, removed by the destructor.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

inline void WriteText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace hadath::geo::testing

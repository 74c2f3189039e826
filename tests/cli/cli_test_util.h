// What the end-to-end tests of the `hadath` binary share: running it, and a
// fresh folder and database per test.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace hadath::cli_test {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

struct Outcome {
  int exit_code;
  std::string output;  // stdout and stderr together
};

inline Outcome RunHadath(const std::string& arguments) {
  std::string command = std::string(HADATH_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  Outcome run{-1, ""};
  std::array<char, 4096> buffer;
  size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.output.append(buffer.data(), read);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("hadath-cli-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
    db_ = (dir_ / "test.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / "in" / name, std::ios::binary) << bytes;
  }
  std::string In(const std::string& name = "") const { return (dir_ / "in" / name).string(); }

  fs::path dir_;
  std::string db_;
};

// The compiled gazetteer that set-up builds ($HADATH_GAZETTEER, else
// build/gazetteer.bin); "" when there is none (the events tests then skip).
inline std::string GazetteerPath() {
  fs::path path = fs::path(HADATH_TEST_DIR).parent_path() / "build" / "gazetteer.bin";
  if (const char* given = std::getenv("HADATH_GAZETTEER")) path = given;
  return fs::exists(path) ? path.string() : "";
}

}  // namespace hadath::cli_test

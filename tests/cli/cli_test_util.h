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
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "hadath/gazetteer.h"

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

// The compiled gazetteer that set-up builds (Gazetteer::DefaultPath); ""
// when there is none (the events tests then skip).
inline std::string GazetteerPath() {
  std::string path = geo::Gazetteer::DefaultPath();
  return fs::exists(path) ? path : "";
}

// One event's id -> the ids of the reports it groups.
using Grouping = std::map<std::string, std::set<std::string>>;

// The grouping of the events in `jsonl` (`hadath export --format jsonl`).
inline Grouping GroupingOf(const std::string& jsonl) {
  Grouping grouping;
  std::stringstream lines(jsonl);
  std::string line;
  while (std::getline(lines, line)) {
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object() || !record.contains("reports")) continue;
    auto& reports = grouping[record["event_id"].get<std::string>()];
    for (const nlohmann::json& id : record["reports"]) reports.insert(id.get<std::string>());
  }
  return grouping;
}

}  // namespace hadath::cli_test

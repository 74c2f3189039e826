// The stores the store tests run on: "sqlite", a temporary file, and
// "postgres", a fresh schema of the database $HADATH_TEST_PG names (a
// postgresql:// URL; tools/pg-test-cluster start gives one). Without it the
// postgres instances are skipped.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "postgres_test_util.h"

namespace hadath::store::testing {

inline const std::vector<std::string> kBackends = {"sqlite", "postgres"};

inline std::string BackendName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

using test::kNoPostgres;
using test::PostgresUrl;
using test::RunSql;

// An empty place for a store: a file path, or a URL whose search path starts
// with a schema of its own (PostGIS lives in public). Removed when destroyed.
class StoreLocation {
 public:
  StoreLocation(const std::string& backend, const std::string& tag) : postgres_(backend == "postgres") {
    if (postgres_) {
      schema_ = std::make_unique<test::PostgresSchema>("t");
      error_ = schema_->error();
      location_ = schema_->url();
      return;
    }
    static std::atomic<int> counter{0};
    const std::string unique = std::to_string(::getpid()) + "_" + std::to_string(++counter);
    location_ = (std::filesystem::temp_directory_path() / ("hadath-" + tag + "-" + unique + ".db")).string();
    RemoveFiles();
  }
  ~StoreLocation() {
    if (!postgres_) RemoveFiles();
  }
  StoreLocation(const StoreLocation&) = delete;
  StoreLocation& operator=(const StoreLocation&) = delete;

  bool postgres() const { return postgres_; }
  const std::string& error() const { return error_; }        // "" when ready
  const std::string& location() const { return location_; }  // what Store::Open takes

  // Runs SQL in the schema (postgres only); "" when it worked.
  std::string Execute(const std::string& sql) const { return RunSql(location_, sql); }
  // The first value of a query's first row; "<error>" when it failed.
  std::string Value(const std::string& sql) const {
    std::string value;
    std::string error = RunSql(location_, sql, &value);
    return error.empty() ? value : "<error: " + error + ">";
  }

 private:
  void RemoveFiles() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(location_ + suffix);
  }

  bool postgres_;
  std::unique_ptr<test::PostgresSchema> schema_;
  std::string location_, error_;
};

}  // namespace hadath::store::testing

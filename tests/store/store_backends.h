// The stores the store tests run on: "sqlite", a temporary file, and
// "postgres", a fresh schema of the database $HADATH_TEST_PG names (a
// postgresql:// URL; tools/pg-test-cluster start gives one). Without it the
// postgres instances are skipped.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace hadath::store::testing {

inline const std::vector<std::string> kBackends = {"sqlite", "postgres"};

inline std::string BackendName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

// $HADATH_TEST_PG, or "".
inline std::string PostgresUrl() {
  const char* url = std::getenv("HADATH_TEST_PG");
  return url && std::string_view(url).starts_with("postgres") ? url : "";
}

inline constexpr const char* kNoPostgres =
    "HADATH_TEST_PG is not set (eval \"$(tools/pg-test-cluster start)\" gives a PostgreSQL to test on)";

// Runs `sql` (one or more statements) on `url`; "" when it worked, else the
// error. With `value`, the first column of the first row goes there.
inline std::string RunSql(const std::string& url, const std::string& sql, std::string* value = nullptr) {
  PGconn* connection = PQconnectdb(url.c_str());
  std::string error;
  if (PQstatus(connection) != CONNECTION_OK) {
    error = std::string("cannot connect: ") + PQerrorMessage(connection);
  } else {
    PQsetNoticeProcessor(
        connection, [](void*, const char*) {}, nullptr);
    PGresult* result = PQexec(connection, sql.c_str());
    ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      error = PQerrorMessage(connection);
      if (error.empty()) error = PQresStatus(status);
    }
    if (value && error.empty())
      *value = PQntuples(result) > 0 && PQnfields(result) > 0 ? PQgetvalue(result, 0, 0) : "";
    PQclear(result);
  }
  PQfinish(connection);
  return error;
}

// An empty place for a store: a file path, or a URL whose search path starts
// with a schema of its own (PostGIS lives in public). Removed when destroyed.
class StoreLocation {
 public:
  StoreLocation(const std::string& backend, const std::string& tag) : postgres_(backend == "postgres") {
    static std::atomic<int> counter{0};
    const std::string unique = std::to_string(::getpid()) + "_" + std::to_string(++counter);
    if (!postgres_) {
      location_ =
          (std::filesystem::temp_directory_path() / ("hadath-" + tag + "-" + unique + ".db")).string();
      RemoveFiles();
      return;
    }
    base_ = PostgresUrl();
    if (base_.empty()) {
      error_ = kNoPostgres;
      return;
    }
    schema_ = "t_" + unique;
    error_ = RunSql(base_, "CREATE SCHEMA " + schema_);
    if (!error_.empty()) {
      schema_.clear();
      return;
    }
    location_ = base_ + (base_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
                schema_ + ",public";
  }
  ~StoreLocation() {
    if (!postgres_) RemoveFiles();
    if (!schema_.empty()) RunSql(base_, "DROP SCHEMA " + schema_ + " CASCADE");
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
  std::string base_, schema_, location_, error_;
};

}  // namespace hadath::store::testing

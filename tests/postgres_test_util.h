// What the tests that need a PostgreSQL server share: the server's URL
// ($HADATH_TEST_PG; `eval "$(tools/pg-test-cluster start)"` gives one),
// running SQL on it, and a fresh schema per test, dropped afterwards.
#pragma once

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <string_view>

namespace hadath::test {

// $HADATH_TEST_PG, or "" when no server is given.
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

// A schema of its own in the test server, named from `tag`, and the URL
// whose search path starts with it (PostGIS lives in public). Dropped with
// everything in it when destroyed.
class PostgresSchema {
 public:
  explicit PostgresSchema(const std::string& tag) : base_(PostgresUrl()) {
    static std::atomic<int> counter{0};
    if (base_.empty()) {
      error_ = kNoPostgres;
      return;
    }
    name_ = tag + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    error_ = RunSql(base_, "CREATE SCHEMA " + name_);
    if (!error_.empty()) {
      name_.clear();
      return;
    }
    url_ = base_ + (base_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + name_ +
           ",public";
  }
  ~PostgresSchema() {
    if (!name_.empty()) RunSql(base_, "DROP SCHEMA " + name_ + " CASCADE");
  }
  PostgresSchema(const PostgresSchema&) = delete;
  PostgresSchema& operator=(const PostgresSchema&) = delete;

  const std::string& error() const { return error_; }  // "" when ready
  const std::string& url() const { return url_; }      // what --db and Store::Open take

 private:
  std::string base_, name_, url_, error_;
};

}  // namespace hadath::test

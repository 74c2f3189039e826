// A thin RAII layer over libpq: a connection, parameter lists and results.
// Only what hadath's PostgreSQL store needs; every SQL value goes through a
// parameter ($1..$n, sent with PQexecParams or PQexecPrepared), never through
// string concatenation. Errors read "PostgreSQL: <message>"; a statement
// cancelled by statement_timeout fails with "query took too long".
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hadath/status.h"

namespace hadath::store::pg {

// The values of a statement's parameters $1..$n, in order. Text goes as TEXT,
// integers as BIGINT, reals as DOUBLE PRECISION (all in text form); bytes go
// in binary form as BYTEA.
class Params {
 public:
  Params& Text(std::string_view value);
  Params& Int(int64_t value);
  Params& Real(double value);
  Params& Bytes(std::string_view value);
  Params& Null();                                             // a NULL TEXT
  Params& Optional(std::string_view value);                   // "" is NULL
  Params& TextArray(const std::vector<std::string>& values);  // TEXT[]
  Params& IntArray(const std::vector<int64_t>& values);       // BIGINT[]

  int size() const { return static_cast<int>(values_.size()); }
  bool empty() const { return values_.empty(); }

 private:
  friend class Connection;
  Params& Add(std::string value, Oid type, int format, bool null = false);

  std::vector<std::string> values_;
  std::vector<Oid> types_;
  std::vector<int> formats_;
  std::vector<bool> nulls_;
  bool holds_nul_ = false;  // PostgreSQL text cannot hold NUL bytes
};

// The rows (or the outcome) of one statement, in text form.
class Rows {
 public:
  explicit Rows(PGresult* result) : result_(result, &PQclear) {}

  int size() const { return PQntuples(result_.get()); }
  bool empty() const { return size() == 0; }
  bool IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::string Text(int row, int column) const;   // "" for NULL
  int64_t Int(int row, int column) const;        // 0 for NULL; true is 1
  std::string Bytes(int row, int column) const;  // a BYTEA value, decoded
  std::string CommandStatus() const { return PQcmdStatus(result_.get()); }

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

class Connection {
 public:
  // `url`: a libpq connection URI (postgresql://user@host:port/database?...).
  static Result<Connection> Open(const std::string& url);
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  ~Connection();

  // Runs one statement.
  Result<Rows> Query(std::string_view sql, const Params& params = {});
  // The same, prepared once per connection and reused: for the statements a
  // loop runs again and again.
  Result<Rows> QueryPrepared(std::string_view sql, const Params& params = {});
  Status Execute(std::string_view sql, const Params& params = {});
  // One or more statements without parameters (a migration).
  Status ExecuteScript(std::string_view sql);

  // In a transaction (also one that failed and waits for its ROLLBACK).
  bool InTransaction() const;
  // In a transaction that a failed statement aborted.
  bool TransactionFailed() const;
  PGconn* handle() const { return connection_; }

 private:
  explicit Connection(PGconn* connection) : connection_(connection) {}
  Result<Rows> Check(PGresult* result);

  PGconn* connection_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name
};

// `text` as a LIKE pattern that matches itself only (%, _ and \ escaped).
std::string LikeEscaped(std::string_view text);

}  // namespace hadath::store::pg

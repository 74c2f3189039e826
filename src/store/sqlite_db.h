// A thin RAII layer over the SQLite C API: a connection and prepared
// statements with bound parameters. Only what hadath's store needs; every SQL
// value goes through a bound parameter, never through string concatenation.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "hadath/status.h"

namespace hadath::store {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool prepared() const { return statement_ != nullptr; }
  const std::string& prepare_error() const { return prepare_error_; }

  // Parameters are numbered from 1, as in SQLite.
  Statement& Bind(int index, std::string_view text);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& BindNull(int index);
  Statement& BindOptional(int index, std::string_view text);  // "" binds NULL

  // Advances; returns true iff a row is available. Errors: see status().
  bool Step();
  // Runs to completion (for statements without rows).
  Status Run();
  void Reset();
  Status status() const;

  int64_t Int(int column) const;
  int last_code() const { return last_code_; }
  std::string Text(int column) const;  // "" for NULL
  std::string Blob(int column) const;
  bool IsNull(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  std::string prepare_error_;
  int last_code_ = SQLITE_OK;
};

class Database {
 public:
  static Result<Database> Open(const std::string& path);
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  ~Database();

  sqlite3* handle() const { return db_; }
  Status Execute(std::string_view sql);  // one or more statements, no parameters
  std::string ErrorMessage() const;

 private:
  Database() = default;
  sqlite3* db_ = nullptr;
};

}  // namespace hadath::store

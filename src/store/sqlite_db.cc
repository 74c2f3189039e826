#include "store/sqlite_db.h"

namespace hadath::store {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) != SQLITE_OK) {
    prepare_error_ = sqlite3_errmsg(db);
    statement_ = nullptr;
  }
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob(statement_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(statement_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(statement_, index, value);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(statement_, index);
  return *this;
}

Statement& Statement::BindOptional(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

bool Statement::Step() {
  if (!statement_) {
    last_code_ = SQLITE_ERROR;
    return false;
  }
  last_code_ = sqlite3_step(statement_);
  return last_code_ == SQLITE_ROW;
}

Status Statement::Run() {
  while (Step()) {
  }
  Status result = status();
  Reset();
  return result;
}

void Statement::Reset() {
  if (!statement_) return;
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

Status Statement::status() const {
  if (!statement_) return Status::Error("SQL prepare failed: " + prepare_error_);
  if (last_code_ == SQLITE_ROW || last_code_ == SQLITE_DONE || last_code_ == SQLITE_OK) return Status::Ok();
  if (last_code_ == SQLITE_INTERRUPT) return Status::Error("query took too long");
  return Status::Error(std::string("SQLite: ") + sqlite3_errmsg(db_));
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(statement_, column); }

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (!text) return "";
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
}

std::string Statement::Blob(int column) const {
  const void* data = sqlite3_column_blob(statement_, column);
  if (!data) return "";
  return std::string(static_cast<const char*>(data),
                     static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
}

bool Statement::IsNull(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

Result<Database> Database::Open(const std::string& path) {
  Database database;
  int code = sqlite3_open_v2(path.c_str(), &database.db_,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (code != SQLITE_OK) {
    std::string message = database.db_ ? sqlite3_errmsg(database.db_) : sqlite3_errstr(code);
    return Status::Error(path + ": cannot open database: " + message);
  }
  sqlite3_busy_timeout(database.db_, 10000);
  return database;
}

Database::Database(Database&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = other.db_;
    other.db_ = nullptr;
  }
  return *this;
}

Database::~Database() { sqlite3_close(db_); }

Status Database::Execute(std::string_view sql) {
  char* error = nullptr;
  std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    return Status::Error("SQLite: " + message);
  }
  return Status::Ok();
}

std::string Database::ErrorMessage() const { return sqlite3_errmsg(db_); }

}  // namespace hadath::store

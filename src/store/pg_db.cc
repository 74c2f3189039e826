#include "store/pg_db.h"

#include <charconv>
#include <cstdio>
#include <cstring>

namespace hadath::store::pg {
namespace {

// Type OIDs of pg_type (stable across PostgreSQL versions).
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kTextOid = 25;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kTextArrayOid = 1009;
constexpr Oid kInt8ArrayOid = 1016;

constexpr const char* kQueryCanceled = "57014";  // statement_timeout (or a cancel request)

std::string Trimmed(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

}  // namespace

Params& Params::Add(std::string value, Oid type, int format, bool null) {
  values_.push_back(std::move(value));
  types_.push_back(type);
  formats_.push_back(format);
  nulls_.push_back(null);
  return *this;
}

Params& Params::Text(std::string_view value) {
  if (value.find('\0') != std::string_view::npos) holds_nul_ = true;
  return Add(std::string(value), kTextOid, 0);
}

Params& Params::Int(int64_t value) { return Add(std::to_string(value), kInt8Oid, 0); }

Params& Params::Real(double value) {
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest round trip
  return Add(std::string(buffer, error == std::errc() ? end : buffer), kFloat8Oid, 0);
}

Params& Params::Bytes(std::string_view value) { return Add(std::string(value), kByteaOid, 1); }

Params& Params::Null() { return Add("", kTextOid, 0, true); }

Params& Params::Optional(std::string_view value) { return value.empty() ? Null() : Text(value); }

Params& Params::TextArray(const std::vector<std::string>& values) {
  std::string literal = "{";
  for (const std::string& value : values) {
    if (value.find('\0') != std::string::npos) holds_nul_ = true;
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (char c : value) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  return Add(literal + "}", kTextArrayOid, 0);
}

Params& Params::IntArray(const std::vector<int64_t>& values) {
  std::string literal = "{";
  for (int64_t value : values) {
    if (literal.size() > 1) literal += ',';
    literal += std::to_string(value);
  }
  return Add(literal + "}", kInt8ArrayOid, 0);
}

std::string Rows::Text(int row, int column) const {
  if (IsNull(row, column)) return "";
  return std::string(PQgetvalue(result_.get(), row, column),
                     static_cast<size_t>(PQgetlength(result_.get(), row, column)));
}

int64_t Rows::Int(int row, int column) const {
  if (IsNull(row, column)) return 0;
  const char* value = PQgetvalue(result_.get(), row, column);
  if (value[0] == 't') return 1;  // a boolean
  if (value[0] == 'f') return 0;
  int64_t number = 0;
  std::from_chars(value, value + std::strlen(value), number);
  return number;
}

std::string Rows::Bytes(int row, int column) const {
  if (IsNull(row, column)) return "";
  size_t length = 0;
  unsigned char* bytes = PQunescapeBytea(
      reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row, column)), &length);
  if (!bytes) return "";
  std::string decoded(reinterpret_cast<const char*>(bytes), length);
  PQfreemem(bytes);
  return decoded;
}

Result<Connection> Connection::Open(const std::string& url) {
  PGconn* connection = PQconnectdb(url.c_str());
  if (!connection) return Status::Error("PostgreSQL: out of memory");
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string message = Trimmed(PQerrorMessage(connection));
    PQfinish(connection);
    return Status::Error("PostgreSQL: cannot connect: " + message);
  }
  // Notices ("relation already exists, skipping") are not for the user.
  PQsetNoticeProcessor(
      connection, [](void*, const char*) {}, nullptr);
  if (PQsetClientEncoding(connection, "UTF8") != 0) {
    std::string message = Trimmed(PQerrorMessage(connection));
    PQfinish(connection);
    return Status::Error("PostgreSQL: " + message);
  }
  return Connection(connection);
}

Connection::Connection(Connection&& other) noexcept
    : connection_(other.connection_), prepared_(std::move(other.prepared_)) {
  other.connection_ = nullptr;
}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (connection_) PQfinish(connection_);
    connection_ = other.connection_;
    prepared_ = std::move(other.prepared_);
    other.connection_ = nullptr;
  }
  return *this;
}

Connection::~Connection() {
  if (connection_) PQfinish(connection_);
}

Result<Rows> Connection::Check(PGresult* result) {
  if (!result) return Status::Error("PostgreSQL: " + Trimmed(PQerrorMessage(connection_)));
  Rows rows(result);
  ExecStatusType status = PQresultStatus(result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return rows;
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  if (state && std::strcmp(state, kQueryCanceled) == 0) return Status::Error("query took too long");
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  std::string message = primary ? primary : Trimmed(PQresultErrorMessage(result));
  if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
    message += std::string(" (") + detail + ")";
  if (message.empty()) message = PQresStatus(status);
  return Status::Error("PostgreSQL: " + message);
}

namespace {

// The C arrays PQexecParams and PQexecPrepared read.
struct Bound {
  std::vector<const char*> values;
  std::vector<int> lengths;
};

}  // namespace

Result<Rows> Connection::Query(std::string_view sql, const Params& params) {
  if (params.holds_nul_) return Status::Error("PostgreSQL: a text value holds a NUL byte");
  Bound bound;
  for (int i = 0; i < params.size(); ++i) {
    bound.values.push_back(params.nulls_[i] ? nullptr : params.values_[i].c_str());
    bound.lengths.push_back(static_cast<int>(params.values_[i].size()));
  }
  return Check(PQexecParams(connection_, std::string(sql).c_str(), params.size(), params.types_.data(),
                            bound.values.data(), bound.lengths.data(), params.formats_.data(), 0));
}

Result<Rows> Connection::QueryPrepared(std::string_view sql, const Params& params) {
  if (params.holds_nul_) return Status::Error("PostgreSQL: a text value holds a NUL byte");
  std::string key(sql);
  auto found = prepared_.find(key);
  if (found == prepared_.end()) {
    std::string name = "hadath_" + std::to_string(prepared_.size() + 1);
    auto made = Check(PQprepare(connection_, name.c_str(), key.c_str(), params.size(), params.types_.data()));
    if (!made) return made.status();
    found = prepared_.emplace(key, name).first;
  }
  Bound bound;
  for (int i = 0; i < params.size(); ++i) {
    bound.values.push_back(params.nulls_[i] ? nullptr : params.values_[i].c_str());
    bound.lengths.push_back(static_cast<int>(params.values_[i].size()));
  }
  return Check(PQexecPrepared(connection_, found->second.c_str(), params.size(), bound.values.data(),
                              bound.lengths.data(), params.formats_.data(), 0));
}

Status Connection::Execute(std::string_view sql, const Params& params) { return Query(sql, params).status(); }

Status Connection::ExecuteScript(std::string_view sql) {
  PGresult* result = PQexec(connection_, std::string(sql).c_str());
  return Check(result).status();
}

bool Connection::InTransaction() const {
  PGTransactionStatusType status = PQtransactionStatus(connection_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

bool Connection::TransactionFailed() const { return PQtransactionStatus(connection_) == PQTRANS_INERROR; }

std::string LikeEscaped(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

}  // namespace hadath::store::pg

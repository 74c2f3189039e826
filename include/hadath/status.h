// hadath/status.h — results that carry a message a user can act on.
//
// Functions that can fail because of their input or environment return
// `Result<T>` (or `Status` when there is no value). Programmer errors are
// assertions, not statuses.
//
//   hadath::Result<Lexicon> lexicon = Lexicon::Load("data/text/numbers.tsv");
//   if (!lexicon) { std::cerr << lexicon.error() << "\n"; return 1; }
//   use(*lexicon);
//
// Messages follow the compiler convention "where: what is wrong", e.g.
// "data/text/numbers.tsv:12: expected 3 columns, found 2".
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace hadath {

// Success, or a failure with a human-readable message.
class [[nodiscard]] Status {
 public:
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message), true); }

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const std::string& message() const { return message_; }

 private:
  Status() = default;
  Status(std::string message, bool failed) : message_(std::move(message)), failed_(failed) {}

  std::string message_;
  bool failed_ = false;
};

// A value of type T, or an error message. Access the value only after
// checking `ok()`.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(state_).ok() && "Result built from an OK status has no value");
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const std::string& error() const { return std::get<Status>(state_).message(); }
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }

  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace hadath

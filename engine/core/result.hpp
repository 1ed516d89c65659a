#pragma once
// Errors as values at module boundaries: a small stand-in for C++23 std::expected.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace sr {

/// What went wrong, already phrased for the person who has to act on it
/// (for config errors: "file:line:column: key: what").
struct Error {
  std::string message;
};

/// Prefixes an error with where it happened ("encoder: ...").
inline Error with_context(std::string_view context, Error e) {
  return Error{std::string(context) + ": " + e.message};
}

/// Either a T or an Error. Accessing the wrong alternative is a programming error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

  const Error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }

 private:
  std::variant<T, Error> v_;
};

/// A result that carries no value: success, or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const {
    assert(!ok_);
    return error_;
  }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace sr

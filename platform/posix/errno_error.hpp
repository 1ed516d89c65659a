#pragma once

#include <cerrno>
#include <cstring>
#include <string>

#include "core/result.hpp"

namespace sr {

/// "what: strerror(errno)", read right after the failing call.
inline Error errno_error(const std::string& what) {
  return Error{what + ": " + std::strerror(errno)};
}

}  // namespace sr

#pragma once

#include <string>

#include "core/result.hpp"

namespace sr {

/// The whole content of a file, or an error "PATH: cannot read WHAT: reason".
Result<std::string> read_text_file(const std::string& path, const std::string& what);

}  // namespace sr

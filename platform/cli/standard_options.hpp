#pragma once
// --help and --version, the same for every program we ship.

#include <cstdio>
#include <optional>
#include <string>

#include "sessionreplay_version.hpp"

namespace sr::cli {

/// Handles --help/-h (usage on stdout) and --version; returns the exit code when argv[1]
/// was one of them, std::nullopt otherwise.
inline std::optional<int> handle_standard_options(int argc, char** argv, const char* program,
                                                  const char* usage) {
  const std::string arg = argc > 1 ? argv[1] : "";
  if (arg == "--help" || arg == "-h") {
    std::fputs(usage, stdout);
    return 0;
  }
  if (arg == "--version") {
    std::printf("%s %s\n", program, SR_VERSION);
    return 0;
  }
  return std::nullopt;
}

}  // namespace sr::cli

#pragma once
// Log lines on stderr, one per event; systemd puts them in the journal.

#include <cstdio>
#include <string>

namespace sr::log {

inline void info(const std::string& line) {
  std::fprintf(stderr, "sessionreplayd: %s\n", line.c_str());
}
inline void error(const std::string& line) {
  std::fprintf(stderr, "sessionreplayd: error: %s\n", line.c_str());
}

}  // namespace sr::log

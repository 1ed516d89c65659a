// sessionreplayctl: the operator's tool for a running sessionreplayd.
// Its verbs (status, start, stop, trigger-error, flush, list, export) arrive with the
// daemon's control socket; until then it only describes itself.

#include <cstdio>
#include <string>

#include "sessionreplay_version.hpp"

namespace {

constexpr const char* kUsage =
    "usage: sessionreplayctl COMMAND [ARGS]\n"
    "       sessionreplayctl --help | --version\n"
    "\n"
    "Talks to a running sessionreplayd over its control socket.\n"
    "No commands are available in this version yet.\n";

}  // namespace

int main(int argc, char** argv) {
  const std::string arg = argc > 1 ? argv[1] : "";
  if (arg == "--help" || arg == "-h") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (arg == "--version") {
    std::printf("sessionreplayctl %s\n", SR_VERSION);
    return 0;
  }
  if (arg.empty()) {
    std::fputs(kUsage, stderr);
  } else {
    std::fprintf(stderr, "sessionreplayctl: unknown command '%s' (see --help)\n", arg.c_str());
  }
  return 2;
}

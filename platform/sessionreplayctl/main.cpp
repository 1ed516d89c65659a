// sessionreplayctl: the operator's tool for a running sessionreplayd.
// Its verbs (status, start, stop, trigger-error, flush, list, export) arrive with the
// daemon's control socket; until then it only describes itself.

#include <cstdio>
#include <string>

#include "cli/standard_options.hpp"

namespace {

constexpr const char* kUsage =
    "usage: sessionreplayctl COMMAND [ARGS]\n"
    "       sessionreplayctl --help | --version\n"
    "\n"
    "Talks to a running sessionreplayd over its control socket.\n"
    "No commands are available in this version yet.\n";

}  // namespace

int main(int argc, char** argv) {
  if (auto code = sr::cli::handle_standard_options(argc, argv, "sessionreplayctl", kUsage)) {
    return *code;
  }
  if (argc < 2) {
    std::fputs(kUsage, stderr);
  } else {
    std::fprintf(stderr, "sessionreplayctl: unknown command '%s' (see --help)\n", argv[1]);
  }
  return 2;
}

#include "sessionreplayd/signal_waiter.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>

#include "posix/errno_error.hpp"

namespace sr {

Result<SignalWaiter> SignalWaiter::create() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  if (sigprocmask(SIG_BLOCK, &set, nullptr) != 0) return errno_error("sigprocmask");
  UniqueFd fd(signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK));
  if (!fd.valid()) return errno_error("signalfd");
  return SignalWaiter(std::move(fd));
}

Result<bool> SignalWaiter::wait(std::chrono::milliseconds timeout) {
  pollfd p{fd_.get(), POLLIN, 0};
  const int n = ::poll(&p, 1, static_cast<int>(std::max<long long>(0, timeout.count())));
  if (n < 0) {
    if (errno == EINTR) return false;
    return errno_error("poll");
  }
  if (n == 0) return false;
  signalfd_siginfo info{};
  if (::read(fd_.get(), &info, sizeof info) < 0 && errno != EAGAIN)
    return errno_error("read signalfd");
  return true;
}

}  // namespace sr

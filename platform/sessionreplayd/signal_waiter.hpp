#pragma once
// Waits for the next tick or a stop signal (SIGTERM, SIGINT), whichever comes first,
// without races: the signals are blocked and read from a signalfd.

#include <chrono>

#include "core/result.hpp"
#include "posix/unique_fd.hpp"

namespace sr {

class SignalWaiter {
 public:
  /// Blocks SIGTERM and SIGINT for the whole process. Call before any thread starts
  /// (GStreamer's threads then inherit the mask).
  static Result<SignalWaiter> create();

  /// Returns true when a stop signal arrived, false when `timeout` passed.
  Result<bool> wait(std::chrono::milliseconds timeout);

 private:
  explicit SignalWaiter(UniqueFd fd) : fd_(std::move(fd)) {}
  UniqueFd fd_;
};

}  // namespace sr

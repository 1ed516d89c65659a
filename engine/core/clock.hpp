#pragma once
// Time as the engine sees it. Everything that depends on time takes a Clock, so tests run
// minutes of recording in milliseconds by moving a ManualClock forward.

#include <chrono>

namespace sr {

using Duration = std::chrono::nanoseconds;
/// Monotonic time: segment boundaries, frame timestamps, timeouts.
using Instant = std::chrono::time_point<std::chrono::steady_clock, Duration>;
/// Wall-clock time: only for timestamps that leave the device.
using WallTime = std::chrono::time_point<std::chrono::system_clock, Duration>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant now() const = 0;
  virtual WallTime wall_now() const = 0;
};

/// The real clocks of the machine.
class SystemClock final : public Clock {
 public:
  Instant now() const override {
    return std::chrono::time_point_cast<Duration>(std::chrono::steady_clock::now());
  }
  WallTime wall_now() const override {
    return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  }
};

/// A clock that moves only when told to; monotonic and wall time move together.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(WallTime wall_start = WallTime(std::chrono::seconds(1'700'000'000)))
      : wall_start_(wall_start) {}
  Instant now() const override { return now_; }
  WallTime wall_now() const override { return wall_start_ + now_.time_since_epoch(); }
  void advance(Duration d) { now_ += d; }
  /// Moves monotonic time back: only for testing that the engine survives a broken clock.
  void rewind(Duration d) { now_ -= d; }

 private:
  WallTime wall_start_;
  Instant now_{};
};

/// Seconds since the Unix epoch with millisecond precision, as Sentry timestamps are.
inline double to_unix_seconds(WallTime t) {
  return static_cast<double>(
             std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count()) /
         1000.0;
}

/// Milliseconds since the Unix epoch, as rrweb event timestamps are.
inline long long to_unix_millis(WallTime t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace sr

namespace sr {

/// Wall time of a monotonic instant within one session: fixed at the session's start, so
/// the replay's timestamps never run backwards when the wall clock is stepped (NTP, GNSS).
struct WallMapping {
  Instant origin{};
  WallTime wall_origin{};
  WallTime at(Instant t) const { return wall_origin + (t - origin); }
};

}  // namespace sr

#pragma once
// Box 1 of the flow: where frames come from (test pattern, Wayland, DRM).

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/frame.hpp"
#include "core/result.hpp"

namespace sr {

class FrameSource {
 public:
  virtual ~FrameSource() = default;

  /// A short name for logs ("test 1280x720").
  virtual std::string describe() const = 0;

  /// Whether frames can be had at `now`. Called every tick, recording or not: a source that
  /// can lose its display (a compositor that restarts) checks its connection here and
  /// reconnects with backoff.
  virtual bool available(Instant now) {
    (void)now;
    return true;
  }
  /// Why the source is not available, for logs.
  virtual std::string unavailable_reason() const { return {}; }

  /// The picture as of `now` when it changed since the previous grab (its damage says
  /// where), std::nullopt when nothing changed. The first grab always returns a frame with
  /// the whole output as damage. An error means the source is gone.
  virtual Result<std::optional<Frame>> grab(Instant now) = 0;
};

}  // namespace sr

#pragma once
// Where touches come from when they do not come over IPC: a touch screen's evdev device,
// or the test source's scripted swipes.

#include <vector>

#include "core/clock.hpp"
#include "events/timeline_input.hpp"

namespace sr {

class TouchSource {
 public:
  virtual ~TouchSource() = default;
  /// The touches that happened up to `now` since the last poll, oldest first.
  virtual std::vector<TouchEvent> poll_touches(Instant now) = 0;
};

}  // namespace sr

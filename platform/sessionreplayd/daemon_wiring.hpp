#pragma once
// The composition root: turns a Config into the running chain
// source -> encoder -> recorder -> transport. The only place that names implementations.

#include <memory>

#include "config/config.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "session/recorder.hpp"

namespace sr {

struct Daemon {
  SystemClock clock;
  std::unique_ptr<RandomSource> random;
  std::unique_ptr<FrameSource> source;
  TouchSource* touches = nullptr;  // points into source when it also reports touches
  std::unique_ptr<SegmentEncoder> encoder;
  std::unique_ptr<Transport> transport;
  std::unique_ptr<Recorder> recorder;
  std::string encoder_name;
};

/// Builds every part the config asks for; an error names the part and what is missing.
Result<std::unique_ptr<Daemon>> wire_daemon(const Config& config);

}  // namespace sr

#pragma once

#include "core/clock.hpp"
#include "encode/segment_encoder.hpp"
#include "events/timeline.hpp"

namespace sr {

/// A closed segment: its video and what happened while it was open. Not yet numbered:
/// a buffered segment gets its id only when an error sends it.
struct FinishedSegment {
  EncodedVideo video;
  Instant start{};
  Instant end{};
  WallTime wall_start{};
  WallTime wall_end{};
  SegmentTimeline timeline;
};

}  // namespace sr

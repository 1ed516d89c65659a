#pragma once
// Turns a finished segment into the Sentry envelope that carries it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "envelope/replay_envelope.hpp"
#include "segment/finished_segment.hpp"

namespace sr {

/// What every segment of one replay says about the replay and the device.
struct ReplayContext {
  std::string replay_id;
  std::string replay_type = "session";  // "session" | "buffer"
  SdkInfo sdk;
  std::string platform = "native";
  json::Object contexts;
  json::Object tags;
  std::string release;
  std::string environment;
};

struct SegmentEnvelopeOptions {
  int segment_id = 0;
  int frame_rate = 1;
  bool with_meta = false;               // segment 0 and after a resize
  std::optional<json::Object> options;  // segment 0 only
};

/// The envelope bytes: replay_event (ids, times, urls, error and trace ids), the recording
/// (Meta when asked, options, video, then the segment's timeline events) and the MP4.
std::vector<std::uint8_t> segment_envelope(const ReplayContext& replay,
                                           const SegmentEnvelopeOptions& options,
                                           const FinishedSegment& segment, WallTime sent_at);

}  // namespace sr

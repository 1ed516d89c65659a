#pragma once
// rrweb recording events as Sentry's mobile replays use them (seeds: "Replay Recordings").

#include <string>

#include "core/clock.hpp"
#include "core/frame.hpp"
#include "encode/segment_encoder.hpp"
#include "envelope/json.hpp"

namespace sr::events {

/// Meta (type 4): the screen shown and the video size. Segment 0 and on every resize.
json::Value meta(WallTime at, const std::string& href, Size size);

/// Custom (type 5) tag "video": describes the segment's video file.
json::Value video(WallTime start, int segment_id, const EncodedVideo& video, int frame_rate);

/// Custom (type 5) tag "options": the active configuration, segment 0 only.
json::Value options(WallTime at, json::Object options);

/// The replay_recording payload: `{"segment_id":N}` + newline + JSON array of events.
std::string recording_payload(int segment_id, const json::Array& events);

}  // namespace sr::events

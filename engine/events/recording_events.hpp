#pragma once
// rrweb recording events as Sentry's mobile replays use them (seeds: "Replay Recordings").
// Every builder takes wall-clock times; the timeline maps monotonic times to them.

#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/frame.hpp"
#include "encode/segment_encoder.hpp"
#include "envelope/json.hpp"
#include "events/timeline_input.hpp"

namespace sr::events {

/// Meta (type 4): the screen shown and the video size. Segment 0 and on every resize.
json::Value meta(WallTime at, const std::string& href, Size size);

/// Custom (type 5) tag "video": describes the segment's video file.
json::Value video(WallTime start, int segment_id, const EncodedVideo& video, int frame_rate);

/// Custom (type 5) tag "options": the active configuration, segment 0 only.
json::Value options(WallTime at, json::Object options);

/// Custom (type 5) tag "breadcrumb", payload as Sentry's breadcrumb interface.
json::Value breadcrumb(WallTime at, const Breadcrumb& crumb);

/// Custom (type 5) tag "performanceSpan", payload as a span.
json::Value performance_span(WallTime start, WallTime end, const PerformanceSpan& span);

/// Incremental snapshot (type 3), source 2 (mouse interaction): touch start (7), end (9) or
/// cancel (10), pointerType 2 (touch). x, y in video pixels.
json::Value touch(WallTime at, TouchPhase phase, int pointer, int x, int y);

struct TouchPosition {
  WallTime at;
  int x = 0;
  int y = 0;
};
/// Incremental snapshot (type 3), source 6 (touch move): positions coalesced into one
/// event stamped with the last one; each position's timeOffset (ms, <= 0) is relative to it.
json::Value touch_move(int pointer, const std::vector<TouchPosition>& positions);

/// The replay_recording payload: `{"segment_id":N}` + newline + JSON array of events.
std::string recording_payload(int segment_id, const json::Array& events);

}  // namespace sr::events

#pragma once
// The Sentry envelope that carries one replay segment (design: "Wire format").

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "envelope/json.hpp"

namespace sr {

struct SdkInfo {
  std::string name = "sessionreplay.linux";
  std::string version;
};

/// Everything replay_event says about one segment.
struct ReplayEventFields {
  std::string replay_id;  // 32 hex digits
  int segment_id = 0;
  std::string replay_type = "session";  // "session" | "buffer"
  WallTime segment_start{};
  WallTime segment_end{};
  std::vector<std::string> urls;
  std::vector<std::string> error_ids;
  std::vector<std::string> trace_ids;
  std::string platform = "native";
  SdkInfo sdk;
  json::Object contexts;
  json::Object tags;
  std::string release;
  std::string environment;
};

/// The replay_event JSON document.
json::Value replay_event(const ReplayEventFields& fields);

/// Header line, item header line and the MessagePack payload
/// {replay_event, replay_recording, replay_video} as binaries, in that order.
std::vector<std::uint8_t> build_replay_envelope(const ReplayEventFields& fields,
                                                const std::string& recording_payload,
                                                const std::vector<std::uint8_t>& video,
                                                WallTime sent_at);

/// RFC 3339 UTC with milliseconds: 2024-03-19T13:13:19.781Z.
std::string format_rfc3339(WallTime t);

}  // namespace sr

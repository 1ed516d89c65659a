#include "events/recording_events.hpp"

#include <chrono>

namespace sr::events {
namespace {

constexpr int kMeta = 4;
constexpr int kCustom = 5;

json::Value custom(WallTime at, const char* tag, json::Value payload) {
  return json::Object{{"type", kCustom},
                      {"timestamp", to_unix_millis(at)},
                      {"data", json::Object{{"tag", tag}, {"payload", std::move(payload)}}}};
}

}  // namespace

json::Value meta(WallTime at, const std::string& href, Size size) {
  return json::Object{
      {"type", kMeta},
      {"timestamp", to_unix_millis(at)},
      {"data", json::Object{{"href", href}, {"width", size.width}, {"height", size.height}}}};
}

json::Value video(WallTime start, int segment_id, const EncodedVideo& v, int frame_rate) {
  const auto duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(v.duration);
  return custom(start, "video",
                json::Object{{"segmentId", segment_id},
                             {"size", static_cast<long long>(v.bytes.size())},
                             {"duration", static_cast<long long>(duration_ms.count())},
                             {"encoding", v.encoding},
                             {"container", v.container},
                             {"height", v.size.height},
                             {"width", v.size.width},
                             {"frameCount", v.frame_count},
                             {"frameRate", frame_rate},
                             // frames are captured only on damage: variable rate
                             {"frameRateType", "variable"},
                             {"left", 0},
                             {"top", 0}});
}

json::Value options(WallTime at, json::Object options) {
  return custom(at, "options", std::move(options));
}

std::string recording_payload(int segment_id, const json::Array& events) {
  std::string out = json::Value(json::Object{{"segment_id", segment_id}}).dump();
  out += '\n';
  json::Value(events).dump_to(out);
  return out;
}

}  // namespace sr::events

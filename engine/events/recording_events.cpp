#include "events/recording_events.hpp"

#include <chrono>

namespace sr::events {
namespace {

constexpr int kIncrementalSnapshot = 3;
constexpr int kMeta = 4;
constexpr int kCustom = 5;
constexpr int kSourceMouseInteraction = 2;
constexpr int kSourceTouchMove = 6;
constexpr int kPointerTypeTouch = 2;

json::Value custom(WallTime at, const char* tag, json::Value payload) {
  return json::Object{{"type", kCustom},
                      {"timestamp", to_unix_millis(at)},
                      {"data", json::Object{{"tag", tag}, {"payload", std::move(payload)}}}};
}

json::Object string_map(const std::map<std::string, std::string>& values) {
  json::Object out;
  for (const auto& [k, v] : values) out.emplace_back(k, v);
  return out;
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

json::Value breadcrumb(WallTime at, const Breadcrumb& crumb) {
  json::Value payload = json::Object{{"timestamp", to_unix_seconds(at)}, {"type", crumb.type}};
  if (!crumb.category.empty()) payload.set("category", crumb.category);
  if (!crumb.message.empty()) payload.set("message", crumb.message);
  if (!crumb.level.empty()) payload.set("level", crumb.level);
  if (!crumb.data.empty()) payload.set("data", string_map(crumb.data));
  return custom(at, "breadcrumb", std::move(payload));
}

json::Value performance_span(WallTime start, WallTime end, const PerformanceSpan& span) {
  json::Value data = string_map(span.data);
  if (span.status_code) data.set("statusCode", span.status_code);
  return custom(start, "performanceSpan",
                json::Object{{"op", span.op},
                             {"description", span.description},
                             {"startTimestamp", to_unix_seconds(start)},
                             {"endTimestamp", to_unix_seconds(end)},
                             {"data", std::move(data)}});
}

json::Value touch(WallTime at, TouchPhase phase, int pointer, int x, int y) {
  const int type = phase == TouchPhase::kStart ? 7 : phase == TouchPhase::kEnd ? 9 : 10;
  return json::Object{{"type", kIncrementalSnapshot},
                      {"timestamp", to_unix_millis(at)},
                      {"data", json::Object{{"source", kSourceMouseInteraction},
                                            {"type", type},
                                            {"id", 0},
                                            {"x", x},
                                            {"y", y},
                                            {"pointerType", kPointerTypeTouch},
                                            {"pointerId", pointer}}}};
}

json::Value touch_move(int pointer, const std::vector<TouchPosition>& positions) {
  const long long last = positions.empty() ? 0 : to_unix_millis(positions.back().at);
  json::Array list;
  for (const auto& p : positions) {
    list.push_back(json::Object{
        {"id", 0}, {"x", p.x}, {"y", p.y}, {"timeOffset", to_unix_millis(p.at) - last}});
  }
  return json::Object{{"type", kIncrementalSnapshot},
                      {"timestamp", last},
                      {"data", json::Object{{"source", kSourceTouchMove},
                                            {"positions", std::move(list)},
                                            {"pointerId", pointer}}}};
}

std::string recording_payload(int segment_id, const json::Array& events) {
  std::string out = json::Value(json::Object{{"segment_id", segment_id}}).dump();
  out += '\n';
  json::Value(events).dump_to(out);
  return out;
}

}  // namespace sr::events

#include "envelope/replay_envelope.hpp"

#include <chrono>
#include <cstdio>

#include "envelope/msgpack_writer.hpp"

namespace sr {
namespace {

json::Array strings(const std::vector<std::string>& values) {
  return json::Array(values.begin(), values.end());
}

json::Value sdk_json(const SdkInfo& sdk) {
  return json::Object{{"name", sdk.name}, {"version", sdk.version}};
}

}  // namespace

std::string format_rfc3339(WallTime t) {
  using namespace std::chrono;
  const auto ms = time_point_cast<milliseconds>(t);
  const auto day = floor<days>(ms);
  const year_month_day ymd{day};
  const hh_mm_ss hms{ms - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                int(hms.minutes().count()), int(hms.seconds().count()),
                int(hms.subseconds().count()));
  return buf;
}

json::Value replay_event(const ReplayEventFields& f) {
  json::Value event = json::Object{{"type", "replay_event"},
                                   {"replay_type", f.replay_type},
                                   {"segment_id", f.segment_id},
                                   {"timestamp", to_unix_seconds(f.segment_end)},
                                   {"replay_start_timestamp", to_unix_seconds(f.segment_start)},
                                   {"urls", strings(f.urls)},
                                   {"error_ids", strings(f.error_ids)},
                                   {"trace_ids", strings(f.trace_ids)},
                                   {"replay_id", f.replay_id},
                                   {"event_id", f.replay_id},
                                   {"platform", f.platform},
                                   {"sdk", sdk_json(f.sdk)},
                                   {"contexts", f.contexts},
                                   {"tags", f.tags}};
  if (!f.release.empty()) event.set("release", f.release);
  if (!f.environment.empty()) event.set("environment", f.environment);
  return event;
}

std::vector<std::uint8_t> build_replay_envelope(const ReplayEventFields& fields,
                                                const std::string& recording_payload,
                                                const std::vector<std::uint8_t>& video,
                                                WallTime sent_at) {
  msgpack::Writer item;
  item.map_header(3);
  item.str("replay_event");
  item.bin(replay_event(fields).dump());
  item.str("replay_recording");
  item.bin(recording_payload);
  item.str("replay_video");
  item.bin(video);

  std::string head = json::Value(json::Object{{"event_id", fields.replay_id},
                                              {"sent_at", format_rfc3339(sent_at)},
                                              {"sdk", sdk_json(fields.sdk)}})
                         .dump();
  head += '\n';
  head += json::Value(json::Object{{"type", "replay_video"},
                                   {"length", static_cast<long long>(item.bytes().size())}})
              .dump();
  head += '\n';

  std::vector<std::uint8_t> out(head.begin(), head.end());
  out.insert(out.end(), item.bytes().begin(), item.bytes().end());
  return out;
}

}  // namespace sr

// Every recording event and the replay_event against golden files written by hand from the
// seeds ("Replay Recordings") and the design's wire format. Compared as parsed JSON.

#include <chrono>
#include <fstream>
#include <sstream>

#include "envelope/segment_envelope.hpp"
#include "envelope_reader.hpp"
#include "events/recording_events.hpp"

#include <CppUTest/TestHarness.h>

using namespace sr;

namespace {

WallTime ms(long long v) {
  return WallTime{std::chrono::milliseconds(v)};
}

void matches_golden(const char* name, const std::string& ours) {
  std::ifstream in(std::string(SR_SOURCE_DIR "/tests/unit/events/golden/") + name);
  CHECK_TEXT(in.good(), name);
  std::stringstream golden;
  golden << in.rdbuf();
  const auto expected = nlohmann::json::parse(golden.str());
  const auto actual = nlohmann::json::parse(ours);
  CHECK_TEXT(expected == actual,
             (std::string(name) + "\n expected " + expected.dump() + "\n actual   " + actual.dump())
                 .c_str());
}

}  // namespace

TEST_GROUP(GoldenEvents){};

TEST(GoldenEvents, Meta) {
  matches_golden("meta.json", events::meta(ms(1710854008431), "navigation", {360, 800}).dump());
}

TEST(GoldenEvents, Video) {
  EncodedVideo v;
  v.bytes.assign(1234, 0);
  v.size = {1280, 720};
  v.frame_count = 5;
  v.duration = std::chrono::seconds(5);
  matches_golden("video.json", events::video(ms(1710854008431), 2, v, 1).dump());
}

TEST(GoldenEvents, Options) {
  json::Object o{{"sessionSampleRate", 1},
                 {"errorSampleRate", 1},
                 {"maskAllText", true},
                 {"maskAllImages", true},
                 {"maskAllInputs", true}};
  matches_golden("options.json", events::options(ms(1709218280301), o).dump());
}

TEST(GoldenEvents, NavigationBreadcrumbAsInTheSeed) {
  Breadcrumb b;
  b.category = "navigation";
  b.data = {{"from", "/issues/4893218638/"},
            {"to", "/performance/trace/b6e75da452bf40ee8330af41c5989545/"}};
  matches_golden("breadcrumb.json", events::breadcrumb(ms(1710853999781), b).dump());
}

TEST(GoldenEvents, ConsoleBreadcrumbWithLevel) {
  Breadcrumb b;
  b.category = "console";
  b.message = "tuner: no signal";
  b.level = "warning";
  matches_golden("console_breadcrumb.json", events::breadcrumb(ms(1710853999781), b).dump());
}

TEST(GoldenEvents, PerformanceSpan) {
  PerformanceSpan s;
  s.op = "resource.fetch";
  s.description = "https://us.sentry.io/api/0/projects/foo/";
  s.data = {{"method", "GET"}};
  s.status_code = 200;
  matches_golden("performance_span.json",
                 events::performance_span(ms(1710854008431), ms(1710854009234), s).dump());
}

TEST(GoldenEvents, Touches) {
  matches_golden("touch_start.json",
                 events::touch(ms(1710854008431), TouchPhase::kStart, 0, 100, 200).dump());
  matches_golden("touch_end.json",
                 events::touch(ms(1710854008431), TouchPhase::kEnd, 1, 100, 200).dump());
  matches_golden("touch_cancel.json",
                 events::touch(ms(1710854008431), TouchPhase::kCancel, 0, 100, 200).dump());
  matches_golden(
      "touch_move.json",
      events::touch_move(1, {{ms(1710854008431), 10, 20}, {ms(1710854008531), 12, 25}}).dump());
}

TEST(GoldenEvents, ReplayEventAndEnvelopeHeaders) {
  ReplayContext replay;
  replay.replay_id = "0123456789abcdef0123456789abcdef";
  replay.replay_type = "buffer";
  replay.sdk = {"sessionreplay.linux", "1.2.3"};
  replay.contexts = {{"device", json::Object{{"model", "ivi-9"}, {"manufacturer", "acme"}}},
                     {"os", json::Object{{"name", "Poky"}, {"version", "5.0"}}}};
  replay.tags = {{"device_id", "car-7"}, {"release", "hmi@4.2"}, {"environment", "production"}};
  replay.release = "hmi@4.2";
  replay.environment = "production";
  FinishedSegment segment;
  segment.wall_start = ms(1710854008431);
  segment.wall_end = ms(1710854013431);
  segment.video.bytes = {1, 2, 3};
  segment.video.size = {1280, 720};
  segment.timeline.urls = {"navigation", "media"};
  segment.timeline.error_ids = {"c0ffee0000000000000000000000beef"};
  segment.timeline.trace_ids = {"b07d0e356aa1477bb279d9fe5680fcd0"};
  SegmentEnvelopeOptions options;
  options.segment_id = 3;
  const auto e =
      test::read_replay_envelope(segment_envelope(replay, options, segment, ms(1710854014000)));
  matches_golden("replay_event.json", e.replay_event.dump());
  matches_golden("envelope_header.json", e.header.dump());
  CHECK_TRUE((e.item_header ==
              nlohmann::json{{"type", "replay_video"}, {"length", e.item_header["length"]}}));
  LONGS_EQUAL(3, e.recording_header["segment_id"].get<int>());
  LONGS_EQUAL(1, e.recording_events.size());  // no Meta, no options past segment 0
}

// The real flow on simulated time: test source -> GStreamer encoder (generic-pc profile)
// -> envelope -> dir transport, read back and decoded by GStreamer.

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "capture/test/test_screen_source.hpp"
#include "config/config_loader.hpp"
#include "config/encoder_profile.hpp"
#include "encode/gstreamer/gst_segment_encoder.hpp"
#include "envelope_reader.hpp"
#include "mp4_probe.hpp"
#include "session/recorder.hpp"
#include "session/sampling.hpp"
#include "temp_dir.hpp"
#include "transport/dir/dir_transport.hpp"

#include <CppUTest/TestHarness.h>

using namespace sr;
using namespace std::chrono_literals;

TEST_GROUP(EndToEnd) {
  test::TempDir dir;
  ManualClock clock;
  SeededRandom random{1};
};

TEST(EndToEnd, TwelveSecondsBecomeDecodableFiveSecondSegments) {
  const Size size{640, 360};
  auto config = parse_config("[recording]\nsession_sample_rate = 1.0\n", "t").value();
  auto profile = load_encoder_profile(SR_SOURCE_DIR "/bsp", "generic-pc").value();
  auto encoder = GstSegmentEncoder::create(profile, config.recording.fps * 5);
  CHECK_TEXT(encoder.ok(), encoder.ok() ? "" : encoder.error().message.c_str());
  TestScreenSource source(size);
  DirTransport transport(dir.path());
  Recorder recorder(config, SdkInfo{"sessionreplay.linux", "test"},
                    RecorderParts{clock, random, source, **encoder, transport});

  const Instant start = clock.now();
  const Instant end = start + 12500ms;
  while (clock.now() < end) {
    auto r = recorder.tick();
    CHECK_TEXT(r.ok(), r.ok() ? "" : r.error().message.c_str());
    clock.advance(recorder.next_tick() - clock.now());
  }
  const Instant stopped_at = clock.now();
  CHECK_TRUE(recorder.stop().ok());
  LONGS_EQUAL(3, recorder.counters().segments_sent);
  LONGS_EQUAL(0, recorder.counters().segments_failed);

  int checked = 0;
  std::string replay_id;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    replay_id = entry.path().filename();
  }
  for (int segment = 0; segment < 3; ++segment) {
    const std::string path = transport.path_for(replay_id, segment);
    const auto e = test::read_replay_envelope(test::read_file_bytes(path));
    LONGS_EQUAL(segment, e.replay_event["segment_id"].get<int>());
    STRCMP_EQUAL(replay_id.c_str(), e.replay_event["replay_id"].get<std::string>().c_str());
    const auto& video_event = e.recording_events.back();
    STRCMP_EQUAL("video", video_event["data"]["tag"].get<std::string>().c_str());
    const auto& payload = video_event["data"]["payload"];
    LONGS_EQUAL(e.video.size(), payload["size"].get<std::size_t>());

    const auto mp4 = test::probe_mp4(e.video, dir.file("probe.mp4"));
    CHECK_TRUE(mp4.first_is_key_frame);
    LONGS_EQUAL(640, mp4.width);
    LONGS_EQUAL(360, mp4.height);
    LONGS_EQUAL(mp4.samples, mp4.decoded_frames);
    LONGS_EQUAL(payload["frameCount"].get<int>(), mp4.samples);
    const double seconds = std::chrono::duration<double>(mp4.duration).count();
    std::printf("\n  segment %d: %zu bytes, %d frames, %.3f s, %dx%d, key frames %d", segment,
                e.video.size(), mp4.decoded_frames, seconds, mp4.width, mp4.height, mp4.key_frames);
    if (segment < 2) {
      // A full segment: 5 s within one frame (1 s at 1 fps), one picture per second.
      DOUBLES_EQUAL(5.0, seconds, 1.0);
      LONGS_EQUAL(5, mp4.decoded_frames);
      LONGS_EQUAL(5000, payload["duration"].get<int>());
    } else {
      // Closed by stop() where the clock stood: exactly that long.
      const double expected = std::chrono::duration<double>(stopped_at - start - 10s).count();
      DOUBLES_EQUAL(expected, seconds, 0.001);
    }
    ++checked;
  }
  LONGS_EQUAL(3, checked);
  // Only whole files: no temp file is left behind.
  for (const auto& entry : std::filesystem::directory_iterator(dir.path() + "/" + replay_id)) {
    STRCMP_EQUAL(".envelope", entry.path().extension().c_str());
  }
}

TEST(EndToEnd, BufferModeSendsNothingUntilAnErrorThenTheThirtySecondsBeforeAndTheRest) {
  const Size size{320, 180};
  auto config =
      parse_config("[recording]\nsession_sample_rate = 0.0\non_error_sample_rate = 1.0\n", "t")
          .value();
  auto profile = load_encoder_profile(SR_SOURCE_DIR "/bsp", "generic-pc").value();
  auto encoder = GstSegmentEncoder::create(profile, config.recording.fps * 5);
  CHECK_TRUE(encoder.ok());
  TestScreenSource source(size);
  DirTransport transport(dir.path());
  Recorder recorder(config, SdkInfo{"sessionreplay.linux", "test"},
                    RecorderParts{clock, random, source, **encoder, transport, &source});
  const Instant start = clock.now();
  auto run_until = [&](Duration t) {
    while (clock.now() < start + t) {
      CHECK_TRUE(recorder.tick().ok());
      clock.advance(recorder.next_tick() - clock.now());
    }
  };
  run_until(65s);  // the scripted swipes every 10 s keep the session alive
  CHECK_TRUE(recorder.mode() == ReplayMode::kBuffer);
  LONGS_EQUAL(12, recorder.counters().segments_buffered);
  CHECK_TRUE(std::filesystem::is_empty(dir.path()));  // nothing on flash before the error

  const std::string replay_id = recorder.replay_id();
  CHECK_TRUE(ErrorOutcome::kTriggered ==
             recorder.error(ErrorReport{clock.now(), "c0ffee0000000000000000000000beef", "", ""}));
  // At once: the 30 s before the error, as segments 0-5 from 30 s to 60 s.
  for (int id = 0; id < 6; ++id) {
    CHECK_TRUE(std::filesystem::exists(transport.path_for(replay_id, id)));
  }
  CHECK_FALSE(std::filesystem::exists(transport.path_for(replay_id, 6)));
  run_until(72s);
  CHECK_TRUE(recorder.stop().ok());

  double previous_end = 0;
  int touch_starts = 0;
  for (int id = 0; id < 9; ++id) {
    const auto e =
        test::read_replay_envelope(test::read_file_bytes(transport.path_for(replay_id, id)));
    STRCMP_EQUAL("buffer", e.replay_event["replay_type"].get<std::string>().c_str());
    LONGS_EQUAL(id, e.replay_event["segment_id"].get<int>());
    const double begin = e.replay_event["replay_start_timestamp"].get<double>();
    const double end = e.replay_event["timestamp"].get<double>();
    if (id == 0) DOUBLES_EQUAL(1'700'000'030.0, begin, 1e-9);  // 30 s before the 60 s boundary
    if (id > 0) DOUBLES_EQUAL(previous_end, begin, 1e-9);      // back to back
    previous_end = end;
    if (id == 6) {
      STRCMP_EQUAL("c0ffee0000000000000000000000beef",
                   e.replay_event["error_ids"][0].get<std::string>().c_str());
    }
    for (const auto& ev : e.recording_events) {
      if (ev["type"] == 3 && ev["data"]["source"] == 2 && ev["data"]["type"] == 7) ++touch_starts;
    }
    const auto mp4 = test::probe_mp4(e.video, dir.file("probe.mp4"));
    CHECK_TRUE(mp4.first_is_key_frame);
    LONGS_EQUAL(mp4.samples, mp4.decoded_frames);
    const double seconds = std::chrono::duration<double>(mp4.duration).count();
    DOUBLES_EQUAL(end - begin, seconds, 0.001);
  }
  LONGS_EQUAL(4, touch_starts);  // the swipes at 30, 40, 50 and 60 s
  CHECK_FALSE(std::filesystem::exists(transport.path_for(replay_id, 9)));
  std::printf(
      "\n  buffer mode: 0 files before the error at 65 s, then 9 segments (30 s before, "
      "12 s after)");
}

#include <chrono>

#include "config/config_loader.hpp"
#include "envelope_reader.hpp"
#include "fakes.hpp"
#include "session/recorder.hpp"

#include <CppUTest/TestHarness.h>

using namespace sr;
using namespace std::chrono_literals;

TEST_GROUP(Recorder) {
  ManualClock clock;
  SeededRandom random{42};
  test::ScriptedSource source{{64, 32}};
  test::RecordingEncoder encoder;
  test::CollectingTransport transport;
  Config config = parse_config("[recording]\nsession_sample_rate = 1.0\n", "t").value();

  std::unique_ptr<Recorder> make() {
    return std::make_unique<Recorder>(config, SdkInfo{"sessionreplay.linux", "0.0.0"},
                                      RecorderParts{clock, random, source, encoder, transport});
  }
  // Runs the recorder's own cadence until `until` of simulated time, changing the screen
  // on every tick when `busy`.
  void run(Recorder & r, Duration until, bool busy) {
    const Instant end = clock.now() + until;
    while (clock.now() < end) {
      if (clock.now() >= r.next_tick()) {
        if (busy) source.change();
        CHECK_TRUE(r.tick().ok());
      }
      clock.advance(r.next_tick() - clock.now());
    }
  }
};

TEST(Recorder, SegmentsAreCutAtSegmentSecondsWithIdsFromZero) {
  auto r = make();
  run(*r, 12s, true);
  LONGS_EQUAL(2, transport.sent.size());
  CHECK_TRUE(r->stop().ok());
  LONGS_EQUAL(3, transport.sent.size());
  for (int i = 0; i < 3; ++i) {
    const auto e = test::read_replay_envelope(transport.sent[i].bytes);
    LONGS_EQUAL(i, e.replay_event["segment_id"].get<int>());
    LONGS_EQUAL(i, transport.sent[i].segment_id);
    STRCMP_EQUAL(transport.sent[0].replay_id.c_str(),
                 e.replay_event["replay_id"].get<std::string>().c_str());
  }
  const auto first = test::read_replay_envelope(transport.sent[0].bytes);
  const auto second = test::read_replay_envelope(transport.sent[1].bytes);
  DOUBLES_EQUAL(5.0,
                first.replay_event["timestamp"].get<double>() -
                    first.replay_event["replay_start_timestamp"].get<double>(),
                1e-9);
  // Back to back: segment 1 starts where segment 0 ended.
  DOUBLES_EQUAL(first.replay_event["timestamp"].get<double>(),
                second.replay_event["replay_start_timestamp"].get<double>(), 1e-9);
  // 5 frames at 1 fps in each full segment, the first at pts 0.
  LONGS_EQUAL(5, encoder.files[0].pushes.size());
  LONGS_EQUAL(5, encoder.files[1].pushes.size());
  CHECK_TRUE(encoder.files[1].pushes[0].pts == 0s);
}

TEST(Recorder, MetaAndOptionsOnlyInSegmentZero) {
  auto r = make();
  run(*r, 11s, true);
  const auto first = test::read_replay_envelope(transport.sent.at(0).bytes);
  const auto second = test::read_replay_envelope(transport.sent.at(1).bytes);
  LONGS_EQUAL(3, first.recording_events.size());
  LONGS_EQUAL(4, first.recording_events[0]["type"].get<int>());
  LONGS_EQUAL(64, first.recording_events[0]["data"]["width"].get<int>());
  STRCMP_EQUAL("options", first.recording_events[1]["data"]["tag"].get<std::string>().c_str());
  CHECK_TRUE(first.recording_events[1]["data"]["payload"]["maskAllText"].get<bool>());
  STRCMP_EQUAL("video", first.recording_events[2]["data"]["tag"].get<std::string>().c_str());
  LONGS_EQUAL(1, second.recording_events.size());
  STRCMP_EQUAL("video", second.recording_events[0]["data"]["tag"].get<std::string>().c_str());
}

TEST(Recorder, AnUnchangedScreenIsGrabbedOnceAndRepeatedAtBoundaries) {
  auto r = make();
  run(*r, 16s, false);
  LONGS_EQUAL(1, source.grabs);
  LONGS_EQUAL(15, r->counters().idle_ticks);
  LONGS_EQUAL(3, transport.sent.size());
  for (int i = 0; i < 3; ++i) LONGS_EQUAL(1, encoder.files[i].pushes.size());
  CHECK_TRUE(encoder.files[2].pushes[0].duration == 5s);
}

TEST(Recorder, FrameRateIsCapped) {
  config.recording.fps = 2;
  auto r = make();
  run(*r, 5s, true);
  LONGS_EQUAL(10, source.grabs);
}

TEST(Recorder, AResizeEndsTheSegmentAndAnnouncesTheNewSize) {
  auto r = make();
  run(*r, 2s, true);
  source.resize({128, 64});
  run(*r, 1s, false);
  CHECK_TRUE(r->stop().ok());
  LONGS_EQUAL(2, transport.sent.size());
  const auto second = test::read_replay_envelope(transport.sent[1].bytes);
  LONGS_EQUAL(4, second.recording_events[0]["type"].get<int>());
  LONGS_EQUAL(128, second.recording_events[0]["data"]["width"].get<int>());
}

TEST(Recorder, ASessionThatIsNotSampledRecordsNothing) {
  config.recording.session_sample_rate = 0.0;
  auto r = make();
  run(*r, 12s, true);
  CHECK_TRUE(r->stop().ok());
  LONGS_EQUAL(0, transport.sent.size());
  LONGS_EQUAL(0, source.grabs);
  LONGS_EQUAL(1, r->counters().sessions_not_sampled);
}

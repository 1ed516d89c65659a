#include <chrono>

#include "recorder_harness.hpp"

#include <CppUTest/TestHarness.h>

using namespace sr;
using namespace std::chrono_literals;

namespace {

const double kStart = 1'700'000'000.0;  // ManualClock's wall time at instant 0

ErrorReport error_at(Instant at, const std::string& id, const std::string& trace = "") {
  return ErrorReport{at, id, trace, ""};
}

}  // namespace

// ---- session mode -------------------------------------------------------------------------

TEST_GROUP(SessionMode) {
  test::RecorderHarness h;
};

TEST(SessionMode, SegmentsAreCutAtSegmentSecondsWithIdsFromZero) {
  Recorder& r = h.make(1.0, 1.0);
  h.run(12s, true, 1s);
  LONGS_EQUAL(2, h.transport.sent.size());  // each as soon as it is finished
  CHECK_TRUE(r.stop().ok());
  LONGS_EQUAL(3, h.transport.sent.size());
  for (int i = 0; i < 3; ++i) {
    const auto e = h.sent(i);
    LONGS_EQUAL(i, e.replay_event["segment_id"].get<int>());
    STRCMP_EQUAL("session", e.replay_event["replay_type"].get<std::string>().c_str());
    STRCMP_EQUAL(h.transport.sent[0].replay_id.c_str(),
                 e.replay_event["replay_id"].get<std::string>().c_str());
  }
  DOUBLES_EQUAL(kStart, h.start_of(0), 1e-9);
  DOUBLES_EQUAL(kStart + 5, h.end_of(0), 1e-9);
  DOUBLES_EQUAL(h.end_of(0), h.start_of(1), 1e-9);  // back to back
  LONGS_EQUAL(5, h.encoder.files[0].pushes.size());
  CHECK_TRUE(h.encoder.files[1].pushes[0].pts == 0s);
}

TEST(SessionMode, MetaAndOptionsOnlyInSegmentZero) {
  h.make(1.0, 1.0);
  h.run(11s, true, 1s);
  const auto first = h.sent(0), second = h.sent(1);
  LONGS_EQUAL(3, first.recording_events.size());
  LONGS_EQUAL(4, first.recording_events[0]["type"].get<int>());
  LONGS_EQUAL(64, first.recording_events[0]["data"]["width"].get<int>());
  STRCMP_EQUAL("options", first.recording_events[1]["data"]["tag"].get<std::string>().c_str());
  CHECK_TRUE(first.recording_events[1]["data"]["payload"]["maskAllText"].get<bool>());
  STRCMP_EQUAL("video", first.recording_events[2]["data"]["tag"].get<std::string>().c_str());
  LONGS_EQUAL(1, second.recording_events.size());
  STRCMP_EQUAL("video", second.recording_events[0]["data"]["tag"].get<std::string>().c_str());
}

TEST(SessionMode, AnUnchangedScreenIsGrabbedOnceAndRepeatedAtBoundaries) {
  Recorder& r = h.make(1.0, 1.0);
  h.run(16s, false, 1s);
  LONGS_EQUAL(1, h.source.grabs);
  LONGS_EQUAL(15, r.counters().idle_ticks);
  LONGS_EQUAL(3, h.transport.sent.size());
  for (int i = 0; i < 3; ++i) LONGS_EQUAL(1, h.encoder.files[i].pushes.size());
  CHECK_TRUE(h.encoder.files[2].pushes[0].duration == 5s);
}

TEST(SessionMode, FrameRateIsCapped) {
  h.config.recording.fps = 2;
  h.make(1.0, 1.0);
  h.run(5s, true, 1s);
  LONGS_EQUAL(10, h.source.grabs);
}

TEST(SessionMode, AResizeEndsTheSegmentAndAnnouncesTheNewSize) {
  Recorder& r = h.make(1.0, 1.0);
  h.run(2s, true, 1s);
  h.source.resize({128, 64});
  h.run(1s, false, 1s);
  CHECK_TRUE(r.stop().ok());
  LONGS_EQUAL(2, h.transport.sent.size());
  const auto second = h.sent(1);
  LONGS_EQUAL(4, second.recording_events[0]["type"].get<int>());
  LONGS_EQUAL(128, second.recording_events[0]["data"]["width"].get<int>());
}

TEST(SessionMode, ErrorIdsGoIntoTheSegmentTheyHappenedIn) {
  Recorder& r = h.make(1.0, 1.0);
  h.run(7s, true, 1s);
  CHECK_TRUE(ErrorOutcome::kLinked == r.error(error_at(h.clock.now(), "e1", "t1")));
  CHECK_TRUE(ErrorOutcome::kDuplicate == r.error(error_at(h.clock.now(), "e1", "t1")));
  LONGS_EQUAL(1, r.drops().get("error_duplicate_id"));
  h.run(4s, true, 1s);
  const auto first = h.sent(0), second = h.sent(1);
  CHECK_TRUE(first.replay_event["error_ids"].empty());
  STRCMP_EQUAL("e1", second.replay_event["error_ids"][0].get<std::string>().c_str());
  STRCMP_EQUAL("t1", second.replay_event["trace_ids"][0].get<std::string>().c_str());
  LONGS_EQUAL(1, second.replay_event["error_ids"].size());
}

TEST(SessionMode, ErrorNamingAnotherReplayIsRefusedAndCounted) {
  Recorder& r = h.make(1.0, 1.0);
  h.run(2s, true, 1s);
  ErrorReport report = error_at(h.clock.now(), "e1");
  report.replay_id = "00000000000000000000000000000000";
  CHECK_TRUE(ErrorOutcome::kUnknownReplay == r.error(report));
  LONGS_EQUAL(1, r.drops().get("error_unknown_replay"));
  report.replay_id = r.replay_id();
  CHECK_TRUE(ErrorOutcome::kLinked == r.error(report));
}

// ---- buffer mode --------------------------------------------------------------------------

TEST_GROUP(BufferMode) {
  test::RecorderHarness h;
};

TEST(BufferMode, NothingLeavesBeforeAnError) {
  Recorder& r = h.make(0.0, 1.0);
  h.run(100s, true, 1s);
  CHECK_TRUE(r.mode() == ReplayMode::kBuffer);
  LONGS_EQUAL(0, h.transport.sent.size());
  // The window holds 30 s, trimmed a whole segment at a time.
  CHECK_TRUE(r.buffer().covered() >= 30s);
  CHECK_TRUE(r.buffer().covered() < 35s);
  LONGS_EQUAL(6, r.buffer().size());
  LONGS_EQUAL(19, r.counters().segments_buffered);
  LONGS_EQUAL(13, r.counters().segments_trimmed);
}

TEST(BufferMode, SampledErrorSendsTheWindowThenTheRestOfTheSession) {
  Recorder& r = h.make(0.0, 1.0);
  h.run(62s, true, 1s);
  CHECK_TRUE(ErrorOutcome::kTriggered == r.error(error_at(h.clock.now(), "e1")));
  // At once: the 30 s before the last boundary, ids from 0, replay_type "buffer".
  LONGS_EQUAL(6, h.transport.sent.size());
  for (int i = 0; i < 6; ++i) {
    const auto e = h.sent(i);
    LONGS_EQUAL(i, e.replay_event["segment_id"].get<int>());
    STRCMP_EQUAL("buffer", e.replay_event["replay_type"].get<std::string>().c_str());
    DOUBLES_EQUAL(kStart + 30 + 5 * i, e.replay_event["replay_start_timestamp"].get<double>(),
                  1e-9);
  }
  LONGS_EQUAL(4, h.sent(0).recording_events[0]["type"].get<int>());  // Meta in segment 0
  // The rest of the session follows as it is recorded, still a buffer replay.
  h.run(10s, true, 1s);
  LONGS_EQUAL(8, h.transport.sent.size());
  const auto after = h.sent(6);
  LONGS_EQUAL(6, after.replay_event["segment_id"].get<int>());
  STRCMP_EQUAL("buffer", after.replay_event["replay_type"].get<std::string>().c_str());
  DOUBLES_EQUAL(kStart + 60, after.replay_event["replay_start_timestamp"].get<double>(), 1e-9);
  STRCMP_EQUAL("e1", after.replay_event["error_ids"][0].get<std::string>().c_str());
  LONGS_EQUAL(1, r.counters().errors_sampled);
}

TEST(BufferMode, EachErrorRollsAndAnUnsampledOneSendsNothing) {
  // Draws: two for the replay id, then one per error.
  h.random = std::make_unique<test::ScriptedRandom>(std::deque<double>{0, 0, 0.7, 0.3});
  Recorder& r = h.make(0.0, 0.5);
  h.run(40s, true, 1s);
  CHECK_TRUE(ErrorOutcome::kNotSampled == r.error(error_at(h.clock.now(), "e1")));
  LONGS_EQUAL(0, h.transport.sent.size());
  LONGS_EQUAL(6, r.buffer().size());  // still buffering for the next error
  h.run(5s, true, 1s);
  CHECK_TRUE(ErrorOutcome::kTriggered == r.error(error_at(h.clock.now(), "e2")));
  LONGS_EQUAL(6, h.transport.sent.size());
  LONGS_EQUAL(1, r.counters().errors_not_sampled);
  // The first error happened inside the window that was sent: it is linked too.
  bool linked = false;
  for (int i = 0; i < 6; ++i) linked = linked || !h.sent(i).replay_event["error_ids"].empty();
  CHECK_TRUE(linked);
}

TEST(BufferMode, AWindowNeverTriggeredIsDiscardedAtSessionEnd) {
  Recorder& r = h.make(0.0, 1.0);
  h.run(20s, true, 1s);
  h.run(40s, true);  // no input: idle end at 50 s
  LONGS_EQUAL(0, h.transport.sent.size());
  LONGS_EQUAL(1, r.counters().buffers_discarded);
  LONGS_EQUAL(0, r.buffer().size());
  CHECK_FALSE(r.has_session());
}

TEST(BufferMode, NeitherRateSampledRecordsNothing) {
  Recorder& r = h.make(0.0, 0.0);
  h.run(20s, true, 1s);
  CHECK_TRUE(r.has_session());
  CHECK_TRUE(r.mode() == ReplayMode::kOff);
  LONGS_EQUAL(0, h.source.grabs);
  CHECK_TRUE(ErrorOutcome::kNoRecording == r.error(error_at(h.clock.now(), "e1")));
  LONGS_EQUAL(1, r.drops().get("error_no_recording"));
  CHECK_TRUE(r.stop().ok());
  LONGS_EQUAL(0, h.transport.sent.size());
}

// ---- session lifecycle ----------------------------------------------------------------------

TEST_GROUP(Lifecycle) {
  test::RecorderHarness h;
};

TEST(Lifecycle, IdleEndsTheSessionAndInputStartsANewOne) {
  Recorder& r = h.make(1.0, 1.0);
  r.input(h.clock.now());  // an input source exists: the idle rule applies
  const std::string first = (h.run(1s), r.replay_id());
  h.run(31s, true);  // no input since: idle_timeout 30 s after the start
  CHECK_FALSE(r.has_session());
  LONGS_EQUAL(6, h.transport.sent.size());  // 0-25 s in five-second segments, closed cleanly
  CHECK_TRUE(h.sessions.back().reason == SessionEnd::kIdle);
  const int grabs = h.source.grabs;
  h.run(10s, true);
  LONGS_EQUAL(grabs, h.source.grabs);  // idle: no session, no capture
  r.input(h.clock.now());
  h.run(6s, true, 1s);
  CHECK_TRUE(r.has_session());
  CHECK_TRUE(first != r.replay_id());
  LONGS_EQUAL(2, r.counters().sessions);
  const auto fresh = h.sent(6);
  LONGS_EQUAL(0, fresh.replay_event["segment_id"].get<int>());  // ids start over
  // An error for the replay that has ended is refused, not attached to the new one.
  ErrorReport late = error_at(h.clock.now(), "late");
  late.replay_id = first;
  CHECK_TRUE(ErrorOutcome::kUnknownReplay == r.error(late));
  LONGS_EQUAL(1, r.drops().get("error_unknown_replay"));
  STRCMP_EQUAL(r.replay_id().c_str(), fresh.replay_event["replay_id"].get<std::string>().c_str());
}

TEST(Lifecycle, MaxDurationStartsANewReplayRightAway) {
  h.config.recording.max_duration = 60;
  Recorder& r = h.make(1.0, 1.0);
  h.run(1s, true, 1s);
  const std::string first = r.replay_id();
  h.run(60s, true, 1s);
  CHECK_TRUE(h.sessions.at(1).reason == SessionEnd::kMaxDuration);
  CHECK_TRUE(r.has_session());
  CHECK_TRUE(first != r.replay_id());
  LONGS_EQUAL(12, h.transport.sent.size());  // the first replay, whole
}

TEST(Lifecycle, DisplayOffEndsTheSessionAfterIdleTimeout) {
  Recorder& r = h.make(1.0, 1.0);
  h.run(10s, true, 1s);
  r.display(false, h.clock.now());
  h.run(29s, true, 1s);
  CHECK_TRUE(r.has_session());
  h.run(2s, true, 1s);
  CHECK_FALSE(r.has_session());
  CHECK_TRUE(h.sessions.back().reason == SessionEnd::kDisplayOff);
  h.run(5s, true, 1s);
  CHECK_FALSE(r.has_session());  // input does not restart a session on a dark display
  r.display(true, h.clock.now());
  h.run(1s, true);
  CHECK_TRUE(r.has_session());
}

TEST(Lifecycle, HmiGoneEndsTheSessionAtOnce) {
  Recorder& r = h.make(1.0, 1.0);
  h.run(7s, true, 1s);
  r.hmi_present(false, h.clock.now());
  CHECK_FALSE(r.has_session());
  CHECK_TRUE(h.sessions.back().reason == SessionEnd::kHmiGone);
  LONGS_EQUAL(2, h.transport.sent.size());  // the open segment was closed and sent
  h.run(3s, true, 1s);
  CHECK_FALSE(r.has_session());
  r.hmi_present(true, h.clock.now());
  h.run(1s, true);
  CHECK_TRUE(r.has_session());
}

TEST(Lifecycle, ManualStartRecordsWhateverTheSamplingAndStopSuspends) {
  Recorder& r = h.make(0.0, 0.0);
  h.run(3s, true, 1s);
  CHECK_TRUE(r.mode() == ReplayMode::kOff);
  CHECK_TRUE(r.start_manual().ok());
  CHECK_TRUE(r.mode() == ReplayMode::kSession);
  h.run(6s, true, 1s);
  LONGS_EQUAL(1, h.transport.sent.size());
  CHECK_TRUE(r.stop_manual().ok());
  LONGS_EQUAL(2, h.transport.sent.size());
  h.run(10s, true, 1s);
  CHECK_FALSE(r.has_session());  // input does not restart after a manual stop
  CHECK_TRUE(r.start_manual().ok());
  CHECK_TRUE(r.has_session());
}

TEST(Lifecycle, ManualStartInBufferModeSendsTheWindow) {
  Recorder& r = h.make(0.0, 1.0);
  h.run(20s, true, 1s);
  CHECK_TRUE(r.start_manual().ok());
  LONGS_EQUAL(3, h.transport.sent.size());  // [0, 15): the tick at 20 s has not run yet
  CHECK_TRUE(r.sending());
}

// ---- bad input -------------------------------------------------------------------------------

TEST_GROUP(BadInput) {
  test::RecorderHarness h;
};

TEST(BadInput, ClockGoingBackwardsIsClampedAndCounted) {
  Recorder& r = h.make(1.0, 1.0);
  h.run(3s, true, 1s);
  h.clock.rewind(2s);
  h.source.change();
  CHECK_TRUE(r.tick().ok());
  LONGS_EQUAL(1, r.drops().get("clock_went_back"));
  h.clock.advance(2s);
  h.run(5s, true, 1s);
  CHECK_TRUE(r.stop().ok());
  for (std::size_t i = 1; i < h.transport.sent.size(); ++i) {
    CHECK_TRUE(h.start_of(i) >= h.end_of(i - 1) - 1e-9);
    CHECK_TRUE(h.end_of(i) > h.start_of(i));
  }
  for (const auto& file : h.encoder.files) {
    for (std::size_t i = 1; i < file.pushes.size(); ++i) {
      CHECK_TRUE(file.pushes[i].pts > file.pushes[i - 1].pts);
    }
  }
}

TEST(BadInput, OversizedVideoIsDroppedWithAReason) {
  Recorder& r = h.make(1.0, 1.0);
  h.encoder.output_bytes = Recorder::kMaxVideoBytes + 1;
  h.run(6s, true, 1s);
  LONGS_EQUAL(0, h.transport.sent.size());
  LONGS_EQUAL(1, r.drops().get("segment_video_too_large"));
  h.encoder.output_bytes = 100;
  h.run(5s, true, 1s);
  LONGS_EQUAL(1, h.transport.sent.size());
  LONGS_EQUAL(0, h.sent(0).replay_event["segment_id"].get<int>());  // no gap in the ids
}

TEST(BadInput, EncoderFailureIsCountedAndTheNextSegmentIsFresh) {
  Recorder& r = h.make(1.0, 1.0);
  h.encoder.fail_next_finish = true;
  h.run(11s, true, 1s);
  LONGS_EQUAL(1, r.counters().segments_failed);
  LONGS_EQUAL(1, r.drops().get("segment_encoder_error"));
  LONGS_EQUAL(1, h.transport.sent.size());
  LONGS_EQUAL(0, h.sent(0).replay_event["segment_id"].get<int>());
  LONGS_EQUAL(5, h.encoder.files[1].pushes.size());
}

TEST(BadInput, ErrorWithoutASessionIsCounted) {
  Recorder& r = h.make(1.0, 1.0);
  CHECK_TRUE(r.stop_manual().ok());
  CHECK_TRUE(ErrorOutcome::kNoRecording == r.error(error_at(h.clock.now(), "e1")));
  LONGS_EQUAL(1, r.drops().get("error_no_recording"));
}

TEST(Lifecycle, WithoutAnyInputSourceIdlenessIsNotJudged) {
  Recorder& r = h.make(1.0, 1.0);
  h.run(100s, true);  // a busy screen, no input source at all
  CHECK_TRUE(r.has_session());
  LONGS_EQUAL(1, r.counters().sessions);
  LONGS_EQUAL(19, h.transport.sent.size());
}

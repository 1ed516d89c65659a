#include "session/sampling.hpp"
#include "fakes.hpp"
#include "recorder_harness.hpp"
#include "session/replay_buffer.hpp"

#include <CppUTest/TestHarness.h>

using namespace sr;
using namespace std::chrono_literals;

TEST_GROUP(Sampling){};

TEST(Sampling, TenThousandSessionsAtTenPercent) {
  SeededRandom random(2024);
  int session = 0, buffer = 0, off = 0;
  for (int i = 0; i < 10000; ++i) {
    switch (roll_replay_mode(random, 0.1, 0.0)) {
      case ReplayMode::kSession:
        ++session;
        break;
      case ReplayMode::kBuffer:
        ++buffer;
        break;
      case ReplayMode::kOff:
        ++off;
        break;
    }
  }
  CHECK_TRUE(session >= 900 && session <= 1100);
  LONGS_EQUAL(0, buffer);
  LONGS_EQUAL(10000 - session, off);
}

TEST(Sampling, SessionRateComesFirstTheRestIsBuffered) {
  SeededRandom random(7);
  int session = 0, buffer = 0;
  for (int i = 0; i < 10000; ++i) {
    (roll_replay_mode(random, 0.25, 1.0) == ReplayMode::kSession ? session : buffer)++;
  }
  CHECK_TRUE(session >= 2400 && session <= 2600);
  LONGS_EQUAL(10000 - session, buffer);
}

TEST(Sampling, RatesZeroAndOneNeedNoDraw) {
  test::ScriptedRandom random({});
  CHECK_TRUE(roll_replay_mode(random, 1.0, 1.0) == ReplayMode::kSession);
  CHECK_TRUE(roll_replay_mode(random, 0.0, 1.0) == ReplayMode::kBuffer);
  CHECK_TRUE(roll_replay_mode(random, 0.0, 0.0) == ReplayMode::kOff);
  LONGS_EQUAL(0, random.draws);
}

TEST(Sampling, TenThousandErrorsAtTenPercentInBufferMode) {
  int triggered = 0;
  for (int i = 0; i < 10000; ++i) {
    test::RecorderHarness h;
    h.random = std::make_unique<SeededRandom>(1000 + i);
    Recorder& r = h.make(0.0, 0.1);
    (void)r.tick();
    if (r.error(ErrorReport{h.clock.now(), "e", "", ""}) == ErrorOutcome::kTriggered) ++triggered;
  }
  CHECK_TRUE(triggered >= 900 && triggered <= 1100);
}

TEST_GROUP(ReplayBuffer){};

namespace {

FinishedSegment segment(int from_s, int to_s, std::size_t bytes = 10) {
  FinishedSegment s;
  s.start = Instant(std::chrono::seconds(from_s));
  s.end = Instant(std::chrono::seconds(to_s));
  s.video.bytes.assign(bytes, 1);
  return s;
}

}  // namespace

TEST(ReplayBuffer, KeepsAtLeastTheWindowTrimmedAWholeSegmentAtATime) {
  ReplayBuffer buffer(30s);
  std::size_t dropped = 0;
  for (int t = 0; t < 60; t += 5) dropped += buffer.push(segment(t, t + 5));
  LONGS_EQUAL(6, buffer.size());
  LONGS_EQUAL(6, dropped);
  CHECK_TRUE(buffer.covered() == 30s);
  dropped = buffer.push(segment(60, 62));  // a short segment: the oldest is still needed
  LONGS_EQUAL(0, dropped);
  CHECK_TRUE(buffer.covered() == 32s);
  const auto all = buffer.take();
  LONGS_EQUAL(7, all.size());
  CHECK_TRUE(all.front().start == Instant(30s));
  LONGS_EQUAL(0, buffer.size());
  LONGS_EQUAL(0, buffer.bytes());
}

TEST(ReplayBuffer, ASegmentLongerThanTheWindowIsKeptWhole) {
  ReplayBuffer buffer(3s);
  buffer.push(segment(0, 5));
  buffer.push(segment(5, 10));
  LONGS_EQUAL(1, buffer.size());
  CHECK_TRUE(buffer.covered() == 5s);
}

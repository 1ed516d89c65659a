#include <chrono>

#include "envelope_reader.hpp"
#include "events/timeline.hpp"

#include <CppUTest/TestHarness.h>

using namespace sr;
using namespace std::chrono_literals;

namespace {

const Instant t0{std::chrono::seconds(1000)};
const WallTime w0{std::chrono::milliseconds(1'700'000'000'000LL)};

nlohmann::json parse(const SegmentTimeline& t) {
  return nlohmann::json::parse(json::Value(t.events).dump());
}

TouchEvent touch(Duration at, TouchPhase phase, double x, double y, int pointer = 0) {
  return TouchEvent{t0 + at, pointer, phase, x, y};
}

}  // namespace

TEST_GROUP(Timeline) {
  DropCounters drops;
  Timeline timeline{drops};
  void setup() override {
    timeline.begin_session(WallMapping{t0, w0}, "home");
    timeline.set_geometry({1920, 1080}, {960, 540});
  }
};

TEST(Timeline, TouchesAreScaledIntoVideoPixels) {
  timeline.touch(touch(0ms, TouchPhase::kStart, 1000, 500));
  timeline.touch(touch(100ms, TouchPhase::kEnd, 1919, 1079));
  const auto events = parse(timeline.cut());
  LONGS_EQUAL(2, events.size());
  LONGS_EQUAL(7, events[0]["data"]["type"].get<int>());
  LONGS_EQUAL(500, events[0]["data"]["x"].get<int>());
  LONGS_EQUAL(250, events[0]["data"]["y"].get<int>());
  CHECK_EQUAL(1'700'000'000'000LL, events[0]["timestamp"].get<long long>());
  LONGS_EQUAL(9, events[1]["data"]["type"].get<int>());
  LONGS_EQUAL(959, events[1]["data"]["x"].get<int>());  // clamped inside the video
  LONGS_EQUAL(539, events[1]["data"]["y"].get<int>());
}

TEST(Timeline, MovesAreCoalescedNotOneEventPerReport) {
  timeline.touch(touch(0ms, TouchPhase::kStart, 0, 0));
  for (int i = 1; i <= 100; ++i) {  // a 100 Hz touch screen for one second
    timeline.touch(touch(i * 10ms, TouchPhase::kMove, i * 10.0, i * 2.0));
  }
  timeline.touch(touch(1010ms, TouchPhase::kEnd, 1000, 200));
  const auto events = parse(timeline.cut());
  int moves = 0, positions = 0;
  long long previous_time = 0;
  for (const auto& e : events) {
    if (e["data"]["source"] != 6) continue;
    ++moves;
    const auto& list = e["data"]["positions"];
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& p = list[i];
      const long long at = e["timestamp"].get<long long>() + p["timeOffset"].get<long long>();
      // Within an event kept positions are 50 ms apart; only the last one (the newest
      // report) may follow sooner.
      if (i > 0 && i + 1 < list.size()) CHECK_TRUE(at - previous_time >= 50);
      CHECK_TRUE(p["timeOffset"].get<long long>() <= 0);
      previous_time = at;
      ++positions;
    }
  }
  CHECK_TRUE(moves >= 2 && moves <= 3);
  CHECK_TRUE(positions >= 18 && positions <= 24);
  // The last move position is the newest report, not an older one.
  const auto& last_move = events[events.size() - 2]["data"]["positions"].back();
  LONGS_EQUAL(500, last_move["x"].get<int>());
  LONGS_EQUAL(9, events.back()["data"]["type"].get<int>());
}

TEST(Timeline, MultiTouchKeepsPointersApart) {
  timeline.touch(touch(0ms, TouchPhase::kStart, 100, 100, 0));
  timeline.touch(touch(0ms, TouchPhase::kStart, 900, 100, 1));
  for (int i = 1; i <= 5; ++i) {
    timeline.touch(touch(i * 60ms, TouchPhase::kMove, 100 + i, 100, 0));
    timeline.touch(touch(i * 60ms, TouchPhase::kMove, 900 - i, 100, 1));
  }
  timeline.touch(touch(400ms, TouchPhase::kEnd, 105, 100, 0));
  timeline.touch(touch(400ms, TouchPhase::kCancel, 895, 100, 1));
  const auto events = parse(timeline.cut());
  int starts = 0, move_events_0 = 0, move_events_1 = 0;
  for (const auto& e : events) {
    const auto& d = e["data"];
    if (d["source"] == 2 && d["type"] == 7) ++starts;
    if (d["source"] == 6 && d["pointerId"] == 0) ++move_events_0;
    if (d["source"] == 6 && d["pointerId"] == 1) {
      ++move_events_1;
      LONGS_EQUAL(5, d["positions"].size());
    }
  }
  LONGS_EQUAL(2, starts);
  LONGS_EQUAL(1, move_events_0);
  LONGS_EQUAL(1, move_events_1);
  LONGS_EQUAL(10, events.back()["data"]["type"].get<int>());
  LONGS_EQUAL(1, events.back()["data"]["pointerId"].get<int>());
}

TEST(Timeline, PendingMovesAreFlushedAtTheCut) {
  timeline.touch(touch(0ms, TouchPhase::kStart, 0, 0));
  timeline.touch(touch(100ms, TouchPhase::kMove, 10, 10));
  const auto first = parse(timeline.cut());
  LONGS_EQUAL(2, first.size());
  LONGS_EQUAL(6, first[1]["data"]["source"].get<int>());
  CHECK_TRUE(parse(timeline.cut()).empty());
}

TEST(Timeline, ScreensBecomeUrlsAndNavigationBreadcrumbs) {
  timeline.screen("media", t0 + 1s);
  timeline.screen("media", t0 + 2s);  // the same screen again: nothing new
  timeline.screen("climate", t0 + 3s);
  const auto cut = timeline.cut();
  CHECK_TRUE((cut.urls == std::vector<std::string>{"home", "media", "climate"}));
  STRCMP_EQUAL("home", cut.href.c_str());
  const auto events = parse(cut);
  LONGS_EQUAL(2, events.size());
  STRCMP_EQUAL("navigation", events[0]["data"]["payload"]["category"].get<std::string>().c_str());
  STRCMP_EQUAL("home", events[0]["data"]["payload"]["data"]["from"].get<std::string>().c_str());
  STRCMP_EQUAL("media", events[0]["data"]["payload"]["data"]["to"].get<std::string>().c_str());
  // The next segment starts on the screen shown now.
  const auto next = timeline.cut();
  STRCMP_EQUAL("climate", next.href.c_str());
  CHECK_TRUE((next.urls == std::vector<std::string>{"climate"}));
}

TEST(Timeline, ListsAreBoundedLikeTheServers) {
  for (int i = 0; i < 150; ++i) timeline.screen("screen-" + std::to_string(i), t0 + 1s);
  for (int i = 0; i < 150; ++i) {
    CHECK_TRUE(
        timeline.error(ErrorReport{t0, "e" + std::to_string(i), "t" + std::to_string(i), ""}));
  }
  const auto cut = timeline.cut();
  LONGS_EQUAL(Timeline::kMaxListEntries, cut.urls.size());
  LONGS_EQUAL(Timeline::kMaxListEntries, cut.error_ids.size());
  LONGS_EQUAL(Timeline::kMaxListEntries, cut.trace_ids.size());
  LONGS_EQUAL(51, drops.get("timeline_urls_over_limit"));
  LONGS_EQUAL(50, drops.get("timeline_error_ids_over_limit"));
}

TEST(Timeline, EventsPerSegmentAreBoundedAndCounted) {
  for (int i = 0; i < 100000; ++i) {
    Breadcrumb b;
    b.at = t0;
    b.category = "console";
    b.message = "flood";
    timeline.breadcrumb(b);
  }
  LONGS_EQUAL(Timeline::kMaxEventsPerSegment, timeline.cut().events.size());
  LONGS_EQUAL(100000 - Timeline::kMaxEventsPerSegment, drops.get("timeline_events_over_limit"));
}

TEST(Timeline, RepeatedErrorIdsAreRefusedForTheWholeSession) {
  CHECK_TRUE(timeline.error(ErrorReport{t0, "e1", "", ""}));
  (void)timeline.cut();
  CHECK_FALSE(timeline.error(ErrorReport{t0, "e1", "", ""}));
  LONGS_EQUAL(1, drops.get("error_duplicate_id"));
  timeline.begin_session(WallMapping{t0, w0}, "home");
  CHECK_TRUE(timeline.error(ErrorReport{t0, "e1", "", ""}));
}

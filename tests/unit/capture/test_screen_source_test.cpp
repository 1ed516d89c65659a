#include <chrono>
#include <cstring>

#include "capture/test/test_screen_source.hpp"
#include "capture/tile_damage.hpp"

#include <CppUTest/TestHarness.h>

using namespace sr;
using namespace std::chrono_literals;

namespace {

bool inside(const std::vector<Rect>& rects, int x, int y) {
  for (const Rect& r : rects) {
    if (x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height) return true;
  }
  return false;
}

// Pixels that differ between two frames: how many lie outside the newer frame's damage.
struct Diff {
  int changed = 0;
  int outside_damage = 0;
};

Diff diff(const Frame& before, const Frame& after) {
  Diff d;
  const auto a = before.pixels->bytes(), b = after.pixels->bytes();
  for (int y = 0; y < after.size.height; ++y) {
    for (int x = 0; x < after.size.width; ++x) {
      const std::size_t at = static_cast<std::size_t>(y) * after.stride + x * 4;
      if (std::memcmp(&a[at], &b[at], 4) == 0) continue;
      ++d.changed;
      if (!inside(after.damage, x, y)) ++d.outside_damage;
    }
  }
  return d;
}

const Instant t0{std::chrono::seconds(50)};

}  // namespace

TEST_GROUP(TestScreenSource) {
  TestScreenSource source{{320, 240}};
  Frame grab(Instant at) {
    auto r = source.grab(at);
    CHECK_TRUE(r.ok());
    CHECK_TRUE(r.value().has_value());
    return std::move(*r.value());
  }
};

TEST(TestScreenSource, FirstFrameIsWholeScreenDamage) {
  Frame f = grab(t0);
  LONGS_EQUAL(1, f.damage.size());
  CHECK_TRUE((f.damage[0] == Rect{0, 0, 320, 240}));
  LONGS_EQUAL(320 * 4, f.stride);
  LONGS_EQUAL(320 * 240 * 4, f.pixels->bytes().size());
}

TEST(TestScreenSource, NothingNewMeansNoFrame) {
  grab(t0);
  grab(t0 + 3s);
  auto again = source.grab(t0 + 3s + 200ms);
  CHECK_TRUE(again.ok());
  CHECK_FALSE(again.value().has_value());
}

TEST(TestScreenSource, ClockTickDamagesOnlyTheClock) {
  grab(t0);
  Frame before = grab(t0 + 3s);  // the list has stopped scrolling by now
  Frame after = grab(t0 + 4s);
  LONGS_EQUAL(1, after.damage.size());
  CHECK_TRUE(after.damage[0].width < 320 / 2);
  const Diff d = diff(before, after);
  CHECK_TRUE(d.changed > 0);
  LONGS_EQUAL(0, d.outside_damage);
}

TEST(TestScreenSource, ScrollingListIsDamagedAndNothingElseChanges) {
  grab(t0);
  Frame before = grab(t0 + 10s);
  Frame after = grab(t0 + 10s + 500ms);
  LONGS_EQUAL(1, after.damage.size());  // same second: the list only
  const Diff d = diff(before, after);
  CHECK_TRUE(d.changed > 1000);
  LONGS_EQUAL(0, d.outside_damage);
}

TEST(TestScreenSource, AFrameHandedOutIsNeverDrawnOver) {
  grab(t0);
  Frame held = grab(t0 + 3s);
  const std::vector<std::byte> copy(held.pixels->bytes().begin(), held.pixels->bytes().end());
  Frame next = grab(t0 + 10s + 500ms);
  CHECK_TRUE(held.pixels.get() != next.pixels.get());
  CHECK_TRUE(std::memcmp(copy.data(), held.pixels->bytes().data(), copy.size()) == 0);
}

TEST(TestScreenSource, ReleasedBufferIsReusedWithoutACopy) {
  const PixelBuffer* first = nullptr;
  {
    Frame f = grab(t0);
    first = f.pixels.get();
  }
  Frame g = grab(t0 + 1s);
  POINTERS_EQUAL(first, g.pixels.get());
}

TEST(TestScreenSource, EachScrollIsASwipeThatFollowsTheList) {
  grab(t0);
  std::vector<TouchEvent> all;
  for (int s = 0; s <= 11; ++s) {
    for (const auto& e : source.poll_touches(t0 + std::chrono::seconds(s))) all.push_back(e);
  }
  // Two swipes (0-2 s and 10-12 s): start, moves, and an end when the scroll stops.
  CHECK_TRUE(all.size() >= 5);
  CHECK_TRUE(all[0].phase == TouchPhase::kStart && all[0].at == t0);
  int starts = 0, ends = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i) CHECK_TRUE(all[i].at >= all[i - 1].at);
    if (all[i].phase == TouchPhase::kStart) ++starts;
    if (all[i].phase == TouchPhase::kEnd) {
      ++ends;
      CHECK_TRUE(all[i].at == t0 + 2s || all[i].at == t0 + 12s);
      CHECK_TRUE(all[i].y < all[0].y);  // the finger went up with the list
    }
  }
  LONGS_EQUAL(2, starts);
  LONGS_EQUAL(1, ends);  // at 11 s the second swipe is still going
  const auto later = source.poll_touches(t0 + 13s);
  LONGS_EQUAL(1, later.size());
  CHECK_TRUE(later[0].phase == TouchPhase::kEnd && later[0].at == t0 + 12s);
}

TEST_GROUP(TileDamage){};

TEST(TileDamage, FirstPictureIsAllThenOnlyChangedTilesInRowRuns) {
  TileDamage tiles;
  const Size size{300, 140};  // 5 x 3 tiles, the last ones partial
  const int stride = size.width * 4;
  std::vector<std::byte> pixels(static_cast<std::size_t>(stride) * size.height, std::byte{7});
  auto all = tiles.update(pixels, size, stride);
  LONGS_EQUAL(3, all.size());  // one run per row of tiles
  CHECK_TRUE((all[2] == Rect{0, 128, 300, 12}));
  CHECK_TRUE(tiles.update(pixels, size, stride).empty());  // unchanged: nothing
  // One pixel in tile (1, 0) and one in tile (2, 0): one merged run; one in (4, 2).
  pixels[static_cast<std::size_t>(10) * stride + 70 * 4] = std::byte{8};
  pixels[static_cast<std::size_t>(63) * stride + 130 * 4] = std::byte{8};
  pixels[static_cast<std::size_t>(139) * stride + 299 * 4 + 3] = std::byte{8};
  auto changed = tiles.update(pixels, size, stride);
  LONGS_EQUAL(2, changed.size());
  CHECK_TRUE((changed[0] == Rect{64, 0, 128, 64}));
  CHECK_TRUE((changed[1] == Rect{256, 128, 44, 12}));
  CHECK_TRUE(tiles.update(pixels, {296, 140}, stride).size() == 3);  // new size: all again
}

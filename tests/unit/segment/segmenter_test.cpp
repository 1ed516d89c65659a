#include <chrono>

#include "fakes.hpp"
#include "segment/segmenter.hpp"

#include <CppUTest/TestHarness.h>

using namespace sr;
using namespace std::chrono_literals;

namespace {

Frame frame_at(Instant at, Size size = {64, 32}) {
  Frame f;
  f.size = size;
  f.stride = size.width * 4;
  f.pixels = std::make_shared<HeapPixelBuffer>(static_cast<std::size_t>(f.stride) * size.height);
  f.captured_at = at;
  return f;
}

const Instant t0{std::chrono::seconds(100)};

}  // namespace

TEST_GROUP(Segmenter) {
  test::RecordingEncoder encoder;
  Segmenter segmenter{encoder};
};

TEST(Segmenter, EachFrameLastsUntilTheNextAndTheLastUntilTheEnd) {
  CHECK_TRUE(segmenter.open(t0, {64, 32}, PixelFormat::kBGRx).ok());
  for (auto at : {0s, 1s, 3s}) CHECK_TRUE(segmenter.add(frame_at(t0 + at)).ok());
  auto video = segmenter.close(t0 + 5s);
  CHECK_TRUE(video.ok());
  const auto& pushes = encoder.files.at(0).pushes;
  LONGS_EQUAL(3, pushes.size());
  CHECK_TRUE(pushes[0].pts == 0s && pushes[0].duration == 1s);
  CHECK_TRUE(pushes[1].pts == 1s && pushes[1].duration == 2s);
  CHECK_TRUE(pushes[2].pts == 3s && pushes[2].duration == 2s);
  CHECK_TRUE(video->duration == 5s);
  LONGS_EQUAL(3, video->frame_count);
}

TEST(Segmenter, NextSegmentStartsWithTheLastPictureRepeated) {
  CHECK_TRUE(segmenter.open(t0, {64, 32}, PixelFormat::kBGRx).ok());
  Frame last = frame_at(t0 + 2s);
  CHECK_TRUE(segmenter.add(last).ok());
  CHECK_TRUE(segmenter.close(t0 + 5s).ok());
  // The screen did not change during the next segment: it still has a picture.
  CHECK_TRUE(segmenter.open(t0 + 5s, {64, 32}, PixelFormat::kBGRx).ok());
  auto video = segmenter.close(t0 + 10s);
  CHECK_TRUE(video.ok());
  const auto& pushes = encoder.files.at(1).pushes;
  LONGS_EQUAL(1, pushes.size());
  CHECK_TRUE(pushes[0].pts == 0s && pushes[0].duration == 5s);
  POINTERS_EQUAL(last.pixels.get(), pushes[0].pixels);  // the same pixels, not a copy
}

TEST(Segmenter, FrameAtTheSameInstantReplacesThePrevious) {
  CHECK_TRUE(segmenter.open(t0, {64, 32}, PixelFormat::kBGRx).ok());
  CHECK_TRUE(segmenter.add(frame_at(t0)).ok());
  Frame newer = frame_at(t0);
  CHECK_TRUE(segmenter.add(newer).ok());
  CHECK_TRUE(segmenter.close(t0 + 1s).ok());
  const auto& pushes = encoder.files.at(0).pushes;
  LONGS_EQUAL(1, pushes.size());
  POINTERS_EQUAL(newer.pixels.get(), pushes[0].pixels);
}

TEST(Segmenter, FramesNeverGoBackInTime) {
  CHECK_TRUE(segmenter.open(t0, {64, 32}, PixelFormat::kBGRx).ok());
  CHECK_TRUE(segmenter.add(frame_at(t0 - 3s)).ok());  // before the segment: clamped to 0
  CHECK_TRUE(segmenter.add(frame_at(t0 + 2s)).ok());
  CHECK_TRUE(segmenter.add(frame_at(t0 + 1s)).ok());  // clock went back: replaces, at 2 s
  CHECK_TRUE(segmenter.close(t0 + 4s).ok());
  const auto& pushes = encoder.files.at(0).pushes;
  LONGS_EQUAL(2, pushes.size());
  CHECK_TRUE(pushes[0].pts == 0s && pushes[0].duration == 2s);
  CHECK_TRUE(pushes[1].pts == 2s && pushes[1].duration == 2s);
}

TEST(Segmenter, SegmentWithoutFramesIsAnErrorNotAnEmptyFile) {
  CHECK_TRUE(segmenter.open(t0, {64, 32}, PixelFormat::kBGRx).ok());
  auto video = segmenter.close(t0 + 5s);
  CHECK_FALSE(video.ok());
  STRCMP_CONTAINS("no frames", video.error().message.c_str());
  CHECK_TRUE(encoder.files.at(0).aborted);
  CHECK_FALSE(segmenter.is_open());
}

TEST(Segmenter, FrameOfAnotherSizeIsRefused) {
  CHECK_TRUE(segmenter.open(t0, {64, 32}, PixelFormat::kBGRx).ok());
  CHECK_FALSE(segmenter.add(frame_at(t0, {32, 32})).ok());
}

TEST(Segmenter, AResizedScreenIsNotRepeatedIntoTheNextSegment) {
  CHECK_TRUE(segmenter.open(t0, {64, 32}, PixelFormat::kBGRx).ok());
  CHECK_TRUE(segmenter.add(frame_at(t0)).ok());
  CHECK_TRUE(segmenter.close(t0 + 1s).ok());
  CHECK_TRUE(segmenter.open(t0 + 1s, {32, 32}, PixelFormat::kBGRx).ok());
  LONGS_EQUAL(0, encoder.files.at(1).pushes.size());
}

#pragma once
// Test doubles for the engine's interfaces, for unit tests of engine logic. Integration
// tests use the real GStreamer encoder and transports instead.

#include <deque>
#include <optional>
#include <vector>

#include "capture/frame_source.hpp"
#include "core/random.hpp"
#include "encode/segment_encoder.hpp"
#include "upload/transport.hpp"

namespace sr::test {

/// Remembers what it was asked to encode; "encodes" to a few marker bytes.
class RecordingEncoder final : public SegmentEncoder {
 public:
  struct Push {
    Duration pts;
    Duration duration;
    const PixelBuffer* pixels;
  };
  struct File {
    Size size;
    std::vector<Push> pushes;
    bool finished = false;
    bool aborted = false;
  };

  Result<void> begin(Size size, PixelFormat) override {
    files.push_back(File{size, {}, false, false});
    return {};
  }
  Result<void> push(const Frame& frame, Duration pts, Duration duration) override {
    files.back().pushes.push_back(Push{pts, duration, frame.pixels.get()});
    return {};
  }
  Result<EncodedVideo> finish() override {
    files.back().finished = true;
    if (fail_next_finish) {
      fail_next_finish = false;
      return Error{"encoder: scripted failure"};
    }
    EncodedVideo v;
    v.bytes.assign(output_bytes, 0x42);
    v.size = files.back().size;
    v.frame_count = static_cast<int>(files.back().pushes.size());
    return v;
  }
  void abort() override {
    if (!files.empty()) files.back().aborted = true;
  }

  std::vector<File> files;
  std::size_t output_bytes = 8;  // size of each "encoded" file
  bool fail_next_finish = false;
};

/// Hands out scripted values for next_unit() (each in [0, 1)); past the script, `fallback`.
class ScriptedRandom final : public RandomSource {
 public:
  explicit ScriptedRandom(std::deque<double> units, double fallback = 0.999)
      : units_(std::move(units)), fallback_(fallback) {}
  std::uint64_t next_u64() override {
    double u = fallback_;
    if (!units_.empty()) {
      u = units_.front();
      units_.pop_front();
    }
    ++draws;
    return static_cast<std::uint64_t>(u * 0x1.0p53) << 11;
  }
  int draws = 0;

 private:
  std::deque<double> units_;
  double fallback_;
};

/// Keeps every envelope it is sent.
class CollectingTransport final : public Transport {
 public:
  std::string describe() const override { return "memory"; }
  Result<void> send(const OutgoingEnvelope& e) override {
    sent.push_back(e);
    return {};
  }
  std::vector<OutgoingEnvelope> sent;
};

/// A source whose picture changes only when told to.
class ScriptedSource final : public FrameSource {
 public:
  explicit ScriptedSource(Size size) : size_(size) {}
  std::string describe() const override { return "scripted"; }
  void change() { changed_ = true; }
  void resize(Size size) {
    size_ = size;
    changed_ = true;
  }
  Result<std::optional<Frame>> grab(Instant now) override {
    if (!changed_) return std::optional<Frame>();
    changed_ = false;
    Frame f;
    f.size = size_;
    f.stride = size_.width * 4;
    f.pixels = std::make_shared<HeapPixelBuffer>(static_cast<std::size_t>(f.stride) * size_.height);
    f.damage = {{0, 0, size_.width, size_.height}};
    f.captured_at = now;
    ++grabs;
    return std::optional<Frame>(std::move(f));
  }
  int grabs = 0;

 private:
  Size size_;
  bool changed_ = true;
};

}  // namespace sr::test

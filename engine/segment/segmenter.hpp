#pragma once
// Box "segment" of the flow: cuts the stream of frames into segments of fixed length, each
// one a standalone video that starts with a key frame.

#include <optional>

#include "core/clock.hpp"
#include "core/frame.hpp"
#include "core/result.hpp"
#include "encode/segment_encoder.hpp"

namespace sr {

class Segmenter {
 public:
  explicit Segmenter(SegmentEncoder& encoder) : encoder_(encoder) {}

  bool is_open() const { return open_; }
  Instant start() const { return start_; }
  Size size() const { return size_; }
  PixelFormat format() const { return format_; }
  /// The newest frame seen, kept across segments (null before the first frame).
  const Frame* last_frame() const { return last_ ? &*last_ : nullptr; }

  /// Opens a segment at `start` for frames of `size`. If the previous segment ended with a
  /// frame of the same size, that frame is repeated at the start: every segment must begin
  /// with a picture even when the screen does not change.
  Result<void> open(Instant start, Size size, PixelFormat format);

  /// Adds a frame shown from its captured_at (clamped into the segment). A frame at the
  /// same instant as the previous one replaces it.
  Result<void> add(const Frame& frame);

  /// Closes the segment at `end`: the last frame lasts until then.
  Result<EncodedVideo> close(Instant end);

  /// Drops the open segment after an error; the next open starts clean.
  void abort();

 private:
  Result<void> push_pending(Instant until);

  SegmentEncoder& encoder_;
  bool open_ = false;
  Instant start_{};
  Size size_{};
  PixelFormat format_ = PixelFormat::kBGRx;
  std::optional<Frame> pending_;  // added, not yet encoded: its duration is still unknown
  Instant pending_at_{};
  std::optional<Frame> last_;  // the newest frame, carried into the next segment
};

}  // namespace sr

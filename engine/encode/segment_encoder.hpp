#pragma once
// Box "encode" of the flow: frames in, one standalone video file per segment out.

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/frame.hpp"
#include "core/result.hpp"

namespace sr {

struct EncodedVideo {
  std::vector<std::uint8_t> bytes;  // a complete file of `container` format
  std::string encoding = "h264";
  std::string container = "mp4";
  Size size;
  int frame_count = 0;
  Duration duration{};
};

class SegmentEncoder {
 public:
  virtual ~SegmentEncoder() = default;

  /// Starts a new file for frames of `size` and `format`. The first frame pushed becomes a
  /// key frame.
  virtual Result<void> begin(Size size, PixelFormat format) = 0;

  /// Adds a frame shown from `pts` (relative to the segment start) for `duration`.
  /// The frame's pixels stay referenced until the encoder is done with them.
  virtual Result<void> push(const Frame& frame, Duration pts, Duration duration) = 0;

  /// Ends the file and returns it. Bounded: gives an error rather than waiting forever.
  virtual Result<EncodedVideo> finish() = 0;

  /// Throws away an unfinished file (after an error).
  virtual void abort() = 0;
};

}  // namespace sr

#pragma once
// Decodes an MP4 with GStreamer (qtdemux, h264parse, avdec_h264) and reports what is in it.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace sr::test {

struct Mp4Info {
  int samples = 0;         // encoded frames in the file
  int decoded_frames = 0;  // frames the decoder produced
  int width = 0;
  int height = 0;
  std::chrono::nanoseconds duration{};  // end of the last sample
  bool first_is_key_frame = false;
  int key_frames = 0;
};

/// Throws std::runtime_error with GStreamer's message when the file does not decode.
Mp4Info probe_mp4(const std::vector<std::uint8_t>& bytes, const std::string& scratch_path);

}  // namespace sr::test

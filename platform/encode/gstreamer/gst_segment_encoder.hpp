#pragma once
// The encode box on GStreamer: appsrc -> convert -> encoder -> parser -> mp4mux -> memory.
// Elements and their properties come from a board profile (bsp/). Each segment is its own
// pipeline run, so each MP4 stands alone and starts with a key frame. The MP4 is muxed into
// an anonymous memory file: nothing touches flash here.

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "config/encoder_profile.hpp"
#include "encode/gstreamer/gst_handles.hpp"
#include "encode/segment_encoder.hpp"
#include "posix/unique_fd.hpp"

namespace sr {

class GstSegmentEncoder final : public SegmentEncoder {
 public:
  /// Picks the profile's first encoder whose elements exist here and checks every
  /// property name and value. Errors name the profile and the missing element or property.
  /// `keyframe_interval` is in frames.
  static Result<std::unique_ptr<GstSegmentEncoder>> create(const EncoderProfile& profile,
                                                           int keyframe_interval);
  struct Checked {};  // only create() can make one: it vets the profile first
  GstSegmentEncoder(Checked, EncoderProfile profile, EncoderSpec encoder, int keyframe_interval);
  ~GstSegmentEncoder() override;

  /// The encoder element in use ("x264enc").
  const std::string& encoder_element() const { return encoder_.element.element; }

  Result<void> begin(Size size, PixelFormat format) override;
  Result<void> push(const Frame& frame, Duration pts, Duration duration) override;
  Result<EncodedVideo> finish() override;
  void abort() override;

 private:
  Result<void> check_bus();
  static GstPadProbeReturn restore_duration(GstPad* pad, GstPadProbeInfo* info, gpointer self);

  // Frame durations by pts. Parsers drop the duration of variable-rate frames, and the
  // muxer would then give the last frame of a segment no length at all; a probe in front
  // of the muxer puts back what we pushed. Written by push(), read on the streaming thread.
  std::mutex durations_mutex_;
  std::map<GstClockTime, GstClockTime> durations_;

  EncoderProfile profile_;
  EncoderSpec encoder_;
  int keyframe_interval_;
  gst::ElementPtr pipeline_;
  GstElement* appsrc_ = nullptr;  // owned by pipeline_
  UniqueFd memory_file_;
  Size size_;
  PixelFormat format_ = PixelFormat::kBGRx;
  int frames_ = 0;
};

}  // namespace sr

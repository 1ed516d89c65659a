#include "encode/gstreamer/gst_segment_encoder.hpp"

#include <gst/app/gstappsrc.h>
#include <gst/video/video.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <chrono>

#include "posix/errno_error.hpp"

namespace sr {
namespace {

constexpr auto kFinishTimeout = std::chrono::seconds(30);

std::string missing(const std::string& profile, const ElementSpec& spec) {
  std::string text =
      "board profile '" + profile + "': GStreamer element '" + spec.element + "' is not installed";
  if (!spec.package.empty()) text += " (package " + spec.package + ")";
  return text;
}

// Sets every property of the spec, checking that the name exists and the value parses.
Result<void> apply_properties(GstElement* element, const ElementSpec& spec,
                              const std::string& profile) {
  GObjectClass* klass = G_OBJECT_GET_CLASS(element);
  for (const auto& [name, text] : spec.properties) {
    GParamSpec* pspec = g_object_class_find_property(klass, name.c_str());
    if (!pspec) {
      return Error{"board profile '" + profile + "': element '" + spec.element +
                   "' has no property '" + name + "'"};
    }
    GValue value = G_VALUE_INIT;
    g_value_init(&value, G_PARAM_SPEC_VALUE_TYPE(pspec));
    const bool parsed = gst_value_deserialize(&value, text.c_str());
    if (parsed) g_object_set_property(G_OBJECT(element), name.c_str(), &value);
    g_value_unset(&value);
    if (!parsed) {
      return Error{"board profile '" + profile + "': element '" + spec.element + "' property '" +
                   name + "' cannot take the value '" + text + "'"};
    }
  }
  return {};
}

Result<GstElement*> make_element(const ElementSpec& spec, const std::string& profile) {
  GstElement* element = gst_element_factory_make(spec.element.c_str(), nullptr);
  if (!element) return Error{missing(profile, spec)};
  if (auto r = apply_properties(element, spec, profile); !r) {
    gst_object_unref(element);
    return r.error();
  }
  return element;
}

GstElement* make_capsfilter(const std::string& caps) {
  GstElement* filter = gst_element_factory_make("capsfilter", nullptr);
  gst::CapsPtr parsed(gst_caps_from_string(caps.c_str()));
  g_object_set(filter, "caps", parsed.get(), nullptr);
  return filter;
}

// Keeps a frame's pixels alive while GStreamer reads them (zero copy).
void release_pixels(gpointer holder) {
  std::unique_ptr<std::shared_ptr<const PixelBuffer>>(
      static_cast<std::shared_ptr<const PixelBuffer>*>(holder));
}

Result<std::vector<std::uint8_t>> read_all(int fd) {
  struct stat st {};
  if (fstat(fd, &st) != 0) return errno_error("encoder: fstat of the memory file");
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = pread(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return errno_error("encoder: reading the memory file");
    done += static_cast<std::size_t>(n);
  }
  return bytes;
}

}  // namespace

Result<std::unique_ptr<GstSegmentEncoder>> GstSegmentEncoder::create(const EncoderProfile& profile,
                                                                     int keyframe_interval) {
  if (auto r = gst::ensure_initialized(); !r) return r.error();
  for (const std::string& name :
       {std::string("appsrc"), std::string("capsfilter"), std::string("fdsink"), profile.muxer}) {
    if (!gst::element_exists(name))
      return Error{missing(profile.name, ElementSpec{name, {}, {}, {}})};
  }
  if (!gst::element_exists(profile.convert.element))
    return Error{missing(profile.name, profile.convert)};

  const EncoderSpec* chosen = nullptr;
  std::string tried;
  for (const EncoderSpec& spec : profile.encoders) {
    tried += (tried.empty() ? "" : ", ") + spec.element.element;
    if (!spec.element.package.empty()) tried += " (package " + spec.element.package + ")";
    if (gst::element_exists(spec.element.element) && gst::element_exists(spec.parser)) {
      chosen = &spec;
      break;
    }
  }
  if (!chosen) {
    return Error{"board profile '" + profile.name +
                 "': none of its encoders is installed: " + tried};
  }

  // Instantiate once to check every property before the first segment needs them.
  for (const ElementSpec* spec : {&profile.convert, &chosen->element}) {
    auto element = make_element(*spec, profile.name);
    if (!element) return element.error();
    gst_object_unref(*element);
  }
  return std::make_unique<GstSegmentEncoder>(Checked{}, profile, *chosen, keyframe_interval);
}

GstSegmentEncoder::GstSegmentEncoder(Checked, EncoderProfile profile, EncoderSpec encoder,
                                     int keyframe_interval)
    : profile_(std::move(profile)),
      encoder_(std::move(encoder)),
      keyframe_interval_(keyframe_interval) {}

GstSegmentEncoder::~GstSegmentEncoder() {
  abort();
}

Result<void> GstSegmentEncoder::begin(Size size, PixelFormat format) {
  abort();
  memory_file_.reset(memfd_create("sessionreplay-segment", MFD_CLOEXEC));
  if (!memory_file_.valid()) return errno_error("encoder: memfd_create");

  gst::ElementPtr pipeline(gst_pipeline_new("segment"));
  GstElement* src = gst_element_factory_make("appsrc", "frames");
  gst::CapsPtr caps(gst_caps_new_simple("video/x-raw", "format", G_TYPE_STRING,
                                        format == PixelFormat::kRGBx ? "RGBx" : "BGRx", "width",
                                        G_TYPE_INT, size.width, "height", G_TYPE_INT, size.height,
                                        "framerate", GST_TYPE_FRACTION, 0, 1, nullptr));
  g_object_set(src, "caps", caps.get(), "format", GST_FORMAT_TIME, "is-live", FALSE, nullptr);
  gst_bin_add(GST_BIN(pipeline.get()), src);

  std::vector<GstElement*> chain{src};
  auto add = [&](GstElement* e) {
    gst_bin_add(GST_BIN(pipeline.get()), e);
    chain.push_back(e);
  };
  auto convert = make_element(profile_.convert, profile_.name);
  if (!convert) return convert.error();
  add(*convert);
  if (!profile_.convert.caps.empty()) add(make_capsfilter(profile_.convert.caps));
  auto encoder = make_element(encoder_.element, profile_.name);
  if (!encoder) return encoder.error();
  gst_util_set_object_arg(G_OBJECT(*encoder), encoder_.keyframe_property.c_str(),
                          std::to_string(keyframe_interval_).c_str());
  add(*encoder);
  if (!encoder_.element.caps.empty()) add(make_capsfilter(encoder_.element.caps));
  GstElement* parser = gst_element_factory_make(encoder_.parser.c_str(), nullptr);
  add(parser);
  add(gst_element_factory_make(profile_.muxer.c_str(), nullptr));
  {
    GstPad* pad = gst_element_get_static_pad(parser, "src");
    gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_BUFFER, restore_duration, this, nullptr);
    gst_object_unref(pad);
  }
  {
    std::lock_guard lock(durations_mutex_);
    durations_.clear();
  }
  GstElement* sink = gst_element_factory_make("fdsink", nullptr);
  g_object_set(sink, "fd", memory_file_.get(), "sync", FALSE, "async", FALSE, nullptr);
  add(sink);

  for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
    if (!gst_element_link(chain[i], chain[i + 1])) {
      return Error{"encoder: cannot link '" + std::string(GST_ELEMENT_NAME(chain[i])) + "' to '" +
                   GST_ELEMENT_NAME(chain[i + 1]) + "' (caps do not fit)"};
    }
  }
  if (gst_element_set_state(pipeline.get(), GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE) {
    pipeline_ = std::move(pipeline);
    auto bus_error = check_bus();
    abort();
    return bus_error ? Error{"encoder: pipeline failed to start"} : bus_error.error();
  }
  pipeline_ = std::move(pipeline);
  appsrc_ = src;
  size_ = size;
  format_ = format;
  frames_ = 0;
  return {};
}

GstPadProbeReturn GstSegmentEncoder::restore_duration(GstPad* pad, GstPadProbeInfo* info,
                                                      gpointer self) {
  auto* encoder = static_cast<GstSegmentEncoder*>(self);
  GstBuffer* buffer = GST_PAD_PROBE_INFO_BUFFER(info);
  // Encoders shift timestamps (x264enc by 1000 h to keep DTS positive): compare in running
  // time, which is the pts we pushed.
  GstClockTime running = GST_BUFFER_PTS(buffer);
  if (GstEvent* event = gst_pad_get_sticky_event(pad, GST_EVENT_SEGMENT, 0)) {
    const GstSegment* segment = nullptr;
    gst_event_parse_segment(event, &segment);
    running = gst_segment_to_running_time(segment, GST_FORMAT_TIME, running);
    gst_event_unref(event);
  }
  GstClockTime duration = GST_CLOCK_TIME_NONE;
  {
    std::lock_guard lock(encoder->durations_mutex_);
    auto it = encoder->durations_.find(running);
    if (it != encoder->durations_.end()) duration = it->second;
  }
  if (duration == GST_CLOCK_TIME_NONE || GST_BUFFER_DURATION(buffer) == duration) {
    return GST_PAD_PROBE_OK;
  }
  buffer = gst_buffer_make_writable(buffer);
  GST_BUFFER_DURATION(buffer) = duration;
  GST_PAD_PROBE_INFO_DATA(info) = buffer;
  return GST_PAD_PROBE_OK;
}

Result<void> GstSegmentEncoder::check_bus() {
  gst::BusPtr bus(gst_element_get_bus(pipeline_.get()));
  gst::MessagePtr message(gst_bus_pop_filtered(bus.get(), GST_MESSAGE_ERROR));
  if (message) return Error{"encoder: " + gst::describe_error(message.get())};
  return {};
}

Result<void> GstSegmentEncoder::push(const Frame& frame, Duration pts, Duration duration) {
  if (!appsrc_) return Error{"encoder: push without begin"};
  if (frame.size != size_ || frame.format != format_) {
    return Error{"encoder: frame does not match the segment's size or format"};
  }
  const std::span<const std::byte> bytes = frame.pixels->bytes();
  auto holder = std::make_unique<std::shared_ptr<const PixelBuffer>>(frame.pixels);
  GstBuffer* buffer =
      gst_buffer_new_wrapped_full(GST_MEMORY_FLAG_READONLY, const_cast<std::byte*>(bytes.data()),
                                  bytes.size(), 0, bytes.size(), holder.release(), release_pixels);
  GST_BUFFER_PTS(buffer) = static_cast<GstClockTime>(pts.count());
  GST_BUFFER_DURATION(buffer) = static_cast<GstClockTime>(duration.count());
  {
    std::lock_guard lock(durations_mutex_);
    durations_[GST_BUFFER_PTS(buffer)] = GST_BUFFER_DURATION(buffer);
  }
  gsize offsets[GST_VIDEO_MAX_PLANES] = {0};
  gint strides[GST_VIDEO_MAX_PLANES] = {frame.stride};
  gst_buffer_add_video_meta_full(
      buffer, GST_VIDEO_FRAME_FLAG_NONE,
      format_ == PixelFormat::kRGBx ? GST_VIDEO_FORMAT_RGBx : GST_VIDEO_FORMAT_BGRx,
      frame.size.width, frame.size.height, 1, offsets, strides);
  if (gst_app_src_push_buffer(GST_APP_SRC(appsrc_), buffer) != GST_FLOW_OK) {
    if (auto r = check_bus(); !r) return r;
    return Error{"encoder: the pipeline refused a frame"};
  }
  ++frames_;
  return check_bus();
}

Result<EncodedVideo> GstSegmentEncoder::finish() {
  if (!appsrc_) return Error{"encoder: finish without begin"};
  gst_app_src_end_of_stream(GST_APP_SRC(appsrc_));
  gst::BusPtr bus(gst_element_get_bus(pipeline_.get()));
  gst::MessagePtr message(
      gst_bus_timed_pop_filtered(bus.get(), std::chrono::nanoseconds(kFinishTimeout).count(),
                                 static_cast<GstMessageType>(GST_MESSAGE_EOS | GST_MESSAGE_ERROR)));
  Result<void> outcome;
  if (!message) {
    outcome = Error{"encoder: no end of stream within 30 s"};
  } else if (GST_MESSAGE_TYPE(message.get()) == GST_MESSAGE_ERROR) {
    outcome = Error{"encoder: " + gst::describe_error(message.get())};
  }
  gst_element_set_state(pipeline_.get(), GST_STATE_NULL);
  pipeline_.reset();
  appsrc_ = nullptr;
  if (!outcome) {
    memory_file_.reset();
    return outcome.error();
  }
  auto bytes = read_all(memory_file_.get());
  memory_file_.reset();
  if (!bytes) return bytes.error();
  EncodedVideo video;
  video.bytes = std::move(*bytes);
  video.size = size_;
  video.frame_count = frames_;
  return video;
}

void GstSegmentEncoder::abort() {
  if (pipeline_) gst_element_set_state(pipeline_.get(), GST_STATE_NULL);
  pipeline_.reset();
  appsrc_ = nullptr;
  memory_file_.reset();
}

}  // namespace sr

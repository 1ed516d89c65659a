#include "mp4_probe.hpp"

#include <gst/app/gstappsink.h>
#include <gst/gst.h>

#include <fstream>
#include <stdexcept>

namespace sr::test {
namespace {

struct Counts {
  Mp4Info* info;
  bool seen_first = false;
};

GstPadProbeReturn count_sample(GstPad*, GstPadProbeInfo* probe, gpointer user) {
  auto* c = static_cast<Counts*>(user);
  GstBuffer* b = GST_PAD_PROBE_INFO_BUFFER(probe);
  const bool key = !GST_BUFFER_FLAG_IS_SET(b, GST_BUFFER_FLAG_DELTA_UNIT);
  if (!c->seen_first) c->info->first_is_key_frame = key;
  c->seen_first = true;
  c->info->samples++;
  if (key) c->info->key_frames++;
  if (GST_BUFFER_PTS_IS_VALID(b) && GST_BUFFER_DURATION_IS_VALID(b)) {
    const auto end = std::chrono::nanoseconds(GST_BUFFER_PTS(b) + GST_BUFFER_DURATION(b));
    if (end > c->info->duration) c->info->duration = end;
  }
  return GST_PAD_PROBE_OK;
}

}  // namespace

Mp4Info probe_mp4(const std::vector<std::uint8_t>& bytes, const std::string& scratch_path) {
  gst_init(nullptr, nullptr);
  {
    std::ofstream out(scratch_path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
  }
  GError* error = nullptr;
  const std::string description = "filesrc location=\"" + scratch_path +
                                  "\" ! qtdemux ! h264parse name=parse ! avdec_h264 ! "
                                  "appsink name=out sync=false";
  GstElement* pipeline = gst_parse_launch(description.c_str(), &error);
  if (!pipeline) {
    std::string m = error ? error->message : "?";
    g_clear_error(&error);
    throw std::runtime_error("probe pipeline: " + m);
  }
  Mp4Info info;
  Counts counts{&info};
  GstElement* parse = gst_bin_get_by_name(GST_BIN(pipeline), "parse");
  GstPad* pad = gst_element_get_static_pad(parse, "sink");
  gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_BUFFER, count_sample, &counts, nullptr);
  gst_object_unref(pad);
  gst_object_unref(parse);
  GstElement* sink = gst_bin_get_by_name(GST_BIN(pipeline), "out");
  gst_element_set_state(pipeline, GST_STATE_PLAYING);
  std::string failure;
  while (true) {
    GstSample* sample = gst_app_sink_try_pull_sample(GST_APP_SINK(sink), 10 * GST_SECOND);
    if (!sample) break;  // end of stream, error, or nothing for 10 s
    GstStructure* s = gst_caps_get_structure(gst_sample_get_caps(sample), 0);
    gst_structure_get_int(s, "width", &info.width);
    gst_structure_get_int(s, "height", &info.height);
    info.decoded_frames++;
    gst_sample_unref(sample);
  }
  const bool eos = gst_app_sink_is_eos(GST_APP_SINK(sink));
  GstBus* bus = gst_element_get_bus(pipeline);
  if (GstMessage* m = gst_bus_pop_filtered(bus, GST_MESSAGE_ERROR)) {
    GError* e = nullptr;
    gst_message_parse_error(m, &e, nullptr);
    failure = e ? e->message : "error";
    g_clear_error(&e);
    gst_message_unref(m);
  }
  gst_object_unref(bus);
  gst_object_unref(sink);
  gst_element_set_state(pipeline, GST_STATE_NULL);
  gst_object_unref(pipeline);
  if (!failure.empty()) throw std::runtime_error("mp4 does not decode: " + failure);
  if (!eos) throw std::runtime_error("mp4 decode did not reach the end");
  return info;
}

}  // namespace sr::test

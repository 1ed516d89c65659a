#include "encode/gstreamer/gst_handles.hpp"

#include <mutex>

namespace sr::gst {

Result<void> ensure_initialized() {
  static std::once_flag once;
  static std::string failure;
  std::call_once(once, [] {
    GError* error = nullptr;
    if (!gst_init_check(nullptr, nullptr, &error)) {
      failure = std::string("cannot initialise GStreamer: ") + (error ? error->message : "?");
      g_clear_error(&error);
    }
  });
  if (!failure.empty()) return Error{failure};
  return {};
}

bool element_exists(const std::string& factory) {
  GstElementFactory* f = gst_element_factory_find(factory.c_str());
  if (!f) return false;
  gst_object_unref(f);
  return true;
}

std::string describe_error(GstMessage* message) {
  GError* error = nullptr;
  gchar* debug = nullptr;
  gst_message_parse_error(message, &error, &debug);
  std::string text = std::string("element '") + GST_OBJECT_NAME(GST_MESSAGE_SRC(message)) +
                     "': " + (error ? error->message : "unknown error");
  if (debug) text += std::string(" (") + debug + ")";
  g_clear_error(&error);
  g_free(debug);
  return text;
}

}  // namespace sr::gst

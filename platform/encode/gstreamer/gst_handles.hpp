#pragma once
// RAII for the GStreamer and GLib objects the encoder holds.

#include <gst/gst.h>

#include <memory>
#include <string>

#include "core/result.hpp"

namespace sr::gst {

struct ObjectUnref {
  void operator()(gpointer p) const { gst_object_unref(p); }
};
struct MessageUnref {
  void operator()(GstMessage* m) const { gst_message_unref(m); }
};
struct CapsUnref {
  void operator()(GstCaps* c) const { gst_caps_unref(c); }
};

using ElementPtr = std::unique_ptr<GstElement, ObjectUnref>;
using BusPtr = std::unique_ptr<GstBus, ObjectUnref>;
using MessagePtr = std::unique_ptr<GstMessage, MessageUnref>;
using CapsPtr = std::unique_ptr<GstCaps, CapsUnref>;

/// Initialises GStreamer once per process; an error says why it could not.
Result<void> ensure_initialized();

/// True when a factory of that name is registered on this machine.
bool element_exists(const std::string& factory);

/// "element 'x': message (debug)" from an ERROR bus message.
std::string describe_error(GstMessage* message);

}  // namespace sr::gst

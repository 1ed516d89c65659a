#pragma once
// The typed configuration of sessionreplayd: one struct per TOML table, defaults as in the
// design's session model. config/sessionreplay.toml documents every key.

#include <chrono>
#include <string>

namespace sr {

struct RecordingConfig {
  double session_sample_rate = 0.0;   // share of sessions recorded from their start
  double on_error_sample_rate = 1.0;  // share of buffered sessions sent when an error happens
  int buffer_seconds = 30;            // pre-error window kept in RAM
  int segment_seconds = 5;            // length of one video segment
  int fps = 1;                        // frame rate cap
  int max_duration = 3600;            // seconds; a session ends here
  int idle_timeout = 30;              // seconds without input or with the display off
};

enum class CaptureSourceKind { kTest, kWayland, kDrm };

struct TestCaptureConfig {
  int width = 1280;
  int height = 720;
};

struct WaylandCaptureConfig {
  std::string
      display;  // socket name in XDG_RUNTIME_DIR, or an absolute path; empty: $WAYLAND_DISPLAY
  std::string output;  // output name; empty: the first output
};

struct CaptureConfig {
  CaptureSourceKind source = CaptureSourceKind::kTest;
  TestCaptureConfig test;
  WaylandCaptureConfig wayland;
};

struct EncodeConfig {
  std::string profile = "generic-pc";  // a file name (without .toml) in profile_dir
  std::string profile_dir;             // empty: the installed bsp/ folder
};

struct PrivacyConfig {
  bool mask_all_text = true;
  bool mask_all_images = true;
  bool mask_all_inputs = true;
  int stale_ms = 500;
};

enum class TransportKind { kDir, kHttp, kMqtt, kNone };

struct DirUploadConfig {
  std::string path = "/var/lib/sessionreplay/outbox";
};

struct UploadConfig {
  TransportKind transport = TransportKind::kNone;
  DirUploadConfig dir;
};

/// Who this device is: goes into every replay's tags.
struct DeviceConfig {
  std::string id;  // empty: the daemon uses the machine id
  std::string release;
  std::string environment = "production";
  std::string model;         // contexts.device.model
  std::string manufacturer;  // contexts.device.manufacturer
  std::string os_name;       // contexts.os.name
  std::string os_version;    // contexts.os.version
};

struct Config {
  RecordingConfig recording;
  CaptureConfig capture;
  EncodeConfig encode;
  PrivacyConfig privacy;
  UploadConfig upload;
  DeviceConfig device;
};

const char* to_string(CaptureSourceKind kind);
const char* to_string(TransportKind kind);

}  // namespace sr

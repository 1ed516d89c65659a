#include "config/config_loader.hpp"

#include "config/toml_table_reader.hpp"
#include "core/text_file.hpp"

namespace sr {
namespace {

constexpr int kMaxSide = 8192;  // pixels; larger than any automotive display

void read_recording(const toml::table* table, TomlDiagnostics& diag, RecordingConfig& r) {
  TomlTableReader t(table, "recording", diag);
  t.number("session_sample_rate", r.session_sample_rate, 0.0, 1.0);
  t.number("on_error_sample_rate", r.on_error_sample_rate, 0.0, 1.0);
  t.integer("buffer_seconds", r.buffer_seconds, 1, 600);
  t.integer("segment_seconds", r.segment_seconds, 1, 60);
  t.integer("fps", r.fps, 1, 30);
  t.integer("max_duration", r.max_duration, 10, 24 * 3600);
  t.integer("idle_timeout", r.idle_timeout, 1, 24 * 3600);
  if (r.buffer_seconds < r.segment_seconds) {
    t.error_at_key("buffer_seconds", "must be at least segment_seconds (" +
                                         std::to_string(r.segment_seconds) + "), got " +
                                         std::to_string(r.buffer_seconds));
  }
}

void read_capture(const toml::table* table, TomlDiagnostics& diag, CaptureConfig& c) {
  TomlTableReader t(table, "capture", diag);
  t.choice("source", c.source,
           {{"test", CaptureSourceKind::kTest},
            {"wayland", CaptureSourceKind::kWayland},
            {"drm", CaptureSourceKind::kDrm}});
  TomlTableReader test(t.table("test"), "capture.test", diag);
  test.integer("width", c.test.width, 16, kMaxSide);
  test.integer("height", c.test.height, 16, kMaxSide);
  // H.264 in 4:2:0 needs even sides.
  if (c.test.width % 2) test.error_at_key("width", "must be even");
  if (c.test.height % 2) test.error_at_key("height", "must be even");
  TomlTableReader wayland(t.table("wayland"), "capture.wayland", diag);
  wayland.string("display", c.wayland.display);
  wayland.string("output", c.wayland.output);
}

void read_encode(const toml::table* table, TomlDiagnostics& diag, EncodeConfig& e) {
  TomlTableReader t(table, "encode", diag);
  t.string("profile", e.profile, false);
  t.string("profile_dir", e.profile_dir);
  if (e.profile.find('/') != std::string::npos) {
    t.error_at_key("profile", "must be a profile name, not a path (set encode.profile_dir)");
  }
}

void read_privacy(const toml::table* table, TomlDiagnostics& diag, PrivacyConfig& p) {
  TomlTableReader t(table, "privacy", diag);
  t.boolean("mask_all_text", p.mask_all_text);
  t.boolean("mask_all_images", p.mask_all_images);
  t.boolean("mask_all_inputs", p.mask_all_inputs);
  t.integer("stale_ms", p.stale_ms, 16, 10'000);
}

void read_upload(const toml::table* table, TomlDiagnostics& diag, UploadConfig& u) {
  TomlTableReader t(table, "upload", diag);
  t.choice("transport", u.transport,
           {{"dir", TransportKind::kDir},
            {"http", TransportKind::kHttp},
            {"mqtt", TransportKind::kMqtt},
            {"none", TransportKind::kNone}});
  TomlTableReader dir(t.table("dir"), "upload.dir", diag);
  dir.string("path", u.dir.path, false);
}

void read_device(const toml::table* table, TomlDiagnostics& diag, DeviceConfig& d) {
  TomlTableReader t(table, "device", diag);
  t.string("id", d.id);
  t.string("release", d.release);
  t.string("environment", d.environment, false);
  t.string("model", d.model);
  t.string("manufacturer", d.manufacturer);
  t.string("os_name", d.os_name);
  t.string("os_version", d.os_version);
}

}  // namespace

const char* to_string(CaptureSourceKind kind) {
  switch (kind) {
    case CaptureSourceKind::kTest:
      return "test";
    case CaptureSourceKind::kWayland:
      return "wayland";
    case CaptureSourceKind::kDrm:
      return "drm";
  }
  return "?";
}

const char* to_string(TransportKind kind) {
  switch (kind) {
    case TransportKind::kDir:
      return "dir";
    case TransportKind::kHttp:
      return "http";
    case TransportKind::kMqtt:
      return "mqtt";
    case TransportKind::kNone:
      return "none";
  }
  return "?";
}

std::string ConfigErrors::joined() const {
  std::string out;
  for (const auto& m : messages) out += m + "\n";
  return out;
}

Result<Config> parse_config(std::string_view text, const std::string& origin,
                            ConfigErrors* all_errors) {
  TomlDiagnostics diag(origin);
  Config config;
  try {
    const toml::table doc = toml::parse(text, origin);
    TomlTableReader root(&doc, "", diag);
    read_recording(root.table("recording"), diag, config.recording);
    read_capture(root.table("capture"), diag, config.capture);
    read_encode(root.table("encode"), diag, config.encode);
    read_privacy(root.table("privacy"), diag, config.privacy);
    read_upload(root.table("upload"), diag, config.upload);
    read_device(root.table("device"), diag, config.device);
  } catch (const toml::parse_error& e) {
    diag.syntax(e);
  }
  if (diag.messages().empty()) return config;
  if (all_errors) all_errors->messages = diag.messages();
  return Error{diag.messages().front()};
}

Result<Config> load_config(const std::string& path, ConfigErrors* all_errors) {
  auto text = read_text_file(path, "config");
  if (!text) {
    if (all_errors) all_errors->messages = {text.error().message};
    return text.error();
  }
  return parse_config(*text, path, all_errors);
}

}  // namespace sr

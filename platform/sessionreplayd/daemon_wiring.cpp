#include "sessionreplayd/daemon_wiring.hpp"

#include "capture/test/test_screen_source.hpp"
#ifdef SR_WITH_WAYLAND
#include "capture/wayland/wayland_source.hpp"
#endif
#include "config/encoder_profile.hpp"
#include "encode/gstreamer/gst_segment_encoder.hpp"
#include "sessionreplay_version.hpp"
#include "transport/dir/dir_transport.hpp"
#include "upload/discard_transport.hpp"

namespace sr {
namespace {

Result<void> make_source(const CaptureConfig& c, Daemon& d) {
  switch (c.source) {
    case CaptureSourceKind::kTest: {
      auto source = std::make_unique<TestScreenSource>(Size{c.test.width, c.test.height});
      d.touches = source.get();  // its scripted finger keeps the session active
      d.source = std::move(source);
      return {};
    }
    case CaptureSourceKind::kWayland: {
#ifdef SR_WITH_WAYLAND
      // Not connected here: the source connects (and reconnects) itself on every tick, so
      // the daemon may start before the compositor.
      d.source = std::make_unique<WaylandSource>(
          WaylandSourceOptions{c.wayland.display, c.wayland.output});
      return {};
#else
      break;
#endif
    }
    case CaptureSourceKind::kDrm:
      break;
  }
  return Error{std::string("capture.source \"") + to_string(c.source) +
               "\" is not part of this build (built in: \"test\"" +
#ifdef SR_WITH_WAYLAND
               ", \"wayland\"" +
#endif
               ")"};
}

Result<std::unique_ptr<Transport>> make_transport(const UploadConfig& u) {
  switch (u.transport) {
    case TransportKind::kDir:
      if (auto r = make_directories(u.dir.path); !r)
        return with_context("upload.dir.path", r.error());
      return std::unique_ptr<Transport>(std::make_unique<DirTransport>(u.dir.path));
    case TransportKind::kNone:
      return std::unique_ptr<Transport>(std::make_unique<DiscardTransport>());
    case TransportKind::kHttp:
    case TransportKind::kMqtt:
      break;
  }
  return Error{std::string("upload.transport \"") + to_string(u.transport) +
               "\" is not part of this build yet (available: \"dir\", \"none\")"};
}

}  // namespace

Result<std::unique_ptr<Daemon>> wire_daemon(const Config& config) {
  auto d = std::make_unique<Daemon>();
  d->random = std::make_unique<SeededRandom>(std::random_device{}() ^
                                             d->clock.wall_now().time_since_epoch().count());
  if (auto r = make_source(config.capture, *d); !r) return r.error();

  const std::string dir =
      config.encode.profile_dir.empty() ? SR_DEFAULT_PROFILE_DIR : config.encode.profile_dir;
  auto profile = load_encoder_profile(dir, config.encode.profile);
  if (!profile) return profile.error();
  auto encoder =
      GstSegmentEncoder::create(*profile, config.recording.fps * config.recording.segment_seconds);
  if (!encoder) return encoder.error();
  d->encoder_name = profile->name + "/" + (*encoder)->encoder_element();
  d->encoder = std::move(*encoder);

  auto transport = make_transport(config.upload);
  if (!transport) return transport.error();
  d->transport = std::move(*transport);

  d->recorder = std::make_unique<Recorder>(
      config, SdkInfo{.version = SR_VERSION},
      RecorderParts{d->clock, *d->random, *d->source, *d->encoder, *d->transport, d->touches});
  return d;
}

}  // namespace sr

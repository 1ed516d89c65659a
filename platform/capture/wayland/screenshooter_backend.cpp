#include "capture/wayland/screenshooter_backend.hpp"

#include "weston-screenshooter-client-protocol.h"

namespace sr {
namespace {

constexpr std::size_t kPoolBuffers = 6;
}  // namespace

struct ScreenshooterBackend::Listeners {
  static void done(void* data, weston_screenshooter*) {
    static_cast<ScreenshooterBackend*>(data)->done_ = true;
  }
};

ScreenshooterBackend::ScreenshooterBackend(WaylandConnection& connection,
                                           const WaylandOutput& output)
    : connection_(connection),
      output_(output),
      pool_(connection.display(), connection.shm(), kPoolBuffers) {
  static const weston_screenshooter_listener listener = {Listeners::done};
  weston_screenshooter_add_listener(connection.screenshooter(), &listener, this);
}

Result<void> ScreenshooterBackend::start() {
  const Size size{output_.mode_width, output_.mode_height};
  auto buffer = pool_.acquire(ShmBuffer::Geometry{size, size.width * 4, WL_SHM_FORMAT_ARGB8888});
  if (!buffer) return buffer.error();
  target_ = *buffer;
  done_ = false;
  in_flight_ = true;
  weston_screenshooter_shoot(connection_.screenshooter(), output_.output, target_->wl());
  return connection_.pump(std::chrono::milliseconds(0));
}

Result<std::optional<Frame>> ScreenshooterBackend::poll(Instant now) {
  std::optional<Frame> frame;
  if (in_flight_ && done_) {
    in_flight_ = false;
    const ShmBuffer::Geometry g = target_->geometry();
    auto damage = damage_.update(target_->bytes(), g.size, g.stride);
    if (!damage.empty()) {
      Frame f;
      f.size = g.size;
      f.stride = g.stride;
      f.format = PixelFormat::kBGRx;
      f.pixels = target_;
      f.captured_at = now;
      f.damage = std::move(damage);
      frame = std::move(f);
    }
    target_.reset();
  }
  if (!in_flight_) {
    if (auto r = start(); !r) return r.error();
  }
  return frame;
}

}  // namespace sr

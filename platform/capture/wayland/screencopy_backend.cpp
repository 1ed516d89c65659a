#include "capture/wayland/screencopy_backend.hpp"

#include <algorithm>

#include "wlr-screencopy-unstable-v1-client-protocol.h"

namespace sr {
namespace {

constexpr auto kBufferInfoTimeout = std::chrono::milliseconds(500);
constexpr std::size_t kPoolBuffers = 6;  // frames held by the segmenter and GStreamer
constexpr std::size_t kMaxDamageRects = 32;

}  // namespace

struct ScreencopyBackend::Listeners {
  static ScreencopyBackend* self(void* data) { return static_cast<ScreencopyBackend*>(data); }
  static void buffer(void* data, zwlr_screencopy_frame_v1*, uint32_t format, uint32_t width,
                     uint32_t height, uint32_t stride) {
    auto* s = self(data);
    s->geometry_ = ShmBuffer::Geometry{Size{static_cast<int>(width), static_cast<int>(height)},
                                       static_cast<int>(stride), format};
    s->have_geometry_ = true;
  }
  static void flags(void* data, zwlr_screencopy_frame_v1*, uint32_t flags) {
    self(data)->y_invert_ = flags & ZWLR_SCREENCOPY_FRAME_V1_FLAGS_Y_INVERT;
  }
  static void ready(void* data, zwlr_screencopy_frame_v1*, uint32_t sec_hi, uint32_t sec_lo,
                    uint32_t nsec) {
    auto* s = self(data);
    const auto seconds = (static_cast<std::uint64_t>(sec_hi) << 32) | sec_lo;
    s->presented_ = Instant(std::chrono::seconds(seconds) + std::chrono::nanoseconds(nsec));
    s->ready_ = true;
  }
  static void failed(void* data, zwlr_screencopy_frame_v1*) { self(data)->failed_ = true; }
  static void damage(void* data, zwlr_screencopy_frame_v1*, uint32_t x, uint32_t y, uint32_t w,
                     uint32_t h) {
    self(data)->damage_.push_back(
        Rect{static_cast<int>(x), static_cast<int>(y), static_cast<int>(w), static_cast<int>(h)});
  }
  static void linux_dmabuf(void*, zwlr_screencopy_frame_v1*, uint32_t, uint32_t, uint32_t) {}
  static void buffer_done(void* data, zwlr_screencopy_frame_v1*) {
    self(data)->buffer_done_ = true;
  }
};

ScreencopyBackend::ScreencopyBackend(WaylandConnection& connection, const WaylandOutput& output)
    : connection_(connection),
      output_(output),
      pool_(connection.display(), connection.shm(), kPoolBuffers) {}

ScreencopyBackend::~ScreencopyBackend() {
  reset_frame();
}

void ScreencopyBackend::reset_frame() {
  if (frame_) zwlr_screencopy_frame_v1_destroy(frame_);
  frame_ = nullptr;
  have_geometry_ = buffer_done_ = copying_ = ready_ = failed_ = y_invert_ = false;
  damage_.clear();
  target_.reset();
}

Result<void> ScreencopyBackend::start() {
  frame_ = zwlr_screencopy_manager_v1_capture_output(connection_.screencopy(), 0, output_.output);
  static const zwlr_screencopy_frame_v1_listener listener = {
      Listeners::buffer, Listeners::flags,        Listeners::ready,      Listeners::failed,
      Listeners::damage, Listeners::linux_dmabuf, Listeners::buffer_done};
  zwlr_screencopy_frame_v1_add_listener(frame_, &listener, this);
  // The buffer parameters come right away; before version 3 there is no buffer_done.
  const bool v3 = connection_.screencopy_version() >= 3;
  const auto deadline = std::chrono::steady_clock::now() + kBufferInfoTimeout;
  while (!(v3 ? buffer_done_ : have_geometry_) && !failed_) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return Error{"wayland: no buffer parameters from screencopy"};
    if (auto r = connection_.pump(left); !r) return r;
  }
  if (failed_ || !have_geometry_) return Error{"wayland: screencopy offers no shm buffer"};
  if (!pixel_format_of_shm(geometry_.format)) {
    return Error{"wayland: screencopy offers shm format " + std::to_string(geometry_.format) +
                 ", which sessionreplay does not take (XRGB/ARGB/XBGR/ABGR8888)"};
  }
  auto buffer = pool_.acquire(geometry_);
  if (!buffer) return buffer.error();
  target_ = *buffer;
  if (first_copy_ || connection_.screencopy_version() < 2) {
    zwlr_screencopy_frame_v1_copy(frame_, target_->wl());
  } else {
    zwlr_screencopy_frame_v1_copy_with_damage(frame_, target_->wl());
  }
  copying_ = true;
  return connection_.pump(std::chrono::milliseconds(0));  // sends the request
}

Result<std::optional<Frame>> ScreencopyBackend::poll(Instant now) {
  std::optional<Frame> frame;
  if (frame_ && failed_) {
    reset_frame();
    (void)start();
    return Error{"wayland: the compositor failed a screencopy; trying again"};
  }
  if (frame_ && ready_) {
    const ShmBuffer::Geometry g = geometry_;
    std::shared_ptr<const PixelBuffer> pixels =
        y_invert_ ? flip_rows(*target_, g.stride, g.size.height) : target_;
    // The compositor's damage triggers the copy; the tile hash says what really changed,
    // so that an unchanged picture costs no conversion and no encoding.
    std::vector<Rect> changed = confirmed_.update(pixels->bytes(), g.size, g.stride);
    first_copy_ = false;
    if (changed.empty()) {
      reset_frame();
      if (auto r = start(); !r) {
        reset_frame();
        return r.error();
      }
      return frame;
    }
    Frame f;
    f.size = g.size;
    f.stride = g.stride;
    f.format = *pixel_format_of_shm(g.format);
    f.pixels = std::move(pixels);
    // The picture is as of its presentation, when that time is plausible on our clock.
    f.captured_at =
        presented_ <= now && now - presented_ < std::chrono::seconds(2) ? presented_ : now;
    f.damage = changed.size() > kMaxDamageRects
                   ? std::vector<Rect>{Rect{0, 0, g.size.width, g.size.height}}
                   : std::move(changed);
    frame = std::move(f);
    reset_frame();
  }
  if (!frame_) {
    if (auto r = start(); !r) {
      reset_frame();
      return r.error();
    }
  }
  return frame;
}

}  // namespace sr

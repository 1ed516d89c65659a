#include "capture/wayland/screenshooter_backend.hpp"

#include <cstring>

#include "weston-screenshooter-client-protocol.h"

namespace sr {
namespace {

constexpr std::size_t kPoolBuffers = 6;
constexpr int kTile = 64;

std::uint64_t hash_tile(const std::byte* first_row, int stride, int width_bytes, int rows) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over 8-byte words
  for (int y = 0; y < rows; ++y) {
    const std::byte* row = first_row + static_cast<std::size_t>(y) * stride;
    int x = 0;
    for (; x + 8 <= width_bytes; x += 8) {
      std::uint64_t word;
      std::memcpy(&word, row + x, 8);
      h = (h ^ word) * 1099511628211ULL;
    }
    for (; x < width_bytes; ++x) h = (h ^ static_cast<std::uint8_t>(row[x])) * 1099511628211ULL;
  }
  return h;
}

}  // namespace

std::vector<Rect> changed_tiles(std::span<const std::byte> pixels, Size size, int stride, int tile,
                                Size& hashed_size, std::vector<std::uint64_t>& hashes) {
  const int cols = (size.width + tile - 1) / tile, rows = (size.height + tile - 1) / tile;
  const bool all = hashed_size != size;
  hashes.resize(static_cast<std::size_t>(cols) * rows);
  hashed_size = size;
  std::vector<Rect> damage;
  for (int ty = 0; ty < rows; ++ty) {
    int run_start = -1;
    const int y = ty * tile, h = std::min(tile, size.height - y);
    for (int tx = 0; tx <= cols; ++tx) {
      bool changed = false;
      if (tx < cols) {
        const int x = tx * tile, w = std::min(tile, size.width - x);
        const std::uint64_t hv = hash_tile(
            pixels.data() + static_cast<std::size_t>(y) * stride + x * 4, stride, w * 4, h);
        std::uint64_t& old = hashes[static_cast<std::size_t>(ty) * cols + tx];
        changed = all || hv != old;
        old = hv;
      }
      if (changed && run_start < 0) run_start = tx;
      if (!changed && run_start >= 0) {
        const int x = run_start * tile;
        damage.push_back(Rect{x, y, std::min(tx * tile, size.width) - x, h});
        run_start = -1;
      }
    }
  }
  return damage;
}

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
    auto damage =
        changed_tiles(target_->bytes(), g.size, g.stride, kTile, hashed_size_, tile_hashes_);
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

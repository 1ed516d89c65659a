#pragma once
// weston_screenshooter (Weston up to 11, with debug protocols): whole-output copies. The
// protocol says nothing about damage, so a tile hash against the previous picture decides
// whether anything changed and where.

#include <memory>
#include <vector>

#include "capture/wayland/capture_backend.hpp"

namespace sr {

class ScreenshooterBackend final : public CaptureBackend {
 public:
  ScreenshooterBackend(WaylandConnection& connection, const WaylandOutput& output);
  const char* protocol() const override { return "weston_screenshooter"; }
  Result<std::optional<Frame>> poll(Instant now) override;

  struct Listeners;

 private:
  Result<void> start();

  WaylandConnection& connection_;
  const WaylandOutput& output_;
  ShmPool pool_;
  bool in_flight_ = false;
  bool done_ = false;
  std::shared_ptr<ShmBuffer> target_;
  Size hashed_size_;
  std::vector<std::uint64_t> tile_hashes_;
};

/// Tiles of `tile` pixels whose content hash differs from `hashes` (updated in place);
/// all of them when the size changed. Merged into one rectangle per row of tiles.
std::vector<Rect> changed_tiles(std::span<const std::byte> pixels, Size size, int stride, int tile,
                                Size& hashed_size, std::vector<std::uint64_t>& hashes);

}  // namespace sr

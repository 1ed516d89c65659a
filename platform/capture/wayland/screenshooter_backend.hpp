#pragma once
// weston_screenshooter (Weston up to 11, with debug protocols): whole-output copies. The
// protocol says nothing about damage, so a tile hash against the previous picture decides
// whether anything changed and where.

#include <memory>
#include <vector>

#include "capture/tile_damage.hpp"
#include "capture/wayland/capture_backend.hpp"

namespace sr {

class ScreenshooterBackend final : public CaptureBackend {
 public:
  ScreenshooterBackend(WaylandConnection& connection, const WaylandOutput& output);
  const char* protocol() const override { return "weston_screenshooter"; }
  Result<std::optional<Frame>> poll(Instant now) override;
  std::size_t buffers_allocated() const override { return pool_.allocated(); }

  struct Listeners;

 private:
  Result<void> start();

  WaylandConnection& connection_;
  const WaylandOutput& output_;
  ShmPool pool_;
  bool in_flight_ = false;
  bool done_ = false;
  std::shared_ptr<ShmBuffer> target_;
  TileDamage damage_;
};

}  // namespace sr

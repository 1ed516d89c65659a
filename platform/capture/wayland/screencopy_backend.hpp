#pragma once
// wlr-screencopy-unstable-v1 (wlroots compositors): copy_with_damage, so that an output
// that does not change costs nothing, and the compositor says where it changed.

#include <memory>
#include <vector>

#include "capture/tile_damage.hpp"
#include "capture/wayland/capture_backend.hpp"

struct zwlr_screencopy_frame_v1;

namespace sr {

class ScreencopyBackend final : public CaptureBackend {
 public:
  ScreencopyBackend(WaylandConnection& connection, const WaylandOutput& output);
  ~ScreencopyBackend() override;
  const char* protocol() const override { return "zwlr_screencopy_manager_v1"; }
  Result<std::optional<Frame>> poll(Instant now) override;
  std::size_t buffers_allocated() const override { return pool_.allocated(); }

  struct Listeners;

 private:
  Result<void> start();
  void reset_frame();

  WaylandConnection& connection_;
  const WaylandOutput& output_;
  ShmPool pool_;
  zwlr_screencopy_frame_v1* frame_ = nullptr;
  ShmBuffer::Geometry geometry_;
  bool have_geometry_ = false;
  bool buffer_done_ = false;
  bool copying_ = false;
  bool ready_ = false;
  bool failed_ = false;
  bool y_invert_ = false;
  bool first_copy_ = true;  // the first copy takes the whole picture, not its damage
  Instant presented_{};
  std::vector<Rect> damage_;  // as the compositor reported it
  TileDamage confirmed_;      // what really changed: some compositors report the whole output
  std::shared_ptr<ShmBuffer> target_;
};

}  // namespace sr

#pragma once
// A client connection to a Wayland compositor: the globals a capture needs and the
// outputs with their names and modes. Never blocks without a bound.

#include <wayland-client.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"

struct zwlr_screencopy_manager_v1;
struct weston_screenshooter;
struct zxdg_output_manager_v1;
struct zxdg_output_v1;

namespace sr {

struct WaylandOutput {
  wl_output* output = nullptr;
  zxdg_output_v1* xdg_output = nullptr;
  std::uint32_t global = 0;
  std::string name;    // wl_output v4 name or xdg_output name
  int mode_width = 0;  // current mode: the size weston_screenshooter copies
  int mode_height = 0;
};

class WaylandConnection {
 public:
  /// Connects to `display`: a socket name in XDG_RUNTIME_DIR, or an absolute path; empty
  /// means $WAYLAND_DISPLAY. Waits (bounded) until the globals and outputs are known.
  static Result<std::unique_ptr<WaylandConnection>> connect(const std::string& display);
  struct Token {};  // only connect() makes connections
  explicit WaylandConnection(Token) {}
  ~WaylandConnection();
  WaylandConnection(const WaylandConnection&) = delete;
  WaylandConnection& operator=(const WaylandConnection&) = delete;

  /// Sends what is queued, reads what arrived within `timeout`, dispatches it. An error
  /// means the compositor is gone.
  Result<void> pump(std::chrono::milliseconds timeout);
  /// Waits (bounded) until the compositor has announced an output: a compositor opens its
  /// socket before it has set up its outputs.
  Result<void> wait_for_outputs(std::chrono::milliseconds timeout);
  /// Pumps until the compositor answered everything sent so far, or `timeout`.
  Result<void> roundtrip(std::chrono::milliseconds timeout);

  const std::shared_ptr<wl_display>& display() const { return display_; }
  wl_shm* shm() const { return shm_; }
  zwlr_screencopy_manager_v1* screencopy() const { return screencopy_; }
  std::uint32_t screencopy_version() const { return screencopy_version_; }
  /// True when the compositor advertises weston_screenshooter (not bound yet: Weston ends
  /// the connection of a client that binds it unless it runs with --debug).
  bool offers_screenshooter() const { return screenshooter_global_ != 0; }
  /// Binds weston_screenshooter; an error when the compositor refuses it.
  Result<void> bind_screenshooter();
  weston_screenshooter* screenshooter() const { return screenshooter_; }
  const std::vector<std::unique_ptr<WaylandOutput>>& outputs() const { return outputs_; }

  /// The output of that name, or the first one when `name` is empty; null when none.
  const WaylandOutput* find_output(const std::string& name) const;
  /// Names of the outputs, for error messages.
  std::string output_names() const;

  struct Listeners;  // the C callbacks

 private:
  void attach_xdg_output(WaylandOutput& output);

  std::shared_ptr<wl_display> display_;
  wl_registry* registry_ = nullptr;
  wl_shm* shm_ = nullptr;
  zwlr_screencopy_manager_v1* screencopy_ = nullptr;
  std::uint32_t screencopy_version_ = 0;
  weston_screenshooter* screenshooter_ = nullptr;
  std::uint32_t screenshooter_global_ = 0;
  zxdg_output_manager_v1* xdg_output_manager_ = nullptr;
  std::vector<std::unique_ptr<WaylandOutput>> outputs_;
};

}  // namespace sr

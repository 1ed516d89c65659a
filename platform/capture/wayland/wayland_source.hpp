#pragma once
// The Wayland frame source: connects to a compositor as a client, copies one output with
// the first capture protocol the compositor offers (wlr-screencopy, weston_screenshooter),
// and reconnects with backoff when the compositor goes away.

#include <memory>
#include <string>

#include "capture/frame_source.hpp"
#include "capture/wayland/capture_backend.hpp"
#include "capture/wayland/wayland_connection.hpp"

namespace sr {

struct WaylandSourceOptions {
  std::string display;  // socket name in XDG_RUNTIME_DIR or absolute path; empty: $WAYLAND_DISPLAY
  std::string output;   // output name; empty: the first output
};

class WaylandSource final : public FrameSource {
 public:
  static constexpr Duration kFirstRetry = std::chrono::milliseconds(250);
  static constexpr Duration kMaxRetry = std::chrono::seconds(10);

  explicit WaylandSource(WaylandSourceOptions options) : options_(std::move(options)) {}
  ~WaylandSource() override;

  /// Connects now; the error says what is missing (socket, capture protocol, output).
  Result<void> connect();

  std::string describe() const override;
  bool available(Instant now) override;
  std::string unavailable_reason() const override { return reason_; }
  Result<std::optional<Frame>> grab(Instant now) override;

  /// Waits up to `timeout` for the compositor's next events (for callers that have no
  /// loop of their own, like tests); returns at once when not connected.
  Result<void> wait_for_events(std::chrono::milliseconds timeout) {
    return connection_ ? connection_->pump(timeout) : Result<void>();
  }

  /// wl_shm buffers the current connection allocated (0 when not connected).
  std::size_t buffers_allocated() const { return backend_ ? backend_->buffers_allocated() : 0; }

  /// The protocol in use ("zwlr_screencopy_manager_v1"), empty when not connected.
  std::string protocol() const { return backend_ ? backend_->protocol() : ""; }

 private:
  void disconnect(const std::string& reason, Instant now);

  WaylandSourceOptions options_;
  std::unique_ptr<WaylandConnection> connection_;
  std::unique_ptr<CaptureBackend> backend_;
  std::string output_name_;
  std::string reason_ = "not connected yet";
  Instant next_retry_{};
  Duration retry_ = kFirstRetry;
};

}  // namespace sr

#include "capture/wayland/wayland_source.hpp"

#include "capture/wayland/screencopy_backend.hpp"
#include "capture/wayland/screenshooter_backend.hpp"

namespace sr {
namespace {

constexpr const char* kNoProtocol =
    "wayland: the compositor offers no capture protocol sessionreplay can use: looked for "
    "zwlr_screencopy_manager_v1 (wlroots: cage, sway, labwc) and weston_screenshooter "
    "(Weston up to 11, started with --debug)";

}  // namespace

WaylandSource::~WaylandSource() {
  backend_.reset();  // frame objects go before the connection that made them
  connection_.reset();
}

Result<void> WaylandSource::connect() {
  backend_.reset();
  connection_.reset();
  auto c = WaylandConnection::connect(options_.display);
  if (!c) return c.error();
  if (auto r = (*c)->wait_for_outputs(std::chrono::seconds(2)); !r) return r.error();
  const WaylandOutput* output = (*c)->find_output(options_.output);
  if (!output) {
    return Error{"wayland: no output" +
                 (options_.output.empty() ? std::string() : " named '" + options_.output + "'") +
                 " (outputs: " + (*c)->output_names() + ")"};
  }
  if (!(*c)->shm()) return Error{"wayland: the compositor offers no wl_shm"};
  if ((*c)->screencopy()) {
    backend_ = std::make_unique<ScreencopyBackend>(**c, *output);
  } else if ((*c)->offers_screenshooter()) {
    // Weston advertises the screenshooter even without --debug, then ends the connection
    // of the client that binds it.
    if (!(*c)->bind_screenshooter()) {
      return Error{std::string(kNoProtocol) +
                   "; this compositor offers weston_screenshooter but refused it (start Weston "
                   "with --debug)"};
    }
    backend_ = std::make_unique<ScreenshooterBackend>(**c, *output);
  } else {
    return Error{kNoProtocol};
  }
  output_name_ = output->name;
  connection_ = std::move(*c);
  reason_.clear();
  return {};
}

std::string WaylandSource::describe() const {
  return "wayland " +
         (options_.display.empty() ? std::string("$WAYLAND_DISPLAY") : options_.display) +
         (output_name_.empty() ? "" : " output " + output_name_) +
         (backend_ ? std::string(" via ") + backend_->protocol() : "");
}

void WaylandSource::disconnect(const std::string& reason, Instant now) {
  backend_.reset();
  connection_.reset();
  reason_ = reason;
  next_retry_ = now + retry_;
  retry_ = std::min<Duration>(retry_ * 2, kMaxRetry);
}

bool WaylandSource::available(Instant now) {
  if (connection_) {
    if (auto r = connection_->pump(std::chrono::milliseconds(0)); !r) {
      disconnect(r.error().message + "; reconnecting", now);
      return false;
    }
    return true;
  }
  if (now < next_retry_) return false;
  if (auto r = connect(); !r) {
    disconnect(r.error().message, now);
    return false;
  }
  retry_ = kFirstRetry;
  return true;
}

Result<std::optional<Frame>> WaylandSource::grab(Instant now) {
  if (!backend_) return std::optional<Frame>();
  return backend_->poll(now);
}

}  // namespace sr

#include "capture/wayland/wayland_connection.hpp"

#include <poll.h>

#include <cerrno>
#include <cstring>

#include "weston-screenshooter-client-protocol.h"
#include "wlr-screencopy-unstable-v1-client-protocol.h"
#include "xdg-output-unstable-v1-client-protocol.h"

namespace sr {

constexpr auto kSetupTimeout = std::chrono::seconds(5);

struct WaylandConnection::Listeners {
  // Size changes reach the capture through the copy's buffer size; geometry and scale are
  // not needed.
  static void output_geometry(void*, wl_output*, int32_t, int32_t, int32_t, int32_t, int32_t,
                              const char*, const char*, int32_t) {}
  static void output_mode(void* data, wl_output*, uint32_t flags, int32_t w, int32_t h, int32_t) {
    if (!(flags & WL_OUTPUT_MODE_CURRENT)) return;
    auto* o = static_cast<WaylandOutput*>(data);
    o->mode_width = w;
    o->mode_height = h;
  }
  static void output_done(void*, wl_output*) {}
  static void output_scale(void*, wl_output*, int32_t) {}
  static void output_name(void* data, wl_output*, const char* name) {
    static_cast<WaylandOutput*>(data)->name = name;
  }
  static void output_description(void*, wl_output*, const char*) {}

  static void xdg_position(void*, zxdg_output_v1*, int32_t, int32_t) {}
  static void xdg_size(void*, zxdg_output_v1*, int32_t, int32_t) {}
  static void xdg_done(void*, zxdg_output_v1*) {}
  static void xdg_name(void* data, zxdg_output_v1*, const char* name) {
    auto* o = static_cast<WaylandOutput*>(data);
    if (o->name.empty()) o->name = name;
  }
  static void xdg_description(void*, zxdg_output_v1*, const char*) {}

  static void global(void* data, wl_registry* registry, uint32_t name, const char* interface,
                     uint32_t version) {
    auto* c = static_cast<WaylandConnection*>(data);
    const std::string_view iface(interface);
    if (iface == wl_shm_interface.name) {
      c->shm_ = static_cast<wl_shm*>(wl_registry_bind(registry, name, &wl_shm_interface, 1));
    } else if (iface == zwlr_screencopy_manager_v1_interface.name) {
      c->screencopy_version_ = std::min<uint32_t>(version, 3);
      c->screencopy_ = static_cast<zwlr_screencopy_manager_v1*>(wl_registry_bind(
          registry, name, &zwlr_screencopy_manager_v1_interface, c->screencopy_version_));
    } else if (iface == weston_screenshooter_interface.name) {
      c->screenshooter_global_ = name;
    } else if (iface == zxdg_output_manager_v1_interface.name) {
      c->xdg_output_manager_ = static_cast<zxdg_output_manager_v1*>(wl_registry_bind(
          registry, name, &zxdg_output_manager_v1_interface, std::min<uint32_t>(version, 2)));
      for (auto& o : c->outputs_) c->attach_xdg_output(*o);
    } else if (iface == wl_output_interface.name) {
      auto o = std::make_unique<WaylandOutput>();
      o->global = name;
      o->output = static_cast<wl_output*>(
          wl_registry_bind(registry, name, &wl_output_interface, std::min<uint32_t>(version, 4)));
      static const wl_output_listener listener = {output_geometry, output_mode, output_done,
                                                  output_scale,    output_name, output_description};
      wl_output_add_listener(o->output, &listener, o.get());
      c->attach_xdg_output(*o);
      c->outputs_.push_back(std::move(o));
    }
  }
  static void global_remove(void* data, wl_registry*, uint32_t name) {
    auto* c = static_cast<WaylandConnection*>(data);
    std::erase_if(c->outputs_, [&](const auto& o) {
      if (o->global != name) return false;
      if (o->xdg_output) zxdg_output_v1_destroy(o->xdg_output);
      wl_output_destroy(o->output);
      return true;
    });
  }
  static void sync_done(void* data, wl_callback* callback, uint32_t) {
    *static_cast<bool*>(data) = true;
    wl_callback_destroy(callback);
  }
};

void WaylandConnection::attach_xdg_output(WaylandOutput& o) {
  if (!xdg_output_manager_ || o.xdg_output) return;
  o.xdg_output = zxdg_output_manager_v1_get_xdg_output(xdg_output_manager_, o.output);
  static const zxdg_output_v1_listener listener = {Listeners::xdg_position, Listeners::xdg_size,
                                                   Listeners::xdg_done, Listeners::xdg_name,
                                                   Listeners::xdg_description};
  zxdg_output_v1_add_listener(o.xdg_output, &listener, &o);
}

Result<std::unique_ptr<WaylandConnection>> WaylandConnection::connect(const std::string& name) {
  wl_display* raw = wl_display_connect(name.empty() ? nullptr : name.c_str());
  if (!raw) {
    return Error{"wayland: cannot connect to display '" +
                 (name.empty() ? std::string("$WAYLAND_DISPLAY") : name) +
                 "': " + std::strerror(errno)};
  }
  auto c = std::make_unique<WaylandConnection>(Token{});
  c->display_ = std::shared_ptr<wl_display>(raw, wl_display_disconnect);
  c->registry_ = wl_display_get_registry(raw);
  static const wl_registry_listener listener = {Listeners::global, Listeners::global_remove};
  wl_registry_add_listener(c->registry_, &listener, c.get());
  // Two round trips: the globals, then what the bound outputs say about themselves.
  for (int i = 0; i < 2; ++i) {
    if (auto r = c->roundtrip(kSetupTimeout); !r) return r.error();
  }
  return c;
}

WaylandConnection::~WaylandConnection() {
  for (auto& o : outputs_) {
    if (o->xdg_output) zxdg_output_v1_destroy(o->xdg_output);
    wl_output_destroy(o->output);
  }
  if (xdg_output_manager_) zxdg_output_manager_v1_destroy(xdg_output_manager_);
  if (screencopy_) zwlr_screencopy_manager_v1_destroy(screencopy_);
  if (screenshooter_) weston_screenshooter_destroy(screenshooter_);
  if (shm_) wl_shm_destroy(shm_);
  if (registry_) wl_registry_destroy(registry_);
  if (display_) wl_display_flush(display_.get());
}

Result<void> WaylandConnection::pump(std::chrono::milliseconds timeout) {
  wl_display* d = display_.get();
  while (wl_display_prepare_read(d) != 0) {
    if (wl_display_dispatch_pending(d) < 0) break;
  }
  if (wl_display_flush(d) < 0 && errno != EAGAIN) {
    wl_display_cancel_read(d);
    return Error{std::string("wayland: connection lost: ") + std::strerror(errno)};
  }
  pollfd p{wl_display_get_fd(d), POLLIN, 0};
  const int n = ::poll(&p, 1, static_cast<int>(timeout.count()));
  if (n > 0) {
    if (wl_display_read_events(d) < 0) {
      return Error{std::string("wayland: connection lost: ") + std::strerror(errno)};
    }
  } else {
    wl_display_cancel_read(d);
  }
  if (wl_display_dispatch_pending(d) < 0 || wl_display_get_error(d) != 0) {
    const int error = wl_display_get_error(d);
    if (error == EPROTO) {
      const wl_interface* interface = nullptr;
      uint32_t id = 0;
      const uint32_t code = wl_display_get_protocol_error(d, &interface, &id);
      return Error{"wayland: the compositor ended the connection with protocol error " +
                   std::to_string(code) + " on " + (interface ? interface->name : "?")};
    }
    return Error{std::string("wayland: connection lost: ") + std::strerror(error)};
  }
  return {};
}

Result<void> WaylandConnection::roundtrip(std::chrono::milliseconds timeout) {
  bool done = false;
  wl_callback* callback = wl_display_sync(display_.get());
  static const wl_callback_listener listener = {Listeners::sync_done};
  wl_callback_add_listener(callback, &listener, &done);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return Error{"wayland: the compositor did not answer within bound"};
    if (auto r = pump(left); !r) return r;
  }
  return {};
}

Result<void> WaylandConnection::wait_for_outputs(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (outputs_.empty()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return {};  // none came: the caller says what is missing
    if (auto r = pump(left); !r) return r;
  }
  return roundtrip(kSetupTimeout);  // the new output's name and mode
}

Result<void> WaylandConnection::bind_screenshooter() {
  screenshooter_ = static_cast<weston_screenshooter*>(
      wl_registry_bind(registry_, screenshooter_global_, &weston_screenshooter_interface, 1));
  return roundtrip(kSetupTimeout);
}

const WaylandOutput* WaylandConnection::find_output(const std::string& name) const {
  for (const auto& o : outputs_) {
    if (name.empty() || o->name == name) return o.get();
  }
  return nullptr;
}

std::string WaylandConnection::output_names() const {
  std::string names;
  for (const auto& o : outputs_) names += (names.empty() ? "" : ", ") + o->name;
  return names.empty() ? "none" : names;
}

}  // namespace sr

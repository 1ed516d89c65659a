#pragma once
// One way of copying an output's picture (a compositor protocol).

#include <optional>

#include "capture/wayland/shm_pool.hpp"
#include "capture/wayland/wayland_connection.hpp"
#include "core/clock.hpp"
#include "core/frame.hpp"
#include "core/result.hpp"

namespace sr {

class CaptureBackend {
 public:
  virtual ~CaptureBackend() = default;
  virtual const char* protocol() const = 0;
  /// Called once per tick after the connection's events were dispatched: returns the
  /// picture that arrived since the last call if it changed, and keeps the next capture
  /// under way. An error is one failed capture; the next call tries again.
  virtual Result<std::optional<Frame>> poll(Instant now) = 0;
  /// wl_shm buffers allocated so far (they are reused once released).
  virtual std::size_t buffers_allocated() const = 0;
};

/// Pixel format of a wl_shm format code; nullopt for formats we do not take.
std::optional<PixelFormat> pixel_format_of_shm(std::uint32_t shm_format);

/// Rows stored bottom to top become top to bottom (one copy).
std::shared_ptr<const PixelBuffer> flip_rows(const PixelBuffer& in, int stride, int height);

}  // namespace sr

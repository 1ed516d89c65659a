#pragma once
// A captured picture of the display, as it travels from a frame source to the encoder.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "core/clock.hpp"

namespace sr {

struct Size {
  int width = 0;
  int height = 0;
  friend bool operator==(const Size&, const Size&) = default;
};

/// A rectangle in output pixels.
struct Rect {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;
  friend bool operator==(const Rect&, const Rect&) = default;
};

/// 32 bits per pixel, named by byte order in memory (DRM's XRGB8888 is BGRx on a
/// little-endian machine).
enum class PixelFormat {
  kBGRx,  // bytes B, G, R, X
  kRGBx,  // bytes R, G, B, X: DRM/wl_shm XBGR8888
};

/// Pixel memory owned by whoever captured it (a heap vector, later a shm or dma-buf mapping).
/// Kept alive by shared ownership until the last reader (the encoder) lets go.
class PixelBuffer {
 public:
  virtual ~PixelBuffer() = default;
  virtual std::span<const std::byte> bytes() const = 0;
};

/// Pixels in a std::vector: the test source and copies.
class HeapPixelBuffer final : public PixelBuffer {
 public:
  explicit HeapPixelBuffer(std::size_t size) : bytes_(size) {}
  std::span<const std::byte> bytes() const override { return bytes_; }
  std::span<std::byte> writable() { return bytes_; }

 private:
  std::vector<std::byte> bytes_;
};

struct Frame {
  Size size;
  int stride = 0;  // bytes from one row to the next
  PixelFormat format = PixelFormat::kBGRx;
  std::shared_ptr<const PixelBuffer> pixels;
  /// Where the picture changed since the previous frame of the same source.
  std::vector<Rect> damage;
  Instant captured_at{};
};

}  // namespace sr

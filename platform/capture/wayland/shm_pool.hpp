#pragma once
// wl_shm buffers the compositor copies into and GStreamer reads from, without a copy in
// between. A buffer is free again once nobody but the pool holds it (GStreamer and the
// segmenter let go of the frame).

#include <wayland-client.h>

#include <memory>
#include <vector>

#include "core/frame.hpp"
#include "core/result.hpp"

namespace sr {

class ShmBuffer final : public PixelBuffer {
 public:
  struct Geometry {
    Size size;
    int stride = 0;
    std::uint32_t format = 0;  // wl_shm format
    friend bool operator==(const Geometry&, const Geometry&) = default;
  };

  /// `display` is kept alive as long as the buffer: the wl_buffer is destroyed through it.
  static Result<std::shared_ptr<ShmBuffer>> create(std::shared_ptr<wl_display> display, wl_shm* shm,
                                                   Geometry geometry);
  ~ShmBuffer() override;
  ShmBuffer(const ShmBuffer&) = delete;
  ShmBuffer& operator=(const ShmBuffer&) = delete;

  std::span<const std::byte> bytes() const override { return {memory_, size_}; }
  std::span<std::byte> writable() { return {memory_, size_}; }
  wl_buffer* wl() const { return buffer_; }
  const Geometry& geometry() const { return geometry_; }

  struct Parts;  // what create() assembles
  explicit ShmBuffer(Parts parts);

 private:
  std::shared_ptr<wl_display> display_;
  wl_buffer* buffer_ = nullptr;
  std::byte* memory_ = nullptr;
  std::size_t size_ = 0;
  Geometry geometry_;
};

class ShmPool {
 public:
  ShmPool(std::shared_ptr<wl_display> display, wl_shm* shm, std::size_t max_buffers)
      : display_(std::move(display)), shm_(shm), max_buffers_(max_buffers) {}

  /// A buffer of that geometry that nobody else holds; allocated while under the limit.
  /// An error when all are in use (the caller skips the capture and counts it).
  Result<std::shared_ptr<ShmBuffer>> acquire(const ShmBuffer::Geometry& geometry);
  std::size_t allocated() const { return buffers_.size(); }

 private:
  std::shared_ptr<wl_display> display_;
  wl_shm* shm_;
  std::size_t max_buffers_;
  std::vector<std::shared_ptr<ShmBuffer>> buffers_;
};

}  // namespace sr

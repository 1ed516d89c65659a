#include "capture/wayland/shm_pool.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>

#include "posix/errno_error.hpp"
#include "posix/unique_fd.hpp"

namespace sr {

struct ShmBuffer::Parts {
  std::shared_ptr<wl_display> display;
  wl_buffer* buffer;
  std::byte* memory;
  std::size_t size;
  Geometry geometry;
};

ShmBuffer::ShmBuffer(Parts p)
    : display_(std::move(p.display)),
      buffer_(p.buffer),
      memory_(p.memory),
      size_(p.size),
      geometry_(p.geometry) {}

ShmBuffer::~ShmBuffer() {
  if (buffer_) wl_buffer_destroy(buffer_);
  if (memory_) munmap(memory_, size_);
}

Result<std::shared_ptr<ShmBuffer>> ShmBuffer::create(std::shared_ptr<wl_display> display,
                                                     wl_shm* shm, Geometry g) {
  const std::size_t size = static_cast<std::size_t>(g.stride) * g.size.height;
  if (g.size.width <= 0 || g.size.height <= 0 || g.stride < g.size.width * 4) {
    return Error{"wayland: invalid buffer geometry " + std::to_string(g.size.width) + "x" +
                 std::to_string(g.size.height) + " stride " + std::to_string(g.stride)};
  }
  UniqueFd fd(memfd_create("sessionreplay-shm", MFD_CLOEXEC | MFD_ALLOW_SEALING));
  if (!fd.valid()) return errno_error("wayland: memfd_create");
  if (ftruncate(fd.get(), static_cast<off_t>(size)) != 0) return errno_error("wayland: ftruncate");
  void* memory = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd.get(), 0);
  if (memory == MAP_FAILED) return errno_error("wayland: mmap");
  wl_shm_pool* pool = wl_shm_create_pool(shm, fd.get(), static_cast<int32_t>(size));
  wl_buffer* buffer =
      wl_shm_pool_create_buffer(pool, 0, g.size.width, g.size.height, g.stride, g.format);
  wl_shm_pool_destroy(pool);  // the buffer keeps the memory; the fd is not needed any more
  return std::make_shared<ShmBuffer>(
      Parts{std::move(display), buffer, static_cast<std::byte*>(memory), size, g});
}

Result<std::shared_ptr<ShmBuffer>> ShmPool::acquire(const ShmBuffer::Geometry& geometry) {
  // Buffers of another geometry (the output changed) are dropped once nobody holds them.
  std::erase_if(buffers_,
                [&](const auto& b) { return b->geometry() != geometry && b.use_count() == 1; });
  for (const auto& b : buffers_) {
    if (b->geometry() == geometry && b.use_count() == 1) return b;
  }
  if (buffers_.size() >= max_buffers_) {
    return Error{"wayland: all " + std::to_string(max_buffers_) + " capture buffers are in use"};
  }
  auto created = ShmBuffer::create(display_, shm_, geometry);
  if (!created) return created.error();
  buffers_.push_back(*created);
  return *created;
}

}  // namespace sr

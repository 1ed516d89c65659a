#include "capture/wayland/capture_backend.hpp"

#include <cstring>

namespace sr {
namespace {

constexpr std::uint32_t fourcc(char a, char b, char c, char d) {
  return static_cast<std::uint32_t>(a) | static_cast<std::uint32_t>(b) << 8 |
         static_cast<std::uint32_t>(c) << 16 | static_cast<std::uint32_t>(d) << 24;
}

}  // namespace

std::optional<PixelFormat> pixel_format_of_shm(std::uint32_t f) {
  if (f == WL_SHM_FORMAT_ARGB8888 || f == WL_SHM_FORMAT_XRGB8888) return PixelFormat::kBGRx;
  if (f == fourcc('X', 'B', '2', '4') || f == fourcc('A', 'B', '2', '4')) return PixelFormat::kRGBx;
  return std::nullopt;
}

std::shared_ptr<const PixelBuffer> flip_rows(const PixelBuffer& in, int stride, int height) {
  auto out = std::make_shared<HeapPixelBuffer>(in.bytes().size());
  const auto src = in.bytes();
  const auto dst = out->writable();
  for (int y = 0; y < height; ++y) {
    std::memcpy(dst.data() + static_cast<std::size_t>(y) * stride,
                src.data() + static_cast<std::size_t>(height - 1 - y) * stride,
                static_cast<std::size_t>(stride));
  }
  return out;
}

}  // namespace sr

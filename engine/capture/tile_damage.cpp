#include "capture/tile_damage.hpp"

#include <algorithm>
#include <cstring>

namespace sr {
namespace {

std::uint64_t hash_tile(const std::byte* first_row, int stride, int width_bytes, int rows) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over 8-byte words
  for (int y = 0; y < rows; ++y) {
    const std::byte* row = first_row + static_cast<std::size_t>(y) * stride;
    int x = 0;
    for (; x + 8 <= width_bytes; x += 8) {
      std::uint64_t word;
      std::memcpy(&word, row + x, 8);
      h = (h ^ word) * 1099511628211ULL;
    }
    for (; x < width_bytes; ++x) h = (h ^ static_cast<std::uint8_t>(row[x])) * 1099511628211ULL;
  }
  return h;
}

}  // namespace

std::vector<Rect> TileDamage::update(std::span<const std::byte> pixels, Size size, int stride) {
  const int cols = (size.width + kTile - 1) / kTile, rows = (size.height + kTile - 1) / kTile;
  const bool all = size_ != size;
  hashes_.resize(static_cast<std::size_t>(cols) * rows);
  size_ = size;
  std::vector<Rect> damage;
  for (int ty = 0; ty < rows; ++ty) {
    const int y = ty * kTile, h = std::min(kTile, size.height - y);
    int run_start = -1;
    for (int tx = 0; tx <= cols; ++tx) {
      bool changed = false;
      if (tx < cols) {
        const int x = tx * kTile, w = std::min(kTile, size.width - x);
        const std::uint64_t hv = hash_tile(
            pixels.data() + static_cast<std::size_t>(y) * stride + x * 4, stride, w * 4, h);
        std::uint64_t& old = hashes_[static_cast<std::size_t>(ty) * cols + tx];
        changed = all || hv != old;
        old = hv;
      }
      if (changed && run_start < 0) run_start = tx;
      if (!changed && run_start >= 0) {
        const int x = run_start * kTile;
        damage.push_back(Rect{x, y, std::min(tx * kTile, size.width) - x, h});
        run_start = -1;
      }
    }
  }
  return damage;
}

}  // namespace sr

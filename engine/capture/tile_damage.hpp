#pragma once
// Finds where a picture changed by hashing tiles and comparing with the previous picture.
// For capture paths that cannot say where the screen changed (weston_screenshooter, DRM)
// or that over-report (compositors that repaint the whole output on every copy).

#include <cstdint>
#include <span>
#include <vector>

#include "core/frame.hpp"

namespace sr {

class TileDamage {
 public:
  static constexpr int kTile = 64;

  /// The tiles that differ from the previous call's picture, merged into one rectangle
  /// per run of changed tiles in a row. The whole picture the first time and after a
  /// size change. Empty: nothing changed.
  std::vector<Rect> update(std::span<const std::byte> pixels, Size size, int stride);

 private:
  Size size_{};
  std::vector<std::uint64_t> hashes_;
};

}  // namespace sr

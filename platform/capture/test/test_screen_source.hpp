#pragma once
// A synthetic HMI-like screen: static chrome, text-like blocks, a clock that changes once a
// second and a list that scrolls now and then. The embedded default when no display is
// available, and the source for tests and benchmarks. It reports exact damage, and each
// scroll of the list is a swipe of a scripted finger (touch start, moves, end).

#include <memory>
#include <optional>

#include "capture/frame_source.hpp"
#include "events/touch_source.hpp"

namespace sr {

class TestScreenSource final : public FrameSource, public TouchSource {
 public:
  /// Width and height must be even and at least 16.
  explicit TestScreenSource(Size size);

  std::string describe() const override;
  Result<std::optional<Frame>> grab(Instant now) override;
  /// The swipe that scrolls the list: starts with the scroll, follows it, ends with it.
  std::vector<TouchEvent> poll_touches(Instant now) override;

  /// The list scrolls for this long every `kScrollPeriod`.
  static constexpr Duration kScrollPeriod = std::chrono::seconds(10);
  static constexpr Duration kScrollLength = std::chrono::seconds(2);

 private:
  struct Layout {
    Rect bar, rail, title, clock, list;
    int unit = 2;     // one "character" in pixels
    int row = 16;     // list row height
    int digit_w = 4;  // clock digit cell
    int digit_h = 8;
  };
  int scroll_offset(Duration elapsed) const;
  void draw_chrome();
  void draw_clock(int seconds);
  void draw_list(int offset);
  void fill(const Rect& r, std::uint32_t color);
  std::span<std::byte> writable();

  Size size_;
  int stride_;
  Layout layout_;
  std::shared_ptr<HeapPixelBuffer> pixels_;
  std::optional<Instant> epoch_;
  int shown_seconds_ = -1;
  int shown_offset_ = -1;
  bool finger_down_ = false;
  long long finger_period_ = -1;  // the scroll period of the last swipe
};

}  // namespace sr

#include "capture/test/test_screen_source.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace sr {
namespace {

constexpr std::uint32_t kBackground = 0x1b1f27;
constexpr std::uint32_t kBar = 0x2b3445;
constexpr std::uint32_t kRail = 0x232a38;
constexpr std::uint32_t kIcon = 0x4f8fd6;
constexpr std::uint32_t kText = 0xd8dee9;
constexpr std::uint32_t kDimText = 0x8f9bb0;
constexpr std::uint32_t kRowEven = 0x20252f;
constexpr std::uint32_t kRowOdd = 0x252b36;
constexpr std::uint32_t kDigit = 0xf0c674;

// Seven-segment patterns for 0-9, bits a..g.
constexpr std::array<std::uint8_t, 10> kSegments = {0x3f, 0x06, 0x5b, 0x4f, 0x66,
                                                    0x6d, 0x7d, 0x07, 0x7f, 0x6f};

// A deterministic pseudo-random word width for a text-like block.
int word_width(int seed, int unit) {
  return unit * (2 + (seed * 2654435761u >> 28) % 5);
}

}  // namespace

TestScreenSource::TestScreenSource(Size size) : size_(size), stride_(size.width * 4) {
  Layout& l = layout_;
  const int w = size.width, h = size.height;
  l.unit = std::max(2, h / 120);
  l.bar = {0, 0, w, std::max(8, h / 12)};
  l.rail = {0, l.bar.height, std::max(8, w / 12), h - l.bar.height};
  l.digit_h = l.bar.height * 2 / 3;
  l.digit_w = std::max(3, l.digit_h / 2);
  const int clock_w = 8 * (l.digit_w + l.unit);
  l.clock = {std::max(0, w - clock_w - l.unit * 2), (l.bar.height - l.digit_h) / 2, clock_w,
             l.digit_h};
  const int content_x = l.rail.width + l.unit * 4;
  l.title = {content_x, l.bar.height + l.unit * 4, std::max(1, w - content_x - l.unit * 4),
             l.unit * 10};
  l.list = {content_x, l.title.y + l.title.height + l.unit * 4, l.title.width,
            std::max(1, h - (l.title.y + l.title.height + l.unit * 8))};
  l.row = l.unit * 8;
  pixels_ = std::make_shared<HeapPixelBuffer>(static_cast<std::size_t>(stride_) * h);
}

std::string TestScreenSource::describe() const {
  return "test " + std::to_string(size_.width) + "x" + std::to_string(size_.height);
}

std::span<std::byte> TestScreenSource::writable() {
  // The encoder may still hold the previous picture: draw on a copy then (one copy at most).
  if (pixels_.use_count() > 1) pixels_ = std::make_shared<HeapPixelBuffer>(*pixels_);
  return pixels_->writable();
}

void TestScreenSource::fill(const Rect& r, std::uint32_t color) {
  const int x0 = std::clamp(r.x, 0, size_.width), x1 = std::clamp(r.x + r.width, 0, size_.width);
  const int y0 = std::clamp(r.y, 0, size_.height);
  const int y1 = std::clamp(r.y + r.height, 0, size_.height);
  if (x0 >= x1 || y0 >= y1) return;
  std::span<std::byte> px = pixels_->writable();
  const std::array<std::byte, 4> bgrx = {std::byte(color & 0xff), std::byte((color >> 8) & 0xff),
                                         std::byte((color >> 16) & 0xff), std::byte(0xff)};
  std::byte* first_row = px.data() + static_cast<std::size_t>(y0) * stride_ + x0 * 4;
  for (int x = 0; x < x1 - x0; ++x) std::memcpy(first_row + x * 4, bgrx.data(), 4);
  for (int y = y0 + 1; y < y1; ++y) {
    std::memcpy(px.data() + static_cast<std::size_t>(y) * stride_ + x0 * 4, first_row,
                static_cast<std::size_t>(x1 - x0) * 4);
  }
}

void TestScreenSource::draw_chrome() {
  const Layout& l = layout_;
  fill({0, 0, size_.width, size_.height}, kBackground);
  fill(l.bar, kBar);
  fill(l.rail, kRail);
  for (int i = 0; i < 5; ++i) {  // navigation icons
    const int s = l.rail.width / 2;
    fill({l.rail.width / 4, l.rail.y + l.unit * 4 + i * (s + l.unit * 4), s, s}, kIcon);
  }
  int x = l.unit * 3;  // bar title: a few words
  for (int i = 0; i < 3; ++i) {
    const int ww = word_width(i + 7, l.unit * 2);
    fill({x, l.bar.height / 3, ww, l.bar.height / 3}, kText);
    x += ww + l.unit * 2;
  }
  x = l.title.x;  // page title and a subtitle line
  for (int i = 0; i < 4; ++i) {
    const int ww = word_width(i + 11, l.unit * 3);
    fill({x, l.title.y, ww, l.unit * 5}, kText);
    x += ww + l.unit * 3;
  }
  x = l.title.x;
  for (int i = 0; i < 8 && x < l.title.x + l.title.width; ++i) {
    const int ww = word_width(i + 23, l.unit);
    fill({x, l.title.y + l.unit * 7, ww, l.unit * 2}, kDimText);
    x += ww + l.unit * 2;
  }
}

void TestScreenSource::draw_clock(int seconds) {
  const Layout& l = layout_;
  fill(l.clock, kBar);
  const int hh = (12 + seconds / 3600) % 24, mm = seconds / 60 % 60, ss = seconds % 60;
  const std::array<int, 8> glyphs = {hh / 10, hh % 10, -1, mm / 10, mm % 10, -1, ss / 10, ss % 10};
  const int t = std::max(1, l.digit_w / 5);  // segment thickness
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const int x = l.clock.x + static_cast<int>(i) * (l.digit_w + l.unit);
    const int y = l.clock.y, w = l.digit_w, h = l.digit_h, half = h / 2;
    if (glyphs[i] < 0) {  // colon
      fill({x + w / 2 - t / 2, y + h / 4, t, t}, kDigit);
      fill({x + w / 2 - t / 2, y + 3 * h / 4, t, t}, kDigit);
      continue;
    }
    const std::uint8_t s = kSegments[glyphs[i]];
    const std::array<Rect, 7> seg = {Rect{x, y, w, t},
                                     Rect{x + w - t, y, t, half},
                                     Rect{x + w - t, y + half, t, h - half},
                                     Rect{x, y + h - t, w, t},
                                     Rect{x, y + half, t, h - half},
                                     Rect{x, y, t, half},
                                     Rect{x, y + half - t / 2, w, t}};
    for (int b = 0; b < 7; ++b) {
      if (s & (1 << b)) fill(seg[b], kDigit);
    }
  }
}

void TestScreenSource::draw_list(int offset) {
  const Layout& l = layout_;
  fill(l.list, kBackground);
  const int first = offset / l.row;
  for (int r = first; (r - first) * l.row < l.list.height + l.row; ++r) {
    const int y = l.list.y + r * l.row - offset;
    const Rect row{l.list.x, std::max(y, l.list.y), l.list.width,
                   std::min(y + l.row, l.list.y + l.list.height) - std::max(y, l.list.y)};
    if (row.height <= 0) continue;
    fill(row, r % 2 ? kRowOdd : kRowEven);
    int x = l.list.x + l.unit * 2;  // the row's "label": words, clipped to the list
    for (int i = 0; i < 5; ++i) {
      const int ww = word_width(r * 7 + i, l.unit);
      const int wy = y + l.row / 3;
      const int top = std::max(wy, l.list.y),
                bottom = std::min(wy + l.unit * 3, row.y + row.height);
      if (bottom > top) fill({x, top, ww, bottom - top}, i == 0 ? kText : kDimText);
      x += ww + l.unit * 2;
    }
  }
}

int TestScreenSource::scroll_offset(Duration elapsed) const {
  // The list scrolls by six rows during the first kScrollLength of every kScrollPeriod.
  const long long periods = elapsed / kScrollPeriod;
  const Duration into = elapsed % kScrollPeriod;
  const double progress = std::min(1.0, static_cast<double>(into.count()) / kScrollLength.count());
  return static_cast<int>((periods + progress) * 6 * layout_.row);
}

std::vector<TouchEvent> TestScreenSource::poll_touches(Instant now) {
  std::vector<TouchEvent> touches;
  if (!epoch_ || now < *epoch_) return touches;
  const Duration elapsed = now - *epoch_;
  const long long period = elapsed / kScrollPeriod;
  const Instant period_start = *epoch_ + period * kScrollPeriod;
  // The finger rests on the list and moves up with its content.
  const double x = layout_.list.x + layout_.list.width / 2.0;
  const double y_rest = layout_.list.y + layout_.list.height * 0.75;
  auto finger_y = [&](Instant at, long long of_period) {
    const Duration since = at - *epoch_;
    return y_rest - (scroll_offset(since) - scroll_offset(of_period * kScrollPeriod));
  };
  if (finger_down_ && (period != finger_period_ || elapsed % kScrollPeriod >= kScrollLength)) {
    const Instant lift = *epoch_ + finger_period_ * kScrollPeriod + kScrollLength;
    touches.push_back({lift, 0, TouchPhase::kEnd, x, finger_y(lift, finger_period_)});
    finger_down_ = false;
  }
  if (!finger_down_ && period != finger_period_ && elapsed % kScrollPeriod < kScrollLength) {
    touches.push_back({period_start, 0, TouchPhase::kStart, x, y_rest});
    finger_down_ = true;
    finger_period_ = period;
  }
  if (finger_down_ && now > period_start) {
    touches.push_back({now, 0, TouchPhase::kMove, x, finger_y(now, finger_period_)});
  }
  return touches;
}

Result<std::optional<Frame>> TestScreenSource::grab(Instant now) {
  std::vector<Rect> damage;
  const bool first = !epoch_;
  if (first) {
    epoch_ = now;
    writable();
    draw_chrome();
  }
  const Duration elapsed = std::max(Duration(0), now - *epoch_);
  const int seconds =
      static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count());

  const int offset = scroll_offset(elapsed);

  if (seconds != shown_seconds_) {
    writable();
    draw_clock(seconds);
    shown_seconds_ = seconds;
    damage.push_back(layout_.clock);
  }
  if (offset != shown_offset_) {
    writable();
    draw_list(offset);
    shown_offset_ = offset;
    damage.push_back(layout_.list);
  }
  if (first) damage = {Rect{0, 0, size_.width, size_.height}};
  if (damage.empty()) return std::optional<Frame>();
  Frame frame;
  frame.size = size_;
  frame.stride = stride_;
  frame.format = PixelFormat::kBGRx;
  frame.pixels = pixels_;
  frame.damage = std::move(damage);
  frame.captured_at = now;
  return std::optional<Frame>(std::move(frame));
}

}  // namespace sr

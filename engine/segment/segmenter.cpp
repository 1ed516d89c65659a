#include "segment/segmenter.hpp"

#include <algorithm>

namespace sr {

Result<void> Segmenter::open(Instant start, Size size, PixelFormat format) {
  if (open_) abort();
  if (auto r = encoder_.begin(size, format); !r) return r;
  open_ = true;
  start_ = start;
  size_ = size;
  format_ = format;
  if (last_ && last_->size == size && last_->format == format) {
    Frame repeat = *last_;
    repeat.captured_at = start;
    repeat.damage.clear();
    return add(repeat);
  }
  return {};
}

Result<void> Segmenter::push_pending(Instant until) {
  if (!pending_) return {};
  const Duration pts = pending_at_ - start_;
  const Duration duration = until - pending_at_;
  auto r = encoder_.push(*pending_, pts, duration);
  pending_.reset();
  return r;
}

Result<void> Segmenter::add(const Frame& frame) {
  if (!open_) return Error{"segmenter: frame added with no open segment"};
  if (frame.size != size_ || frame.format != format_) {
    return Error{"segmenter: frame size or format differs from the segment's"};
  }
  // Frames never go back in time within a segment, whatever the clock did.
  Instant at = std::max(frame.captured_at, start_);
  if (pending_) at = std::max(at, pending_at_);
  if (pending_ && at > pending_at_) {
    if (auto r = push_pending(at); !r) return r;
  }
  pending_ = frame;
  pending_at_ = at;
  last_ = frame;
  return {};
}

Result<EncodedVideo> Segmenter::close(Instant end) {
  if (!open_) return Error{"segmenter: close with no open segment"};
  if (!pending_) {
    abort();
    return Error{"segmenter: segment has no frames"};
  }
  end = std::max(end, pending_at_ + Duration(1));
  if (auto r = push_pending(end); !r) {
    abort();
    return r.error();
  }
  open_ = false;
  auto video = encoder_.finish();
  if (video) video->duration = end - start_;
  return video;
}

void Segmenter::abort() {
  if (open_) encoder_.abort();
  open_ = false;
  pending_.reset();
}

}  // namespace sr

#pragma once
// Buffer mode's pre-error window: finished segments kept in RAM only, never on flash.
// Trimmed a whole segment at a time (each starts with a key frame, so the oldest kept one
// always decodes), keeping at least `window` of video when there is that much.

#include <deque>
#include <vector>

#include "segment/finished_segment.hpp"

namespace sr {

class ReplayBuffer {
 public:
  explicit ReplayBuffer(Duration window) : window_(window) {}

  /// Adds the newest segment, then drops the oldest ones the window no longer needs.
  /// Returns how many were dropped.
  std::size_t push(FinishedSegment segment);
  /// Everything buffered, oldest first; the buffer is empty afterwards.
  std::vector<FinishedSegment> take();
  /// Throws the window away (a session that ended without a sampled error).
  void clear() { segments_.clear(); }

  std::size_t size() const { return segments_.size(); }
  std::size_t bytes() const;
  /// From the start of the oldest to the end of the newest buffered segment.
  Duration covered() const;

 private:
  Duration window_;
  std::deque<FinishedSegment> segments_;
};

}  // namespace sr

#include "session/replay_buffer.hpp"

namespace sr {

std::size_t ReplayBuffer::push(FinishedSegment segment) {
  segments_.push_back(std::move(segment));
  std::size_t dropped = 0;
  // The second oldest alone still reaches back a whole window: the oldest is not needed.
  while (segments_.size() > 1 && segments_.back().end - segments_[1].start >= window_) {
    segments_.pop_front();
    ++dropped;
  }
  return dropped;
}

std::vector<FinishedSegment> ReplayBuffer::take() {
  std::vector<FinishedSegment> out(std::make_move_iterator(segments_.begin()),
                                   std::make_move_iterator(segments_.end()));
  segments_.clear();
  return out;
}

std::size_t ReplayBuffer::bytes() const {
  std::size_t total = 0;
  for (const auto& s : segments_) total += s.video.bytes.size();
  return total;
}

Duration ReplayBuffer::covered() const {
  if (segments_.empty()) return Duration(0);
  return segments_.back().end - segments_.front().start;
}

}  // namespace sr

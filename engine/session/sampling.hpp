#pragma once
// The sampling decision a session starts with (seeds: "How Sampling Works").

#include "core/random.hpp"

namespace sr {

enum class ReplayMode {
  kOff,      // neither rate sampled: nothing is recorded
  kSession,  // recorded from the start, every segment sent when finished
  kBuffer,   // the last buffer_seconds kept in RAM, sent only if an error is sampled
};

/// session_sample_rate is rolled first; only a session it did not pick becomes a buffer
/// session, and only when on_error_sample_rate > 0 (the error rate itself is rolled per
/// error, later).
inline ReplayMode roll_replay_mode(RandomSource& random, double session_rate, double error_rate) {
  if (random.roll(session_rate)) return ReplayMode::kSession;
  if (error_rate > 0.0) return ReplayMode::kBuffer;
  return ReplayMode::kOff;
}

const char* to_string(ReplayMode mode);

}  // namespace sr

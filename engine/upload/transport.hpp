#pragma once
// The last box of the flow: where finished envelopes go (a directory, HTTP, MQTT).

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace sr {

struct OutgoingEnvelope {
  std::string replay_id;
  int segment_id = 0;
  std::vector<std::uint8_t> bytes;  // a complete Sentry envelope
};

class Transport {
 public:
  virtual ~Transport() = default;
  virtual std::string describe() const = 0;
  /// Delivers the envelope; success means the receiver has it (for a directory: on disk,
  /// synced). On error nothing partial is left behind.
  virtual Result<void> send(const OutgoingEnvelope& envelope) = 0;
};

}  // namespace sr

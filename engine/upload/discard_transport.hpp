#pragma once
// upload.transport = "none": segments are recorded and counted, then dropped. For measuring
// the cost of recording alone.

#include "upload/transport.hpp"

namespace sr {

class DiscardTransport final : public Transport {
 public:
  std::string describe() const override { return "none (discarded)"; }
  Result<void> send(const OutgoingEnvelope&) override { return {}; }
};

}  // namespace sr

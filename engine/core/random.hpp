#pragma once
// Randomness as the engine sees it: sampling rolls and replay ids. Tests seed it.

#include <cstdint>
#include <random>
#include <string>

namespace sr {

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  virtual std::uint64_t next_u64() = 0;
  /// Uniform in [0, 1).
  double next_unit() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
  /// True with probability `rate` (0 never, 1 always).
  bool roll(double rate) { return rate >= 1.0 || (rate > 0.0 && next_unit() < rate); }
};

class SeededRandom final : public RandomSource {
 public:
  explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t next_u64() override { return engine_(); }

 private:
  std::mt19937_64 engine_;
};

/// A random UUID (version 4) as 32 lowercase hex digits, the form Sentry ids take.
std::string random_uuid_hex(RandomSource& random);

}  // namespace sr

#include "core/random.hpp"

namespace sr {

std::string random_uuid_hex(RandomSource& random) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t hi = random.next_u64();
  std::uint64_t lo = random.next_u64();
  hi = (hi & ~0xf000ULL) | 0x4000ULL;              // version 4
  lo = (lo & ~(0xc0ULL << 56)) | (0x80ULL << 56);  // RFC 4122 variant
  std::string id(32, '0');
  for (int i = 0; i < 16; ++i) {
    id[15 - i] = kHex[(hi >> (4 * i)) & 0xf];
    id[31 - i] = kHex[(lo >> (4 * i)) & 0xf];
  }
  return id;
}

}  // namespace sr

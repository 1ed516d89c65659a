#pragma once
// The few MessagePack forms the replay item needs: a map header, strings and binaries.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace sr::msgpack {

class Writer {
 public:
  void map_header(std::uint32_t entries);
  void str(std::string_view s);
  void bin(std::span<const std::uint8_t> bytes);
  void bin(std::string_view bytes);

  const std::vector<std::uint8_t>& bytes() const { return out_; }
  std::vector<std::uint8_t> take() { return std::move(out_); }

 private:
  void header(std::uint8_t tag8, std::uint8_t tag16, std::uint8_t tag32, std::size_t n);
  void be(std::uint64_t v, int bytes);
  std::vector<std::uint8_t> out_;
};

}  // namespace sr::msgpack

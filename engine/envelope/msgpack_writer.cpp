#include "envelope/msgpack_writer.hpp"

namespace sr::msgpack {

void Writer::be(std::uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void Writer::header(std::uint8_t tag8, std::uint8_t tag16, std::uint8_t tag32, std::size_t n) {
  if (n <= 0xff) {
    out_.push_back(tag8);
    be(n, 1);
  } else if (n <= 0xffff) {
    out_.push_back(tag16);
    be(n, 2);
  } else {
    out_.push_back(tag32);
    be(n, 4);
  }
}

void Writer::map_header(std::uint32_t entries) {
  if (entries < 16) {
    out_.push_back(static_cast<std::uint8_t>(0x80 | entries));
  } else if (entries <= 0xffff) {
    out_.push_back(0xde);
    be(entries, 2);
  } else {
    out_.push_back(0xdf);
    be(entries, 4);
  }
}

void Writer::str(std::string_view s) {
  if (s.size() < 32) {
    out_.push_back(static_cast<std::uint8_t>(0xa0 | s.size()));
  } else {
    header(0xd9, 0xda, 0xdb, s.size());
  }
  out_.insert(out_.end(), s.begin(), s.end());
}

void Writer::bin(std::span<const std::uint8_t> bytes) {
  header(0xc4, 0xc5, 0xc6, bytes.size());
  out_.insert(out_.end(), bytes.begin(), bytes.end());
}

void Writer::bin(std::string_view bytes) {
  bin(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

}  // namespace sr::msgpack

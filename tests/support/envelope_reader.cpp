#include "envelope_reader.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <span>
#include <stdexcept>

namespace sr::test {
namespace {

class MsgpackReader {
 public:
  explicit MsgpackReader(std::span<const std::uint8_t> in) : in_(in) {}

  std::size_t map_header() {
    const std::uint8_t tag = byte();
    if ((tag & 0xf0) == 0x80) return tag & 0x0f;
    if (tag == 0xde) return be(2);
    if (tag == 0xdf) return be(4);
    throw std::runtime_error("msgpack: expected a map");
  }
  std::string str() {
    const std::uint8_t tag = byte();
    std::size_t n = 0;
    if ((tag & 0xe0) == 0xa0) {
      n = tag & 0x1f;
    } else if (tag == 0xd9) {
      n = be(1);
    } else if (tag == 0xda) {
      n = be(2);
    } else if (tag == 0xdb) {
      n = be(4);
    } else {
      throw std::runtime_error("msgpack: expected a string");
    }
    auto bytes = take(n);
    return std::string(bytes.begin(), bytes.end());
  }
  std::vector<std::uint8_t> bin() {
    const std::uint8_t tag = byte();
    std::size_t n = 0;
    if (tag == 0xc4) {
      n = be(1);
    } else if (tag == 0xc5) {
      n = be(2);
    } else if (tag == 0xc6) {
      n = be(4);
    } else {
      throw std::runtime_error("msgpack: expected a binary");
    }
    auto bytes = take(n);
    return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
  }
  bool done() const { return pos_ == in_.size(); }

 private:
  std::uint8_t byte() { return take(1)[0]; }
  std::size_t be(int n) {
    std::size_t v = 0;
    for (std::uint8_t b : take(n)) v = (v << 8) | b;
    return v;
  }
  std::span<const std::uint8_t> take(std::size_t n) {
    if (in_.size() - pos_ < n) throw std::runtime_error("msgpack: truncated");
    auto out = in_.subspan(pos_, n);
    pos_ += n;
    return out;
  }
  std::span<const std::uint8_t> in_;
  std::size_t pos_ = 0;
};

std::string text(const std::vector<std::uint8_t>& b) {
  return std::string(b.begin(), b.end());
}

}  // namespace

ReplayEnvelope read_replay_envelope(const std::vector<std::uint8_t>& bytes) {
  ReplayEnvelope e;
  const auto nl1 = std::find(bytes.begin(), bytes.end(), '\n');
  if (nl1 == bytes.end()) throw std::runtime_error("envelope: no header line");
  const auto nl2 = std::find(nl1 + 1, bytes.end(), '\n');
  if (nl2 == bytes.end()) throw std::runtime_error("envelope: no item header line");
  e.header = nlohmann::json::parse(bytes.begin(), nl1);
  e.item_header = nlohmann::json::parse(nl1 + 1, nl2);
  const std::size_t length = e.item_header.at("length").get<std::size_t>();
  const std::size_t offset = static_cast<std::size_t>(nl2 + 1 - bytes.begin());
  // The payload may be followed by one newline and nothing else.
  if (bytes.size() - offset != length && bytes.size() - offset != length + 1) {
    throw std::runtime_error("envelope: item length " + std::to_string(length) +
                             " does not match the " + std::to_string(bytes.size() - offset) +
                             " bytes that follow");
  }
  MsgpackReader r(std::span<const std::uint8_t>(bytes).subspan(offset, length));
  const std::size_t entries = r.map_header();
  for (std::size_t i = 0; i < entries; ++i) {
    const std::string key = r.str();
    e.payload_keys.push_back(key);
    auto value = r.bin();
    if (key == "replay_event") {
      e.replay_event = nlohmann::json::parse(text(value));
    } else if (key == "replay_recording") {
      const std::string t = text(value);
      const auto nl = t.find('\n');
      if (nl == std::string::npos) throw std::runtime_error("recording: no header line");
      e.recording_header = nlohmann::json::parse(t.substr(0, nl));
      e.recording_events = nlohmann::json::parse(t.substr(nl + 1));
    } else if (key == "replay_video") {
      e.video = std::move(value);
    } else {
      throw std::runtime_error("payload: unexpected key " + key);
    }
  }
  if (!r.done()) throw std::runtime_error("payload: bytes after the map");
  return e;
}

std::vector<std::uint8_t> read_file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {});
}

}  // namespace sr::test

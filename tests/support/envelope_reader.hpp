#pragma once
// Reads a replay envelope back into its parts, independently of the code that wrote it:
// its own MessagePack decoder, and nlohmann::json for the JSON parts.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace sr::test {

struct ReplayEnvelope {
  nlohmann::json header;                  // envelope header line
  nlohmann::json item_header;             // {"type":"replay_video","length":N}
  std::vector<std::string> payload_keys;  // in the order they appear
  nlohmann::json replay_event;
  nlohmann::json recording_header;  // {"segment_id":N}
  nlohmann::json recording_events;  // JSON array
  std::vector<std::uint8_t> video;
};

/// Parses every part; throws std::runtime_error naming what is malformed.
ReplayEnvelope read_replay_envelope(const std::vector<std::uint8_t>& bytes);

std::vector<std::uint8_t> read_file_bytes(const std::string& path);

}  // namespace sr::test

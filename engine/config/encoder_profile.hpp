#pragma once
// A board profile (bsp/<name>.toml): which GStreamer elements convert and encode on that
// board, with their properties. Data only; platform/encode/gstreamer builds the pipeline.

#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace sr {

struct ElementSpec {
  std::string element;  // a GStreamer factory name
  std::string package;  // where to get it, for error messages (may be empty)
  /// Property name and value in GStreamer's string form (enums by nick, flags joined by '+').
  std::vector<std::pair<std::string, std::string>> properties;
  std::string caps;  // caps forced after the element, empty for none
};

struct EncoderSpec {
  ElementSpec element;
  std::string keyframe_property;  // the property that takes the key-frame interval in frames
  std::string parser = "h264parse";
};

struct EncoderProfile {
  std::string name;
  std::string description;
  ElementSpec convert;
  /// Tried in order: the first whose elements all exist on this machine is used.
  std::vector<EncoderSpec> encoders;
  std::string muxer = "mp4mux";
};

/// Reads `dir/name.toml`. Errors name file, line, column and key like config errors.
Result<EncoderProfile> load_encoder_profile(const std::string& dir, const std::string& name);

/// Parses profile text; `origin` names the file in messages.
Result<EncoderProfile> parse_encoder_profile(std::string_view text, const std::string& name,
                                             const std::string& origin);

}  // namespace sr

#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "core/result.hpp"

namespace sr {

/// Every problem found in a config file, each phrased "file:line:column: key: what"
/// (or "file: what" when the file itself cannot be read). Never empty on failure.
struct ConfigErrors {
  std::vector<std::string> messages;
  std::string joined() const;  // one message per line
};

/// Parses TOML text. `origin` names the file in messages. Unknown keys, wrong types and
/// values out of range are all reported, not just the first.
Result<Config> parse_config(std::string_view text, const std::string& origin,
                            ConfigErrors* all_errors = nullptr);

/// Reads and parses a config file; a missing or unreadable file is an error naming it.
Result<Config> load_config(const std::string& path, ConfigErrors* all_errors = nullptr);

}  // namespace sr

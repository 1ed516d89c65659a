#pragma once
// The "dir" transport: envelopes as files, <dir>/<replay_id>/<segment_id>.envelope, for
// local use and tests. Each file appears whole or not at all, and survives power loss once
// send() returned: temp file, fsync, rename, fsync of the directory.

#include <cstdint>
#include <span>
#include <string>

#include "upload/transport.hpp"

namespace sr {

class DirTransport final : public Transport {
 public:
  explicit DirTransport(std::string root) : root_(std::move(root)) {}
  std::string describe() const override { return "dir " + root_; }
  Result<void> send(const OutgoingEnvelope& envelope) override;

  /// Where send() puts an envelope.
  std::string path_for(const std::string& replay_id, int segment_id) const;

 private:
  std::string root_;
};

/// Writes `bytes` to `path` atomically and durably (see DirTransport). Creates no folders.
Result<void> write_file_atomically(const std::string& path, std::span<const std::uint8_t> bytes);

/// Creates a folder and its parents (mode 0750); an existing folder is fine.
Result<void> make_directories(const std::string& path);

}  // namespace sr

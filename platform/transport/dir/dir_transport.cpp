#include "transport/dir/dir_transport.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>

#include "posix/errno_error.hpp"
#include "posix/unique_fd.hpp"

namespace sr {
namespace {

bool valid_replay_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Result<void> fsync_path(const std::string& path, int flags) {
  UniqueFd fd(::open(path.c_str(), flags | O_CLOEXEC));
  if (!fd.valid()) return errno_error("open " + path);
  if (::fsync(fd.get()) != 0) return errno_error("fsync " + path);
  return {};
}

std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

Result<void> make_directories(const std::string& path) {
  for (std::size_t i = 1; i <= path.size(); ++i) {
    if (i != path.size() && path[i] != '/') continue;
    const std::string prefix = path.substr(0, i);
    if (::mkdir(prefix.c_str(), 0750) != 0 && errno != EEXIST) {
      return errno_error("mkdir " + prefix);
    }
  }
  return {};
}

Result<void> write_file_atomically(const std::string& path, std::span<const std::uint8_t> bytes) {
  const std::string temp = path + ".tmp";
  {
    UniqueFd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640));
    if (!fd.valid()) return errno_error("create " + temp);
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        auto e = errno_error("write " + temp);
        ::unlink(temp.c_str());
        return e;
      }
      done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) {
      auto e = errno_error("fsync " + temp);
      ::unlink(temp.c_str());
      return e;
    }
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    auto e = errno_error("rename " + temp);
    ::unlink(temp.c_str());
    return e;
  }
  return fsync_path(parent_of(path), O_RDONLY | O_DIRECTORY);
}

std::string DirTransport::path_for(const std::string& replay_id, int segment_id) const {
  return root_ + "/" + replay_id + "/" + std::to_string(segment_id) + ".envelope";
}

Result<void> DirTransport::send(const OutgoingEnvelope& envelope) {
  // The replay id becomes a folder name: never let it climb out of the root.
  if (!valid_replay_id(envelope.replay_id)) {
    return Error{"dir transport: invalid replay id '" + envelope.replay_id + "'"};
  }
  const std::string folder = root_ + "/" + envelope.replay_id;
  struct stat st {};
  const bool existed = ::stat(folder.c_str(), &st) == 0;
  if (auto r = make_directories(folder); !r) return with_context("dir transport", r.error());
  if (!existed) {  // a new replay folder must itself survive a power cut
    if (auto r = fsync_path(root_, O_RDONLY | O_DIRECTORY); !r) {
      return with_context("dir transport", r.error());
    }
  }
  auto r = write_file_atomically(path_for(envelope.replay_id, envelope.segment_id), envelope.bytes);
  if (!r) return with_context("dir transport", r.error());
  return {};
}

}  // namespace sr

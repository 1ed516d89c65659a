#include "headless_compositor.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sr::test {
namespace {

constexpr uid_t kNobody = 65534;
constexpr auto kSocketTimeout = std::chrono::seconds(20);

bool accepts_connections(const std::string& path) {
  const int s = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof address.sun_path, "%s", path.c_str());
  const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(s);
  return ok;
}

void reap(pid_t& pid) {
  if (pid <= 0) return;
  ::kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  pid = -1;
}

}  // namespace

HeadlessCompositor::HeadlessCompositor(CompositorOptions options) : options_(std::move(options)) {
  char pattern[] = "/tmp/sessionreplay-wayland-XXXXXX";
  if (!mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
  runtime_dir_ = pattern;
  // The compositor runs as nobody and wants its runtime folder to itself (mode 0700).
  if (chown(runtime_dir_.c_str(), kNobody, kNobody) != 0 ||
      chmod(runtime_dir_.c_str(), 0700) != 0) {
    throw std::runtime_error("cannot hand " + runtime_dir_ + " to nobody");
  }
  if (options_.kind == CompositorKind::kSway) {
    std::ofstream config(runtime_dir_ + "/sway.config");
    config << "output HEADLESS-1 resolution " << options_.width << "x" << options_.height << "\n"
           << "default_border none\nxwayland disable\n";
    if (!options_.client.empty()) {
      config << "exec";
      for (const auto& a : options_.client) config << " " << a;
      config << "\n";
    }
  }
  start();
}

HeadlessCompositor::~HeadlessCompositor() {
  kill();
  std::error_code ignored;
  std::filesystem::remove_all(runtime_dir_, ignored);
}

const char* HeadlessCompositor::name() const {
  switch (options_.kind) {
    case CompositorKind::kCage:
      return "cage";
    case CompositorKind::kSway:
      return "sway";
    case CompositorKind::kWeston:
      return "weston";
  }
  return "?";
}

pid_t HeadlessCompositor::spawn(const std::vector<std::string>& command,
                                const std::string& log_name) const {
  // A clean environment, then drop to nobody: what a systemd unit of the HMI would give.
  std::vector<std::string> argv = {"/usr/bin/env",
                                   "-i",
                                   "PATH=/usr/bin:/bin",
                                   "HOME=" + runtime_dir_,
                                   "XDG_RUNTIME_DIR=" + runtime_dir_,
                                   "WLR_BACKENDS=headless",
                                   "WLR_LIBINPUT_NO_DEVICES=1",
                                   "WLR_RENDERER=pixman",
                                   "QT_QPA_PLATFORM=wayland",
                                   "QT_WAYLAND_DISABLE_WINDOWDECORATION=1",
                                   "QML_DISABLE_DISK_CACHE=1",
                                   "/usr/bin/setpriv",
                                   "--reuid=65534",
                                   "--regid=65534",
                                   "--clear-groups"};
  if (options_.kind == CompositorKind::kWeston)
    argv.insert(argv.begin() + 3, "WAYLAND_DISPLAY=wayland-0");
  argv.insert(argv.end(), command.begin(), command.end());
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string log_path = runtime_dir_ + "/" + log_name;
  posix_spawn_file_actions_addopen(&actions, 1, log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                   0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), nullptr);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + command.front());
  return pid;
}

void HeadlessCompositor::start() {
  // A crashed compositor leaves its socket and lock behind.
  for (const auto& entry : std::filesystem::directory_iterator(runtime_dir_)) {
    if (entry.path().filename().string().rfind("wayland-", 0) == 0) {
      std::filesystem::remove(entry.path());
    }
  }
  socket_name_.clear();
  const std::string size_w = std::to_string(options_.width),
                    size_h = std::to_string(options_.height);
  switch (options_.kind) {
    case CompositorKind::kCage: {
      std::vector<std::string> cmd = {"/usr/bin/cage", "--"};
      cmd.insert(cmd.end(), options_.client.begin(), options_.client.end());
      compositor_ = spawn(cmd, "compositor.log");
      break;
    }
    case CompositorKind::kSway:
      compositor_ =
          spawn({"/usr/bin/sway", "--config", runtime_dir_ + "/sway.config"}, "compositor.log");
      break;
    case CompositorKind::kWeston: {
      std::vector<std::string> cmd = {"/usr/bin/weston",
                                      "--backend=headless-backend.so",
                                      "--use-pixman",
                                      "--socket=wayland-0",
                                      "--width=" + size_w,
                                      "--height=" + size_h,
                                      "--shell=desktop-shell.so",
                                      "--idle-time=0"};
      if (options_.weston_debug) cmd.push_back("--debug");
      compositor_ = spawn(cmd, "compositor.log");
      break;
    }
  }
  wait_for_socket(kSocketTimeout);
  if (options_.kind == CompositorKind::kWeston && !options_.client.empty()) {
    client_ = spawn(options_.client, "client.log");
  }
}

void HeadlessCompositor::wait_for_socket(std::chrono::milliseconds timeout) {
  const int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  inotify_add_watch(fd, runtime_dir_.c_str(), IN_CREATE | IN_MOVED_TO);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  auto find_socket = [this] {
    for (const auto& entry : std::filesystem::directory_iterator(runtime_dir_)) {
      const std::string name = entry.path().filename();
      if (name.rfind("wayland-", 0) == 0 && entry.is_socket()) return name;
    }
    return std::string();
  };
  std::string found;
  while ((found = find_socket()).empty()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || waitpid(compositor_, nullptr, WNOHANG) == compositor_) {
      close(fd);
      throw std::runtime_error(std::string(name()) + " did not open its socket:\n" + log());
    }
    pollfd p{fd, POLLIN, 0};
    poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    char drain[4096];
    while (read(fd, drain, sizeof drain) > 0) {
    }
  }
  socket_name_ = found;
  // The socket file appears at bind(); it accepts connections only after listen(). Probe
  // until it does, pacing the retries on the folder's inotify events (bounded).
  while (!accepts_connections(socket())) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      close(fd);
      throw std::runtime_error(std::string(name()) + " never accepted connections:\n" + log());
    }
    pollfd p{fd, POLLIN, 0};
    poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 20)));
  }
  close(fd);
}

void HeadlessCompositor::kill() {
  reap(client_);
  reap(compositor_);
}

std::string HeadlessCompositor::log() const {
  std::ifstream in(runtime_dir_ + "/compositor.log");
  std::stringstream s;
  s << in.rdbuf();
  std::ifstream client(runtime_dir_ + "/client.log");
  if (client) s << "\n-- client --\n" << client.rdbuf();
  return s.str();
}

}  // namespace sr::test

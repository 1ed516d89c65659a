#pragma once
// A real Wayland compositor for the tests, started headless with the pixman renderer as
// user nobody (cage and sway refuse root) in a runtime folder of its own, with a client
// inside. Every wait is bounded; the socket is awaited with inotify, not a sleep.

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace sr::test {

enum class CompositorKind { kCage, kSway, kWeston };

struct CompositorOptions {
  CompositorKind kind = CompositorKind::kCage;
  std::vector<std::string> client;  // argv of the client to run inside; empty: none
  int width = 1280;                 // output size (sway, weston; cage's headless default)
  int height = 720;
  bool weston_debug = true;  // weston: offer weston_screenshooter (--debug)
};

class HeadlessCompositor {
 public:
  /// Starts the compositor and its client; throws std::runtime_error (with the log)
  /// when the socket does not appear within the bound.
  explicit HeadlessCompositor(CompositorOptions options);
  ~HeadlessCompositor();
  HeadlessCompositor(const HeadlessCompositor&) = delete;
  HeadlessCompositor& operator=(const HeadlessCompositor&) = delete;

  /// Kills compositor and client (SIGKILL: as a crash would) and reaps them.
  void kill();
  /// Starts them again on the same socket path.
  void start();

  /// The compositor's socket, absolute (cage and weston take wayland-0, sway wayland-1).
  std::string socket() const { return runtime_dir_ + "/" + socket_name_; }
  std::string log() const;
  const std::string& runtime_dir() const { return runtime_dir_; }
  const char* name() const;

 private:
  pid_t spawn(const std::vector<std::string>& argv, const std::string& log_name) const;
  void wait_for_socket(std::chrono::milliseconds timeout);

  CompositorOptions options_;
  std::string runtime_dir_;
  std::string socket_name_;
  pid_t compositor_ = -1;
  pid_t client_ = -1;
};

}  // namespace sr::test

// sessionreplayd: records the display into replay segments until SIGTERM or SIGINT.

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "cli/standard_options.hpp"
#include "config/config_loader.hpp"
#include "sessionreplayd/daemon_wiring.hpp"
#include "sessionreplayd/log.hpp"
#include "sessionreplayd/signal_waiter.hpp"

namespace {

constexpr const char* kUsage =
    "usage: sessionreplayd --config FILE\n"
    "       sessionreplayd --check-config FILE\n"
    "       sessionreplayd --help | --version\n"
    "\n"
    "  --config FILE        record as FILE says until SIGTERM or SIGINT; the open segment\n"
    "                       is closed and delivered before exit\n"
    "  --check-config FILE  validate FILE: prints \"ok\" (exit 0) or one error per line\n"
    "                       as file:line:column: key: problem (exit 1)\n";

int check_config(const std::string& path) {
  sr::ConfigErrors errors;
  if (sr::load_config(path, &errors)) {
    std::puts("ok");
    return 0;
  }
  std::fputs(errors.joined().c_str(), stderr);
  return 1;
}

std::string describe(const sr::SegmentReport& s) {
  char line[256];
  std::snprintf(
      line, sizeof line,
      "segment %d of replay %s (%s): %zu bytes (video %zu), %.3f s, %d frames, %dx%d -> %s",
      s.segment_id, s.replay_id.c_str(), s.replay_type.c_str(), s.envelope_bytes, s.video_bytes,
      std::chrono::duration<double>(s.duration).count(), s.frame_count, s.size.width, s.size.height,
      s.destination.c_str());
  return line;
}

std::string describe(const sr::SessionReport& s) {
  const std::string id = "session " + s.replay_id;
  if (!s.started) return id + " ended (" + sr::to_string(*s.reason) + ")";
  switch (s.mode) {
    case sr::ReplayMode::kSession:
      return id + " started: recording (session mode)";
    case sr::ReplayMode::kBuffer:
      return id +
             " started: buffer mode (the last recording.buffer_seconds stay in RAM until an error)";
    case sr::ReplayMode::kOff:
      break;
  }
  return id + " started: not sampled, nothing recorded";
}

int run(const std::string& path) {
  auto config = sr::load_config(path);
  if (!config) {
    sr::log::error(config.error().message);
    return 1;
  }
  // Before any thread exists, so that every thread has the stop signals blocked.
  auto signals = sr::SignalWaiter::create();
  if (!signals) {
    sr::log::error(signals.error().message);
    return 1;
  }
  auto daemon = sr::wire_daemon(*config);
  if (!daemon) {
    sr::log::error(daemon.error().message);
    return 1;
  }
  sr::Daemon& d = **daemon;
  d.recorder->on_segment = [](const sr::SegmentReport& s) { sr::log::info(describe(s)); };
  d.recorder->on_session = [](const sr::SessionReport& s) { sr::log::info(describe(s)); };
  sr::log::info("recording " + d.source->describe() + " at " +
                std::to_string(config->recording.fps) + " fps with " + d.encoder_name + " to " +
                d.transport->describe());

  while (true) {
    const auto now = d.clock.now();
    if (now >= d.recorder->next_tick()) {
      if (auto r = d.recorder->tick(); !r) sr::log::error(r.error().message);
      continue;
    }
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(d.recorder->next_tick() - now);
    auto stop = signals->wait(wait);
    if (!stop) {
      sr::log::error(stop.error().message);
      break;
    }
    if (*stop) break;
  }
  sr::log::info("stopping: closing the open segment");
  const auto stopped = d.recorder->stop();
  if (!stopped) sr::log::error(stopped.error().message);
  const auto& c = d.recorder->counters();
  std::string drops;
  for (const auto& [reason, n] : d.recorder->drops().all()) {
    drops += " " + reason + "=" + std::to_string(n);
  }
  sr::log::info("stopped: " + std::to_string(c.frames) + " frames, " +
                std::to_string(c.idle_ticks) + " idle ticks, " + std::to_string(c.segments_sent) +
                " segments delivered, " + std::to_string(c.buffers_discarded) +
                " buffers discarded, " + std::to_string(c.segments_failed) + " failed" +
                (drops.empty() ? "" : "; dropped:" + drops));
  return stopped ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (auto code = sr::cli::handle_standard_options(argc, argv, "sessionreplayd", kUsage)) {
    return *code;
  }
  const std::string arg = argc > 1 ? argv[1] : "";
  if (argc == 3 && arg == "--check-config") return check_config(argv[2]);
  if (argc == 3 && arg == "--config") return run(argv[2]);
  std::fputs(kUsage, stderr);
  return 2;
}

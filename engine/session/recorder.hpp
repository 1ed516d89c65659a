#pragma once
// Drives the flow for one display and owns the session lifecycle (seeds: sampling, buffer
// on error, session end). On every tick it ends or starts sessions as the rules say, grabs
// what changed, cuts segments, and hands each finished segment on: straight to the
// transport in session mode, into the RAM window in buffer mode until an error is sampled.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "capture/frame_source.hpp"
#include "config/config.hpp"
#include "core/clock.hpp"
#include "core/drop_counters.hpp"
#include "core/random.hpp"
#include "encode/segment_encoder.hpp"
#include "envelope/segment_envelope.hpp"
#include "events/timeline.hpp"
#include "events/touch_source.hpp"
#include "segment/segmenter.hpp"
#include "session/replay_buffer.hpp"
#include "session/sampling.hpp"
#include "upload/transport.hpp"

namespace sr {

/// What happened to one segment handed to the transport, for logs and the demo's summary.
struct SegmentReport {
  std::string replay_id;
  std::string replay_type;
  int segment_id = 0;
  std::size_t envelope_bytes = 0;
  std::size_t video_bytes = 0;
  Duration duration{};
  int frame_count = 0;
  Size size;
  std::string destination;  // the transport's description
};

enum class SessionEnd { kIdle, kDisplayOff, kMaxDuration, kHmiGone, kManualStop, kShutdown };
const char* to_string(SessionEnd reason);

/// A session started or ended, for logs.
struct SessionReport {
  std::string replay_id;
  ReplayMode mode = ReplayMode::kOff;
  bool started = true;
  std::optional<SessionEnd> reason;  // when ended
};

enum class ErrorOutcome {
  kLinked,         // recorded replay: the error id goes into the open segment
  kTriggered,      // buffer mode, sampled: the buffer was sent, recording goes on
  kNotSampled,     // buffer mode, not sampled: linked to the buffer, nothing sent
  kNoRecording,    // no session, or a session that records nothing (counted)
  kUnknownReplay,  // names a replay that is not the current one (counted)
  kDuplicate,      // an event id already reported in this session (counted)
};

struct RecorderCounters {
  std::uint64_t ticks = 0;
  std::uint64_t frames = 0;      // grabbed frames (the screen had changed)
  std::uint64_t idle_ticks = 0;  // ticks with no damage: nothing captured or encoded
  std::uint64_t segments_sent = 0;
  std::uint64_t segments_buffered = 0;
  std::uint64_t segments_trimmed = 0;   // left the RAM window unsent
  std::uint64_t buffers_discarded = 0;  // buffer sessions that ended without a sampled error
  std::uint64_t segments_failed = 0;
  std::uint64_t sessions = 0;
  std::uint64_t errors_sampled = 0;
  std::uint64_t errors_not_sampled = 0;
};

struct RecorderParts {
  const Clock& clock;
  RandomSource& random;
  FrameSource& source;
  SegmentEncoder& encoder;
  Transport& transport;
  TouchSource* touches = nullptr;  // optional
};

class Recorder {
 public:
  /// Larger videos are dropped (counted): no backend takes them.
  static constexpr std::size_t kMaxVideoBytes = 10 * 1024 * 1024;

  Recorder(const Config& config, SdkInfo sdk, RecorderParts parts);

  /// Does what is due now. An error is reported and counted, and the next tick carries on
  /// with a fresh segment.
  Result<void> tick();

  // Timeline input. Touches and input() count as activity (they keep a session alive and
  // start a new one after an idle end).
  void touch(const TouchEvent& e);
  void input(Instant at);
  void screen(const std::string& name, Instant at);
  void breadcrumb(const Breadcrumb& crumb);
  void span(const PerformanceSpan& span);
  ErrorOutcome error(const ErrorReport& report);
  /// Display off for idle_timeout ends the session; on again counts as activity.
  void display(bool on, Instant at);
  /// The HMI went away (ends the session at once) or came back (activity).
  void hmi_present(bool present, Instant at);

  /// Manual start: records from now whatever the sampling (a buffer session sends its
  /// window first). Automatic sessions resume after a manual stop.
  Result<void> start_manual();
  /// Manual stop: ends the session; no session starts until start_manual().
  Result<void> stop_manual();
  /// Shutdown: closes the open segment and sends what is due; a buffer is discarded.
  Result<void> stop();

  Instant next_tick() const { return next_tick_; }
  bool has_session() const { return session_.has_value(); }
  ReplayMode mode() const { return session_ ? session_->mode : ReplayMode::kOff; }
  /// True when segments go to the transport as they finish.
  bool sending() const;
  const std::string& replay_id() const;
  const RecorderCounters& counters() const { return counters_; }
  const DropCounters& drops() const { return drops_; }
  const ReplayBuffer& buffer() const { return buffer_; }

  std::function<void(const SegmentReport&)> on_segment;
  std::function<void(const SessionReport&)> on_session;

 private:
  struct Session {
    ReplayContext replay;
    ReplayMode mode = ReplayMode::kOff;
    bool triggered = false;  // buffer mode after a sampled error
    int next_segment_id = 0;
    Instant started{};
    WallMapping wall;
    std::optional<Size> meta_size;  // size announced by the last Meta event sent
  };

  Instant now();
  /// The idle rule needs an input source: without one, idleness cannot be told apart from a
  /// driver watching the screen, and sessions end on the other rules only.
  bool input_observed() const { return parts_.touches != nullptr || inputs_seen_; }
  void note_activity(Instant at);
  std::optional<SessionEnd> due_end(Instant now) const;
  bool may_start(Instant now) const;
  void start_session(Instant now, ReplayMode mode);
  Result<void> end_session(SessionEnd reason, Instant at);
  Result<void> capture(Instant now);
  Result<void> finish_segment(Instant end);
  Result<void> route(FinishedSegment segment);
  Result<void> ship(const FinishedSegment& segment);
  Result<void> send_buffer();
  json::Object options_payload() const;
  ReplayContext replay_context(const std::string& replay_id, ReplayMode mode) const;

  Config config_;
  SdkInfo sdk_;
  RecorderParts parts_;
  DropCounters drops_;
  Timeline timeline_;
  Segmenter segmenter_;
  ReplayBuffer buffer_;
  Duration segment_length_;
  Duration tick_interval_;
  Duration idle_timeout_;
  Duration max_duration_;
  Instant next_tick_{};
  Instant last_now_{};
  Instant last_activity_{};
  bool display_on_ = true;
  Instant display_off_since_{};
  bool hmi_present_ = true;
  bool source_up_ = true;
  bool inputs_seen_ = false;  // touch() or input() was ever called
  bool suspended_ = false;    // after a manual stop
  std::optional<Session> session_;
  RecorderCounters counters_;
};

}  // namespace sr

#pragma once
// Drives the flow for one display: on every tick it grabs what changed, feeds the segmenter,
// and when a segment's time is up turns it into an envelope for the transport.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "capture/frame_source.hpp"
#include "config/config.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "encode/segment_encoder.hpp"
#include "envelope/replay_envelope.hpp"
#include "segment/segmenter.hpp"
#include "upload/transport.hpp"

namespace sr {

/// What happened to one finished segment, for logs and the demo's summary.
struct SegmentReport {
  std::string replay_id;
  int segment_id = 0;
  std::size_t envelope_bytes = 0;
  std::size_t video_bytes = 0;
  Duration duration{};
  int frame_count = 0;
  Size size;
  std::string destination;  // the transport's description
};

struct RecorderCounters {
  std::uint64_t ticks = 0;
  std::uint64_t frames = 0;      // grabbed frames (the screen had changed)
  std::uint64_t idle_ticks = 0;  // ticks with no damage: nothing captured or encoded
  std::uint64_t segments = 0;    // segments delivered to the transport
  std::uint64_t segments_failed = 0;
  std::uint64_t sessions = 0;
  std::uint64_t sessions_not_sampled = 0;
};

struct RecorderParts {
  const Clock& clock;
  RandomSource& random;
  FrameSource& source;
  SegmentEncoder& encoder;
  Transport& transport;
};

class Recorder {
 public:
  Recorder(const Config& config, SdkInfo sdk, RecorderParts parts);

  /// Does what is due now: starts a session if none runs, closes and ships a segment whose
  /// time is up, grabs a frame if the screen changed. An error is reported and counted, and
  /// the next tick carries on with a fresh segment.
  Result<void> tick();

  /// Ends the session: the open segment is closed at now and shipped.
  Result<void> stop();

  /// When the next tick is due (frame rate cap).
  Instant next_tick() const { return next_tick_; }

  bool recording() const { return session_ && session_->sampled; }
  const std::string& replay_id() const;
  const RecorderCounters& counters() const { return counters_; }

  /// Called for every segment handed to the transport.
  std::function<void(const SegmentReport&)> on_segment;

 private:
  struct Session {
    std::string replay_id;
    bool sampled = false;
    int next_segment_id = 0;
    Instant started{};
    std::optional<Size> meta_size;  // size announced by the last Meta event
  };

  void start_session(Instant now);
  Result<void> finish_segment(Instant end);
  Result<void> ship(const EncodedVideo& video, Instant start, Instant end);
  WallTime wall_at(Instant t) const;
  json::Object options_payload() const;

  Config config_;
  SdkInfo sdk_;
  RecorderParts parts_;
  Segmenter segmenter_;
  Duration segment_length_;
  Duration tick_interval_;
  Instant next_tick_{};
  std::optional<Session> session_;
  RecorderCounters counters_;
};

}  // namespace sr

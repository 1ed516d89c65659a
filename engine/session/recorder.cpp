#include "session/recorder.hpp"

#include <algorithm>

namespace sr {
namespace {

const std::string kNoReplay;

}  // namespace

const char* to_string(ReplayMode mode) {
  switch (mode) {
    case ReplayMode::kOff:
      return "off";
    case ReplayMode::kSession:
      return "session";
    case ReplayMode::kBuffer:
      return "buffer";
  }
  return "?";
}

const char* to_string(SessionEnd reason) {
  switch (reason) {
    case SessionEnd::kIdle:
      return "idle";
    case SessionEnd::kDisplayOff:
      return "display off";
    case SessionEnd::kMaxDuration:
      return "max duration";
    case SessionEnd::kHmiGone:
      return "HMI gone";
    case SessionEnd::kManualStop:
      return "manual stop";
    case SessionEnd::kShutdown:
      return "shutdown";
  }
  return "?";
}

Recorder::Recorder(const Config& config, SdkInfo sdk, RecorderParts parts)
    : config_(config),
      sdk_(std::move(sdk)),
      parts_(parts),
      timeline_(drops_),
      segmenter_(parts.encoder),
      buffer_(std::chrono::seconds(config.recording.buffer_seconds)),
      segment_length_(std::chrono::seconds(config.recording.segment_seconds)),
      tick_interval_(std::chrono::nanoseconds(std::chrono::seconds(1)) / config.recording.fps),
      idle_timeout_(std::chrono::seconds(config.recording.idle_timeout)),
      max_duration_(std::chrono::seconds(config.recording.max_duration)),
      next_tick_(parts.clock.now()),
      last_now_(parts.clock.now()),
      // The daemon starts with the HMI: that is activity, the first session starts at once.
      last_activity_(parts.clock.now()) {}

const std::string& Recorder::replay_id() const {
  return session_ ? session_->replay.replay_id : kNoReplay;
}

bool Recorder::sending() const {
  return session_ && (session_->mode == ReplayMode::kSession || session_->triggered);
}

Instant Recorder::now() {
  Instant t = parts_.clock.now();
  if (t < last_now_) {  // a monotonic clock should not, but a broken one must not hurt
    drops_.count("clock_went_back");
    t = last_now_;
  }
  last_now_ = t;
  return t;
}

void Recorder::note_activity(Instant at) {
  last_activity_ = std::max(last_activity_, at);
}

std::optional<SessionEnd> Recorder::due_end(Instant t) const {
  if (!display_on_ && t - display_off_since_ >= idle_timeout_) return SessionEnd::kDisplayOff;
  if (input_observed() && t - last_activity_ >= idle_timeout_) return SessionEnd::kIdle;
  if (t - session_->started >= max_duration_) return SessionEnd::kMaxDuration;
  return std::nullopt;
}

bool Recorder::may_start(Instant t) const {
  return !suspended_ && hmi_present_ && display_on_ &&
         (!input_observed() || t - last_activity_ < idle_timeout_);
}

json::Object Recorder::options_payload() const {
  const auto& r = config_.recording;
  const auto& p = config_.privacy;
  return json::Object{{"sessionSampleRate", r.session_sample_rate},
                      {"errorSampleRate", r.on_error_sample_rate},
                      {"maskAllText", p.mask_all_text},
                      {"maskAllImages", p.mask_all_images},
                      {"maskAllInputs", p.mask_all_inputs},
                      {"frameRate", r.fps},
                      {"segmentSeconds", r.segment_seconds},
                      {"bufferSeconds", r.buffer_seconds},
                      {"idleTimeout", r.idle_timeout},
                      {"maxDuration", r.max_duration},
                      {"captureSource", to_string(config_.capture.source)},
                      {"encodeProfile", config_.encode.profile}};
}

ReplayContext Recorder::replay_context(const std::string& replay_id, ReplayMode mode) const {
  const DeviceConfig& d = config_.device;
  ReplayContext c;
  c.replay_id = replay_id;
  c.replay_type = mode == ReplayMode::kBuffer ? "buffer" : "session";
  c.sdk = sdk_;
  c.release = d.release;
  c.environment = d.environment;
  json::Object device, os;
  if (!d.model.empty()) device.emplace_back("model", d.model);
  if (!d.manufacturer.empty()) device.emplace_back("manufacturer", d.manufacturer);
  if (!d.os_name.empty()) os.emplace_back("name", d.os_name);
  if (!d.os_version.empty()) os.emplace_back("version", d.os_version);
  if (!device.empty()) c.contexts.emplace_back("device", std::move(device));
  if (!os.empty()) c.contexts.emplace_back("os", std::move(os));
  if (!d.id.empty()) c.tags.emplace_back("device_id", d.id);
  if (!d.release.empty()) c.tags.emplace_back("release", d.release);
  if (!d.environment.empty()) c.tags.emplace_back("environment", d.environment);
  return c;
}

void Recorder::start_session(Instant t, ReplayMode mode) {
  Session s;
  s.mode = mode;
  s.replay = replay_context(random_uuid_hex(parts_.random), mode);
  s.started = t;
  s.wall = WallMapping{t, parts_.clock.wall_now()};
  timeline_.begin_session(s.wall, timeline_.current_screen());
  session_ = std::move(s);
  ++counters_.sessions;
  if (on_session) on_session(SessionReport{session_->replay.replay_id, mode, true, std::nullopt});
}

Result<void> Recorder::end_session(SessionEnd reason, Instant at) {
  Result<void> result;
  if (segmenter_.is_open()) result = finish_segment(at);
  if (session_->mode == ReplayMode::kBuffer && !session_->triggered) {
    if (buffer_.size() > 0) ++counters_.buffers_discarded;
    buffer_.clear();  // never sampled: never leaves RAM
  }
  SessionReport report{session_->replay.replay_id, session_->mode, false, reason};
  session_.reset();
  if (on_session) on_session(report);
  return result;
}

Result<void> Recorder::tick() {
  const Instant t = now();
  ++counters_.ticks;
  // The next tick keeps the cadence; a late loop does not make up for missed ticks.
  next_tick_ += tick_interval_;
  if (next_tick_ <= t) next_tick_ = t + tick_interval_;

  Result<void> result;
  // A source that loses its display ends the session like an HMI that went away; the next
  // session starts when it is back.
  if (const bool up = parts_.source.available(t); up != source_up_) {
    source_up_ = up;
    if (!up) result = Error{"capture: " + parts_.source.unavailable_reason()};
    hmi_present(up, t);
  }
  if (parts_.touches) {
    for (const TouchEvent& e : parts_.touches->poll_touches(t)) touch(e);
  }
  if (session_) {
    if (auto reason = due_end(t)) result = end_session(*reason, t);
  }
  if (!session_ && may_start(t)) {
    start_session(t, roll_replay_mode(parts_.random, config_.recording.session_sample_rate,
                                      config_.recording.on_error_sample_rate));
  }
  if (!session_ || session_->mode == ReplayMode::kOff) return result;
  if (auto r = capture(t); !r && result) result = r;
  return result;
}

Result<void> Recorder::capture(Instant t) {
  Result<void> result;
  bool rotated = false;
  if (segmenter_.is_open() && t - segmenter_.start() >= segment_length_) {
    rotated = true;
    const Instant end = segmenter_.start() + segment_length_;
    result = finish_segment(end);
    // Segments stay back to back unless the loop stalled for longer than one.
    if (auto r = segmenter_.open(t - end < segment_length_ ? end : t, segmenter_.size(),
                                 segmenter_.format());
        !r && result) {
      result = with_context("encoder", r.error());
    }
  }

  auto grabbed = parts_.source.grab(t);
  if (!grabbed) return with_context("capture", grabbed.error());
  if (!grabbed.value()) {
    ++counters_.idle_ticks;
    // A new session on an unchanged screen starts with the picture it still shows.
    if (const Frame* last = segmenter_.last_frame(); !segmenter_.is_open() && last) {
      if (auto r = segmenter_.open(t, last->size, last->format); !r) {
        return with_context("encoder", r.error());
      }
    }
    return result;
  }
  Frame& frame = **grabbed;
  ++counters_.frames;
  timeline_.set_geometry(frame.size, frame.size);
  // The picture of the first tick after a boundary is what the new segment starts with:
  // it takes the place of the repeated frame instead of following it a moment later.
  if (rotated && segmenter_.is_open() && t - segmenter_.start() < tick_interval_) {
    frame.captured_at = segmenter_.start();
  }
  if (segmenter_.is_open() &&
      (frame.size != segmenter_.size() || frame.format != segmenter_.format())) {
    // The output changed size: the segment ends here, the next one says the new size.
    if (auto r = finish_segment(t); !r && result) result = r;
  }
  if (!segmenter_.is_open()) {
    if (auto r = segmenter_.open(t, frame.size, frame.format); !r) {
      return with_context("encoder", r.error());
    }
  }
  if (auto r = segmenter_.add(frame); !r) {
    segmenter_.abort();
    ++counters_.segments_failed;
    drops_.count("segment_encoder_error");
    return with_context("encoder", r.error());
  }
  return result;
}

Result<void> Recorder::finish_segment(Instant end) {
  FinishedSegment segment;
  segment.start = segmenter_.start();
  segment.end = end;
  auto video = segmenter_.close(end);
  // The timeline is cut either way: its events belong to this segment's time.
  segment.timeline = timeline_.cut();
  if (!video) {
    ++counters_.segments_failed;
    drops_.count("segment_encoder_error");
    return with_context("encoder", video.error());
  }
  segment.video = std::move(*video);
  segment.wall_start = session_->wall.at(segment.start);
  segment.wall_end = session_->wall.at(segment.end);
  return route(std::move(segment));
}

Result<void> Recorder::route(FinishedSegment segment) {
  if (segment.video.bytes.size() > kMaxVideoBytes) {
    drops_.count("segment_video_too_large");
    return Error{"segment dropped: video of " + std::to_string(segment.video.bytes.size()) +
                 " bytes is over the 10 MiB limit"};
  }
  if (sending()) return ship(segment);
  counters_.segments_trimmed += buffer_.push(std::move(segment));
  ++counters_.segments_buffered;
  return {};
}

Result<void> Recorder::ship(const FinishedSegment& segment) {
  Session& s = *session_;
  SegmentEnvelopeOptions options;
  options.segment_id = s.next_segment_id;
  options.frame_rate = config_.recording.fps;
  options.with_meta = options.segment_id == 0 || s.meta_size != segment.video.size;
  if (options.segment_id == 0) options.options = options_payload();

  OutgoingEnvelope envelope{s.replay.replay_id, options.segment_id, {}};
  envelope.bytes = segment_envelope(s.replay, options, segment, parts_.clock.wall_now());
  if (auto r = parts_.transport.send(envelope); !r) {
    ++counters_.segments_failed;
    drops_.count("segment_transport_error");
    return with_context("transport", r.error());
  }
  s.meta_size = segment.video.size;
  ++s.next_segment_id;
  ++counters_.segments_sent;
  if (on_segment) {
    on_segment(SegmentReport{s.replay.replay_id, s.replay.replay_type, options.segment_id,
                             envelope.bytes.size(), segment.video.bytes.size(),
                             segment.end - segment.start, segment.video.frame_count,
                             segment.video.size, parts_.transport.describe()});
  }
  return {};
}

Result<void> Recorder::send_buffer() {
  Result<void> result;
  for (const FinishedSegment& segment : buffer_.take()) {
    if (auto r = ship(segment); !r && result) result = r;
  }
  return result;
}

void Recorder::touch(const TouchEvent& e) {
  inputs_seen_ = true;
  note_activity(e.at);
  if (session_) timeline_.touch(e);
}

void Recorder::input(Instant at) {
  inputs_seen_ = true;
  note_activity(at);
}

void Recorder::screen(const std::string& name, Instant at) {
  timeline_.screen(name, at);
}

void Recorder::breadcrumb(const Breadcrumb& crumb) {
  if (session_) timeline_.breadcrumb(crumb);
}

void Recorder::span(const PerformanceSpan& s) {
  if (session_) timeline_.span(s);
}

ErrorOutcome Recorder::error(const ErrorReport& report) {
  if (!session_ || session_->mode == ReplayMode::kOff) {
    drops_.count("error_no_recording");
    return ErrorOutcome::kNoRecording;
  }
  if (!report.replay_id.empty() && report.replay_id != session_->replay.replay_id) {
    drops_.count("error_unknown_replay");
    return ErrorOutcome::kUnknownReplay;
  }
  if (!timeline_.error(report)) return ErrorOutcome::kDuplicate;
  if (sending()) return ErrorOutcome::kLinked;
  if (!parts_.random.roll(config_.recording.on_error_sample_rate)) {
    ++counters_.errors_not_sampled;
    return ErrorOutcome::kNotSampled;
  }
  ++counters_.errors_sampled;
  session_->triggered = true;
  (void)send_buffer();  // failures are counted; the rest of the session is still recorded
  return ErrorOutcome::kTriggered;
}

void Recorder::display(bool on, Instant at) {
  if (on && !display_on_) note_activity(at);
  if (!on && display_on_) display_off_since_ = at;
  display_on_ = on;
}

void Recorder::hmi_present(bool present, Instant at) {
  hmi_present_ = present;
  if (present) {
    note_activity(at);
  } else if (session_) {
    (void)end_session(SessionEnd::kHmiGone, std::max(at, last_now_));
  }
}

Result<void> Recorder::start_manual() {
  const Instant t = now();
  suspended_ = false;
  note_activity(t);
  if (sending()) return {};
  if (session_ && session_->mode == ReplayMode::kBuffer) {
    session_->triggered = true;  // the window is sent, as on a sampled error
    return send_buffer();
  }
  Result<void> result;
  if (session_) result = end_session(SessionEnd::kManualStop, t);
  start_session(t, ReplayMode::kSession);
  return result;
}

Result<void> Recorder::stop_manual() {
  suspended_ = true;
  if (!session_) return {};
  return end_session(SessionEnd::kManualStop, now());
}

Result<void> Recorder::stop() {
  if (!session_) return {};
  return end_session(SessionEnd::kShutdown, now());
}

}  // namespace sr

#include "session/recorder.hpp"

#include "events/recording_events.hpp"

namespace sr {
namespace {

const std::string kNoReplay;
constexpr const char* kScreenName = "display";  // until the toolkit reports screen names

}  // namespace

Recorder::Recorder(const Config& config, SdkInfo sdk, RecorderParts parts)
    : config_(config),
      sdk_(std::move(sdk)),
      parts_(parts),
      segmenter_(parts.encoder),
      segment_length_(std::chrono::seconds(config.recording.segment_seconds)),
      tick_interval_(std::chrono::nanoseconds(std::chrono::seconds(1)) / config.recording.fps),
      next_tick_(parts.clock.now()) {}

const std::string& Recorder::replay_id() const {
  return session_ ? session_->replay_id : kNoReplay;
}

WallTime Recorder::wall_at(Instant t) const {
  return parts_.clock.wall_now() - (parts_.clock.now() - t);
}

void Recorder::start_session(Instant now) {
  Session s;
  s.replay_id = random_uuid_hex(parts_.random);
  s.started = now;
  s.sampled = parts_.random.roll(config_.recording.session_sample_rate);
  ++counters_.sessions;
  if (!s.sampled) ++counters_.sessions_not_sampled;
  session_ = std::move(s);
}

Result<void> Recorder::tick() {
  const Instant now = parts_.clock.now();
  ++counters_.ticks;
  // The next tick keeps the cadence; a late loop does not make up for missed ticks.
  next_tick_ += tick_interval_;
  if (next_tick_ <= now) next_tick_ = now + tick_interval_;

  if (!session_) start_session(now);
  if (!session_->sampled) return {};

  Result<void> result;
  bool rotated = false;
  if (segmenter_.is_open() && now - segmenter_.start() >= segment_length_) {
    rotated = true;
    const Instant end = segmenter_.start() + segment_length_;
    result = finish_segment(end);
    // Segments stay back to back unless the loop stalled for longer than one.
    if (auto r = segmenter_.open(now - end < segment_length_ ? end : now, segmenter_.size());
        !r && result) {
      result = r;
    }
  }

  auto grabbed = parts_.source.grab(now);
  if (!grabbed) return with_context("capture", grabbed.error());
  if (!grabbed.value()) {
    ++counters_.idle_ticks;
    return result;
  }
  Frame& frame = **grabbed;
  ++counters_.frames;
  // The picture of the first tick after a boundary is what the new segment starts with:
  // it takes the place of the repeated frame instead of following it a moment later.
  if (rotated && segmenter_.is_open() && now - segmenter_.start() < tick_interval_) {
    frame.captured_at = segmenter_.start();
  }
  if (segmenter_.is_open() && frame.size != segmenter_.size()) {
    // The output changed size: the segment ends here, the next one says the new size.
    if (auto r = finish_segment(now); !r && result) result = r;
  }
  if (!segmenter_.is_open()) {
    if (auto r = segmenter_.open(now, frame.size); !r) return with_context("encoder", r.error());
  }
  if (auto r = segmenter_.add(frame); !r) {
    segmenter_.abort();
    ++counters_.segments_failed;
    return with_context("encoder", r.error());
  }
  return result;
}

Result<void> Recorder::stop() {
  Result<void> result;
  if (segmenter_.is_open()) result = finish_segment(parts_.clock.now());
  session_.reset();
  return result;
}

Result<void> Recorder::finish_segment(Instant end) {
  const Instant start = segmenter_.start();
  auto video = segmenter_.close(end);
  if (!video) {
    ++counters_.segments_failed;
    return with_context("encoder", video.error());
  }
  if (auto r = ship(*video, start, end); !r) {
    ++counters_.segments_failed;
    return with_context("transport", r.error());
  }
  return {};
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
                      {"captureSource", to_string(config_.capture.source)},
                      {"encodeProfile", config_.encode.profile}};
}

Result<void> Recorder::ship(const EncodedVideo& video, Instant start, Instant end) {
  Session& s = *session_;
  const int segment_id = s.next_segment_id;
  const WallTime wall_start = wall_at(start);

  json::Array recording;
  if (segment_id == 0 || s.meta_size != video.size) {
    recording.push_back(events::meta(wall_start, kScreenName, video.size));
    s.meta_size = video.size;
  }
  if (segment_id == 0) recording.push_back(events::options(wall_start, options_payload()));
  recording.push_back(events::video(wall_start, segment_id, video, config_.recording.fps));

  ReplayEventFields fields;
  fields.replay_id = s.replay_id;
  fields.segment_id = segment_id;
  fields.replay_type = "session";
  fields.segment_start = wall_start;
  fields.segment_end = wall_at(end);
  fields.urls = {kScreenName};
  fields.sdk = sdk_;
  fields.release = config_.device.release;
  fields.environment = config_.device.environment;
  if (!config_.device.id.empty()) fields.tags.emplace_back("device_id", config_.device.id);

  OutgoingEnvelope envelope{s.replay_id, segment_id, {}};
  envelope.bytes = build_replay_envelope(fields, events::recording_payload(segment_id, recording),
                                         video.bytes, parts_.clock.wall_now());
  if (auto r = parts_.transport.send(envelope); !r) return r;

  ++s.next_segment_id;
  ++counters_.segments;
  if (on_segment) {
    on_segment(SegmentReport{s.replay_id, segment_id, envelope.bytes.size(), video.bytes.size(),
                             end - start, video.frame_count, video.size,
                             parts_.transport.describe()});
  }
  return {};
}

}  // namespace sr

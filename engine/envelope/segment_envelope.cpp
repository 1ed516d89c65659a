#include "envelope/segment_envelope.hpp"

#include "events/recording_events.hpp"

namespace sr {

std::vector<std::uint8_t> segment_envelope(const ReplayContext& replay,
                                           const SegmentEnvelopeOptions& o,
                                           const FinishedSegment& segment, WallTime sent_at) {
  const SegmentTimeline& t = segment.timeline;
  json::Array recording;
  if (o.with_meta)
    recording.push_back(events::meta(segment.wall_start, t.href, segment.video.size));
  if (o.options) recording.push_back(events::options(segment.wall_start, *o.options));
  recording.push_back(events::video(segment.wall_start, o.segment_id, segment.video, o.frame_rate));
  recording.insert(recording.end(), t.events.begin(), t.events.end());

  ReplayEventFields fields;
  fields.replay_id = replay.replay_id;
  fields.segment_id = o.segment_id;
  fields.replay_type = replay.replay_type;
  fields.segment_start = segment.wall_start;
  fields.segment_end = segment.wall_end;
  fields.urls = t.urls;
  fields.error_ids = t.error_ids;
  fields.trace_ids = t.trace_ids;
  fields.platform = replay.platform;
  fields.sdk = replay.sdk;
  fields.contexts = replay.contexts;
  fields.tags = replay.tags;
  fields.release = replay.release;
  fields.environment = replay.environment;
  return build_replay_envelope(fields, events::recording_payload(o.segment_id, recording),
                               segment.video.bytes, sent_at);
}

}  // namespace sr

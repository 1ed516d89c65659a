#include "events/timeline.hpp"

#include <algorithm>
#include <cmath>

namespace sr {

void Timeline::begin_session(WallMapping wall, const std::string& screen) {
  wall_ = wall;
  screen_ = screen;
  moves_.clear();
  seen_error_ids_.clear();
  open_ = SegmentTimeline{};
  open_.href = screen_;
  if (!screen_.empty()) open_.urls.push_back(screen_);
}

void Timeline::set_geometry(Size output, Size video) {
  if (output.width > 0 && output.height > 0) output_ = output;
  if (video.width > 0 && video.height > 0) video_ = video;
}

int Timeline::video_x(double x) const {
  const double v = std::round(x * video_.width / output_.width);
  return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(video_.width - 1)));
}

int Timeline::video_y(double y) const {
  const double v = std::round(y * video_.height / output_.height);
  return static_cast<int>(std::clamp(v, 0.0, static_cast<double>(video_.height - 1)));
}

void Timeline::add(json::Value event) {
  if (open_.events.size() >= kMaxEventsPerSegment) {
    drops_.count("timeline_events_over_limit");
    return;
  }
  open_.events.push_back(std::move(event));
}

void Timeline::add_unique(std::vector<std::string>& list, const std::string& value,
                          const char* what) {
  if (value.empty() || std::find(list.begin(), list.end(), value) != list.end()) return;
  if (list.size() >= kMaxListEntries) {
    drops_.count(what);
    return;
  }
  list.push_back(value);
}

void Timeline::flush_moves(int pointer) {
  auto it = moves_.find(pointer);
  if (it == moves_.end()) return;
  if (!it->second.positions.empty()) add(events::touch_move(pointer, it->second.positions));
  moves_.erase(it);
}

void Timeline::touch(const TouchEvent& e) {
  const events::TouchPosition position{wall_.at(e.at), video_x(e.x), video_y(e.y)};
  switch (e.phase) {
    case TouchPhase::kStart:
      flush_moves(e.pointer);
      add(events::touch(position.at, e.phase, e.pointer, position.x, position.y));
      return;
    case TouchPhase::kMove: {
      PendingMoves& m = moves_[e.pointer];
      const bool keep = m.positions.empty() || e.at - m.last_kept >= kMoveSpacing;
      if (m.positions.empty()) m.first = e.at;
      if (m.has_tail) {
        m.positions.back() = position;  // coalesce: the newest report replaces the tail
      } else {
        m.positions.push_back(position);
      }
      m.has_tail = !keep;
      if (keep) m.last_kept = e.at;
      if (e.at - m.first >= kMoveFlush) flush_moves(e.pointer);
      return;
    }
    case TouchPhase::kEnd:
    case TouchPhase::kCancel:
      flush_moves(e.pointer);
      add(events::touch(position.at, e.phase, e.pointer, position.x, position.y));
      return;
  }
}

void Timeline::screen(const std::string& name, Instant at) {
  if (name == screen_) return;
  Breadcrumb crumb;
  crumb.at = at;
  crumb.type = "navigation";
  crumb.category = "navigation";
  crumb.data = {{"from", screen_}, {"to", name}};
  if (screen_.empty()) crumb.data.erase("from");
  screen_ = name;
  add_unique(open_.urls, name, "timeline_urls_over_limit");
  breadcrumb(crumb);
}

void Timeline::breadcrumb(const Breadcrumb& crumb) {
  add(events::breadcrumb(wall_.at(crumb.at), crumb));
}

void Timeline::span(const PerformanceSpan& s) {
  add(events::performance_span(wall_.at(s.start), wall_.at(std::max(s.start, s.end)), s));
}

bool Timeline::error(const ErrorReport& report) {
  if (seen_error_ids_.size() >= kMaxSeenErrorIds) seen_error_ids_.clear();
  if (!report.event_id.empty() && !seen_error_ids_.insert(report.event_id).second) {
    drops_.count("error_duplicate_id");
    return false;
  }
  add_unique(open_.error_ids, report.event_id, "timeline_error_ids_over_limit");
  add_unique(open_.trace_ids, report.trace_id, "timeline_trace_ids_over_limit");
  return true;
}

SegmentTimeline Timeline::cut() {
  while (!moves_.empty()) flush_moves(moves_.begin()->first);
  SegmentTimeline done = std::move(open_);
  open_ = SegmentTimeline{};
  open_.href = screen_;
  if (!screen_.empty()) open_.urls.push_back(screen_);
  return done;
}

}  // namespace sr

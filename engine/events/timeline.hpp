#pragma once
// Box "session timeline" of the flow: collects what happens while a segment is open and
// hands it over, as recording events, when the segment is cut. Bounded: what does not fit
// is counted, never kept without limit.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/drop_counters.hpp"
#include "core/frame.hpp"
#include "envelope/json.hpp"
#include "events/recording_events.hpp"
#include "events/timeline_input.hpp"

namespace sr {

/// What one segment's recording says besides its video.
struct SegmentTimeline {
  json::Array events;
  std::vector<std::string> urls;  // screens shown, in order, no repeats
  std::vector<std::string> error_ids;
  std::vector<std::string> trace_ids;
  std::string href;  // the screen shown when the segment began
};

class Timeline {
 public:
  /// Sentry keeps at most this many urls, error_ids and trace_ids per replay event.
  static constexpr std::size_t kMaxListEntries = 100;
  static constexpr std::size_t kMaxEventsPerSegment = 2000;
  /// Error ids remembered per session to refuse repeats; the memory starts over when full.
  static constexpr std::size_t kMaxSeenErrorIds = 4096;
  /// Touch moves: kept positions at least this far apart, plus the newest report as the
  /// last position; one move event per flush interval.
  static constexpr Duration kMoveSpacing = std::chrono::milliseconds(50);
  static constexpr Duration kMoveFlush = std::chrono::milliseconds(500);

  explicit Timeline(DropCounters& drops) : drops_(drops) {}

  /// Starts a new session: forgets everything, including the error ids already seen.
  void begin_session(WallMapping wall, const std::string& screen);
  /// Output and video sizes, for mapping touch coordinates into video pixels.
  void set_geometry(Size output, Size video);

  void touch(const TouchEvent& e);
  /// A screen change: goes into urls and becomes a navigation breadcrumb.
  void screen(const std::string& name, Instant at);
  void breadcrumb(const Breadcrumb& crumb);
  void span(const PerformanceSpan& span);
  /// Adds the error's ids to the open segment. False (and counted) for a repeated event id.
  bool error(const ErrorReport& report);

  /// Ends the open segment's part: pending touch moves are flushed, and the next part
  /// starts with the current screen.
  SegmentTimeline cut();

  const std::string& current_screen() const { return screen_; }

 private:
  struct PendingMoves {
    std::vector<events::TouchPosition> positions;
    Instant first{};
    Instant last_kept{};    // time of the newest position kept for good
    bool has_tail = false;  // the last position is the newest report, not yet kept for good
  };
  void add(json::Value event);
  void add_unique(std::vector<std::string>& list, const std::string& value, const char* what);
  void flush_moves(int pointer);
  int video_x(double x) const;
  int video_y(double y) const;

  DropCounters& drops_;
  WallMapping wall_;
  Size output_{1, 1};
  Size video_{1, 1};
  std::string screen_;
  SegmentTimeline open_;
  std::map<int, PendingMoves> moves_;
  std::set<std::string> seen_error_ids_;
};

}  // namespace sr

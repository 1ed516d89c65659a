#pragma once
// What happens around the video, as the engine receives it: touches, screens, breadcrumbs,
// spans and errors. Times are monotonic Instants; positions are in output pixels.

#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace sr {

enum class TouchPhase { kStart, kMove, kEnd, kCancel };

struct TouchEvent {
  Instant at{};
  int pointer = 0;  // multi-touch slot
  TouchPhase phase = TouchPhase::kStart;
  double x = 0;  // output pixels
  double y = 0;
};

struct Breadcrumb {
  Instant at{};
  std::string type = "default";
  std::string category;
  std::string message;
  std::string level;  // empty: leave out
  std::map<std::string, std::string> data;
};

struct PerformanceSpan {
  Instant start{};
  Instant end{};
  std::string op;  // e.g. "resource.http"
  std::string description;
  std::map<std::string, std::string> data;
  int status_code = 0;  // 0: leave out
};

struct ErrorReport {
  Instant at{};
  std::string event_id;   // the error event's id (32 hex), goes into error_ids
  std::string trace_id;   // empty when unknown, goes into trace_ids
  std::string replay_id;  // the replay the reporter believed current; empty: the current one
};

}  // namespace sr

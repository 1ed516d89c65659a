#pragma once
// Counts of what was dropped or refused, by reason, for status and logs. Every bounded
// queue and every rejected input adds to one of these instead of failing silently.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace sr {

class DropCounters {
 public:
  void count(std::string_view reason, std::uint64_t n = 1) { counts_[std::string(reason)] += n; }
  std::uint64_t get(std::string_view reason) const {
    auto it = counts_.find(std::string(reason));
    return it == counts_.end() ? 0 : it->second;
  }
  const std::map<std::string, std::uint64_t>& all() const { return counts_; }

 private:
  std::map<std::string, std::uint64_t> counts_;
};

}  // namespace sr

#pragma once
// Runs a program with its stdout and stderr captured, for tests of our binaries. Every wait
// is bounded: a hung child fails the test instead of hanging it.

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace sr::test {

class ChildProcess {
 public:
  /// Starts argv[0] (a path) with the given arguments; throws if it cannot.
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  /// Reads output until `needle` shows up in stderr or stdout at or after byte `from`;
  /// false after `timeout`.
  bool wait_for(const std::string& needle, std::chrono::milliseconds timeout, std::size_t from = 0);
  void send_signal(int signal);
  /// Reads all output and reaps the child: its exit code, or -1 when it was still running
  /// after `timeout` (it is then killed) or died by a signal.
  int wait_exit(std::chrono::milliseconds timeout);

  const std::string& out() const { return out_; }
  const std::string& err() const { return err_; }

 private:
  bool pump(std::chrono::milliseconds timeout);  // false when both pipes are closed
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::string out_;
  std::string err_;
};

/// Runs a program to completion (bounded) and returns its exit code with its output.
struct RunResult {
  int exit_code;
  std::string out;
  std::string err;
};
RunResult run_program(const std::vector<std::string>& argv,
                      std::chrono::milliseconds timeout = std::chrono::seconds(30));

}  // namespace sr::test

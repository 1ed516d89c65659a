// sessionreplayd and sessionreplayctl as a user runs them.

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "child_process.hpp"
#include "envelope_reader.hpp"
#include "mp4_probe.hpp"
#include "temp_dir.hpp"

#include <CppUTest/TestHarness.h>

using namespace std::chrono_literals;
using sr::test::run_program;

namespace {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

}  // namespace

TEST_GROUP(Daemon) {
  sr::test::TempDir dir;
};

TEST(Daemon, CheckConfigSaysOkForTheShippedConfig) {
  auto r =
      run_program({SR_DAEMON_PATH, "--check-config", SR_SOURCE_DIR "/config/sessionreplay.toml"});
  LONGS_EQUAL(0, r.exit_code);
  STRCMP_EQUAL("ok\n", r.out.c_str());
}

TEST(Daemon, CheckConfigListsEveryErrorWithPosition) {
  const std::string path = dir.file("bad.toml");
  write_file(path, "[recording]\nfps = 0\n\n[upload]\ntransprt = \"dir\"\n");
  auto r = run_program({SR_DAEMON_PATH, "--check-config", path});
  LONGS_EQUAL(1, r.exit_code);
  STRCMP_EQUAL("", r.out.c_str());
  STRCMP_EQUAL((path + ":2:7: recording.fps: must be from 1 to 30, got 0\n" + path +
                ":5:1: upload.transprt: unknown key\n")
                   .c_str(),
               r.err.c_str());
}

TEST(Daemon, CheckConfigOfAMissingFileNamesIt) {
  auto r = run_program({SR_DAEMON_PATH, "--check-config", dir.file("absent.toml")});
  LONGS_EQUAL(1, r.exit_code);
  STRCMP_CONTAINS("absent.toml: cannot read config: No such file or directory", r.err.c_str());
}

TEST(Daemon, WrongUsageIsExplained) {
  auto r = run_program({SR_DAEMON_PATH, "--frobnicate"});
  LONGS_EQUAL(2, r.exit_code);
  STRCMP_CONTAINS("usage: sessionreplayd --config FILE", r.err.c_str());
}

TEST(Daemon, CaptureSourceNotInThisBuildIsAClearError) {
  const std::string path = dir.file("drm.toml");
  write_file(path, "[capture]\nsource = \"drm\"\n");
  auto r = run_program({SR_DAEMON_PATH, "--config", path});
  LONGS_EQUAL(1, r.exit_code);
  STRCMP_CONTAINS("capture.source \"drm\" is not part of this build", r.err.c_str());
}

TEST(Daemon, RecordsUntilSigtermAndClosesTheOpenSegment) {
  const std::string out = dir.file("out");
  const std::string path = dir.file("run.toml");
  write_file(path,
             "[recording]\nsession_sample_rate = 1.0\nsegment_seconds = 1\nfps = 4\n"
             "buffer_seconds = 1\n[capture.test]\nwidth = 320\nheight = 240\n"
             "[encode]\nprofile_dir = \"" SR_SOURCE_DIR
             "/bsp\"\n"
             "[upload]\ntransport = \"dir\"\n[upload.dir]\npath = \"" +
                 out + "\"\n");
  sr::test::ChildProcess daemon({SR_DAEMON_PATH, "--config", path});
  CHECK_TEXT(daemon.wait_for("segment 1 of replay", 30s), daemon.err().c_str());
  daemon.send_signal(SIGTERM);
  LONGS_EQUAL(0, daemon.wait_exit(30s));
  STRCMP_CONTAINS("stopping: closing the open segment", daemon.err().c_str());
  STRCMP_CONTAINS("0 failed", daemon.err().c_str());

  // Every segment the daemon reported is on disk, whole, and decodes; the last one is the
  // segment that SIGTERM closed.
  std::string replay;
  for (const auto& e : std::filesystem::directory_iterator(out)) replay = e.path().filename();
  LONGS_EQUAL(32, replay.size());
  int segments = 0;
  while (
      std::filesystem::exists(out + "/" + replay + "/" + std::to_string(segments) + ".envelope")) {
    const auto envelope = sr::test::read_replay_envelope(sr::test::read_file_bytes(
        out + "/" + replay + "/" + std::to_string(segments) + ".envelope"));
    const auto info = sr::test::probe_mp4(envelope.video, dir.file("probe.mp4"));
    CHECK_TRUE(info.first_is_key_frame);
    LONGS_EQUAL(320, info.width);
    ++segments;
  }
  CHECK_TRUE(segments >= 3);
  STRCMP_CONTAINS(("segment " + std::to_string(segments - 1) + " of replay").c_str(),
                  daemon.err().substr(daemon.err().find("stopping")).c_str());
}

TEST(Daemon, CtlHasHelp) {
  auto r = run_program({SR_CTL_PATH, "--help"});
  LONGS_EQUAL(0, r.exit_code);
  STRCMP_CONTAINS("usage: sessionreplayctl", r.out.c_str());
  auto bad = run_program({SR_CTL_PATH, "status"});
  LONGS_EQUAL(2, bad.exit_code);
  STRCMP_CONTAINS("unknown command 'status'", bad.err.c_str());
}

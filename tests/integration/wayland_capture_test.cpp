// Wayland capture against real compositors (cage, sway, Weston 10) with a real Qt Quick
// client inside. Waits are bounded waits for the compositor's events, never sleeps.

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>

#include "capture/wayland/wayland_source.hpp"
#include "child_process.hpp"
#include "headless_compositor.hpp"
#include "temp_dir.hpp"

#include <CppUTest/TestHarness.h>

using namespace sr;
using namespace std::chrono_literals;
using test::CompositorKind;
using test::HeadlessCompositor;

namespace {

struct Rgb {
  int r, g, b;
};

Rgb pixel(const Frame& f, int x, int y) {
  const auto* p = f.pixels->bytes().data() + static_cast<std::size_t>(y) * f.stride + x * 4;
  const int b0 = static_cast<int>(p[0]), b1 = static_cast<int>(p[1]), b2 = static_cast<int>(p[2]);
  return f.format == PixelFormat::kBGRx ? Rgb{b2, b1, b0} : Rgb{b0, b1, b2};
}

// Renderers differ by a few colour units.
constexpr int kTolerance = 8;
bool near(Rgb a, Rgb b) {
  return std::abs(a.r - b.r) <= kTolerance && std::abs(a.g - b.g) <= kTolerance &&
         std::abs(a.b - b.b) <= kTolerance;
}

struct Block {
  int x, y, w, h;
  Rgb colour;
};
// What tests/apps/qt_hmi draws, in window (= output) pixels.
const Block kBlocks[] = {{40, 40, 200, 120, {0xc8, 0x32, 0x32}},
                         {280, 40, 200, 120, {0x32, 0xc8, 0x32}},
                         {520, 40, 200, 120, {0x32, 0x32, 0xc8}},
                         {760, 400, 200, 100, {0x20, 0x30, 0x40}}};  // background

// Pixels checked and wrong: a 9x5 grid inside every block.
std::pair<int, int> compare_with_client(const Frame& f) {
  int checked = 0, wrong = 0;
  for (const Block& b : kBlocks) {
    for (int i = 0; i < 9; ++i) {
      for (int j = 0; j < 5; ++j) {
        const int x = b.x + 4 + i * (b.w - 8) / 8, y = b.y + 4 + j * (b.h - 8) / 4;
        if (x >= f.size.width || y >= f.size.height) continue;
        ++checked;
        if (!near(pixel(f, x, y), b.colour)) ++wrong;
      }
    }
  }
  return {checked, wrong};
}

bool shows_client(const Frame& f) {
  return compare_with_client(f).second == 0;
}

std::vector<std::string> client(bool ticking) {
  std::vector<std::string> argv{SR_QT_HMI_PATH};
  if (ticking) argv.push_back("--ticking");
  return argv;
}

// Grabs until `accept` or `timeout`; between tries waits for the compositor's events.
std::optional<Frame> wait_for_frame(WaylandSource& source,
                                    const std::function<bool(const Frame&)>& accept,
                                    std::chrono::milliseconds timeout) {
  SystemClock clock;
  const auto deadline = clock.now() + timeout;
  std::optional<Frame> last;
  while (clock.now() < deadline) {
    if (source.available(clock.now())) {
      auto grabbed = source.grab(clock.now());
      if (grabbed && *grabbed) {
        last = std::move(**grabbed);
        if (accept(*last)) return last;
      }
    }
    (void)source.wait_for_events(200ms);
  }
  return last;
}

// Frames delivered at a 1 fps cadence over `length` of real time.
int frames_over(WaylandSource& source, Duration length) {
  SystemClock clock;
  const Instant end = clock.now() + length;
  Instant next_tick = clock.now() + 1s;
  int frames = 0;
  while (clock.now() < end) {
    while (clock.now() < next_tick) {
      (void)source.wait_for_events(
          std::chrono::ceil<std::chrono::milliseconds>(next_tick - clock.now()));
    }
    next_tick += 1s;
    CHECK_TRUE(source.available(clock.now()));
    auto grabbed = source.grab(clock.now());
    if (grabbed && *grabbed) {
      ++frames;
      // Only the ticking block changed: the damage stays within its tiles.
      for (const Rect& d : (**grabbed).damage) CHECK_TRUE(d.x < 256 && d.y < 384);
    }
  }
  return frames;
}

// Connects and waits until the client's picture has been captured once.
void connect_and_see_client(WaylandSource& source, const HeadlessCompositor& compositor) {
  auto connected = source.connect();
  CHECK_TEXT(connected.ok(), connected.ok() ? "" : connected.error().message.c_str());
  CHECK_TEXT(wait_for_frame(source, shows_client, 20s).has_value(), compositor.log().c_str());
}

void captures_the_client(CompositorKind kind, const char* protocol) {
  HeadlessCompositor compositor({kind, client(false)});
  WaylandSource source({compositor.socket(), ""});
  auto connected = source.connect();
  CHECK_TEXT(connected.ok(), connected.ok() ? "" : connected.error().message.c_str());
  STRCMP_EQUAL(protocol, source.protocol().c_str());
  auto frame = wait_for_frame(source, shows_client, 20s);
  CHECK_TEXT(frame.has_value(), compositor.log().c_str());
  // The frame is the shm buffer the compositor wrote into: no copy on our side.
  CHECK_TRUE(dynamic_cast<const ShmBuffer*>(frame->pixels.get()) != nullptr);
  const auto [checked, wrong] = compare_with_client(*frame);
  std::printf("\n  %s via %s: %dx%d, %d pixels checked, %d wrong", compositor.name(), protocol,
              frame->size.width, frame->size.height, checked, wrong);
  LONGS_EQUAL(1280, frame->size.width);
  LONGS_EQUAL(720, frame->size.height);
  CHECK_TRUE(checked >= 150);
  LONGS_EQUAL(0, wrong);
}

}  // namespace

TEST_GROUP(WaylandCapture){};

TEST(WaylandCapture, CageShowsWhatTheClientDrew) {
  captures_the_client(CompositorKind::kCage, "zwlr_screencopy_manager_v1");
}

TEST(WaylandCapture, SwayShowsWhatTheClientDrew) {
  captures_the_client(CompositorKind::kSway, "zwlr_screencopy_manager_v1");
}

TEST(WaylandCapture, WestonShowsWhatTheClientDrew) {
  captures_the_client(CompositorKind::kWeston, "weston_screenshooter");
}

TEST(WaylandCapture, OutputIsChosenByName) {
  HeadlessCompositor compositor({CompositorKind::kSway, {}});
  WaylandSource named({compositor.socket(), "HEADLESS-1"});
  auto connected = named.connect();
  CHECK_TEXT(connected.ok(), connected.ok() ? "" : connected.error().message.c_str());
  STRCMP_CONTAINS("output HEADLESS-1", named.describe().c_str());
  WaylandSource missing({compositor.socket(), "HDMI-A-9"});
  auto r = missing.connect();
  CHECK_FALSE(r.ok());
  STRCMP_EQUAL("wayland: no output named 'HDMI-A-9' (outputs: HEADLESS-1)",
               r.error().message.c_str());
}

TEST(WaylandCapture, AnOutputThatChangesSizeGivesFramesOfTheNewSize) {
  HeadlessCompositor compositor({CompositorKind::kSway, client(false)});
  WaylandSource source({compositor.socket(), ""});
  connect_and_see_client(source, compositor);
  std::string ipc;
  for (const auto& e : std::filesystem::directory_iterator(compositor.runtime_dir())) {
    if (e.path().filename().string().rfind("sway-ipc.", 0) == 0) ipc = e.path();
  }
  auto r = test::run_program(
      {"/usr/bin/swaymsg", "-s", ipc, "output", "HEADLESS-1", "resolution", "1024x768"});
  CHECK_TEXT(r.exit_code == 0, (r.out + r.err).c_str());
  auto resized = wait_for_frame(
      source,
      [](const Frame& f) {
        return f.size == Size{1024, 768} && shows_client(f);
      },
      20s);
  CHECK_TEXT(resized.has_value(), compositor.log().c_str());
  std::printf("\n  sway output resized to %dx%d while capturing", resized->size.width,
              resized->size.height);
}

TEST(WaylandCapture, ACompositorWithoutACaptureProtocolIsOneClearError) {
  HeadlessCompositor compositor({CompositorKind::kWeston, {}, 1280, 720, /*weston_debug=*/false});
  WaylandSource source({compositor.socket(), ""});
  auto r = source.connect();
  CHECK_FALSE(r.ok());
  STRCMP_CONTAINS("offers no capture protocol", r.error().message.c_str());
  STRCMP_CONTAINS("start Weston with --debug", r.error().message.c_str());
  STRCMP_CONTAINS("zwlr_screencopy_manager_v1", r.error().message.c_str());
  STRCMP_CONTAINS("weston_screenshooter", r.error().message.c_str());
}

TEST(WaylandCapture, NoCompositorIsAClearError) {
  WaylandSource source({"/nonexistent/wayland-9", ""});
  auto r = source.connect();
  CHECK_FALSE(r.ok());
  STRCMP_CONTAINS("cannot connect to display '/nonexistent/wayland-9'", r.error().message.c_str());
  CHECK_FALSE(source.available(Instant{}));
}

// On sway: Debian 12's cage (0.1.4, headless) stops showing a client's updates after its
// first frames, so every copy of its output is the same picture; sway tracks damage.
TEST_GROUP(WaylandDamage){};

TEST(WaylandDamage, AStaticClientForTenSecondsYieldsAtMostOneFrame) {
  HeadlessCompositor compositor({CompositorKind::kSway, client(false)});
  WaylandSource source({compositor.socket(), ""});
  connect_and_see_client(source, compositor);
  const int frames = frames_over(source, 10s);
  std::printf("\n  static client, 10 s: %d frames", frames);
  CHECK_TRUE(frames <= 1);
}

TEST(WaylandDamage, AClientThatChangesOnceASecondYieldsAboutOneFrameASecond) {
  HeadlessCompositor compositor({CompositorKind::kSway, client(true)});
  WaylandSource source({compositor.socket(), ""});
  connect_and_see_client(source, compositor);
  const int frames = frames_over(source, 10s);
  std::printf("\n  ticking client, 10 s: %d frames, %zu shm buffers", frames,
              source.buffers_allocated());
  CHECK_TRUE(frames >= 7 && frames <= 11);  // about one a second, on a loaded machine too
  // Released frames give their buffers back: a handful serve every capture.
  CHECK_TRUE(source.buffers_allocated() <= 3);
}

TEST_GROUP(WaylandRestart) {
  test::TempDir dir;
};

TEST(WaylandRestart, RecordingResumesWhenTheCompositorComesBack) {
  HeadlessCompositor compositor({CompositorKind::kCage, client(true)});
  const std::string config = dir.file("wayland.toml");
  std::ofstream(config) << "[recording]\nsession_sample_rate = 1.0\nsegment_seconds = 1\n"
                           "buffer_seconds = 1\nfps = 2\n[capture]\nsource = \"wayland\"\n"
                           "[capture.wayland]\ndisplay = \""
                        << compositor.socket() << "\"\n"
                        << "[encode]\nprofile_dir = \"" SR_SOURCE_DIR "/bsp\"\n"
                        << "[upload]\ntransport = \"dir\"\n[upload.dir]\npath = \""
                        << dir.file("out") << "\"\n";
  test::ChildProcess daemon({SR_DAEMON_PATH, "--config", config});
  CHECK_TEXT(daemon.wait_for("segment 1 of replay", 30s), daemon.err().c_str());

  compositor.kill();  // as a crash would
  CHECK_TEXT(daemon.wait_for("ended (HMI gone)", 15s), daemon.err().c_str());
  const std::size_t gone_at = daemon.err().size();

  compositor.start();
  // A new replay records from the restarted compositor, without restarting the daemon.
  CHECK_TEXT(daemon.wait_for("started: recording", 30s, gone_at), daemon.err().c_str());
  CHECK_TEXT(daemon.wait_for("segment 0 of replay", 30s, gone_at), daemon.err().c_str());
  daemon.send_signal(SIGTERM);
  LONGS_EQUAL(0, daemon.wait_exit(30s));
}

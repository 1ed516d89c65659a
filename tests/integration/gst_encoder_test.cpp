// The GStreamer encoder against this machine's real elements: profile errors are precise,
// encoders fall back in order, frames are not copied and are released when done.

#include <chrono>

#include "config/encoder_profile.hpp"
#include "encode/gstreamer/gst_segment_encoder.hpp"
#include "mp4_probe.hpp"
#include "temp_dir.hpp"

#include <CppUTest/TestHarness.h>

using namespace sr;
using namespace std::chrono_literals;

namespace {

EncoderProfile profile_from(const std::string& text) {
  auto p = parse_encoder_profile(text, "probe", "probe.toml");
  CHECK_TEXT(p.ok(), p.ok() ? "" : p.error().message.c_str());
  return p.value();
}

const char* kConvert =
    "[convert]\nelement = \"videoconvert\"\ncaps = \"video/x-raw,format=I420\"\n";

std::string create_error(const std::string& text) {
  auto e = GstSegmentEncoder::create(profile_from(text), 5);
  CHECK_FALSE(e.ok());
  return e.ok() ? "" : e.error().message;
}

Frame solid_frame(Size size, std::uint8_t value) {
  auto buffer =
      std::make_shared<HeapPixelBuffer>(static_cast<std::size_t>(size.width) * size.height * 4);
  for (auto& b : buffer->writable()) b = std::byte{value};
  Frame f;
  f.size = size;
  f.stride = size.width * 4;
  f.pixels = buffer;
  return f;
}

}  // namespace

TEST_GROUP(GstEncoder) {
  test::TempDir dir;
};

TEST(GstEncoder, MissingEncoderIsNamedWithItsPackage) {
  const std::string e =
      create_error(std::string(kConvert) +
                   "[[encoder]]\nelement = \"nosuchenc\"\npackage = \"gstreamer1.0-nosuch\"\n"
                   "keyframe_property = \"gop\"\n");
  STRCMP_EQUAL(
      "board profile 'probe': none of its encoders is installed: nosuchenc (package "
      "gstreamer1.0-nosuch)",
      e.c_str());
}

TEST(GstEncoder, MissingConvertElementIsNamed) {
  const std::string e = create_error(
      "[convert]\nelement = \"imxvideoconvert_g2d\"\npackage = \"imx-gst1.0-plugin\"\n"
      "[[encoder]]\nelement = \"x264enc\"\nkeyframe_property = \"key-int-max\"\n");
  STRCMP_EQUAL(
      "board profile 'probe': GStreamer element 'imxvideoconvert_g2d' is not installed (package "
      "imx-gst1.0-plugin)",
      e.c_str());
}

TEST(GstEncoder, UnknownPropertyAndBadValueAreNamed) {
  STRCMP_EQUAL("board profile 'probe': element 'x264enc' has no property 'turbo'",
               create_error(std::string(kConvert) +
                            "[[encoder]]\nelement = \"x264enc\"\nkeyframe_property = "
                            "\"key-int-max\"\nproperties = { turbo = true }\n")
                   .c_str());
  STRCMP_EQUAL(
      "board profile 'probe': element 'x264enc' property 'speed-preset' cannot take the value "
      "'warp'",
      create_error(std::string(kConvert) +
                   "[[encoder]]\nelement = \"x264enc\"\nkeyframe_property = "
                   "\"key-int-max\"\nproperties = { speed-preset = \"warp\" }\n")
          .c_str());
}

TEST(GstEncoder, FallsBackToTheNextInstalledEncoder) {
  auto e = GstSegmentEncoder::create(
      profile_from(std::string(kConvert) +
                   "[[encoder]]\nelement = \"nosuchenc\"\nkeyframe_property = \"gop\"\n"
                   "[[encoder]]\nelement = \"openh264enc\"\nkeyframe_property = \"gop-size\"\n"),
      5);
  CHECK_TRUE(e.ok());
  STRCMP_EQUAL("openh264enc", (*e)->encoder_element().c_str());
  // And the fallback really encodes: a decodable file that starts with a key frame.
  CHECK_TRUE((*e)->begin({320, 240}, PixelFormat::kBGRx).ok());
  for (int i = 0; i < 3; ++i) {
    CHECK_TRUE(
        (*e)->push(solid_frame({320, 240}, static_cast<std::uint8_t>(40 * i)), i * 1s, 1s).ok());
  }
  auto video = (*e)->finish();
  CHECK_TEXT(video.ok(), video.ok() ? "" : video.error().message.c_str());
  const auto info = test::probe_mp4(video->bytes, dir.file("openh264.mp4"));
  CHECK_TRUE(info.first_is_key_frame);
  LONGS_EQUAL(3, info.decoded_frames);
  LONGS_EQUAL(320, info.width);
}

TEST(GstEncoder, FramesAreNotCopiedAndAreReleasedAfterFinish) {
  auto profile = load_encoder_profile(SR_SOURCE_DIR "/bsp", "generic-pc").value();
  auto e = GstSegmentEncoder::create(profile, 5);
  CHECK_TRUE(e.ok());
  STRCMP_EQUAL("x264enc", (*e)->encoder_element().c_str());
  CHECK_TRUE((*e)->begin({320, 240}, PixelFormat::kBGRx).ok());
  Frame f = solid_frame({320, 240}, 128);
  CHECK_TRUE((*e)->push(f, 0s, 1s).ok());
  CHECK_TRUE((*e)->push(f, 1s, 1s).ok());
  auto video = (*e)->finish();
  CHECK_TRUE(video.ok());
  // GStreamer wrapped our memory and let go of it: only the test holds the pixels now.
  LONGS_EQUAL(1, f.pixels.use_count());
  LONGS_EQUAL(2, video->frame_count);
}

TEST(GstEncoder, FrameOfTheWrongSizeIsRefused) {
  auto profile = load_encoder_profile(SR_SOURCE_DIR "/bsp", "generic-pc").value();
  auto e = GstSegmentEncoder::create(profile, 5);
  CHECK_TRUE((*e)->begin({320, 240}, PixelFormat::kBGRx).ok());
  auto r = (*e)->push(solid_frame({160, 120}, 0), 0s, 1s);
  CHECK_FALSE(r.ok());
  (*e)->abort();
}

TEST(GstEncoder, VariableFrameDurationsSurviveIntoTheFile) {
  auto profile = load_encoder_profile(SR_SOURCE_DIR "/bsp", "generic-pc").value();
  auto e = GstSegmentEncoder::create(profile, 5);
  // An unchanged screen: one picture that lasts the whole 5 s segment.
  CHECK_TRUE((*e)->begin({320, 240}, PixelFormat::kBGRx).ok());
  CHECK_TRUE((*e)->push(solid_frame({320, 240}, 90), 0s, 5s).ok());
  auto still = (*e)->finish();
  CHECK_TRUE(still.ok());
  auto info = test::probe_mp4(still->bytes, dir.file("still.mp4"));
  LONGS_EQUAL(1, info.samples);
  DOUBLES_EQUAL(5.0, std::chrono::duration<double>(info.duration).count(), 0.001);
  // Irregular frames, the last one short.
  CHECK_TRUE((*e)->begin({320, 240}, PixelFormat::kBGRx).ok());
  CHECK_TRUE((*e)->push(solid_frame({320, 240}, 10), 0s, 2s).ok());
  CHECK_TRUE((*e)->push(solid_frame({320, 240}, 200), 2s, 2500ms).ok());
  CHECK_TRUE((*e)->push(solid_frame({320, 240}, 60), 4500ms, 500ms).ok());
  auto busy = (*e)->finish();
  CHECK_TRUE(busy.ok());
  info = test::probe_mp4(busy->bytes, dir.file("busy.mp4"));
  LONGS_EQUAL(3, info.samples);
  DOUBLES_EQUAL(5.0, std::chrono::duration<double>(info.duration).count(), 0.001);
}

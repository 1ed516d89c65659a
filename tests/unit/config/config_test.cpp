#include <string>

#include "config/config_loader.hpp"
#include "config/encoder_profile.hpp"

#include <CppUTest/TestHarness.h>

using sr::Config;
using sr::ConfigErrors;
using sr::parse_config;

namespace {

std::string first_error(const std::string& text) {
  auto r = parse_config(text, "f.toml");
  CHECK_FALSE(r.ok());
  return r.error().message;
}

}  // namespace

TEST_GROUP(Config){};

TEST(Config, EmptyFileGivesTheDesignDefaults) {
  auto r = parse_config("", "f.toml");
  CHECK_TRUE(r.ok());
  const Config& c = r.value();
  LONGS_EQUAL(1, c.recording.fps);
  LONGS_EQUAL(5, c.recording.segment_seconds);
  LONGS_EQUAL(30, c.recording.buffer_seconds);
  LONGS_EQUAL(3600, c.recording.max_duration);
  LONGS_EQUAL(30, c.recording.idle_timeout);
  DOUBLES_EQUAL(1.0, c.recording.on_error_sample_rate, 0);
  CHECK_TRUE(c.privacy.mask_all_text);
  CHECK_TRUE(c.privacy.mask_all_images);
  CHECK_TRUE(c.privacy.mask_all_inputs);
  CHECK_TRUE(c.capture.source == sr::CaptureSourceKind::kTest);
  STRCMP_EQUAL("generic-pc", c.encode.profile.c_str());
}

TEST(Config, ShippedConfigIsValidAndSaysTheDefaults) {
  ConfigErrors errors;
  auto r = sr::load_config(SR_SOURCE_DIR "/config/sessionreplay.toml", &errors);
  CHECK_TEXT(r.ok(), errors.joined().c_str());
  auto defaults = parse_config("", "f.toml");
  DOUBLES_EQUAL(defaults->recording.session_sample_rate, r->recording.session_sample_rate, 0);
  LONGS_EQUAL(defaults->recording.fps, r->recording.fps);
  LONGS_EQUAL(defaults->capture.test.width, r->capture.test.width);
  CHECK_TRUE(r->upload.transport == defaults->upload.transport);
}

TEST(Config, ValidValuesAreRead) {
  auto r = parse_config(
      "[recording]\nsession_sample_rate = 1\nfps = 2\nsegment_seconds = 3\n"
      "[capture]\nsource = \"test\"\n[capture.test]\nwidth = 640\nheight = 480\n"
      "[upload]\ntransport = \"dir\"\n[upload.dir]\npath = \"/tmp/x\"\n"
      "[device]\nid = \"car-7\"\n",
      "f.toml");
  CHECK_TRUE(r.ok());
  DOUBLES_EQUAL(1.0, r->recording.session_sample_rate, 0);
  LONGS_EQUAL(2, r->recording.fps);
  LONGS_EQUAL(3, r->recording.segment_seconds);
  LONGS_EQUAL(640, r->capture.test.width);
  LONGS_EQUAL(480, r->capture.test.height);
  CHECK_TRUE(r->upload.transport == sr::TransportKind::kDir);
  STRCMP_EQUAL("/tmp/x", r->upload.dir.path.c_str());
  STRCMP_EQUAL("car-7", r->device.id.c_str());
}

TEST(Config, SyntaxErrorNamesFileLineAndColumn) {
  const std::string e = first_error("[recording]\nfps = = 2\n");
  STRCMP_CONTAINS("f.toml:2:", e.c_str());
  STRCMP_CONTAINS("syntax error", e.c_str());
}

TEST(Config, UnknownKeyNamesItsPosition) {
  STRCMP_EQUAL("f.toml:3:1: recording.fpss: unknown key",
               first_error("[recording]\nfps = 1\nfpss = 2\n").c_str());
}

TEST(Config, UnknownTableIsAnUnknownKey) {
  STRCMP_EQUAL("f.toml:1:2: telemetry: unknown key", first_error("[telemetry]\nx = 1\n").c_str());
}

TEST(Config, UnknownNestedKeyNamesTheFullPath) {
  STRCMP_EQUAL("f.toml:2:1: capture.test.depth: unknown key",
               first_error("[capture.test]\ndepth = 24\n").c_str());
}

TEST(Config, WrongTypeSaysWhatWasExpected) {
  STRCMP_EQUAL("f.toml:2:7: recording.fps: expected an integer, got a string",
               first_error("[recording]\nfps = \"one\"\n").c_str());
  STRCMP_EQUAL("f.toml:2:17: privacy.mask_all_text: expected a boolean, got an integer",
               first_error("[privacy]\nmask_all_text = 1\n").c_str());
  STRCMP_EQUAL("f.toml:1:13: recording: expected a table, got an integer",
               first_error("recording = 5\n").c_str());
}

TEST(Config, OutOfRangeGivesTheRange) {
  STRCMP_EQUAL("f.toml:2:7: recording.fps: must be from 1 to 30, got 0",
               first_error("[recording]\nfps = 0\n").c_str());
  STRCMP_EQUAL("f.toml:2:23: recording.session_sample_rate: must be from 0 to 1, got 1.5",
               first_error("[recording]\nsession_sample_rate = 1.5\n").c_str());
  STRCMP_EQUAL("f.toml:2:9: capture.test.width: must be even",
               first_error("[capture.test]\nwidth = 641\n").c_str());
}

TEST(Config, UnknownChoiceListsTheAllowedOnes) {
  STRCMP_EQUAL(
      "f.toml:2:10: capture.source: must be one of \"test\", \"wayland\", \"drm\", got \"vnc\"",
      first_error("[capture]\nsource = \"vnc\"\n").c_str());
}

TEST(Config, CrossKeyRuleNamesTheKey) {
  STRCMP_EQUAL(
      "f.toml:3:18: recording.buffer_seconds: must be at least segment_seconds (10), got 5",
      first_error("[recording]\nsegment_seconds = 10\nbuffer_seconds = 5\n").c_str());
}

TEST(Config, EveryErrorIsReportedNotJustTheFirst) {
  ConfigErrors errors;
  auto r =
      parse_config("[recording]\nfps = 0\nbogus = 1\n[upload]\ntransport = 3\n", "f.toml", &errors);
  CHECK_FALSE(r.ok());
  LONGS_EQUAL(3, errors.messages.size());
  STRCMP_CONTAINS("recording.fps", errors.joined().c_str());
  STRCMP_CONTAINS("recording.bogus", errors.joined().c_str());
  STRCMP_CONTAINS("upload.transport", errors.joined().c_str());
}

TEST(Config, MissingFileNamesTheFile) {
  ConfigErrors errors;
  auto r = sr::load_config("/nonexistent/sessionreplay.toml", &errors);
  CHECK_FALSE(r.ok());
  STRCMP_EQUAL("/nonexistent/sessionreplay.toml: cannot read config: No such file or directory",
               r.error().message.c_str());
  LONGS_EQUAL(1, errors.messages.size());
}

TEST_GROUP(EncoderProfile){};

TEST(EncoderProfile, ShippedGenericPcProfileParses) {
  auto p = sr::load_encoder_profile(SR_SOURCE_DIR "/bsp", "generic-pc");
  CHECK_TEXT(p.ok(), p.ok() ? "" : p.error().message.c_str());
  STRCMP_EQUAL("videoconvert", p->convert.element.c_str());
  LONGS_EQUAL(2, p->encoders.size());
  STRCMP_EQUAL("x264enc", p->encoders[0].element.element.c_str());
  STRCMP_EQUAL("key-int-max", p->encoders[0].keyframe_property.c_str());
  STRCMP_EQUAL("openh264enc", p->encoders[1].element.element.c_str());
}

TEST(EncoderProfile, PropertiesKeepTheirStringForm) {
  auto p = sr::parse_encoder_profile(
      "[convert]\nelement = \"videoconvert\"\n[[encoder]]\nelement = \"x264enc\"\n"
      "keyframe_property = \"key-int-max\"\nproperties = { quantizer = 30, tune = \"zerolatency\", "
      "dct8x8 = false }\n",
      "p", "p.toml");
  CHECK_TRUE(p.ok());
  const auto& props = p->encoders[0].element.properties;
  LONGS_EQUAL(3, props.size());
  auto value_of = [&](const char* name) {
    for (const auto& [key, value] : props) {
      if (key == name) return value;
    }
    return std::string("<absent>");
  };
  STRCMP_EQUAL("30", value_of("quantizer").c_str());
  STRCMP_EQUAL("zerolatency", value_of("tune").c_str());
  STRCMP_EQUAL("false", value_of("dct8x8").c_str());
}

TEST(EncoderProfile, MissingPartsAreNamed) {
  auto p = sr::parse_encoder_profile("[convert]\nelement = \"videoconvert\"\n", "p", "p.toml");
  CHECK_FALSE(p.ok());
  STRCMP_CONTAINS("encoder: at least one [[encoder]] is required", p.error().message.c_str());
  auto q = sr::parse_encoder_profile(
      "[convert]\nelement = \"videoconvert\"\n[[encoder]]\nelement = \"x264enc\"\n", "p", "p.toml");
  CHECK_FALSE(q.ok());
  STRCMP_CONTAINS("encoder[0].keyframe_property: is required", q.error().message.c_str());
}

TEST(EncoderProfile, MissingProfileFileIsNamed) {
  auto p = sr::load_encoder_profile("/nonexistent", "imx9");
  CHECK_FALSE(p.ok());
  STRCMP_EQUAL(
      "/nonexistent/imx9.toml: cannot read board profile 'imx9': No such file or directory",
      p.error().message.c_str());
}

#include <string>
#include <vector>

#include "core/random.hpp"
#include "envelope/json.hpp"
#include "envelope/msgpack_writer.hpp"
#include "envelope/replay_envelope.hpp"
#include "envelope_reader.hpp"
#include "events/recording_events.hpp"

#include <CppUTest/TestHarness.h>

using namespace sr;

TEST_GROUP(Json){};

TEST(Json, KeepsKeyOrderAndEscapes) {
  json::Value v =
      json::Object{{"b", 1}, {"a", "q\"\\\n\x01"}, {"c", json::Array{true, nullptr, 1.5}}};
  STRCMP_EQUAL("{\"b\":1,\"a\":\"q\\\"\\\\\\n\\u0001\",\"c\":[true,null,1.5]}", v.dump().c_str());
}

TEST(Json, NumbersRoundTripThroughAnIndependentParser) {
  json::Value v = json::Object{{"t", 1710853999.781}, {"big", 1795459590389LL}, {"nan", 0.0 / 0.0}};
  auto parsed = nlohmann::json::parse(v.dump());
  DOUBLES_EQUAL(1710853999.781, parsed["t"].get<double>(), 1e-6);
  CHECK_EQUAL(1795459590389LL, parsed["big"].get<long long>());
  CHECK_TRUE(parsed["nan"].is_null());
}

TEST(Json, SetReplacesAnExistingKey) {
  json::Value v = json::Object{{"a", 1}};
  v.set("a", 2).set("b", 3);
  STRCMP_EQUAL("{\"a\":2,\"b\":3}", v.dump().c_str());
}

TEST_GROUP(Msgpack){};

TEST(Msgpack, PicksTheSmallestForm) {
  msgpack::Writer w;
  w.map_header(3);
  w.str("abc");
  w.str(std::string(40, 'x'));
  w.bin(std::string(5, 'y'));
  w.bin(std::string(300, 'z'));
  w.bin(std::string(70000, 'w'));
  const auto& b = w.bytes();
  LONGS_EQUAL(0x83, b[0]);
  LONGS_EQUAL(0xa3, b[1]);  // fixstr
  LONGS_EQUAL(0xd9, b[5]);  // str8
  LONGS_EQUAL(40, b[6]);
  LONGS_EQUAL(0xc4, b[47]);  // bin8
  LONGS_EQUAL(5, b[48]);
  LONGS_EQUAL(0xc5, b[54]);  // bin16
  LONGS_EQUAL(300 >> 8, b[55]);
  LONGS_EQUAL(300 & 0xff, b[56]);
  LONGS_EQUAL(0xc6, b[357]);  // bin32
  LONGS_EQUAL(70000, (b[358] << 24) | (b[359] << 16) | (b[360] << 8) | b[361]);
  LONGS_EQUAL(362 + 70000, b.size());
}

TEST_GROUP(ReplayEnvelope){};

TEST(ReplayEnvelope, Rfc3339HasMillisecondsAndZ) {
  const WallTime t{std::chrono::milliseconds(1710853999781LL)};
  STRCMP_EQUAL("2024-03-19T13:13:19.781Z", format_rfc3339(t).c_str());
}

TEST(ReplayEnvelope, UuidIsVersion4Hex) {
  SeededRandom random(7);
  const std::string id = random_uuid_hex(random);
  LONGS_EQUAL(32, id.size());
  CHECK_EQUAL('4', id[12]);
  CHECK_TRUE(std::string("89ab").find(id[16]) != std::string::npos);
  CHECK_TRUE(id.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK_TRUE(id != random_uuid_hex(random));
}

TEST(ReplayEnvelope, PartsReadBackFieldByField) {
  ReplayEventFields f;
  f.replay_id = "0123456789abcdef0123456789abcdef";
  f.segment_id = 3;
  f.replay_type = "session";
  f.segment_start = WallTime{std::chrono::milliseconds(1'700'000'010'000LL)};
  f.segment_end = WallTime{std::chrono::milliseconds(1'700'000'015'000LL)};
  f.urls = {"display"};
  f.sdk = {"sessionreplay.linux", "1.2.3"};
  f.tags.emplace_back("device_id", "car-7");
  f.release = "hmi@4.2";
  f.environment = "production";

  EncodedVideo video;
  video.bytes = std::vector<std::uint8_t>(1000, 0xab);
  video.size = {1280, 720};
  video.frame_count = 5;
  video.duration = std::chrono::seconds(5);
  json::Array events{events::video(f.segment_start, 3, video, 1)};
  const auto bytes =
      build_replay_envelope(f, events::recording_payload(3, events), video.bytes, f.segment_end);

  const auto e = test::read_replay_envelope(bytes);
  STRCMP_EQUAL(f.replay_id.c_str(), e.header["event_id"].get<std::string>().c_str());
  STRCMP_EQUAL("2023-11-14T22:13:35.000Z", e.header["sent_at"].get<std::string>().c_str());
  STRCMP_EQUAL("sessionreplay.linux", e.header["sdk"]["name"].get<std::string>().c_str());
  STRCMP_EQUAL("replay_video", e.item_header["type"].get<std::string>().c_str());
  CHECK_TRUE((e.payload_keys ==
              std::vector<std::string>{"replay_event", "replay_recording", "replay_video"}));

  const auto& ev = e.replay_event;
  STRCMP_EQUAL("replay_event", ev["type"].get<std::string>().c_str());
  STRCMP_EQUAL("session", ev["replay_type"].get<std::string>().c_str());
  STRCMP_EQUAL(f.replay_id.c_str(), ev["replay_id"].get<std::string>().c_str());
  LONGS_EQUAL(3, ev["segment_id"].get<int>());
  DOUBLES_EQUAL(1700000010.0, ev["replay_start_timestamp"].get<double>(), 1e-6);
  DOUBLES_EQUAL(1700000015.0, ev["timestamp"].get<double>(), 1e-6);
  STRCMP_EQUAL("display", ev["urls"][0].get<std::string>().c_str());
  CHECK_TRUE(ev["error_ids"].is_array() && ev["error_ids"].empty());
  STRCMP_EQUAL("car-7", ev["tags"]["device_id"].get<std::string>().c_str());
  STRCMP_EQUAL("hmi@4.2", ev["release"].get<std::string>().c_str());
  STRCMP_EQUAL("1.2.3", ev["sdk"]["version"].get<std::string>().c_str());

  LONGS_EQUAL(3, e.recording_header["segment_id"].get<int>());
  const auto& video_event = e.recording_events.at(0);
  LONGS_EQUAL(5, video_event["type"].get<int>());
  CHECK_EQUAL(1700000010000LL, video_event["timestamp"].get<long long>());
  const auto& p = video_event["data"]["payload"];
  STRCMP_EQUAL("video", video_event["data"]["tag"].get<std::string>().c_str());
  LONGS_EQUAL(3, p["segmentId"].get<int>());
  LONGS_EQUAL(1000, p["size"].get<int>());
  LONGS_EQUAL(5000, p["duration"].get<int>());
  STRCMP_EQUAL("h264", p["encoding"].get<std::string>().c_str());
  STRCMP_EQUAL("mp4", p["container"].get<std::string>().c_str());
  LONGS_EQUAL(1280, p["width"].get<int>());
  LONGS_EQUAL(720, p["height"].get<int>());
  LONGS_EQUAL(5, p["frameCount"].get<int>());
  LONGS_EQUAL(1, p["frameRate"].get<int>());
  LONGS_EQUAL(0, p["left"].get<int>());
  LONGS_EQUAL(0, p["top"].get<int>());
  CHECK_TRUE(e.video == video.bytes);
}

TEST(ReplayEnvelope, MetaEventHasHrefAndSize) {
  const auto v = nlohmann::json::parse(
      events::meta(WallTime{std::chrono::milliseconds(5)}, "display", {360, 800}).dump());
  STRCMP_EQUAL(R"({"data":{"height":800,"href":"display","width":360},"timestamp":5,"type":4})",
               v.dump().c_str());
}

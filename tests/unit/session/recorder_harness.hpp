#pragma once
// A Recorder on fakes and a manual clock, with helpers to run simulated time.

#include <memory>

#include "config/config_loader.hpp"
#include "envelope_reader.hpp"
#include "fakes.hpp"
#include "session/recorder.hpp"

namespace sr::test {

struct RecorderHarness {
  ManualClock clock;
  std::unique_ptr<RandomSource> random = std::make_unique<SeededRandom>(42);
  ScriptedSource source{{64, 32}};
  RecordingEncoder encoder;
  CollectingTransport transport;
  Config config = parse_config("", "t").value();
  std::unique_ptr<Recorder> recorder;
  std::vector<SessionReport> sessions;

  Recorder& make(double session_rate, double error_rate) {
    config.recording.session_sample_rate = session_rate;
    config.recording.on_error_sample_rate = error_rate;
    recorder =
        std::make_unique<Recorder>(config, SdkInfo{"sessionreplay.linux", "0.0.0"},
                                   RecorderParts{clock, *random, source, encoder, transport});
    recorder->on_session = [this](const SessionReport& s) { sessions.push_back(s); };
    return *recorder;
  }

  /// Runs the recorder's own cadence for `duration`, changing the screen on every tick
  /// when `busy`, and giving input every `input_every` (zero: never).
  void run(Duration duration, bool busy = true, Duration input_every = Duration(0)) {
    const Instant end = clock.now() + duration;
    Instant next_input = clock.now();
    while (clock.now() < end) {
      if (input_every.count() && clock.now() >= next_input) {
        recorder->input(clock.now());
        next_input += input_every;
      }
      if (clock.now() >= recorder->next_tick()) {
        if (busy) source.change();
        (void)recorder->tick();
      }
      clock.advance(recorder->next_tick() - clock.now());
    }
  }

  ReplayEnvelope sent(std::size_t i) const {
    return read_replay_envelope(transport.sent.at(i).bytes);
  }
  double start_of(std::size_t i) const {
    return sent(i).replay_event["replay_start_timestamp"].get<double>();
  }
  double end_of(std::size_t i) const { return sent(i).replay_event["timestamp"].get<double>(); }
};

}  // namespace sr::test

#!/usr/bin/env bash
# Installs what is missing, builds sessionreplayd and records the synthetic HMI screen for
# about 15 seconds into ./demo-output, then says what was recorded.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${DEMO_SECONDS:-15}
build=${SR_BUILD_DIR:-build}
out=${DEMO_OUTPUT:-$PWD/demo-output}

# SR_DEMO_NO_BUILD=1: use an existing build (the test suite runs this script that way).
if [ -z "${SR_DEMO_NO_BUILD:-}" ]; then
  bash scripts/setup-debian.sh
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j "$(nproc)" --target sessionreplayd
fi

rm -rf "$out"
mkdir -p "$out"
cat > "$out/demo.toml" <<TOML
# The demo's config: every session recorded, envelopes written to a folder.
[recording]
session_sample_rate = 1.0

[capture]
source = "test"

[capture.test]
width = 1280
height = 720

[encode]
profile = "generic-pc"
profile_dir = "$PWD/bsp"

[upload]
transport = "dir"

[upload.dir]
path = "$out/replays"
TOML

echo "demo: recording the synthetic HMI screen for ${seconds} s ..."
# SIGINT after the given time: the daemon closes and delivers the open segment, then exits.
status=0
timeout --signal=INT "$seconds" "$build/platform/sessionreplayd" --config "$out/demo.toml" \
  2> "$out/daemon.log" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 124 ]; then
  cat "$out/daemon.log" >&2
  echo "demo: sessionreplayd failed (exit $status)" >&2
  exit 1
fi

echo
echo "Recorded segments (one Sentry replay envelope each):"
if ! grep -E '^sessionreplayd: segment ' "$out/daemon.log" | sed 's/^sessionreplayd: /  /'; then
  cat "$out/daemon.log" >&2
  echo "demo: no segment was recorded" >&2
  exit 1
fi
echo
echo "Envelopes are in $out/replays/<replay_id>/<segment_id>.envelope"
find "$out/replays" -name '*.envelope' | sort | sed 's/^/  /'
echo "Full daemon log: $out/daemon.log"

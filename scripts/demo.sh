#!/usr/bin/env bash
# Installs what is missing, builds sessionreplayd and records the synthetic HMI screen for
# about 15 seconds into ./demo-output, then says what was recorded.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${DEMO_SECONDS:-15}

bash scripts/setup-debian.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j "$(nproc)" --target sessionreplayd

out="$PWD/demo-output"
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
timeout --signal=INT "$seconds" build/platform/sessionreplayd --config "$out/demo.toml" \
  2> "$out/daemon.log" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 124 ]; then
  cat "$out/daemon.log" >&2
  echo "demo: sessionreplayd failed (exit $status)" >&2
  exit 1
fi

echo
echo "Recorded segments (one Sentry replay envelope each):"
grep -E '^sessionreplayd: segment ' "$out/daemon.log" | sed 's/^sessionreplayd: /  /'
echo
echo "Envelopes are in $out/replays/<replay_id>/<segment_id>.envelope"
find "$out/replays" -name '*.envelope' | sort | sed 's/^/  /'
echo "Full daemon log: $out/daemon.log"

#!/usr/bin/env bash
# Wayland capture benchmark (not a timed test): one headless sway session at 1920x1080 with
# the Qt test HMI changing a small region once a second; sessionreplayd and wf-recorder
# (damage mode, its defaults) each record it for BENCH_SECONDS (default 60), one after the
# other. Reports CPU seconds (user+system, from GNU time), peak RSS and output bytes.
#
#   bash tests/bench/wayland_capture_bench.sh            # prints a Markdown table
#
# sway, not cage: Debian 12's cage stops showing a headless client's updates after its
# first frames, so both recorders would film a frozen screen.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${BENCH_SECONDS:-60}

bash scripts/setup-debian.sh >/dev/null
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON -DSR_WITH_WAYLAND=ON >/dev/null
cmake --build build -j "$(nproc)" --target sessionreplayd qt_hmi >/dev/null

work=$(mktemp -d /tmp/sessionreplay-bench-XXXXXX)
runtime="$work/runtime"
mkdir -p "$runtime" "$work/ours"
chmod 0755 "$work"  # nobody (the compositor) must reach its runtime folder
chown 65534:65534 "$runtime"
chmod 0700 "$runtime"
cleanup() {
  [ -n "${sway_pid:-}" ] && kill "$sway_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cat > "$runtime/sway.config" <<CONF
output HEADLESS-1 resolution 1920x1080
default_border none
xwayland disable
exec $PWD/build/tests/qt_hmi --ticking
CONF
chmod 0644 "$runtime/sway.config"
env -i PATH=/usr/bin:/bin HOME="$runtime" XDG_RUNTIME_DIR="$runtime" WLR_BACKENDS=headless \
  WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman QT_QPA_PLATFORM=wayland \
  QT_WAYLAND_DISABLE_WINDOWDECORATION=1 QML_DISABLE_DISK_CACHE=1 \
  setpriv --reuid=65534 --regid=65534 --clear-groups sway --config "$runtime/sway.config" \
  >"$work/sway.log" 2>&1 &
sway_pid=$!
socket=""
for _ in $(seq 1 20); do  # bounded wait for the socket: 20 waits of at most 1 s for a creation
  socket=$(find "$runtime" -maxdepth 1 -type s -name 'wayland-*' | head -1)
  [ -n "$socket" ] && break
  inotifywait -qq -t 1 -e create "$runtime" || true
done
[ -n "$socket" ] || { cat "$work/sway.log"; echo "bench: sway did not start" >&2; exit 1; }

cat > "$work/ours.toml" <<TOML
[recording]
session_sample_rate = 1.0
[capture]
source = "wayland"
[capture.wayland]
display = "$socket"
[encode]
profile_dir = "$PWD/bsp"
[upload]
transport = "dir"
[upload.dir]
path = "$work/ours"
TOML

measure() {  # name, command...: runs for $seconds, stops it with SIGINT
  local name=$1
  shift
  /usr/bin/time -f "%U %S %M" -o "$work/$name.time" timeout --signal=INT "$seconds" "$@" \
    >"$work/$name.log" 2>&1 || true
}
measure ours build/platform/sessionreplayd --config "$work/ours.toml"
measure wf env WAYLAND_DISPLAY="$socket" XDG_RUNTIME_DIR="$runtime" wf-recorder -y \
  -f "$work/wf.mp4"

bytes_ours=$(find "$work/ours" -name '*.envelope' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
bytes_wf=$(stat -c %s "$work/wf.mp4" 2>/dev/null || echo 0)
row() {  # name, time file, bytes
  read -r user sys rss_kb < <(tail -n 1 "$2")
  awk -v n="$1" -v u="$user" -v s="$sys" -v r="$rss_kb" -v b="$3" -v t="$seconds" 'BEGIN {
    cpu = u + s
    printf "| %s | %.2f | %.3f | %.1f | %d | %d |\n", n, cpu, cpu * 60 / t, r / 1024, b, b * 60 / t
  }'
}
echo "Recorded ${seconds} s of sway headless 1920x1080, a Qt Quick client changing a 120x120 block once a second"
echo
echo "| recorder | CPU s | CPU s per recorded minute | peak RSS MB | output bytes | bytes per minute |"
echo "|---|---|---|---|---|---|"
row "sessionreplayd (1 fps, generic-pc x264)" "$work/ours.time" "$bytes_ours"
row "wf-recorder (damage mode, defaults)" "$work/wf.time" "$bytes_wf"
awk -v a="$(tail -n 1 "$work/ours.time" | awk '{print $1+$2}')" \
    -v b="$(tail -n 1 "$work/wf.time" | awk '{print $1+$2}')" \
    'BEGIN { if (a > 0) printf "\nCPU ratio wf-recorder / sessionreplayd: %.1f\n", b / a }'

#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and running the demo need.
# Idempotent: packages already present are left alone, and apt is not touched at all
# when nothing is missing. Must run as root (or through sudo).
set -euo pipefail

packages=(
  # toolchain
  cmake g++ make pkg-config clang-format
  # engine: config parsing
  libtomlplusplus-dev
  # platform/encode/gstreamer: appsrc, videoconvert, x264enc/openh264enc, h264parse, mp4mux
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-plugins-ugly gstreamer1.0-plugins-bad
  # platform/capture/wayland: client library, scanner and xdg-output from wayland-protocols
  libwayland-dev wayland-protocols
  # tests: CppUTest, an independent JSON parser, and an H.264 decoder to check the MP4s
  libcpputest-dev nlohmann-json3-dev gstreamer1.0-libav gstreamer1.0-tools
  # tests: real headless compositors (cage needs Xwayland even for Wayland clients) and a
  # real Qt Quick client
  cage sway weston xwayland
  qt6-base-dev qt6-declarative-dev qt6-wayland
  qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtqml-workerscript
  # tests/bench: a screen recorder to compare with, GNU time, inotifywait
  wf-recorder time inotify-tools
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

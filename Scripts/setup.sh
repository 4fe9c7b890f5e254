#!/usr/bin/env bash
# Installs what Tunesmith needs on a fresh Debian 12 machine (only what is missing), then builds the
# release `compose` binary at .build/release/compose. Safe to run again: it skips what is already there.
#
#   libfluidsynth-dev   FluidSynth synthesizer (rendering to audio)
#   libsndfile1-dev     audio file writing (WAV, FLAC, OGG)
#   libopenblas-dev     matrix products for the neural models
#   fluid-soundfont-gm  a free General MIDI SoundFont (MIT), so rendering works out of the box
#   abcmidi             abc2midi, the reference ABC interpreter our tests compare against
#
# Everything this script prints goes to stderr, so `Scripts/setup.sh && compose ... > song.mid` is clean.
set -euo pipefail
exec 3>&1 1>&2
cd "$(dirname "$0")/.."

packages=(libfluidsynth-dev libsndfile1-dev libopenblas-dev fluid-soundfont-gm abcmidi)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v swift >/dev/null || { echo "setup: Swift 6 is required (https://www.swift.org/install/linux/)"; exit 1; }
echo "setup: building compose (release)"
swift build -c release --product compose
echo "setup: done: .build/release/compose"

#!/bin/sh
# Benchmarks `compose render` against the fluidsynth CLI, and one core against two for a batch.
#
# Needs: a release build (`swift build -c release --product compose`), the fluidsynth CLI, hyperfine,
# fluid-soundfont-gm, and /work/shared/midi-samples (piano-midi.de files, see its README). No Python.
# Usage: Scripts/render/bench.sh [BUILD_DIR]   (default .build/release)
#
# The machine may be shared: the script prints `uptime` before and after so the load can be judged.
set -eu
BIN="${1:-.build/release}/compose"
SF2=/usr/share/sounds/sf2/FluidR3_GM.sf2
MIDI=/work/shared/midi-samples/piano-midi
A="$MIDI/Bach/bach_847.mid"
B="$MIDI/Bach/bach_850.mid"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

uptime
# 1. One file, same SoundFont and sample rate: in-process render (incl. trim/normalise/write) vs the CLI.
hyperfine -N -w 1 -r 5 \
  -n fluidsynth-cli "fluidsynth -ni -q -F $OUT/cli.wav -r 44100 $SF2 $A" \
  -n compose-render "$BIN render $A -o $OUT/compose.wav --soundfont $SF2 --sample-rate 44100"
# 2. Two files: one at a time vs both cores at once (one synthesizer per thread).
hyperfine -N -w 1 -r 5 \
  -n jobs-1 "$BIN render $A $B -o $OUT/j1/ --soundfont $SF2 --jobs 1" \
  -n jobs-2 "$BIN render $A $B -o $OUT/j2/ --soundfont $SF2 --jobs 2"
# The two batches must produce identical files.
cmp "$OUT/j1/bach_847.wav" "$OUT/j2/bach_847.wav" && cmp "$OUT/j1/bach_850.wav" "$OUT/j2/bach_850.wav" \
  && echo "jobs-1 and jobs-2 outputs are identical"
uptime

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
# 2. A batch on one core vs both (one synthesizer per thread). The two files are the same piece under two
#    names, so both cores have equal work (with files of unequal length the longer one bounds jobs-2), and
#    two separate processes rendering at once show what this machine allows for two cores at all.
cp "$A" "$OUT/copy.mid"
for SF in $SF2 /usr/share/sounds/sf2/TimGM6mb.sf2; do
  echo "SoundFont: $SF"
  hyperfine -N -w 1 -r 10 \
    -n jobs-1 "$BIN render $A $OUT/copy.mid -o $OUT/j1/ --soundfont $SF --jobs 1" \
    -n jobs-2 "$BIN render $A $OUT/copy.mid -o $OUT/j2/ --soundfont $SF --jobs 2" \
    -n two-processes "sh -c '$BIN render $A -o $OUT/p1.wav --soundfont $SF & $BIN render $OUT/copy.mid -o $OUT/p2.wav --soundfont $SF & wait'"
  # The two batches must produce identical files.
  cmp "$OUT/j1/bach_847.wav" "$OUT/j2/bach_847.wav" && cmp "$OUT/j1/copy.wav" "$OUT/j2/copy.wav" \
    && echo "jobs-1 and jobs-2 outputs are identical"
done
uptime

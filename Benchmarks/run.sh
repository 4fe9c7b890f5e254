#!/bin/sh
# Tunesmith's benchmarks beside the references in ../shared/anchors, in one run; writes BENCHMARKS.md.
#
#   Benchmarks/run.sh [--quick] [--attempts N] [--out FILE]
#
# Builds this package (Benchmarks/, release, in Benchmarks/.build) and the release `compose` binary, runs
# `swift package benchmark` target by target, each followed by its reference (torch_ref.py, torch_compose.py,
# midi_parse_ref.py, time_cmd.py around the fluidsynth CLI), keeps quiet measurements only (other
# processes' CPU share <= 0.10, retried up to N times, default 3), and writes the table of ratios with the
# machine, date, commit and every command to BENCHMARKS.md. Benchmarks/run.py has the details.
# Time taken here (2 shared cores, already built): --quick 12 min at load average 12-16; a full run with
# --attempts 1, 19 min at load average 5-13. On a quiet machine expect about 10-15 min for a full run, more
# when noisy measurements are retried (15 s apart). A first run also builds Tunesmith in release and
# ordo-one's tool (about 10 min here under load).
#
# Needs: Swift 6.1+, the apt packages of Scripts/setup.sh, fluidsynth (CLI), fluid-soundfont-gm,
# timgm6mb-soundfont, ../shared/{anchors,midi-samples,corpus-sources} (TUNESMITH_SHARED, ANCHORS override),
# and a Python with the references' packages: /work/venv/bin/python here, $PYTHON overrides; elsewhere
#   python3 -m venv .venv && .venv/bin/pip install 'torch==2.13.0+cpu' numpy mido pretty_midi symusic safetensors music21
# and PYTHON=.venv/bin/python Benchmarks/run.sh
set -eu
cd "$(dirname "$0")/.."
PY=${PYTHON:-/work/venv/bin/python}
exec "$PY" Benchmarks/run.py "$@"

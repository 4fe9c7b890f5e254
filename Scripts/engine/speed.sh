#!/bin/sh
# Cold-process speed of `compose --style folk --bars 16 > song.mid` (release build), beside the PyTorch
# anchor /work/shared/anchors/torch_compose.py in the same run, both timed by time_cmd.py (median wall and
# max RSS over the runs).
#
# Usage: Scripts/engine/speed.sh [WEIGHTS.safetensors] [RUNS]
#   WEIGHTS defaults to the shipped model. Python side: /work/venv/bin/python here; elsewhere
#   python3 -m venv .venv && .venv/bin/pip install 'torch==2.13.0+cpu' numpy mido pretty_midi symusic safetensors music21
set -eu
cd "$(dirname "$0")/../.."
WEIGHTS=${1:-Sources/Models/Resources/lstm.safetensors}
RUNS=${2:-11}
PY=${PYTHON:-/work/venv/bin/python}
ANCHORS=${ANCHORS:-/work/shared/anchors}
TUNESMITH_ONLY=Notation,MIDIFile,ABCNotation,Tokens,Corpus,NeuralCore,Models,Harmony,Rendering,Engine,Tunesmith,ComposeCLI,compose \
    swift build -c release --scratch-path .build-engine --product compose >/dev/null
BIN=$(pwd)/.build-engine/release/compose
OUT=$(mktemp -d)
"$PY" "$ANCHORS/time_cmd.py" --runs "$RUNS" --warmup 2 --label compose -- \
    sh -c "exec '$BIN' --style folk --bars 16 --weights '$WEIGHTS' > '$OUT/song.mid'" | tail -1
"$PY" "$ANCHORS/time_cmd.py" --runs 5 --warmup 1 --label torch_compose -- \
    "$PY" "$ANCHORS/torch_compose.py" --weights "$ANCHORS/lstm_weights.safetensors" --out "$OUT/torch.mid" | tail -1
rm -rf "$OUT"

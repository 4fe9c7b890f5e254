#!/bin/sh
# The composition engine's figures over many seeded generations per style (the table in
# Sources/Engine/README.md): bars exact, key and meter as requested, tonic endings, parallel fifths and
# octaves in the voicing, notes outside their instrument's range, novelty against the corpus index, and
# generated-versus-corpus melody statistics. Runs ComposerChecksTests in a release build.
#
# Usage: Scripts/engine/check.sh [WEIGHTS.safetensors] [RUNS_PER_STYLE]
#   WEIGHTS defaults to the shipped model (Sources/Models/Resources/lstm.safetensors); RUNS to 1000.
# Needs only the Swift toolchain (no Python).
set -eu
cd "$(dirname "$0")/../.."
WEIGHTS=${1:-Sources/Models/Resources/lstm.safetensors}
RUNS=${2:-1000}
[ -f "$WEIGHTS" ] || { echo "check.sh: no model at $WEIGHTS; pass a .safetensors file" >&2; exit 1; }
export TUNESMITH_ONLY=Notation,MIDIFile,ABCNotation,Tokens,Corpus,NeuralCore,Models,Harmony,Rendering,Engine
export ENGINE_WEIGHTS="$(realpath "$WEIGHTS")" ENGINE_CHECK_RUNS="$RUNS"
echo "model: $ENGINE_WEIGHTS, $RUNS runs per style"
start=$(date +%s)
swift test -c release -Xswiftc -enable-testing --scratch-path .build-engine-check --filter ComposerChecksTests \
    > .build-engine-check.log 2>&1 || status=$?
grep -E '^\|' .build-engine-check.log
grep -E '✘|Test run with' .build-engine-check.log | head -20
echo "wall: $(( $(date +%s) - start )) s (build included)"
exit ${status:-0}

#!/usr/bin/env bash
# Runs the concurrency tests under ThreadSanitizer and fails on any TSan report.
#
#   Scripts/tsan.sh [FILTER]     FILTER (a `swift test --filter` pattern) defaults to every test that runs
#                                the package's code on several threads:
#     ComposerConcurrencyTests      Engine: 8 jobs composing and rendering on 4 threads vs serially
#     MIDIRendererBatchTests        Rendering: render(_:concurrency:)
#     ForkJoinPair tests, two*ThreadsSampleTheSameTokensAsOne, shardedSteps…, shardedTransformerSteps…
#                                   NeuralCore: the stepping worker thread and sharded LSTM training
#
# The build goes to its own scratch path (.build-tsan: a sanitized build shares nothing with .build) and,
# through TUNESMITH_ONLY, holds only the modules these tests need. A first build takes minutes.
# The C libraries (libfluidsynth, libsndfile, OpenBLAS, glib) are not instrumented; TSan still sees their
# calls to intercepted functions (malloc, memcpy, pthread_*). No suppressions are needed (none are used):
# a report from them would be printed and fail this script like any other.
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${1:-ComposerConcurrencyTests|MIDIRendererBatchTests|bothPartsRunAndMeetAtEverySync|aWorkerThatBlockedWakesForTheNextJob|droppingPairsEndsTheirThreads|ThreadsSampleTheSameTokensAsOne|shardedStepsMatchTheWholeBatch|shardedTransformerStepsMatchTheWholeBatch}"
export TUNESMITH_ONLY=Notation,MIDIFile,ABCNotation,NeuralCore,Rendering,Harmony,Tokens,Corpus,Models,Engine
# halt_on_error=0: list every race, not just the first; the process still exits non-zero when any was found.
export TSAN_OPTIONS="halt_on_error=0 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
swift test --sanitize=thread --scratch-path .build-tsan --filter "$filter" 2>&1 | tee "$log" || status=$?
reports=$(grep -c "WARNING: ThreadSanitizer" "$log" || true)
tests=$(grep -Eo "Test run with [0-9]+ tests?" "$log" | tail -1 || true)
echo "tsan: $reports ThreadSanitizer report(s); ${tests:-no test run}; swift test exit status $status" >&2
[ "$reports" -eq 0 ] && [ "$status" -eq 0 ]

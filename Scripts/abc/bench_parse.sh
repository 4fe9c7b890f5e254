#!/usr/bin/env bash
# Speed of the ABC reader on the whole shared corpus (4,433 tunes), release build, one thread.
# Prints the thread CPU time of ABCTunebook(bytes:) over all corpus files (best of 5) and fails when it
# is 0.5 s or more (the target in issue 2). Needs no Python.
#   Scripts/abc/bench_parse.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(TUNESMITH_ABC_BENCH=1 swift test -c release --scratch-path .build-abc-release \
      --filter benchmarkCorpusParse 2>&1 | grep -E '^(ABC corpus|parse:)|error|✘' || true)
echo "$out"
seconds=$(echo "$out" | sed -n 's/^parse: \([0-9.]*\) s CPU.*/\1/p')
[ -n "$seconds" ] || { echo "benchmark did not run"; exit 2; }
awk -v s="$seconds" 'BEGIN { exit !(s < 0.5) }' && echo "OK: under 0.5 s" || { echo "SLOW: $seconds s >= 0.5 s"; exit 1; }

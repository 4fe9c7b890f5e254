#!/usr/bin/env bash
# Runs every test: the package's unit and integration tests (Swift Testing), then builds the example
# package under Examples/ that uses Tunesmith as a library, and runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
swift test --skip-build
echo "test: building Examples/LibraryUsage (a separate package that depends on Tunesmith by path)" >&2
swift build --package-path Examples/LibraryUsage >&2
Examples/LibraryUsage/.build/debug/library-usage "$(mktemp -d)/example.mid" >&2
if [ "${CI:-}" = true ]; then Scripts/fuzz/run.sh all 15 >&2; fi  # CI: 15 s of libFuzzer+ASan per reader; non-zero on a crash

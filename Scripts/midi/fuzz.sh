#!/usr/bin/env bash
# Fuzz the MIDIFile reader/writer with libFuzzer + AddressSanitizer (recipe from ../shared/toolchain.md §5),
# seeded with the sample corpus. Builds outside SwiftPM into .build-midi/fuzz (Package.swift is shared).
#   Scripts/midi/fuzz.sh [seconds=60]
# Exit 0: no crash in the time given. A crash leaves crash-<sha> in .build-midi/fuzz and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
max_len="${FUZZ_MAX_LEN:-65536}"  # smaller (e.g. 2048) explores headers and short tracks faster
out=.build-midi/fuzz
mkdir -p "$out/corpus"
# Notation without instrumentation; MIDIFile and the entry point with coverage and ASan.
swiftc -parse-as-library -O -emit-library -static -emit-module -module-name Notation \
    -emit-module-path "$out/Notation.swiftmodule" Sources/Notation/*.swift -o "$out/libNotation.a"
swiftc -parse-as-library -O -sanitize=fuzzer,address -emit-library -static -emit-module -module-name MIDIFile \
    -I "$out" -emit-module-path "$out/MIDIFile.swiftmodule" Sources/MIDIFile/*.swift -o "$out/libMIDIFile.a"
swiftc -parse-as-library -O -sanitize=fuzzer,address -use-ld=lld -I "$out" Scripts/midi/fuzz_reader.swift \
    "$out/libMIDIFile.a" "$out/libNotation.a" -o "$out/fuzz-midi"
# Seeds: the small sample files (≤ 20 kB) copied once.
if [ -z "$(ls -A "$out/corpus")" ]; then
    find ../shared/midi-samples -iname '*.mid' -size -20k -exec cp {} "$out/corpus/" \; || true
fi
cd "$out"
SWIFT_BACKTRACE=enable=no ./fuzz-midi -max_total_time="$seconds" -max_len="$max_len" -print_final_stats=1 corpus/

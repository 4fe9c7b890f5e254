#!/usr/bin/env bash
# Fuzz the MIDIFile reader/writer: kept for the command in Sources/MIDIFile/README.md; the fuzz targets now
# live in Scripts/fuzz/ (see Scripts/fuzz/README.md), built into .build-fuzz/.
#   Scripts/midi/fuzz.sh [seconds=60]
exec "$(dirname "$0")/../fuzz/run.sh" midi "${1:-60}" -max_len="${FUZZ_MAX_LEN:-65536}"

#!/usr/bin/env bash
# Builds and runs the libFuzzer + AddressSanitizer fuzz targets (recipe from ../shared/toolchain.md §5).
#
#   Scripts/fuzz/run.sh TARGET [SECONDS] [LIBFUZZER FLAGS...]
#     TARGET   midi | abc | motif | safetensors | all (all: each target in turn, SECONDS each)
#     SECONDS  run time per target (default 60)
#     flags    passed to libFuzzer after the defaults, e.g. -runs=10000000 -max_len=65536 (default 4096)
#
# Builds outside SwiftPM (Package.swift is shared) into .build-fuzz/: the modules each target reads with
# are compiled once with coverage and ASan into .build-fuzz/lib (rebuilt only when their sources change),
# then each entry point (Scripts/fuzz/fuzz_TARGET.swift) is linked into .build-fuzz/TARGET/fuzz-TARGET.
# Each target's corpus (.build-fuzz/TARGET/corpus) is seeded from real files on first use.
#
# Every run uses -timeout=1 (an input slower than 1 s is a failure) and -rss_limit_mb=2048.
# Exit 0: no crash, slow input or out-of-memory in the time given. Otherwise libFuzzer leaves
# crash-/timeout-/oom-<sha1> in .build-fuzz/TARGET/ and this script exits non-zero, naming the file.
# (A timeout caused by other processes' load is re-checked and does not stop the run; see fuzz() below.)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
target="${1:?usage: Scripts/fuzz/run.sh midi|abc|motif|safetensors|all [SECONDS] [LIBFUZZER FLAGS...]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))
out="${FUZZ_BUILD_DIR:-$root/.build-fuzz}"   # FUZZ_BUILD_DIR: another folder, e.g. for a clean build
lib="$out/lib"
mkdir -p "$lib"
sanitize=(-sanitize=fuzzer,address)
blas=(-I "$root/Sources/COpenBLAS" -Xcc -I/usr/include/x86_64-linux-gnu/openblas-pthread -I "$root/Sources/CNeuralKernels/include")

# build_module NAME INSTRUMENT(yes|no) [DEPENDENCY...]: Sources/NAME/*.swift -> lib/libNAME.a + NAME.swiftmodule
build_module() {
    local name="$1" instrument="$2"; shift 2
    local archive="$lib/lib$name.a" stale=no dep
    if [ ! -f "$archive" ] || [ -n "$(find "Sources/$name" -name '*.swift' -newer "$archive" | head -1)" ]; then stale=yes; fi
    for dep in "$@"; do [ "$lib/lib$dep.a" -nt "$archive" ] && stale=yes; done
    [ "$stale" = yes ] || return 0
    echo "fuzz: compiling $name" >&2
    local flags=(-parse-as-library -O -wmo -emit-library -static -emit-module -module-name "$name" -I "$lib"
                 -emit-module-path "$lib/$name.swiftmodule")
    [ "$instrument" = yes ] && flags+=("${sanitize[@]}")
    [ "$name" = NeuralCore ] && flags+=("${blas[@]}")
    swiftc "${flags[@]}" "Sources/$name"/*.swift -o "$archive"
    if [ "$name" = NeuralCore ]; then   # its C kernels (CNeuralKernels), linked beside the archive
        local c objects=()
        for c in Sources/CNeuralKernels/*.c; do
            clang -O2 -c -fsanitize=address -I Sources/CNeuralKernels/include "$c" -o "$lib/$(basename "$c" .c).o"
            objects+=("$lib/$(basename "$c" .c).o")
        done
        ld -r "${objects[@]}" -o "$lib/CNeuralKernels.o"
    fi
}

# link TARGET SOURCES... MODULES...: the entry point (plus any extra sources) against the archives.
link() {
    local name="$1"; shift
    local sources=() archives=() arg
    for arg in "$@"; do
        case "$arg" in
            *.swift) sources+=("$arg") ;;
            NeuralCore) archives+=("$lib/libNeuralCore.a" "$lib/CNeuralKernels.o") ;;
            *) archives+=("$lib/lib$arg.a") ;;
        esac
    done
    mkdir -p "$out/$name"
    local binary="$out/$name/fuzz-$name" stale=no
    [ -f "$binary" ] || stale=yes
    for arg in "$root/Scripts/fuzz/run.sh" "${sources[@]}" "${archives[@]}"; do [ "$arg" -nt "$binary" ] && stale=yes; done
    [ "$stale" = yes ] || return 0
    echo "fuzz: linking fuzz-$name" >&2
    swiftc -parse-as-library -O "${sanitize[@]}" -use-ld=lld -module-name "Fuzz_$name" -I "$lib" "${blas[@]}" \
        "${sources[@]}" "${archives[@]}" -L/usr/lib/x86_64-linux-gnu/openblas-pthread -lopenblas -o "$out/$name/fuzz-$name"
}

# seed TARGET: fill .build-fuzz/TARGET/corpus from real files once (the fuzzer adds to it afterwards).
seed() {
    local corpus="$out/$1/corpus"
    mkdir -p "$corpus"
    [ -z "$(ls -A "$corpus")" ] || return 0
    case "$1" in
        midi)
            find ../shared/midi-samples -iname '*.mid' -size -20k -exec cp {} "$corpus/" \; 2>/dev/null || true
            cp Examples/motifs/*.mid "$corpus/" 2>/dev/null || true ;;
        abc)
            # one tune per file: every 40th tune of each corpus file, plus the example tunes
            awk -v dir="$corpus" 'FNR == 1 { base = FILENAME; sub(/.*\//, "", base) }
                /^X:/ { n++; keep = (n % 40 == 1); name = dir "/" base "-" n ".abc" }
                keep { print > name }' Corpus/*.abc
            cp Examples/tunes/*.abc "$corpus/" 2>/dev/null || true ;;
        motif)
            cp Examples/motif*.abc "$corpus/" 2>/dev/null || true
            cp Examples/motifs/* "$corpus/" 2>/dev/null || true
            find ../shared/midi-samples -iname '*.mid' -size -3k -print0 2>/dev/null | sort -z | head -z -n 8 | xargs -0 -r cp -t "$corpus/"
            local i=0 line
            while IFS= read -r line; do [[ "$line" == "#"* ]] || { i=$((i + 1)); printf "%s" "$line" > "$corpus/notes-$i.txt"; }; done \
                < Scripts/fuzz/seeds/motif-notes.txt ;;
        safetensors)
            cp Scripts/fuzz/seeds/*.safetensors Tests/NeuralCoreTests/Fixtures/*.safetensors "$corpus/"
            cp Sources/Models/Resources/lstm.safetensors "$corpus/" ;;
    esac
}

build() {
    case "$1" in
        midi)
            build_module Notation yes; build_module MIDIFile yes Notation
            link midi Scripts/fuzz/fuzz_midi.swift MIDIFile Notation ;;
        abc)
            build_module Notation yes; build_module ABCNotation yes Notation
            link abc Scripts/fuzz/fuzz_abc.swift ABCNotation Notation ;;
        motif)
            # The Engine module needs every other module; its motif reader needs only these files.
            build_module Notation yes; build_module MIDIFile yes Notation; build_module ABCNotation yes Notation
            build_module Tokens yes Notation; build_module Harmony no Notation
            link motif Scripts/fuzz/fuzz_motif.swift Sources/Engine/Motif.swift Sources/Engine/Motif+Reading.swift \
                Sources/Engine/EngineError.swift Tokens Harmony ABCNotation MIDIFile Notation ;;
        safetensors)
            build_module NeuralCore yes
            link safetensors Scripts/fuzz/fuzz_safetensors.swift NeuralCore ;;
        *) echo "fuzz: unknown target '$1' (midi, abc, motif, safetensors, all)" >&2; exit 64 ;;
    esac
}

# recheck TARGET INPUT: the least CPU time (user + sys, ms) of three lone runs of INPUT, process start
# included. CPU time, unlike the wall-clock time libFuzzer's -timeout measures, is not stretched by other
# processes' load; a run that used less than the limit in CPU time shows the input is not slow.
recheck() {
    local best=999999 ms k TIMEFORMAT='%U %S'
    for k in 1 2 3; do
        ms=$( { time (cd "$out/$1" && SWIFT_BACKTRACE=enable=no ./"fuzz-$1" -runs=1 -timeout=10 "$2" >/dev/null 2>&1); } 2>&1 |
            awk '{ printf "%d", ($1 + $2) * 1000 }')
        [ -n "$ms" ] && [ "$ms" -lt "$best" ] && best=$ms
    done
    echo "$best"
}

# fuzz TARGET [FLAGS...]: build, seed, run. A crash, an out-of-memory or a truly slow input stops it with
# a non-zero exit naming the saved input. A timeout whose input re-runs alone in under 1 s of CPU time (the
# issue's bound for a slow input, here under ASan and coverage instrumentation, process start included)
# was the machine's load (libFuzzer's -timeout is wall-clock time, and this machine's cores are shared):
# the input is kept in load-timeouts/, "fuzz: ... load-induced" is printed, and fuzzing goes on for the
# time that is left.
fuzz() {
    local name="$1" dict=() status start left="$seconds" artifact ms
    build "$name"
    seed "$name"
    case "$name" in abc|motif) dict=(-dict="$root/Scripts/fuzz/abc.dict") ;; safetensors) dict=(-dict="$root/Scripts/fuzz/json.dict") ;; esac
    while :; do
        echo "fuzz: $name for ${left}s ${*:2}" >&2
        start=$(date +%s); status=0
        (cd "$out/$name" && SWIFT_BACKTRACE=enable=no ./"fuzz-$name" -max_total_time="$left" -timeout=1 \
            -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 "${dict[@]}" "${@:2}" corpus/) || status=$?
        [ "$status" -eq 0 ] && return 0
        artifact=$(ls -t "$out/$name" | grep -E '^(crash|timeout|oom|leak|slow-unit)-' | head -1 || true)
        if [ "$status" -eq 70 ] && [[ "$artifact" == timeout-* ]]; then
            ms=$(recheck "$name" "$artifact")
            if [ "$ms" -lt 1000 ]; then
                mkdir -p "$out/$name/load-timeouts" && mv "$out/$name/$artifact" "$out/$name/load-timeouts/"
                echo "fuzz: $name: timeout on $artifact was load-induced (alone it takes $ms ms of CPU, process start included); continuing" >&2
                left=$(( left - ($(date +%s) - start) ))
                [ "$left" -gt 0 ] && continue
                return 0
            fi
            echo "fuzz: $name: $artifact is slow even alone (best of 3: $ms ms of CPU)" >&2
        fi
        echo "fuzz: $name FAILED (exit $status); input: $out/$name/$artifact" >&2
        return "$status"
    done
}

main() {
    if [ "$target" = all ]; then
        for t in midi abc motif safetensors; do fuzz "$t" "$@"; done
    else
        fuzz "$target" "$@"
    fi
}
# On one line, so editing this file while a long run is going cannot change what the run does next.
main "$@"; exit $?

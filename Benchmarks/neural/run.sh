#!/bin/bash
# NeuralCore speed harness beside PyTorch, in the same run.
#
#   Benchmarks/neural/run.sh [REPEATS]
#
# Builds Benchmarks/neural/main.swift together with Sources/NeuralCore (one module, -Ounchecked,
# whole-module) into .build-neural/neural-bench, then alternates, REPEATS times each (default 3):
#   neural-bench train 1|2 (the batch in 1 or 2 row groups on as many threads, as compose train does),
#   neural-bench train-blas 2 (whole batch, OpenBLAS's threads), neural-bench gen 1|2 (the C matrix-vector
#   kernels, 1 or 2 threads stepping the sequence), neural-bench gen-simd 1 (the Swift SIMD loop), gen-blas 1 (sgemv),
#   /work/venv/bin/python /work/shared/anchors/torch_ref.py --only lstm:train|lstm:gen --repeats 1 --threads 2
# printing `uptime` before each so the load is on record (the machine is shared).
# Like torch_ref.py, each of our measurements is repeated until it is quiet (other processes used
# ≤ 0.10 of the machine's CPU while it was timed), at most NEURAL_BENCH_ATTEMPTS times (default 3
# here); torch_ref.py is run with --repeats 1 --max-attempts $NEURAL_BENCH_ATTEMPTS likewise.
# NeuralCore is compiled with the code-generation flag its Package.swift target names, if any
# (`"-target-cpu", "haswell"`: AVX2), so the harness measures what the package builds.
# Venv for torch_ref.py: python3 -m venv .venv && .venv/bin/pip install 'torch==2.13.0+cpu' numpy safetensors
set -euo pipefail
cd "$(dirname "$0")/../.."
REPEATS=${1:-3}
export NEURAL_BENCH_ATTEMPTS=${NEURAL_BENCH_ATTEMPTS:-3}
PY=${PYTHON:-/work/venv/bin/python}
BIN=.build-neural/neural-bench
mkdir -p .build-neural
CPU_FLAGS=$(grep -o '"-target-cpu", "[a-z0-9-]*"' Package.swift | head -1 | tr -d '",' || true)
echo "# NeuralCore flags: -Ounchecked ${CPU_FLAGS:-(baseline target)}"
for c in Sources/CNeuralKernels/*.c; do   # the C kernels, one relocatable object
    clang -O2 -c -I Sources/CNeuralKernels/include "$c" -o ".build-neural/$(basename "$c" .c).o"
done
ld -r .build-neural/MatrixVector.o .build-neural/TrainingMemory.o -o .build-neural/CNeuralKernels.o
swiftc -Ounchecked $CPU_FLAGS -wmo -module-name NeuralBench -I Sources/COpenBLAS -I Sources/CNeuralKernels/include \
    -Xcc -I/usr/include/x86_64-linux-gnu/openblas-pthread \
    Sources/NeuralCore/*.swift .build-neural/CNeuralKernels.o Benchmarks/Sources/BenchSupport/LoadProbe.swift Benchmarks/neural/main.swift -o "$BIN"
for r in $(seq 1 "$REPEATS"); do
    for threads in 1 2; do
        echo "# uptime: $(uptime)"; "$BIN" train "$threads"
    done
    echo "# uptime: $(uptime)"; "$BIN" train-blas 2   # the whole batch, OpenBLAS's own 2 threads (for comparison)
    echo "# uptime: $(uptime)"
    "$PY" /work/shared/anchors/torch_ref.py --only lstm:train --repeats 1 --max-attempts "$NEURAL_BENCH_ATTEMPTS" --threads 2 | grep '"bench"'
    for threads in 1 2; do
        echo "# uptime: $(uptime)"; "$BIN" gen "$threads"
    done
    echo "# uptime: $(uptime)"; "$BIN" gen-simd 1
    echo "# uptime: $(uptime)"; "$BIN" gen-blas 1
    echo "# uptime: $(uptime)"
    "$PY" /work/shared/anchors/torch_ref.py --only lstm:gen --repeats 1 --max-attempts "$NEURAL_BENCH_ATTEMPTS" --threads 2 | grep '"bench"'
done

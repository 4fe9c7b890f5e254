#!/bin/bash
# NeuralCore transformer speed beside torch_ref.py's transformer, in the same run.
#
#   Benchmarks/neural/run_transformer.sh [REPEATS] [MODEL_FILE]
#
# Builds Benchmarks/neural/transformer/main.swift together with Sources/NeuralCore (one module, -Ounchecked,
# whole-module) into .build-neural/transformer-bench, then alternates, REPEATS times each (default 2), with
# 2 threads on both sides:
#   transformer-bench train 2, torch_ref.py --only transformer:train,
#   transformer-bench gen 1 and gen 2 (1 or 2 threads stepping the sequence), torch_ref.py --only transformer:gen_kvcache
# and, when MODEL_FILE is given (e.g. Sources/Models/Resources/transformer.safetensors), that model's
# training and sampling speed. `uptime` is printed before each run and every line carries
# other_procs_cpu_share (the machine is shared); torch_ref.py runs with --quiet-threshold 0 (accept every
# run: on this machine a quiet run may never come) and --repeats 1.
# NeuralCore is compiled with the code-generation flag its Package.swift target names, if any
# (`"-target-cpu", "haswell"`: AVX2), so the harness measures what the package builds.
# Venv for torch_ref.py: python3 -m venv .venv && .venv/bin/pip install 'torch==2.13.0+cpu' numpy safetensors
set -euo pipefail
cd "$(dirname "$0")/../.."
REPEATS=${1:-2}
FILE=${2:-}
PY=${PYTHON:-/work/venv/bin/python}
BIN=.build-neural/transformer-bench
mkdir -p .build-neural
CPU_FLAGS=$(grep -o '"-target-cpu", "[a-z0-9-]*"' Package.swift | head -1 | tr -d '",' || true)
echo "# NeuralCore flags: -Ounchecked ${CPU_FLAGS:-(baseline target)}"
for c in Sources/CNeuralKernels/*.c; do   # the C kernels, one relocatable object
    clang -O2 -c -I Sources/CNeuralKernels/include "$c" -o ".build-neural/$(basename "$c" .c).o"
done
ld -r .build-neural/MatrixVector.o .build-neural/TrainingMemory.o -o .build-neural/CNeuralKernels.o
swiftc -Ounchecked $CPU_FLAGS -wmo -module-name TransformerBench -I Sources/COpenBLAS -I Sources/CNeuralKernels/include \
    -Xcc -I/usr/include/x86_64-linux-gnu/openblas-pthread \
    Sources/NeuralCore/*.swift .build-neural/CNeuralKernels.o Benchmarks/Sources/BenchSupport/LoadProbe.swift Benchmarks/neural/transformer/main.swift -o "$BIN"
for r in $(seq 1 "$REPEATS"); do
    echo "# uptime: $(uptime)"; "$BIN" train 2
    echo "# uptime: $(uptime)"; "$BIN" train-blas 2   # whole batch, OpenBLAS's own threads (comparison)
    echo "# uptime: $(uptime)"
    "$PY" /work/shared/anchors/torch_ref.py --only transformer:train --repeats 1 --quiet-threshold 0 --threads 2 | grep '"bench"'
    echo "# uptime: $(uptime)"; "$BIN" gen 1
    echo "# uptime: $(uptime)"; "$BIN" gen 2
    echo "# uptime: $(uptime)"
    "$PY" /work/shared/anchors/torch_ref.py --only transformer:gen_kvcache --repeats 1 --quiet-threshold 0 --threads 2 | grep '"bench"'
    if [ -n "$FILE" ]; then
        echo "# uptime: $(uptime)"; "$BIN" train 2 10 2 "$FILE"
        echo "# uptime: $(uptime)"; "$BIN" gen 2 1024 "$FILE"
    fi
done

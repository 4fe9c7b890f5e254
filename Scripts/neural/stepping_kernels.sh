#!/bin/sh
# How fast NeuralCore's C kernels read weights from this CPU's caches and memory, and the LSTM's recurrent
# product at the shapes it trains with (one thread): the evidence behind Benchmarks/neural/README.md's
# weight-stream bound on batch-1 stepping.
#   Scripts/neural/stepping_kernels.sh
set -eu
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
clang -O2 -I Sources/CNeuralKernels/include Scripts/neural/stepping_kernels.c Sources/CNeuralKernels/MatrixVector.c -lm \
    -o "$out/stepping-kernels"
for bytes in 440000 1300000 4000000 28000000 200000000; do "$out/stepping-kernels" matvec "$bytes"; done
"$out/stepping-kernels" gemm 16 1024 256   # forward: h (B/2, H) · W_hhᵀ (H, 4H), batch 32 in 2 row groups
"$out/stepping-kernels" gemm 16 256 1024   # backward: dGates (B/2, 4H) · W_hh (4H, H)

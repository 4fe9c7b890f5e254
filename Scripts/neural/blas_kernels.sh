#!/bin/sh
# Single-thread sgemm speed (GFLOP/s of thread CPU time) of OpenBLAS's kernel families on this CPU, at the
# shapes the LSTM trains with: the evidence behind NeuralCore/OpenBLASLibrary.swift's kernel choice.
#   Scripts/neural/blas_kernels.sh [CORETYPE...]   (default: Haswell SkylakeX Cooperlake)
set -eu
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
gcc -O2 Scripts/neural/blas_kernels.c -o "$out/blas-kernels" -lopenblas
for core in ${*:-Haswell SkylakeX Cooperlake}; do OPENBLAS_CORETYPE=$core "$out/blas-kernels"; done

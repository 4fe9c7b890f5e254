// Speed of NeuralCore's C kernels on this CPU, one thread (Scripts/neural/stepping_kernels.sh builds and runs it):
//   matvec BYTES      tunesmith_matvec on 576 × 192 matrices taken in turn from a working set of BYTES (about):
//                     GMAC/s and GB/s of weights read, i.e. how fast stepping reads weights from L2, L3 or DRAM
//   gemm M N K        tunesmith_gemm_accumulate (B packed once) at every level: µs per product and GMAC/s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "NeuralKernels.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int matvec(long bytes) {
    const long rows = 576, n = 192, size = rows * n;
    long count = bytes / 4 / size;
    if (count < 1) count = 1;
    float *w = aligned_alloc(64, count * size * 4), x[192], y[576], b[576] = {0};
    if (!w) return 1;
    for (long i = 0; i < count * size; i++) w[i] = (float)(i % 7) * 0.01f;
    for (int i = 0; i < 192; i++) x[i] = (float)i * 0.001f;
    const int level = tunesmith_kernel_level_available();
    const long iterations = 2000000000L / size;
    for (long it = 0; it < count; it++) tunesmith_matvec(level, w + it * size, rows, n, x, b, y);   // warm
    const double t0 = now();
    for (long it = 0; it < iterations; it++) tunesmith_matvec(level, w + (it % count) * size, rows, n, x, b, y);
    const double dt = now() - t0;
    printf("matvec: working set %.2f MB, level %d: %.2f GMAC/s, %.1f GB/s of weights\n", count * size * 4 / 1e6, level,
           iterations * size / dt / 1e9, iterations * size * 4 / dt / 1e9);
    free(w);
    return 0;
}

static int gemm(long m, long n, long k) {
    const long lda = k + 3, ldc = n + 5;
    float *a = malloc(m * lda * 4), *b = malloc(k * n * 4), *c = malloc(m * ldc * 4);
    float *packed = malloc(tunesmith_gemm_packed_size(n, k) * 4);
    if (!a || !b || !c || !packed) return 1;
    for (long i = 0; i < m * lda; i++) a[i] = (float)(i % 13) * 0.01f - 0.05f;
    for (long i = 0; i < k * n; i++) b[i] = (float)(i % 11) * 0.01f - 0.05f;
    tunesmith_gemm_pack(n, k, b, n, 1, packed);
    for (int level = 0; level <= tunesmith_kernel_level_available(); level++) {
        memset(c, 0, m * ldc * 4);
        const long repeats = 200;
        tunesmith_gemm_accumulate(level, m, n, k, a, lda, packed, c, ldc);   // warm
        const double t0 = now();
        for (long r = 0; r < repeats; r++) tunesmith_gemm_accumulate(level, m, n, k, a, lda, packed, c, ldc);
        const double dt = (now() - t0) / repeats;
        printf("gemm %ld × %ld × %ld, level %d (fused %d): %.1f µs, %.1f GMAC/s\n", m, n, k, level,
               tunesmith_gemm_fused(level), dt * 1e6, m * n * k / dt / 1e9);
    }
    free(a); free(b); free(c); free(packed);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "matvec") == 0) return matvec(atol(argv[2]));
    if (argc == 5 && strcmp(argv[1], "gemm") == 0) return gemm(atol(argv[2]), atol(argv[3]), atol(argv[4]));
    fprintf(stderr, "usage: stepping-kernels matvec BYTES | gemm M N K\n");
    return 2;
}

// Matrix-vector kernels (see include/NeuralKernels.h).
//
// One row's arithmetic, the same at every level and for any block of rows:
//   acc (16 lanes) = 0;  for each full chunk of 16 columns: acc = acc + W[r, chunk] * x[chunk]  (two roundings)
//   s = ((acc[0..8] + acc[8..16]) halved twice more, then lane 0 + lane 1);  s = s + W[r, j] * x[j] for the tail
//   y[r] = bias[r] + s
// Only how many rows share one pass over x (the block) changes with the level, to fit its registers.
// The gemm at the end fuses its multiply-adds explicitly (__builtin_elementwise_fma) at the AVX2 and AVX-512
// levels; nothing else is contracted.
#include "NeuralKernels.h"

#pragma clang fp contract(off)
// the 16-lane helpers below are always inlined into each level's functions, so no vector crosses a call
#pragma clang diagnostic ignored "-Wpsabi"

typedef float f16v __attribute__((ext_vector_type(16)));
typedef float f8v __attribute__((ext_vector_type(8)));
typedef float f4v __attribute__((ext_vector_type(4)));
typedef float f2v __attribute__((ext_vector_type(2)));

#define INLINE static inline __attribute__((always_inline))

INLINE f16v load16(const float *p) {
    f16v v;
    __builtin_memcpy(&v, p, sizeof v);
    return v;
}

INLINE float reduce16(f16v a) {
    f8v s8 = a.lo + a.hi;
    f4v s4 = s8.lo + s8.hi;
    f2v s2 = s4.lo + s4.hi;
    return s2.x + s2.y;
}

// Rows [r0, r0 + R) (row r at w + r · ld) for V (1 or 2) vectors: xs, biases (or NULL: no bias) and ys
// hold V pointers each.
INLINE void block(const float *w, long n, long ld, long r0, int R, int V,
                  const float *const *xs, const float *const *biases, float *const *ys) {
    f16v acc[2][8];
#pragma clang loop unroll(full)
    for (int v = 0; v < V; v++)
#pragma clang loop unroll(full)
        for (int i = 0; i < R; i++) acc[v][i] = (f16v)0;
    const long wide = n & ~15L;
    for (long j = 0; j < wide; j += 16) {
        f16v xv[2];
#pragma clang loop unroll(full)
        for (int v = 0; v < V; v++) xv[v] = load16(xs[v] + j);
#pragma clang loop unroll(full)
        for (int i = 0; i < R; i++) {
            const f16v wv = load16(w + (r0 + i) * ld + j);
#pragma clang loop unroll(full)
            for (int v = 0; v < V; v++) {
                const f16v product = wv * xv[v];
                acc[v][i] = acc[v][i] + product;
            }
        }
    }
#pragma clang loop unroll(full)
    for (int v = 0; v < V; v++)
#pragma clang loop unroll(full)
        for (int i = 0; i < R; i++) {
            const float *row = w + (r0 + i) * ld;
            float s = reduce16(acc[v][i]);
            for (long j = wide; j < n; j++) s = s + row[j] * xs[v][j];
            ys[v][r0 + i] = biases ? biases[v][r0 + i] + s : s;
        }
}

// out[16 · c ..< 16 · (c + 1)] for chunks c < C (1 to 4) = Σⱼ (weights[j] · inverse) · v_j, in j order.
INLINE void mix(const float *weights, float inverse, const float *values, long stride, long count, int C, float *out) {
    f16v acc[4];
#pragma clang loop unroll(full)
    for (int c = 0; c < C; c++) acc[c] = (f16v)0;
    for (long j = 0; j < count; j++) {
        const float alpha = weights[j] * inverse;
#pragma clang loop unroll(full)
        for (int c = 0; c < C; c++) {
            const f16v product = alpha * load16(values + j * stride + 16 * c);
            acc[c] = acc[c] + product;
        }
    }
#pragma clang loop unroll(full)
    for (int c = 0; c < C; c++) __builtin_memcpy(out + 16 * c, &acc[c], sizeof acc[c]);
}

// LayerNorm of one row of n features (see the header).
INLINE void layer_norm(const float *x, const float *w, const float *b, float *y, long n) {
    const long wide = n & ~15L;
    f16v acc = (f16v)0;
    for (long j = 0; j < wide; j += 16) acc = acc + load16(x + j);
    float sum = reduce16(acc);
    for (long j = wide; j < n; j++) sum = sum + x[j];
    const float mean = sum / (float)n;
    acc = (f16v)0;
    for (long j = 0; j < wide; j += 16) {
        const f16v d = load16(x + j) - mean;
        const f16v square = d * d;
        acc = acc + square;
    }
    float sq = reduce16(acc);
    for (long j = wide; j < n; j++) {
        const float d = x[j] - mean;
        const float square = d * d;
        sq = sq + square;
    }
    const float rstd = 1.0f / __builtin_sqrtf(sq / (float)n + 1e-5f);
    for (long j = 0; j < wide; j += 16) {
        const f16v scaled = (load16(x + j) - mean) * rstd;
        const f16v weighted = scaled * load16(w + j);
        const f16v out = weighted + load16(b + j);
        __builtin_memcpy(y + j, &out, sizeof out);
    }
    for (long j = wide; j < n; j++) {
        const float scaled = (x[j] - mean) * rstd;
        const float weighted = scaled * w[j];
        y[j] = weighted + b[j];
    }
}

// e^x, lane by lane as NeuralCore's Activation.exp: n = round(x log2 e) by the 1.5 · 2²³ trick, r = x − n ln 2
// (two parts), a degree-6 polynomial, times 2ⁿ built in the exponent bits. Every product and sum rounded.
INLINE f16v exp16(f16v v) {
    typedef unsigned u16v __attribute__((ext_vector_type(16)));
    f16v x = v < -87.3f ? (f16v)-87.3f : v;
    x = x > 88.3f ? (f16v)88.3f : x;
    const f16v magic = (f16v)12582912.0f;
    const f16v scaled = x * 1.44269504f;
    const f16v t = scaled + magic;
    const f16v n = t - magic;
    const f16v high = n * 0.693359375f, low = n * 2.1219444e-4f;
    const f16v r = (x - high) + low;
    f16v p = (f16v)1.98756915e-4f;
    p = p * r; p = p + 1.39819995e-3f;
    p = p * r; p = p + 8.3334519e-3f;
    p = p * r; p = p + 4.16657959e-2f;
    p = p * r; p = p + 1.66666655e-1f;
    p = p * r; p = p + 5.00000012e-1f;
    p = p * r; p = p * r; p = p + r; p = p + 1.0f;
    u16v bits = (u16v)t;   // reinterpreted: ext vectors of the same size cast bit for bit
    bits = (bits - 0x4B400000u + 127u) << 23;
    return p * (f16v)bits;
}

// σ(v) = 1 / (1 + e^(−v)) and tanh(v) = 1 − 2 / (e^(2v) + 1) lane by lane as NeuralCore's Activation.
INLINE f16v sigmoid16(f16v v) {
    const f16v e = exp16(-v);
    const f16v d = 1.0f + e;
    return 1.0f / d;
}

INLINE f16v tanh16(f16v v) {
    const f16v twice = 2.0f * v;
    const f16v e = exp16(twice);
    const f16v d = e + 1.0f;
    const f16v q = 2.0f / d;
    return 1.0f - q;
}

// x ← f(x) over n elements, 16 at a time, the last ones through a zero-padded vector.
#define ELEMENTWISE(NAME, F)                                                                               \
    INLINE void NAME(float *x, long n) {                                                                   \
        long j = 0;                                                                                        \
        for (; j + 16 <= n; j += 16) {                                                                     \
            const f16v out = F(load16(x + j));                                                             \
            __builtin_memcpy(x + j, &out, sizeof out);                                                     \
        }                                                                                                  \
        if (j < n) {                                                                                       \
            f16v v = (f16v)0;                                                                              \
            __builtin_memcpy(&v, x + j, (unsigned long)(n - j) * sizeof(float));                           \
            const f16v out = F(v);                                                                         \
            __builtin_memcpy(x + j, &out, (unsigned long)(n - j) * sizeof(float));                         \
        }                                                                                                  \
    }
ELEMENTWISE(sigmoid_in_place, sigmoid16)
ELEMENTWISE(tanh_in_place, tanh16)

// erf(x) lane by lane as NeuralCore's GELU.erf: Abramowitz & Stegun 7.1.26 on exp16.
INLINE f16v erf16(f16v x) {
    const f16v a = x < 0 ? -x : x;
    const f16v at = 0.3275911f * a;
    const f16v t = 1.0f / (1.0f + at);
    f16v p = (f16v)1.061405429f;
    p = p * t; p = p - 1.453152027f;
    p = p * t; p = p + 1.421413741f;
    p = p * t; p = p - 0.284496736f;
    p = p * t; p = p + 0.254829592f;
    const f16v square = -a * a;
    const f16v e = exp16(square);
    const f16v pt = p * t;
    const f16v pte = pt * e;
    const f16v y = 1.0f - pte;
    return x < 0 ? -y : y;
}

// gelu(x) lane by lane as NeuralCore's GELU.forward: ½ v (1 + erf(v / √2)).
INLINE f16v gelu16(f16v v) {
    const f16v erf = erf16(v * 0.70710678118654752f);
    const f16v half = 0.5f * v;
    const f16v one = 1.0f + erf;
    return half * one;
}

// dy · gelu′(v) lane by lane as NeuralCore's GELU.backward: gelu′(v) = Φ(v) + v φ(v), Φ(v) = ½ (1 + erf(v / √2)),
// φ(v) = e^(−v²/2) / √(2π).
INLINE f16v gelu_backward16(f16v v, f16v dy) {
    const f16v erf = erf16(v * 0.70710678118654752f);
    const f16v one = 1.0f + erf;
    const f16v cdf = 0.5f * one;
    const f16v halfNegative = -0.5f * v;
    const f16v square = halfNegative * v;
    const f16v pdf = exp16(square) * 0.3989422804014327f;
    const f16v slope = v * pdf;
    const f16v derivative = cdf + slope;
    return dy * derivative;
}

INLINE void gelu_backward(const float *dy, const float *x, float *dx, long n) {
    long j = 0;
    for (; j + 16 <= n; j += 16) {
        const f16v out = gelu_backward16(load16(x + j), load16(dy + j));
        __builtin_memcpy(dx + j, &out, sizeof out);
    }
    if (j < n) {   // the last lanes through zero-padded vectors
        f16v v = (f16v)0, d = (f16v)0;
        __builtin_memcpy(&v, x + j, (unsigned long)(n - j) * sizeof(float));
        __builtin_memcpy(&d, dy + j, (unsigned long)(n - j) * sizeof(float));
        const f16v out = gelu_backward16(v, d);
        __builtin_memcpy(dx + j, &out, (unsigned long)(n - j) * sizeof(float));
    }
}

INLINE void gelu(const float *x, float *y, long n) {
    long j = 0;
    for (; j + 16 <= n; j += 16) {
        const f16v out = gelu16(load16(x + j));
        __builtin_memcpy(y + j, &out, sizeof out);
    }
    if (j < n) {   // the last lanes through a zero-padded vector
        f16v v = (f16v)0;
        __builtin_memcpy(&v, x + j, (unsigned long)(n - j) * sizeof(float));
        const f16v out = gelu16(v);
        __builtin_memcpy(y + j, &out, (unsigned long)(n - j) * sizeof(float));
    }
}

// C[0..<MR, 16·q ..< 16·(q + NC)] += A[0..<MR, 0..<k] · B[0..<k, same columns], with B in panels
// (tunesmith_gemm_pack): panel q holds columns 16q ..< 16q + 16 as k rows of 16 floats, one after another, so
// a block reads each of its NC panels front to back (rows of B itself, 1-4 KB apart, fall in the same few L1
// sets). MR × NC sums of 16 lanes held in registers; `width` (1-16) is how many of the last chunk's lanes are
// columns of C (the packed lanes past n are zero and their sums are not stored). With `fused`, each step is
// one fused multiply-add, c = fma(a, b, c); without, c = c + a · b, rounded twice.
INLINE void gemm_block(long k, const float *a, long lda, const float *panels, long panelSize, float *c, long ldc,
                       int MR, int NC, int width, int fused) {
    f16v acc[8][2];
#pragma clang loop unroll(full)
    for (int i = 0; i < MR; i++)
#pragma clang loop unroll(full)
        for (int q = 0; q < NC; q++) {
            acc[i][q] = (f16v)0;
            __builtin_memcpy(&acc[i][q], c + i * ldc + 16 * q, (unsigned long)width * sizeof(float));
        }
    for (long p = 0; p < k; p++) {
        f16v bv[2];
#pragma clang loop unroll(full)
        for (int q = 0; q < NC; q++) bv[q] = load16(panels + q * panelSize + p * 16);
#pragma clang loop unroll(full)
        for (int i = 0; i < MR; i++) {
            const float s = a[i * lda + p];
#pragma clang loop unroll(full)
            for (int q = 0; q < NC; q++) {
                if (fused) {
                    acc[i][q] = __builtin_elementwise_fma((f16v)s, bv[q], acc[i][q]);
                } else {
                    const f16v product = s * bv[q];
                    acc[i][q] = acc[i][q] + product;
                }
            }
        }
    }
#pragma clang loop unroll(full)
    for (int i = 0; i < MR; i++)
#pragma clang loop unroll(full)
        for (int q = 0; q < NC; q++) __builtin_memcpy(c + i * ldc + 16 * q, &acc[i][q], (unsigned long)width * sizeof(float));
}

// Rows in blocks of MR (then one by one), panels in blocks of NC (then one by one), the partial last panel alone.
INLINE void gemm(long m, long n, long k, const float *a, long lda, const float *packed, float *c, long ldc,
                 int MR, int NC, int fused) {
    const long full = n / 16, panelSize = 16 * k;
    const int tail = (int)(n - 16 * full);
    for (long i = 0; i < m;) {
        const int rows = i + MR <= m ? MR : 1;
        const float *ai = a + i * lda;
        float *ci = c + i * ldc;
        long q = 0;
        if (rows == MR) {
            for (; q + NC <= full; q += NC) gemm_block(k, ai, lda, packed + q * panelSize, panelSize, ci + 16 * q, ldc, MR, NC, 16, fused);
            for (; q < full; q++) gemm_block(k, ai, lda, packed + q * panelSize, panelSize, ci + 16 * q, ldc, MR, 1, 16, fused);
            if (tail) gemm_block(k, ai, lda, packed + q * panelSize, panelSize, ci + 16 * q, ldc, MR, 1, tail, fused);
        } else {
            for (; q < full; q++) gemm_block(k, ai, lda, packed + q * panelSize, panelSize, ci + 16 * q, ldc, 1, 1, 16, fused);
            if (tail) gemm_block(k, ai, lda, packed + q * panelSize, panelSize, ci + 16 * q, ldc, 1, 1, tail, fused);
        }
        i += rows;
    }
}

// R1 rows per block with one vector, R2 with two; a last partial block goes row by row. GEMM blocks: MR
// rows × NC panels of 16 columns, with fused multiply-adds when FUSED.
#define DEFINE_LEVEL(NAME, ATTRIBUTES, R1, R2, MR, NC, FUSED)                                                     \
    ATTRIBUTES static void NAME##_gemm(long m, long n, long k, const float *a, long lda, const float *packed, \
                                       float *c, long ldc) {                                               \
        gemm(m, n, k, a, lda, packed, c, ldc, MR, NC, FUSED);                                              \
    }                                                                                                      \
    ATTRIBUTES static void NAME##_1(const float *w, long rows, long n, const float *x, const float *bias,   \
                                    float *y) {                                                            \
        const float *xs[1] = {x}, *bs[1] = {bias};                                                         \
        float *ys[1] = {y};                                                                                \
        long r = 0;                                                                                        \
        for (; r + R1 <= rows; r += R1) block(w, n, n, r, R1, 1, xs, bs, ys);                                \
        for (; r < rows; r++) block(w, n, n, r, 1, 1, xs, bs, ys);                                           \
    }                                                                                                      \
    ATTRIBUTES static void NAME##_2(const float *w, long rows, long n, const float *x0, const float *x1,    \
                                    const float *b0, const float *b1, float *y0, float *y1) {              \
        const float *xs[2] = {x0, x1}, *bs[2] = {b0, b1};                                                  \
        float *ys[2] = {y0, y1};                                                                           \
        long r = 0;                                                                                        \
        for (; r + R2 <= rows; r += R2) block(w, n, n, r, R2, 2, xs, bs, ys);                                \
        for (; r < rows; r++) block(w, n, n, r, 1, 2, xs, bs, ys);                                           \
    }                                                                                                      \
    ATTRIBUTES static void NAME##_layer_norm(const float *x, const float *w, const float *b, float *y, long n) { \
        layer_norm(x, w, b, y, n);                                                                         \
    }                                                                                                      \
    ATTRIBUTES static void NAME##_gelu(const float *x, float *y, long n) { gelu(x, y, n); }                \
    ATTRIBUTES static void NAME##_sigmoid(float *x, long n) { sigmoid_in_place(x, n); }                    \
    ATTRIBUTES static void NAME##_tanh(float *x, long n) { tanh_in_place(x, n); }                          \
    ATTRIBUTES static void NAME##_gelu_backward(const float *dy, const float *x, float *dx, long n) {         \
        gelu_backward(dy, x, dx, n);                                                                       \
    }                                                                                                      \
    ATTRIBUTES static void NAME##_scores(const float *q, const float *keys, long stride, long count, long d,  \
                                         float scale, float *scores) {                                     \
        const float *xs[1] = {q};                                                                          \
        float *ys[1] = {scores};                                                                           \
        long j = 0;                                                                                        \
        for (; j + R1 <= count; j += R1) block(keys, d, stride, j, R1, 1, xs, 0, ys);                     \
        for (; j < count; j++) block(keys, d, stride, j, 1, 1, xs, 0, ys);                                \
        for (j = 0; j < count; j++) scores[j] = scores[j] * scale;                                          \
    }                                                                                                      \
    ATTRIBUTES static void NAME##_mix(const float *weights, float inverse, const float *values, long stride,  \
                                      long count, long d, float *out) {                                    \
        long i = 0;                                                                                        \
        for (; i + 64 <= d; i += 64) mix(weights, inverse, values + i, stride, count, 4, out + i);         \
        switch ((d - i) / 16) {   /* the last 1-3 chunks in one pass */                                    \
        case 3: mix(weights, inverse, values + i, stride, count, 3, out + i); i += 48; break;              \
        case 2: mix(weights, inverse, values + i, stride, count, 2, out + i); i += 32; break;              \
        case 1: mix(weights, inverse, values + i, stride, count, 1, out + i); i += 16; break;              \
        }                                                                                                  \
        for (; i < d; i++) {                                                                               \
            float s = 0;                                                                                   \
            for (long j = 0; j < count; j++) s = s + (weights[j] * inverse) * values[j * stride + i];       \
            out[i] = s;                                                                                    \
        }                                                                                                  \
    }

// Baseline: a 16-lane sum is four SSE registers; 2 rows (1 vector) or 1 row (2 vectors) keep 8 of 16.
DEFINE_LEVEL(baseline, , 2, 1, 2, 1, 0)
#if defined(__x86_64__)
// AVX2: two YMM registers per sum; 4 rows or 2 rows × 2 vectors keep 8 of 16.
DEFINE_LEVEL(avx2, __attribute__((target("avx2,fma"))), 4, 2, 4, 1, 1)
// AVX-512F: one ZMM register per sum; 8 rows or 4 rows × 2 vectors keep 8 of 32.
DEFINE_LEVEL(avx512, __attribute__((target("avx512f,fma"))), 8, 4, 8, 2, 1)
#endif

int tunesmith_kernel_level_available(void) {
    static int level = -1;
    if (level < 0) {
        int found = TUNESMITH_KERNEL_BASELINE;
#if defined(__x86_64__)
        __builtin_cpu_init();
        const int fma = __builtin_cpu_supports("fma");
        if (fma && __builtin_cpu_supports("avx512f")) found = TUNESMITH_KERNEL_AVX512;
        else if (fma && __builtin_cpu_supports("avx2")) found = TUNESMITH_KERNEL_AVX2;
#endif
        __atomic_store_n(&level, found, __ATOMIC_RELAXED);
    }
    return __atomic_load_n(&level, __ATOMIC_RELAXED);
}

static int clamp(int level) {
    const int available = tunesmith_kernel_level_available();
    return level < 0 ? 0 : (level > available ? available : level);
}

void tunesmith_matvec(int level, const float *w, long rows, long n, const float *x, const float *bias, float *y) {
    switch (clamp(level)) {
#if defined(__x86_64__)
    case TUNESMITH_KERNEL_AVX512: avx512_1(w, rows, n, x, bias, y); return;
    case TUNESMITH_KERNEL_AVX2: avx2_1(w, rows, n, x, bias, y); return;
#endif
    default: baseline_1(w, rows, n, x, bias, y); return;
    }
}

void tunesmith_attention_scores(int level, const float *q, const float *keys, long stride, long count, long d,
                                float scale, float *scores) {
    switch (clamp(level)) {
#if defined(__x86_64__)
    case TUNESMITH_KERNEL_AVX512: avx512_scores(q, keys, stride, count, d, scale, scores); return;
    case TUNESMITH_KERNEL_AVX2: avx2_scores(q, keys, stride, count, d, scale, scores); return;
#endif
    default: baseline_scores(q, keys, stride, count, d, scale, scores); return;
    }
}

void tunesmith_attention_mix(int level, const float *weights, float inverse, const float *values, long stride,
                             long count, long d, float *out) {
    switch (clamp(level)) {
#if defined(__x86_64__)
    case TUNESMITH_KERNEL_AVX512: avx512_mix(weights, inverse, values, stride, count, d, out); return;
    case TUNESMITH_KERNEL_AVX2: avx2_mix(weights, inverse, values, stride, count, d, out); return;
#endif
    default: baseline_mix(weights, inverse, values, stride, count, d, out); return;
    }
}

void tunesmith_matvec2(int level, const float *w, long rows, long n, const float *x0, const float *x1,
                       const float *bias0, const float *bias1, float *y0, float *y1) {
    switch (clamp(level)) {
#if defined(__x86_64__)
    case TUNESMITH_KERNEL_AVX512: avx512_2(w, rows, n, x0, x1, bias0, bias1, y0, y1); return;
    case TUNESMITH_KERNEL_AVX2: avx2_2(w, rows, n, x0, x1, bias0, bias1, y0, y1); return;
#endif
    default: baseline_2(w, rows, n, x0, x1, bias0, bias1, y0, y1); return;
    }
}

void tunesmith_layer_norm(int level, const float *x, const float *w, const float *b, float *y, long n) {
    switch (clamp(level)) {
#if defined(__x86_64__)
    case TUNESMITH_KERNEL_AVX512: avx512_layer_norm(x, w, b, y, n); return;
    case TUNESMITH_KERNEL_AVX2: avx2_layer_norm(x, w, b, y, n); return;
#endif
    default: baseline_layer_norm(x, w, b, y, n); return;
    }
}

void tunesmith_gelu(int level, const float *x, float *y, long n) {
    switch (clamp(level)) {
#if defined(__x86_64__)
    case TUNESMITH_KERNEL_AVX512: avx512_gelu(x, y, n); return;
    case TUNESMITH_KERNEL_AVX2: avx2_gelu(x, y, n); return;
#endif
    default: baseline_gelu(x, y, n); return;
    }
}

void tunesmith_gelu_backward(int level, const float *dy, const float *x, float *dx, long n) {
    switch (clamp(level)) {
#if defined(__x86_64__)
    case TUNESMITH_KERNEL_AVX512: avx512_gelu_backward(dy, x, dx, n); return;
    case TUNESMITH_KERNEL_AVX2: avx2_gelu_backward(dy, x, dx, n); return;
#endif
    default: baseline_gelu_backward(dy, x, dx, n); return;
    }
}

long tunesmith_gemm_packed_size(long n, long k) { return (n + 15) / 16 * 16 * k; }

void tunesmith_gemm_pack(long n, long k, const float *b, long rowStride, long columnStride, float *packed) {
    for (long q = 0; q < (n + 15) / 16; q++)
        for (long p = 0; p < k; p++)
            for (long l = 0; l < 16; l++) {
                const long j = 16 * q + l;
                packed[(q * k + p) * 16 + l] = j < n ? b[p * rowStride + j * columnStride] : 0;
            }
}

int tunesmith_gemm_fused(int level) { return clamp(level) > TUNESMITH_KERNEL_BASELINE; }

void tunesmith_gemm_accumulate(int level, long m, long n, long k, const float *a, long lda, const float *packed,
                               float *c, long ldc) {
    switch (clamp(level)) {
#if defined(__x86_64__)
    case TUNESMITH_KERNEL_AVX512: avx512_gemm(m, n, k, a, lda, packed, c, ldc); return;
    case TUNESMITH_KERNEL_AVX2: avx2_gemm(m, n, k, a, lda, packed, c, ldc); return;
#endif
    default: baseline_gemm(m, n, k, a, lda, packed, c, ldc); return;
    }
}

void tunesmith_sigmoid(int level, float *x, long n) {
    switch (clamp(level)) {
#if defined(__x86_64__)
    case TUNESMITH_KERNEL_AVX512: avx512_sigmoid(x, n); return;
    case TUNESMITH_KERNEL_AVX2: avx2_sigmoid(x, n); return;
#endif
    default: baseline_sigmoid(x, n); return;
    }
}

void tunesmith_tanh(int level, float *x, long n) {
    switch (clamp(level)) {
#if defined(__x86_64__)
    case TUNESMITH_KERNEL_AVX512: avx512_tanh(x, n); return;
    case TUNESMITH_KERNEL_AVX2: avx2_tanh(x, n); return;
#endif
    default: baseline_tanh(x, n); return;
    }
}

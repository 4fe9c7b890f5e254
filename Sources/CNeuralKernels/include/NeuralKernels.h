// Matrix-vector kernels for batch-1 stepping, and the LSTM's recurrent product in training, chosen at run time
// by the CPU's instruction set.
//
// Swift cannot compile one function for several instruction sets and pick at run time, so these few
// loops live in C: one body, compiled three times (x86-64 baseline SSE2, AVX2 + FMA, AVX-512F + FMA) through
// clang's function target attribute. For stepping (everything but the gemm) every level does the same
// arithmetic in the same order — 16 lanes of partial sums, each product then sum rounded separately (no fused
// multiply-add), one fixed reduction tree — so sampled tokens are identical, bit for bit, whichever level
// runs (tested). The training gemm uses fused multiply-adds where the CPU has them (twice the products per
// instruction): its bits are the same at AVX2 and AVX-512, and for any rows a call covers, not at the baseline.
#ifndef TUNESMITH_NEURAL_KERNELS_H
#define TUNESMITH_NEURAL_KERNELS_H

#ifdef __cplusplus
extern "C" {
#endif

/// The instruction-set levels, in order: 0 baseline (SSE2 on x86-64; plain vectors elsewhere), 1 AVX2, 2 AVX-512F.
enum { TUNESMITH_KERNEL_BASELINE = 0, TUNESMITH_KERNEL_AVX2 = 1, TUNESMITH_KERNEL_AVX512 = 2 };

/// The highest level this CPU (and its operating system) runs; AVX2 and AVX-512F count only with FMA.
int tunesmith_kernel_level_available(void);

/// y[r] = bias[r] + Σⱼ W[r, j] · x[j] for r in [0, rows), W row-major (rows, n). `bias` may alias `y`.
/// `level` is clamped to what the CPU runs.
void tunesmith_matvec(int level, const float *w, long rows, long n, const float *x, const float *bias, float *y);

/// The same product for two vectors through one pass over W: y0 = W x0 + bias0, y1 = W x1 + bias1,
/// each output equal bit for bit to `tunesmith_matvec`'s. A bias may alias its output.
void tunesmith_matvec2(int level, const float *w, long rows, long n, const float *x0, const float *x1,
                       const float *bias0, const float *bias1, float *y0, float *y1);

/// Attention scores of one query against `count` cached keys: scores[j] = (Σᵢ q[i] · k_j[i]) · scale, where
/// k_j = keys + j · stride holds d features. Each sum is a row of `tunesmith_matvec`'s arithmetic.
void tunesmith_attention_scores(int level, const float *q, const float *keys, long stride, long count, long d,
                                float scale, float *scores);

/// The weighted sum of `count` cached values: out[i] = Σⱼ (weights[j] · inverse) · v_j[i], added in j order
/// from 0, where v_j = values + j · stride holds d features.
void tunesmith_attention_mix(int level, const float *weights, float inverse, const float *values, long stride,
                             long count, long d, float *out);

/// y = LayerNorm(x) over n features with weight w and bias b (eps 1e-5, biased variance): the mean and the
/// variance summed in 16 lanes and reduced as a matrix-vector row is, then y[i] = (x[i] − mean) · rstd · w[i] + b[i].
/// `y` may alias `x`.
void tunesmith_layer_norm(int level, const float *x, const float *w, const float *b, float *y, long n);

/// y = gelu(x) = ½ x (1 + erf(x / √2)) over n elements, with the operations of NeuralCore's `GELU.forward`
/// (Abramowitz & Stegun 7.1.26 on the Cephes-style e^x of `Activation.exp`), element for element the same
/// bits. `y` may alias `x`.
void tunesmith_gelu(int level, const float *x, float *y, long n);

/// x ← σ(x) = 1 / (1 + e^(−x)) over n elements in place, with the operations of NeuralCore's
/// `Activation.sigmoid` (its e^x, `Activation.exp`), element for element the same bits.
void tunesmith_sigmoid(int level, float *x, long n);

/// x ← tanh(x) = 1 − 2 / (e^(2x) + 1) over n elements in place, the bits of NeuralCore's `Activation.tanh`.
void tunesmith_tanh(int level, float *x, long n);

/// dx = dy · gelu′(x) over n elements, gelu′(x) = Φ(x) + x · φ(x), with the operations of NeuralCore's
/// `GELU.backward`, element for element the same bits. `dx` may alias `dy`.
void tunesmith_gelu_backward(int level, const float *dy, const float *x, float *dx, long n);

/// The floats `tunesmith_gemm_pack` writes for a (k × n) B: ⌈n / 16⌉ panels of k × 16.
long tunesmith_gemm_packed_size(long n, long k);

/// Copies B (k × n; element [p, j] at b[p · rowStride + j · columnStride], so Bᵀ packs as easily as B) into the
/// panels `tunesmith_gemm_accumulate` reads: panel q holds columns 16q ..< 16q + 16 (zeros past n) as k rows of
/// 16 floats, one after another.
void tunesmith_gemm_pack(long n, long k, const float *b, long rowStride, long columnStride, float *packed);

/// C (m × n) += A (m × k) · B (k × n), A and C row-major with row strides lda and ldc, B packed by
/// `tunesmith_gemm_pack`: for products with few rows that share one B many times (an LSTM's recurrent step:
/// m = batch, the same W_hh at every time step), where OpenBLAS spends more time copying B into its panels at
/// every call than multiplying. Each element of C adds its k products in order, p = 0, 1, …: c = fma(a[i,p],
/// b[p,j], c) at the AVX2 and AVX-512 levels (`tunesmith_gemm_fused`), c = c + a[i,p] · b[p,j] rounded twice at
/// the baseline. So the bits are the same for any m and any rows a call covers, and the same at AVX2 and
/// AVX-512; the baseline level differs from them in the last bits.
void tunesmith_gemm_accumulate(int level, long m, long n, long k, const float *a, long lda, const float *packed,
                               float *c, long ldc);

/// 1 when `tunesmith_gemm_accumulate` at `level` (clamped to what the CPU runs) uses fused multiply-adds.
int tunesmith_gemm_fused(int level);

/// glibc only: mallopt(M_MMAP_THRESHOLD, 1 GiB) and mallopt(M_TRIM_THRESHOLD, 1 GiB), so the blocks a training
/// step frees stay mapped for the next step. Returns 1 when both were accepted, 0 otherwise (or not glibc).
int tunesmith_keep_freed_blocks_mapped(void);

#ifdef __cplusplus
}
#endif

#endif

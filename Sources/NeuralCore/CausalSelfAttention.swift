/// Multi-head causal self-attention core, as torch_ref.py's `Block.attn` between its two linears:
/// q, k, v = qkv.split(C); per head h, y_h = softmax(q_h k_hᵀ / √d + mask) v_h; y = concat_h y_h.
///
/// The input is the (B, T, 3C) output of the `qkv` linear (q in columns 0..<C, k in C..<2C, v in
/// 2C..<3C, head h in columns h·d..<(h+1)·d of each, d = C / H), exactly PyTorch's
/// `split(C, dim=2)` + `view(B, T, H, d)`. Every product is an OpenBLAS gemm on strided views of
/// the (B, T, 3C) buffer, one per (batch row, head); nothing is transposed in memory.
public enum CausalSelfAttention {
    /// y (B, T, C) from qkv (B, T, 3C) with `heads` heads; `probabilities` receives the attention
    /// weights (B, H, T, T) (zero above the diagonal), which backward needs.
    public static func forward(_ qkv: Tensor, heads: Int, probabilities p: inout Tensor, into y: inout Tensor) {
        precondition(qkv.shape.count == 3 && qkv.shape[2] % (3 * heads) == 0, "qkv must be (B, T, 3C), C divisible by heads")
        let (b, t, c3) = (qkv.shape[0], qkv.shape[1], qkv.shape[2])
        let c = c3 / 3, d = c / heads
        let scale = 1 / Float(d).squareRoot()
        p.resize(to: [b, heads, t, t])
        y.resize(to: [b, t, c])
        qkv.data.withUnsafeBufferPointer { qp in
            p.data.withUnsafeMutableBufferPointer { pp in
                y.data.withUnsafeMutableBufferPointer { yp in
                    for row in 0..<b {
                        for h in 0..<heads {
                            let q = qp.baseAddress! + row * t * c3 + h * d      // (T, d), row stride 3C
                            let k = q + c, v = q + 2 * c
                            let s = pp.baseAddress! + (row * heads + h) * t * t  // (T, T)
                            // scores (T, T) = q · kᵀ / √d
                            MatrixProduct.gemm(transposeA: false, transposeB: true, m: t, n: t, k: d, alpha: scale,
                                               a: q, lda: c3, b: k, ldb: c3, c: s, ldc: t)
                            // causal softmax of each row i over keys 0...i; zero above the diagonal
                            for i in 0..<t {
                                let r = s + i * t
                                let inv = 1 / Activation.expShifted(r, count: i + 1)
                                for j in 0...i { r[j] *= inv }
                                for j in (i + 1)..<max(i + 1, t) { r[j] = 0 }
                            }
                            // y_h (T, d) = P (T, T) · v (T, d), into columns h·d..<(h+1)·d of y
                            MatrixProduct.gemm(transposeA: false, transposeB: false, m: t, n: d, k: t,
                                               a: s, lda: t, b: v, ldb: c3, c: yp.baseAddress! + row * t * c + h * d, ldc: c)
                        }
                    }
                }
            }
        }
    }

    /// Backward of `forward`: dqkv (B, T, 3C) from dy (B, T, C).
    ///
    /// Per head, with P the probabilities and S the scaled scores:
    /// dP = dy · vᵀ, dv = Pᵀ · dy, dS = P ⊙ (dP − rowsum(P ⊙ dP)), dq = dS · k / √d, dk = dSᵀ · q / √d.
    /// `scratch` holds one (T, T) dP.
    public static func backward(_ dy: Tensor, qkv: Tensor, heads: Int, probabilities p: Tensor,
                                scratch: inout Tensor, dqkv: inout Tensor) {
        let (b, t, c3) = (qkv.shape[0], qkv.shape[1], qkv.shape[2])
        let c = c3 / 3, d = c / heads
        let scale = 1 / Float(d).squareRoot()
        scratch.resize(to: [t, t])
        dqkv.resize(to: qkv.shape)
        qkv.data.withUnsafeBufferPointer { qp in
            p.data.withUnsafeBufferPointer { pp in
                dy.data.withUnsafeBufferPointer { dyp in
                    dqkv.data.withUnsafeMutableBufferPointer { dp in
                        scratch.data.withUnsafeMutableBufferPointer { sp in
                            let dP = sp.baseAddress!
                            for row in 0..<b {
                                for h in 0..<heads {
                                    let q = qp.baseAddress! + row * t * c3 + h * d
                                    let k = q + c, v = q + 2 * c
                                    let dq = dp.baseAddress! + row * t * c3 + h * d
                                    let dk = dq + c, dv = dq + 2 * c
                                    let prob = pp.baseAddress! + (row * heads + h) * t * t
                                    let g = dyp.baseAddress! + row * t * c + h * d          // dy_h (T, d), stride C
                                    // dP (T, T) = dy_h · vᵀ
                                    MatrixProduct.gemm(transposeA: false, transposeB: true, m: t, n: t, k: d,
                                                       a: g, lda: c, b: v, ldb: c3, c: dP, ldc: t)
                                    // dv (T, d) = Pᵀ · dy_h
                                    MatrixProduct.gemm(transposeA: true, transposeB: false, m: t, n: d, k: t,
                                                       a: prob, lda: t, b: g, ldb: c, c: dv, ldc: c3)
                                    // dS = P ⊙ (dP − Σⱼ P dP), zero above the diagonal (P is zero there)
                                    for i in 0..<t {
                                        let pr = prob + i * t, dr = dP + i * t
                                        var dot: Float = 0
                                        for j in 0...i { dot += pr[j] * dr[j] }
                                        for j in 0...i { dr[j] = pr[j] * (dr[j] - dot) }
                                        for j in (i + 1)..<max(i + 1, t) { dr[j] = 0 }
                                    }
                                    // dq (T, d) = dS · k / √d;  dk (T, d) = dSᵀ · q / √d
                                    MatrixProduct.gemm(transposeA: false, transposeB: false, m: t, n: d, k: t, alpha: scale,
                                                       a: dP, lda: t, b: k, ldb: c3, c: dq, ldc: c3)
                                    MatrixProduct.gemm(transposeA: true, transposeB: false, m: t, n: d, k: t, alpha: scale,
                                                       a: dP, lda: t, b: q, ldb: c3, c: dk, ldc: c3)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

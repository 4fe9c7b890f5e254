/// Multi-head causal self-attention core, as torch_ref.py's `Block.attn` between its two linears:
/// q, k, v = qkv.split(C); per head h, y_h = softmax(q_h k_hᵀ / √d + mask) v_h; y = concat_h y_h.
///
/// The input is the (B, T, 3C) output of the `qkv` linear (q in columns 0..<C, k in C..<2C, v in
/// 2C..<3C, head h in columns h·d..<(h+1)·d of each, d = C / H), exactly PyTorch's
/// `split(C, dim=2)` + `view(B, T, H, d)`. Every product is an OpenBLAS gemm on strided views of
/// the (B, T, 3C) buffer, per (batch row, head) and tile of 64 positions (`tiles`); nothing is transposed in
/// memory. Tiles skip the products above the diagonal that the causal mask zeroes: at T = 256, 10 of the 16
/// tile pairs are computed.
public enum CausalSelfAttention {
    /// The positions 0..<T in tiles of 64 (the last may be shorter).
    static func tiles(_ t: Int) -> [Range<Int>] {
        stride(from: 0, to: t, by: 64).map { $0..<min($0 + 64, t) }
    }

    /// y (B, T, C) from qkv (B, T, 3C) with `heads` heads; `probabilities` receives the attention
    /// weights (B, H, T, T) (zero above the diagonal), which backward needs.
    public static func forward(_ qkv: Tensor, heads: Int, probabilities p: inout Tensor, into y: inout Tensor) {
        precondition(qkv.shape.count == 3 && qkv.shape[2] % (3 * heads) == 0, "qkv must be (B, T, 3C), C divisible by heads")
        let (b, t, c3) = (qkv.shape[0], qkv.shape[1], qkv.shape[2])
        let c = c3 / 3, d = c / heads
        let scale = 1 / Float(d).squareRoot()
        p.resize(to: [b, heads, t, t])
        y.resize(to: [b, t, c])
        let tiles = Self.tiles(t)
        qkv.data.withUnsafeBufferPointer { qp in
            p.data.withUnsafeMutableBufferPointer { pp in
                y.data.withUnsafeMutableBufferPointer { yp in
                    for row in 0..<b {
                        for h in 0..<heads {
                            let q = qp.baseAddress! + row * t * c3 + h * d      // (T, d), row stride 3C
                            let k = q + c, v = q + 2 * c
                            let s = pp.baseAddress! + (row * heads + h) * t * t  // (T, T)
                            for rows in tiles {
                                // scores (rows, keys 0..<rows.upperBound) = q · kᵀ / √d: the keys at or before the tile's last row
                                let keys = rows.upperBound
                                MatrixProduct.gemm(transposeA: false, transposeB: true, m: rows.count, n: keys, k: d, alpha: scale,
                                                   a: q + rows.lowerBound * c3, lda: c3, b: k, ldb: c3, c: s + rows.lowerBound * t, ldc: t)
                                // causal softmax of each row i over keys 0...i; zero above the diagonal
                                for i in rows {
                                    let r = s + i * t
                                    let inv = 1 / Activation.expShifted(r, count: i + 1)
                                    for j in 0...i { r[j] *= inv }
                                    for j in (i + 1)..<max(i + 1, t) { r[j] = 0 }
                                }
                                // y_h (rows, d) = P (rows, keys) · v (keys, d), into columns h·d..<(h+1)·d of y
                                MatrixProduct.gemm(transposeA: false, transposeB: false, m: rows.count, n: d, k: keys,
                                                   a: s + rows.lowerBound * t, lda: t, b: v, ldb: c3,
                                                   c: yp.baseAddress! + (row * t + rows.lowerBound) * c + h * d, ldc: c)
                            }
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
        let tiles = Self.tiles(t)
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
                                    // dP (rows, keys 0..<rows.upperBound) = dy_h · vᵀ, tile by tile of query rows
                                    for rows in tiles {
                                        MatrixProduct.gemm(transposeA: false, transposeB: true, m: rows.count, n: rows.upperBound, k: d,
                                                           a: g + rows.lowerBound * c, lda: c, b: v, ldb: c3, c: dP + rows.lowerBound * t, ldc: t)
                                    }
                                    // dS = P ⊙ (dP − Σⱼ P dP), zero above the diagonal (P is zero there)
                                    for i in 0..<t {
                                        let pr = prob + i * t, dr = dP + i * t
                                        var dot: Float = 0
                                        for j in 0...i { dot += pr[j] * dr[j] }
                                        for j in 0...i { dr[j] = pr[j] * (dr[j] - dot) }
                                        for j in (i + 1)..<max(i + 1, t) { dr[j] = 0 }
                                    }
                                    for tile in tiles {
                                        // query rows of the tile: dq (rows, d) = dS (rows, keys 0..<rows.upperBound) · k / √d
                                        let (lo, hi) = (tile.lowerBound, tile.upperBound)
                                        MatrixProduct.gemm(transposeA: false, transposeB: false, m: tile.count, n: d, k: hi, alpha: scale,
                                                           a: dP + lo * t, lda: t, b: k, ldb: c3, c: dq + lo * c3, ldc: c3)
                                        // key rows of the tile (queries lo..<T attend to them):
                                        // dv (keys, d) = Pᵀ · dy_h;  dk (keys, d) = dSᵀ · q / √d
                                        MatrixProduct.gemm(transposeA: true, transposeB: false, m: tile.count, n: d, k: t - lo,
                                                           a: prob + lo * t + lo, lda: t, b: g + lo * c, ldb: c, c: dv + lo * c3, ldc: c3)
                                        MatrixProduct.gemm(transposeA: true, transposeB: false, m: tile.count, n: d, k: t - lo, alpha: scale,
                                                           a: dP + lo * t + lo, lda: t, b: q + lo * c3, ldb: c3, c: dk + lo * c3, ldc: c3)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

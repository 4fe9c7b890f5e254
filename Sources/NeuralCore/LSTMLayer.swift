import Foundation

/// The four parameter tensors of one LSTM layer, named and shaped as in `nn.LSTM` layer k
/// (`weight_ih_lk`, `weight_hh_lk`, `bias_ih_lk`, `bias_hh_lk`); gate rows in PyTorch's order i, f, g, o.
public struct LSTMLayerWeights: Sendable, Equatable {
    /// weight_ih (4H, I): input-to-gates weights.
    public var weightIH: Tensor
    /// weight_hh (4H, H): hidden-to-gates weights.
    public var weightHH: Tensor
    /// bias_ih (4H).
    public var biasIH: Tensor
    /// bias_hh (4H).
    public var biasHH: Tensor

    /// Creates a layer from its four tensors.
    public init(weightIH: Tensor, weightHH: Tensor, biasIH: Tensor, biasHH: Tensor) {
        self.weightIH = weightIH
        self.weightHH = weightHH
        self.biasIH = biasIH
        self.biasHH = biasHH
    }

    /// Zero tensors of the shapes for input size I and hidden size H (used for gradients).
    public init(zerosInput inputSize: Int, hidden: Int) {
        self.init(weightIH: Tensor(shape: [4 * hidden, inputSize]), weightHH: Tensor(shape: [4 * hidden, hidden]),
                  biasIH: Tensor(shape: [4 * hidden]), biasHH: Tensor(shape: [4 * hidden]))
    }

    /// PyTorch's initialisation: every tensor uniform in [−1/√H, 1/√H], in the order
    /// weight_ih, weight_hh, bias_ih, bias_hh.
    public init(input inputSize: Int, hidden: Int, using rng: inout Xoshiro256StarStar) {
        let k = 1 / Float(hidden).squareRoot()
        self.init(weightIH: Tensor(shape: [4 * hidden, inputSize], uniformIn: -k...k, using: &rng),
                  weightHH: Tensor(shape: [4 * hidden, hidden], uniformIn: -k...k, using: &rng),
                  biasIH: Tensor(shape: [4 * hidden], uniformIn: -k...k, using: &rng),
                  biasHH: Tensor(shape: [4 * hidden], uniformIn: -k...k, using: &rng))
    }

    /// Hidden size H.
    public var hiddenSize: Int { weightHH.shape[1] }
    /// Input size I.
    public var inputSize: Int { weightIH.shape[1] }
}

/// One LSTM layer over a batch of sequences, PyTorch's equations:
///
///     i = σ(W_ii x + b_ii + W_hi h + b_hi)     f = σ(W_if x + b_if + W_hf h + b_hf)
///     g = tanh(W_ig x + b_ig + W_hg h + b_hg)  o = σ(W_io x + b_io + W_ho h + b_ho)
///     c' = f ⊙ c + i ⊙ g                        h' = o ⊙ tanh(c')
///
/// Speed: the input projection of all T steps is one gemm (B·T, I) × (I, 4H); only the recurrent
/// product (B, H) × (H, 4H) runs per step, reading and writing strided rows in place. That product (and
/// backward's (B, 4H) × (4H, H)) has only B rows, so it goes through the C kernel
/// (`MatrixProduct.gemmAccumulate`) with W_hh packed once per pass: OpenBLAS would copy all of W_hh into its
/// panel layout at every step.
public enum LSTMLayer {
    /// What backward needs from forward.
    public struct Cache: Sendable {
        /// Gate activations (B, T, 4H): σ(i), σ(f), tanh(g), σ(o) per step.
        public var gates: Tensor
        /// Cell states c_t (B, T, H).
        public var cells: Tensor
        /// Outputs h_t (B, T, H).
        public var outputs: Tensor
        /// Initial state h₀, c₀ (B, H).
        public var h0: Tensor
        /// Initial cell state c₀ (B, H).
        public var c0: Tensor

        /// An empty cache; `forward(_:weights:h0:c0:into:)` sizes it on first use and reuses it after.
        public init() {
            gates = Tensor(shape: [0]); cells = gates; outputs = gates; h0 = gates; c0 = gates
        }
    }

    /// Buffers backward reuses between calls (sized on first use).
    public struct Scratch: Sendable {
        /// ∂L/∂(gate pre-activations) (B, T, 4H).
        public var dGates = Tensor(shape: [0])
        /// ∂L/∂h flowing back one step (B, H); after backward, ∂L/∂h₀.
        public var dhNext = Tensor(shape: [0])
        /// ∂L/∂c flowing back one step (B, H); after backward, ∂L/∂c₀.
        public var dcNext = Tensor(shape: [0])
        /// h_{t−1} for every step (B, T, H), for dW_hh.
        public var hPrevious = Tensor(shape: [0])

        /// Empty scratch.
        public init() {}
    }

    /// Runs the layer over x (B, T, I) from state (h₀, c₀) (B, H) each (zeros when nil).
    ///
    /// Returns the cache holding the outputs h (B, T, H); the final state is the last step of
    /// `cache.outputs` and `cache.cells`.
    public static func forward(_ x: Tensor, weights w: LSTMLayerWeights, h0: Tensor? = nil, c0: Tensor? = nil) -> Cache {
        var cache = Cache()
        forward(x, weights: w, h0: h0, c0: c0, into: &cache)
        return cache
    }

    /// `forward`, writing into `cache` and reusing its storage when the sizes match.
    public static func forward(_ x: Tensor, weights w: LSTMLayerWeights, h0: Tensor? = nil, c0: Tensor? = nil,
                               into cache: inout Cache) {
        let (b, t, i) = (x.shape[0], x.shape[1], x.shape[2])
        let h = w.hiddenSize
        let g4 = 4 * h
        precondition(i == w.inputSize, "x has \(i) features, weight_ih expects \(w.inputSize)")
        cache.h0.resize(to: [b, h], zeroed: h0 == nil)
        cache.c0.resize(to: [b, h], zeroed: c0 == nil)
        if let h0 { cache.h0.data.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: h0.data) } }
        if let c0 { cache.c0.data.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: c0.data) } }
        cache.gates.resize(to: [b, t, g4])
        cache.cells.resize(to: [b, t, h])
        cache.outputs.resize(to: [b, t, h])
        let (h0, c0) = (cache.h0, cache.c0)
        var gates = cache.gates, cells = cache.cells, outputs = cache.outputs
        cache.gates = Tensor(shape: [0]); cache.cells = cache.gates; cache.outputs = cache.gates  // unique ownership
        defer { cache.gates = gates; cache.cells = cells; cache.outputs = outputs }
        gates.data.withUnsafeMutableBufferPointer { gp in
            let gates = gp.baseAddress!
            // 1. gates (B·T, 4H) = b_ih + b_hh, then += x (B·T, I) · W_ihᵀ (I, 4H): one gemm for all steps.
            w.biasIH.data.withUnsafeBufferPointer { bi in
                w.biasHH.data.withUnsafeBufferPointer { bh in
                    for j in 0..<g4 { gates[j] = bi[j] + bh[j] }
                }
            }
            for row in 1..<max(b * t, 1) { (gates + row * g4).update(from: gates, count: g4) }
            x.data.withUnsafeBufferPointer { xp in
                w.weightIH.data.withUnsafeBufferPointer { wp in
                    MatrixProduct.gemm(transposeA: false, transposeB: true, m: b * t, n: g4, k: i,
                                       a: xp.baseAddress!, lda: i, b: wp.baseAddress!, ldb: i,
                                       beta: 1, c: gates, ldc: g4)
                }
            }
            // 2. The recurrence, one step at a time, with W_hhᵀ (H, 4H) packed once for all steps.
            let whhT = w.weightHH.data.withUnsafeBufferPointer { whh in
                MatrixProduct.PackedMatrix(rows: h, columns: g4, from: whh.baseAddress!, rowStride: 1, columnStride: h)
            }
            h0.data.withUnsafeBufferPointer { h0p in
                c0.data.withUnsafeBufferPointer { c0p in
                    cells.data.withUnsafeMutableBufferPointer { cp in
                        outputs.data.withUnsafeMutableBufferPointer { hp in
                            for step in 0..<t {
                                // previous state: rows of (B, H) with stride H (initial) or T·H (outputs)
                                let hPrev = step == 0 ? h0p.baseAddress! : UnsafePointer(hp.baseAddress! + (step - 1) * h)
                                let cPrev = step == 0 ? c0p.baseAddress! : UnsafePointer(cp.baseAddress! + (step - 1) * h)
                                let ld = step == 0 ? h : t * h
                                // gates[:, step, :] (B, 4H) += h_{t-1} (B, H) · W_hhᵀ (H, 4H)
                                MatrixProduct.gemmAccumulate(m: b, a: hPrev, lda: ld, b: whhT, c: gates + step * g4, ldc: t * g4)
                                for batch in 0..<b {
                                    let gRow = gates + (batch * t + step) * g4
                                    let cRow = cp.baseAddress! + (batch * t + step) * h
                                    let hRow = hp.baseAddress! + (batch * t + step) * h
                                    LSTMLayer.cellForward(gates: gRow, cPrev: cPrev + batch * ld, c: cRow, h: hRow, hidden: h)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One cell update for one sequence: activates the 4H gate pre-activations in place and
    /// writes c (H) and h (H).
    @inline(__always)
    static func cellForward(gates g: UnsafeMutablePointer<Float>, cPrev: UnsafePointer<Float>,
                            c: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, hidden: Int) {
        let level = MatrixVector.Level.available                // the C kernels: Activation's bits at every level
        Activation.sigmoid(g, count: 2 * hidden, level: level)                // i, f
        Activation.tanh(g + 2 * hidden, count: hidden, level: level)         // g
        Activation.sigmoid(g + 3 * hidden, count: hidden, level: level)      // o
        for j in 0..<hidden {
            let cj = g[hidden + j] * cPrev[j] + g[j] * g[2 * hidden + j]  // c' = f ⊙ c + i ⊙ g
            c[j] = cj
            h[j] = cj  // tanh applied below, vectorised
        }
        Activation.tanh(h, count: hidden, level: level)
        for j in 0..<hidden { h[j] *= g[3 * hidden + j] }    // h' = o ⊙ tanh(c')
    }

    /// Backward of `forward`: given dOut = ∂L/∂h (B, T, H) and the input x, returns dx (B, T, I)
    /// and accumulates the four weight gradients into `grads`. dh₀ and dc₀ are returned as well (B, H).
    public static func backward(_ dOut: Tensor, input x: Tensor, cache: Cache, weights w: LSTMLayerWeights,
                                grads: inout LSTMLayerWeights) -> (dx: Tensor, dh0: Tensor, dc0: Tensor) {
        var scratch = Scratch()
        var dx = Tensor(shape: [0])
        backward(dOut, input: x, cache: cache, weights: w, grads: &grads, scratch: &scratch, dx: &dx)
        return (dx, scratch.dhNext, scratch.dcNext)
    }

    /// `backward`, writing dx into `dx` and using `scratch`, both reused when the sizes match;
    /// afterwards `scratch.dhNext` and `scratch.dcNext` hold dh₀ and dc₀.
    public static func backward(_ dOut: Tensor, input x: Tensor, cache: Cache, weights w: LSTMLayerWeights,
                                grads: inout LSTMLayerWeights, scratch: inout Scratch, dx: inout Tensor) {
        let (b, t, i) = (x.shape[0], x.shape[1], x.shape[2])
        let h = w.hiddenSize
        let g4 = 4 * h
        scratch.dGates.resize(to: [b, t, g4])            // every element is written below
        scratch.dhNext.resize(to: [b, h], zeroed: true)  // nothing flows in after the last step
        scratch.dcNext.resize(to: [b, h], zeroed: true)
        scratch.hPrevious.resize(to: [b, t, h])
        dx.resize(to: [b, t, i])
        var dGates = scratch.dGates, dhNext = scratch.dhNext, dcNext = scratch.dcNext, hPrevAll = scratch.hPrevious
        scratch = Scratch()  // unique ownership of the buffers while they are written
        defer { scratch.dGates = dGates; scratch.dhNext = dhNext; scratch.dcNext = dcNext; scratch.hPrevious = hPrevAll }
        dGates.data.withUnsafeMutableBufferPointer { dgp in
            let dG = dgp.baseAddress!
            cache.gates.data.withUnsafeBufferPointer { gp in
                cache.cells.data.withUnsafeBufferPointer { cp in
                    cache.c0.data.withUnsafeBufferPointer { c0p in
                        dOut.data.withUnsafeBufferPointer { dop in
                            // W_hh (4H, H) packed once for every step's dh product
                            let whh = w.weightHH.data.withUnsafeBufferPointer { whh in
                                MatrixProduct.PackedMatrix(rows: g4, columns: h, from: whh.baseAddress!, rowStride: h, columnStride: 1)
                            }
                            dhNext.data.withUnsafeMutableBufferPointer { dhp in
                                dcNext.data.withUnsafeMutableBufferPointer { dcp in
                                    for step in stride(from: t - 1, through: 0, by: -1) {
                                        for batch in 0..<b {
                                            let row = batch * t + step
                                            let cPrev = step == 0 ? c0p.baseAddress! + batch * h : cp.baseAddress! + (row - 1) * h
                                            LSTMLayer.cellBackward(
                                                gates: gp.baseAddress! + row * g4, c: cp.baseAddress! + row * h, cPrev: cPrev,
                                                dhOut: dop.baseAddress! + row * h, dh: dhp.baseAddress! + batch * h,
                                                dc: dcp.baseAddress! + batch * h, dGates: dG + row * g4, hidden: h)
                                        }
                                        // dh_{t-1} (B, H) = dGates[:, step, :] (B, 4H) · W_hh (4H, H)
                                        dhp.update(repeating: 0)
                                        MatrixProduct.gemmAccumulate(m: b, a: dG + step * g4, lda: t * g4, b: whh,
                                                                     c: dhp.baseAddress!, ldc: h)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // h_{t-1} for all steps: h₀ then the outputs shifted by one step.
        hPrevAll.data.withUnsafeMutableBufferPointer { hp in
            cache.outputs.data.withUnsafeBufferPointer { op in
                cache.h0.data.withUnsafeBufferPointer { h0p in
                    for batch in 0..<b {
                        (hp.baseAddress! + batch * t * h).update(from: h0p.baseAddress! + batch * h, count: h)
                        if t > 1 {
                            (hp.baseAddress! + (batch * t + 1) * h).update(from: op.baseAddress! + batch * t * h, count: (t - 1) * h)
                        }
                    }
                }
            }
        }
        dGates.data.withUnsafeBufferPointer { dgp in
            let dG = dgp.baseAddress!
            x.data.withUnsafeBufferPointer { xp in
                grads.weightIH.data.withUnsafeMutableBufferPointer { dwih in
                    // dW_ih (4H, I) += dGatesᵀ (4H, B·T) · x (B·T, I)
                    MatrixProduct.gemm(transposeA: true, transposeB: false, m: g4, n: i, k: b * t,
                                       a: dG, lda: g4, b: xp.baseAddress!, ldb: i, beta: 1, c: dwih.baseAddress!, ldc: i)
                }
            }
            hPrevAll.data.withUnsafeBufferPointer { hpp in
                grads.weightHH.data.withUnsafeMutableBufferPointer { dwhh in
                    // dW_hh (4H, H) += dGatesᵀ (4H, B·T) · h_prev (B·T, H)
                    MatrixProduct.gemm(transposeA: true, transposeB: false, m: g4, n: h, k: b * t,
                                       a: dG, lda: g4, b: hpp.baseAddress!, ldb: h, beta: 1, c: dwhh.baseAddress!, ldc: h)
                }
            }
            w.weightIH.data.withUnsafeBufferPointer { wih in
                dx.data.withUnsafeMutableBufferPointer { dxp in
                    // dx (B·T, I) = dGates (B·T, 4H) · W_ih (4H, I)
                    MatrixProduct.gemm(transposeA: false, transposeB: false, m: b * t, n: i, k: g4,
                                       a: dG, lda: g4, b: wih.baseAddress!, ldb: i, c: dxp.baseAddress!, ldc: i)
                }
            }
            // db_ih (4H) and db_hh (4H) += Σ over B·T rows of dGates
            grads.biasIH.data.withUnsafeMutableBufferPointer { dbi in
                grads.biasHH.data.withUnsafeMutableBufferPointer { dbh in
                    for row in 0..<(b * t) {
                        for j in 0..<g4 { dbi[j] += dG[row * g4 + j]; dbh[j] += dG[row * g4 + j] }
                    }
                }
            }
        }
    }

    /// Backward of one cell step for one sequence. On entry dh holds ∂L/∂h_t from step t+1 and dc
    /// holds ∂L/∂c_t from step t+1; on exit dc holds ∂L/∂c_{t-1} (dh is overwritten by the caller).
    @inline(__always)
    static func cellBackward(gates g: UnsafePointer<Float>, c: UnsafePointer<Float>, cPrev: UnsafePointer<Float>,
                             dhOut: UnsafePointer<Float>, dh: UnsafeMutablePointer<Float>,
                             dc: UnsafeMutablePointer<Float>, dGates dg: UnsafeMutablePointer<Float>, hidden: Int) {
        // tanh(c_t) into dg's g-slot temporarily is avoided: recompute per element below.
        let hd = hidden
        for j in 0..<hd { dg[j] = c[j] }
        Activation.tanh(dg, count: hd, level: .available)    // dg[0..<H] = tanh(c_t), scratch
        for j in 0..<hd {
            let (ig, fg, gg, og) = (g[j], g[hd + j], g[2 * hd + j], g[3 * hd + j])
            let tc = dg[j]
            let dhj = dhOut[j] + dh[j]                        // ∂L/∂h_t: output gradient + recurrence
            let dcj = dc[j] + dhj * og * (1 - tc * tc)        // ∂L/∂c_t
            dg[j] = dcj * gg * ig * (1 - ig)                  // i: σ' = i (1 − i)
            dg[hd + j] = dcj * cPrev[j] * fg * (1 - fg)       // f
            dg[2 * hd + j] = dcj * ig * (1 - gg * gg)         // g: tanh' = 1 − g²
            dg[3 * hd + j] = dhj * tc * og * (1 - og)         // o
            dc[j] = dcj * fg                                  // ∂L/∂c_{t-1}
        }
    }
}

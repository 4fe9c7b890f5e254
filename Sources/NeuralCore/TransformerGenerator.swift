/// Batch-1 autoregressive stepping of a transformer with a key/value cache: each step runs one
/// position through every block, attending to the cached keys and values of the positions before it.
///
/// The cache holds up to P (the context) positions. When it is full, the last P/2 tokens are run again
/// from position 0 (the new token among them) in one batched forward (gemm), whose keys and values refill
/// the cache, and stepping continues from that shorter cache — torch_ref.py's "half-window re-prefill".
/// Until then every step's logits equal the uncached forward over the whole history (tested). Stepping
/// buffers are allocated once; products are the SIMD matrix-vector loop (`MatrixVector.multiply`), and
/// attention's dot products and weighted sums are SIMD loops over each head's d features.
public struct TransformerGenerator: Sendable {
    /// The model's sizes.
    public let configuration: TransformerLanguageModel.Configuration
    private struct Block: Sendable {
        var ln1w: [Float], ln1b: [Float], qkvW: [Float], qkvB: [Float], projW: [Float], projB: [Float]
        var ln2w: [Float], ln2b: [Float], fc1W: [Float], fc1B: [Float], fc2W: [Float], fc2B: [Float]
    }
    private let model: TransformerLanguageModel
    private let blocks: [Block]
    private let tok: [Float], pos: [Float]                 // (V, C), (P, C)
    private let lnFw: [Float], lnFb: [Float], headW: [Float], headB: [Float]
    private var keys: [[Float]], values: [[Float]]         // per block (P, C)
    private var x: [Float], normed: [Float], qkv: [Float], attended: [Float], hidden: [Float], scores: [Float]
    /// The tokens whose keys and values are cached, oldest first (`window.count` is the next position).
    public private(set) var window: [Int] = []
    /// The logits (V) after the last `step`.
    public private(set) var logits: [Float]
    private var sampler: TokenSampler

    /// Prepares stepping for `model` from an empty history.
    public init(model: TransformerLanguageModel) {
        let c = model.configuration
        configuration = c
        self.model = model
        let p = model.parameters
        blocks = (0..<c.layerCount).map { k in
            let n = "blocks.\(k)."
            return Block(ln1w: p[n + "ln1.weight"].data, ln1b: p[n + "ln1.bias"].data, qkvW: p[n + "qkv.weight"].data,
                         qkvB: p[n + "qkv.bias"].data, projW: p[n + "proj.weight"].data, projB: p[n + "proj.bias"].data,
                         ln2w: p[n + "ln2.weight"].data, ln2b: p[n + "ln2.bias"].data, fc1W: p[n + "fc1.weight"].data,
                         fc1B: p[n + "fc1.bias"].data, fc2W: p[n + "fc2.weight"].data, fc2B: p[n + "fc2.bias"].data)
        }
        tok = p["tok.weight"].data
        pos = p["pos.weight"].data
        lnFw = p["ln_f.weight"].data; lnFb = p["ln_f.bias"].data
        headW = p["head.weight"].data; headB = p["head.bias"].data
        keys = Array(repeating: [Float](repeating: 0, count: c.context * c.width), count: c.layerCount)
        values = keys
        x = [Float](repeating: 0, count: c.width)
        normed = x; attended = x
        qkv = [Float](repeating: 0, count: 3 * c.width)
        hidden = [Float](repeating: 0, count: c.feedForwardSize)
        scores = [Float](repeating: 0, count: c.context)
        logits = [Float](repeating: 0, count: c.vocabularySize)
        sampler = TokenSampler(vocabularySize: c.vocabularySize)
    }

    /// Forgets the history.
    public mutating func reset() { window.removeAll(keepingCapacity: true) }

    /// Feeds one token and updates `logits` (re-running the last P/2 tokens first when the cache is full).
    public mutating func step(token: Int) throws(NeuralCoreError) {
        guard token >= 0 && token < configuration.vocabularySize else {
            throw .tokenOutOfRange(token: token, vocabularySize: configuration.vocabularySize, position: window.count)
        }
        if window.count == configuration.context {
            prefill(Array(window.suffix(max(configuration.context / 2 - 1, 0))) + [token])
        } else {
            advance(token)
        }
    }

    /// Replaces the history by `tokens` (1...P of them) from position 0 in one batched forward: each block's
    /// keys and values fill the cache and the last position's logits become `logits`.
    private mutating func prefill(_ tokens: [Int]) {
        let c = configuration.width, v = configuration.vocabularySize
        var acts = TransformerLanguageModel.Activations()
        model.forward(inputs: tokens, batchSize: 1, acts: &acts)
        for k in 0..<blocks.count {
            let qkv = acts.blocks[k].qkv.data    // (1, T, 3C)
            keys[k].withUnsafeMutableBufferPointer { kb in
                values[k].withUnsafeMutableBufferPointer { vb in
                    qkv.withUnsafeBufferPointer { q in
                        for t in tokens.indices {
                            (kb.baseAddress! + t * c).update(from: q.baseAddress! + t * 3 * c + c, count: c)
                            (vb.baseAddress! + t * c).update(from: q.baseAddress! + t * 3 * c + 2 * c, count: c)
                        }
                    }
                }
            }
        }
        for j in 0..<v { logits[j] = acts.logits.data[(tokens.count - 1) * v + j] }
        window = tokens
    }

    /// Σᵢ a[i] · b[i] over n elements, 8 lanes at a time.
    @inline(__always)
    private static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        let ar = UnsafeRawPointer(a), br = UnsafeRawPointer(b)
        var acc = SIMD8<Float>()
        var i = 0
        while i + 8 <= n {
            acc += ar.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self) * br.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self)
            i += 8
        }
        var s = acc.sum()
        while i < n { s += a[i] * b[i]; i += 1 }
        return s
    }

    /// y[i] += alpha · x[i] over n elements, 8 lanes at a time.
    @inline(__always)
    private static func axpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        let xr = UnsafeRawPointer(x), yr = UnsafeMutableRawPointer(y)
        var i = 0
        while i + 8 <= n {
            let sum = yr.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self) + alpha * xr.loadUnaligned(fromByteOffset: 4 * i, as: SIMD8<Float>.self)
            yr.storeBytes(of: sum, toByteOffset: 4 * i, as: SIMD8<Float>.self)
            i += 8
        }
        while i < n { y[i] += alpha * x[i]; i += 1 }
    }

    /// y (C) = LayerNorm(x (C)) with weight w and bias b (eps 1e-5, biased variance), as `LayerNorm.forward`.
    private static func layerNorm(_ x: UnsafePointer<Float>, _ w: [Float], _ b: [Float], into y: UnsafeMutablePointer<Float>, count c: Int) {
        var sum: Float = 0
        for j in 0..<c { sum += x[j] }
        let mean = sum / Float(c)
        var sq: Float = 0
        for j in 0..<c { let d = x[j] - mean; sq += d * d }
        let rstd = 1 / (sq / Float(c) + 1e-5).squareRoot()
        for j in 0..<c { y[j] = (x[j] - mean) * rstd * w[j] + b[j] }
    }

    /// Runs one token at position `window.count` through every block, appending its keys and values.
    private mutating func advance(_ token: Int) {
        let c = configuration.width, heads = configuration.headCount, d = c / heads, f = configuration.feedForwardSize
        let position = window.count
        let scale = 1 / Float(d).squareRoot()
        for j in 0..<c { x[j] = tok[token * c + j] + pos[position * c + j] }
        x.withUnsafeMutableBufferPointer { xb in
        normed.withUnsafeMutableBufferPointer { nb in
        qkv.withUnsafeMutableBufferPointer { qb in
        attended.withUnsafeMutableBufferPointer { ab in
        hidden.withUnsafeMutableBufferPointer { hb in
        scores.withUnsafeMutableBufferPointer { sb in
            let x = xb.baseAddress!, n = nb.baseAddress!, q = qb.baseAddress!, a = ab.baseAddress!
            let h = hb.baseAddress!, s = sb.baseAddress!
            for k in 0..<blocks.count {
                let blk = blocks[k]
                // attention half: qkv (3C) = W_qkv · ln1(x) + b; cache k, v at this position
                Self.layerNorm(x, blk.ln1w, blk.ln1b, into: n, count: c)
                blk.qkvW.withUnsafeBufferPointer { w in
                    blk.qkvB.withUnsafeBufferPointer { b in
                        MatrixVector.multiply(w.baseAddress!, rows: 3 * c, columns: c, vector: n, bias: b.baseAddress!, into: q)
                    }
                }
                keys[k].withUnsafeMutableBufferPointer { kb in
                    values[k].withUnsafeMutableBufferPointer { vb in
                        (kb.baseAddress! + position * c).update(from: q + c, count: c)
                        (vb.baseAddress! + position * c).update(from: q + 2 * c, count: c)
                        // per head: scores over positions 0...position, softmax, weighted sum of values
                        for head in 0..<heads {
                            let qh = q + head * d
                            var m = -Float.infinity
                            for j in 0...position {
                                s[j] = Self.dot(qh, kb.baseAddress! + j * c + head * d, d) * scale
                                m = max(m, s[j])
                            }
                            for j in 0...position { s[j] -= m }
                            Activation.exp(s, count: position + 1)
                            var sum: Float = 0
                            for j in 0...position { sum += s[j] }
                            let inv = 1 / sum
                            let out = a + head * d
                            for i in 0..<d { out[i] = 0 }
                            for j in 0...position {
                                Self.axpy(s[j] * inv, vb.baseAddress! + j * c + head * d, out, d)
                            }
                        }
                    }
                }
                // x += W_proj · attended + b
                blk.projW.withUnsafeBufferPointer { w in
                    MatrixVector.multiply(w.baseAddress!, rows: c, columns: c, vector: a, bias: x, into: x)
                }
                for j in 0..<c { x[j] += blk.projB[j] }
                // MLP half: x += W_fc2 · gelu(W_fc1 · ln2(x) + b1) + b2
                Self.layerNorm(x, blk.ln2w, blk.ln2b, into: n, count: c)
                blk.fc1W.withUnsafeBufferPointer { w in
                    blk.fc1B.withUnsafeBufferPointer { b in
                        MatrixVector.multiply(w.baseAddress!, rows: f, columns: c, vector: n, bias: b.baseAddress!, into: h)
                    }
                }
                GELU.forward(h, h, count: f)
                blk.fc2W.withUnsafeBufferPointer { w in
                    MatrixVector.multiply(w.baseAddress!, rows: c, columns: f, vector: h, bias: x, into: x)
                }
                for j in 0..<c { x[j] += blk.fc2B[j] }
            }
            // logits (V) = W_head · ln_f(x) + b
            Self.layerNorm(x, lnFw, lnFb, into: n, count: c)
            headW.withUnsafeBufferPointer { w in
                headB.withUnsafeBufferPointer { b in
                    logits.withUnsafeMutableBufferPointer { out in
                        MatrixVector.multiply(w.baseAddress!, rows: configuration.vocabularySize, columns: c, vector: n,
                                              bias: b.baseAddress!, into: out.baseAddress!)
                    }
                }
            }
        }}}}}}
        window.append(token)
    }

    /// Feeds `token`, then draws the next token from the new logits.
    public mutating func next(after token: Int, options: SamplingOptions = SamplingOptions(),
                              using rng: inout Xoshiro256StarStar) throws(NeuralCoreError) -> Int {
        try step(token: token)
        return logits.withUnsafeBufferPointer { sampler.sample($0, options: options, using: &rng) }
    }

    /// Generates `count` tokens after `prompt` (fed first, at least one token), each drawn from our generator.
    public mutating func generate(prompt: [Int], count: Int, options: SamplingOptions = SamplingOptions(),
                                  using rng: inout Xoshiro256StarStar) throws(NeuralCoreError) -> [Int] {
        try options.validate()
        guard let last = prompt.last else { throw .invalidArgument(name: "prompt", reason: "needs at least one token") }
        for token in prompt.dropLast() { try step(token: token) }
        var out: [Int] = []
        out.reserveCapacity(count)
        var token = last
        for _ in 0..<count {
            token = try next(after: token, options: options, using: &rng)
            out.append(token)
        }
        return out
    }
}

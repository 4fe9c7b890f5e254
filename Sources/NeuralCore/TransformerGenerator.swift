/// Batch-1 autoregressive stepping of a transformer with a key/value cache: each step runs one
/// position through every block, attending to the cached keys and values of the positions before it.
///
/// The cache holds up to P (the context) positions. When it is full, the last P/2 tokens are run again
/// from position 0 (the new token among them) in one batched forward (gemm), whose keys and values refill
/// the cache, and stepping continues from that shorter cache — torch_ref.py's "half-window re-prefill".
/// Until then every step's logits equal the uncached forward over the whole history (tested). Stepping
/// buffers are allocated once; products are the SIMD matrix-vector loop (`MatrixVector.multiply`), and
/// attention's dot products and weighted sums are SIMD loops over each head's d features.
///
/// With `threads: 2` a persistent worker thread takes half of every product's rows (split at multiples
/// of 4, so each row is the same dot product as with one thread) and half of the heads; the two threads
/// meet five times per block. The logits are bit-identical for any thread count (tested).
public struct TransformerGenerator: Sendable {
    /// The model's sizes.
    public let configuration: TransformerLanguageModel.Configuration
    /// The threads stepping one sequence (1 or 2).
    public let threads: Int
    /// Where one block's tensors start in `weights`.
    private struct BlockOffsets: Sendable {
        var ln1w = 0, ln1b = 0, qkvW = 0, qkvB = 0, projW = 0, projB = 0
        var ln2w = 0, ln2b = 0, fc1W = 0, fc1B = 0, fc2W = 0, fc2B = 0
    }
    private let model: TransformerLanguageModel
    private let weights: [Float]                           // every tensor the stepping reads, one after another
    private let blocks: [BlockOffsets]
    private let tok: Int, pos: Int, lnFw: Int, lnFb: Int, headW: Int, headB: Int   // offsets in `weights`: (V, C), (P, C), ...
    private var keys: [Float], values: [Float]             // (L, P, C)
    private var x: [Float], qkv: [Float], attended: [Float], hidden: [Float]
    private var normed: [Float], scores: [Float]           // one (C) and one (P) per part
    /// The tokens whose keys and values are cached, oldest first (`window.count` is the next position).
    public private(set) var window: [Int] = []
    /// The logits (V) after the last `step`.
    public private(set) var logits: [Float]
    private var sampler: TokenSampler
    private let team: SteppingTeam
    private let split: Split

    /// Each part's share: rows of every product (multiples of 4 at the boundary) and heads.
    private struct Split: Sendable {
        var qkv: [Range<Int>], width: [Range<Int>], feedForward: [Range<Int>], vocabulary: [Range<Int>], heads: [Range<Int>]
    }

    /// Prepares stepping for `model` from an empty history; `threads` (1 or 2) is how many threads step one sequence.
    public init(model: TransformerLanguageModel, threads: Int = 1) {
        let c = model.configuration
        configuration = c
        self.model = model
        self.threads = min(max(threads, 1), 2)
        team = SteppingTeam(threads: self.threads)
        split = Split(qkv: team.split(3 * c.width), width: team.split(c.width), feedForward: team.split(c.feedForwardSize),
                      vocabulary: team.split(c.vocabularySize), heads: team.split(c.headCount, multiple: 1))
        let p = model.parameters
        var w: [Float] = []
        func append(_ name: String) -> Int { defer { w += p[name].data }; return w.count }
        blocks = (0..<c.layerCount).map { k in
            let n = "blocks.\(k)."
            var o = BlockOffsets()
            o.ln1w = append(n + "ln1.weight"); o.ln1b = append(n + "ln1.bias")
            o.qkvW = append(n + "qkv.weight"); o.qkvB = append(n + "qkv.bias")
            o.projW = append(n + "proj.weight"); o.projB = append(n + "proj.bias")
            o.ln2w = append(n + "ln2.weight"); o.ln2b = append(n + "ln2.bias")
            o.fc1W = append(n + "fc1.weight"); o.fc1B = append(n + "fc1.bias")
            o.fc2W = append(n + "fc2.weight"); o.fc2B = append(n + "fc2.bias")
            return o
        }
        tok = append("tok.weight"); pos = append("pos.weight")
        lnFw = append("ln_f.weight"); lnFb = append("ln_f.bias")
        headW = append("head.weight"); headB = append("head.bias")
        weights = w
        keys = [Float](repeating: 0, count: c.layerCount * c.context * c.width)
        values = keys
        x = [Float](repeating: 0, count: c.width)
        attended = x
        normed = [Float](repeating: 0, count: 2 * c.width)
        qkv = [Float](repeating: 0, count: 3 * c.width)
        hidden = [Float](repeating: 0, count: c.feedForwardSize)
        scores = [Float](repeating: 0, count: 2 * c.context)
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
        let c = configuration.width, v = configuration.vocabularySize, block = configuration.context * c
        var acts = TransformerLanguageModel.Activations()
        model.forward(inputs: tokens, batchSize: 1, acts: &acts)
        for k in 0..<blocks.count {
            let qkv = acts.blocks[k].qkv.data    // (1, T, 3C)
            keys.withUnsafeMutableBufferPointer { kb in
                values.withUnsafeMutableBufferPointer { vb in
                    qkv.withUnsafeBufferPointer { q in
                        for t in tokens.indices {
                            (kb.baseAddress! + k * block + t * c).update(from: q.baseAddress! + t * 3 * c + c, count: c)
                            (vb.baseAddress! + k * block + t * c).update(from: q.baseAddress! + t * 3 * c + 2 * c, count: c)
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
    private static func layerNorm(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                                  into y: UnsafeMutablePointer<Float>, count c: Int) {
        var sum: Float = 0
        for j in 0..<c { sum += x[j] }
        let mean = sum / Float(c)
        var sq: Float = 0
        for j in 0..<c { let d = x[j] - mean; sq += d * d }
        let rstd = 1 / (sq / Float(c) + 1e-5).squareRoot()
        for j in 0..<c { y[j] = (x[j] - mean) * rstd * w[j] + b[j] }
    }

    /// y (rows r of W) = W (·, n) · x + bias, for one part's rows of a product.
    @inline(__always)
    private static func rows(_ r: Range<Int>, of w: UnsafePointer<Float>, columns n: Int, vector x: UnsafePointer<Float>,
                             bias: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>) {
        MatrixVector.multiply(w + r.lowerBound * n, rows: r.count, columns: n, vector: x,
                              bias: bias + r.lowerBound, into: y + r.lowerBound)
    }

    /// Runs one token at position `window.count` through every block, appending its keys and values.
    private mutating func advance(_ token: Int) {
        let c = configuration.width, heads = configuration.headCount, d = c / heads, f = configuration.feedForwardSize
        let (context, block) = (configuration.context, configuration.context * c)
        let position = window.count
        let scale = 1 / Float(d).squareRoot()
        let (team, split, blocks) = (self.team, self.split, self.blocks)
        let (tok, pos, lnFw, lnFb, headW, headB) = (self.tok, self.pos, self.lnFw, self.lnFb, self.headW, self.headB)
        weights.withUnsafeBufferPointer { wb in
        keys.withUnsafeMutableBufferPointer { kb in
        values.withUnsafeMutableBufferPointer { vb in
        x.withUnsafeMutableBufferPointer { xb in
        normed.withUnsafeMutableBufferPointer { nb in
        qkv.withUnsafeMutableBufferPointer { qb in
        attended.withUnsafeMutableBufferPointer { ab in
        hidden.withUnsafeMutableBufferPointer { hb in
        scores.withUnsafeMutableBufferPointer { sb in
        logits.withUnsafeMutableBufferPointer { lb in
            let (w, x, q, a, h) = (wb.baseAddress!, xb.baseAddress!, qb.baseAddress!, ab.baseAddress!, hb.baseAddress!)
            for j in 0..<c { x[j] = w[tok + token * c + j] + w[pos + position * c + j] }
            team.run { part in
                let n = nb.baseAddress! + part * c, s = sb.baseAddress! + part * context
                for (k, o) in blocks.enumerated() {
                    let keys = kb.baseAddress! + k * block, values = vb.baseAddress! + k * block
                    // attention half: qkv (3C) = W_qkv · ln1(x) + b (each part its rows, on its own copy of ln1(x))
                    Self.layerNorm(x, w + o.ln1w, w + o.ln1b, into: n, count: c)
                    Self.rows(split.qkv[part], of: w + o.qkvW, columns: c, vector: n, bias: w + o.qkvB, into: q)
                    team.sync()
                    // per head of this part: cache k, v at this position; scores over 0...position, softmax,
                    // weighted sum of values
                    for head in split.heads[part] {
                        let hd = head * d
                        (keys + position * c + hd).update(from: q + c + hd, count: d)
                        (values + position * c + hd).update(from: q + 2 * c + hd, count: d)
                        var m = -Float.infinity
                        for j in 0...position {
                            s[j] = Self.dot(q + hd, keys + j * c + hd, d) * scale
                            m = max(m, s[j])
                        }
                        for j in 0...position { s[j] -= m }
                        Activation.exp(s, count: position + 1)
                        var sum: Float = 0
                        for j in 0...position { sum += s[j] }
                        let inv = 1 / sum
                        let out = a + hd
                        for i in 0..<d { out[i] = 0 }
                        for j in 0...position { Self.axpy(s[j] * inv, values + j * c + hd, out, d) }
                    }
                    team.sync()
                    // x += W_proj · attended + b (this part's rows of x)
                    let rc = split.width[part]
                    Self.rows(rc, of: w + o.projW, columns: c, vector: a, bias: x, into: x)
                    for j in rc { x[j] += w[o.projB + j] }
                    team.sync()
                    // MLP half: x += W_fc2 · gelu(W_fc1 · ln2(x) + b1) + b2
                    Self.layerNorm(x, w + o.ln2w, w + o.ln2b, into: n, count: c)
                    let rf = split.feedForward[part]
                    Self.rows(rf, of: w + o.fc1W, columns: c, vector: n, bias: w + o.fc1B, into: h)
                    GELU.forward(h + rf.lowerBound, h + rf.lowerBound, count: rf.count)
                    team.sync()
                    Self.rows(rc, of: w + o.fc2W, columns: f, vector: h, bias: x, into: x)
                    for j in rc { x[j] += w[o.fc2B + j] }
                    team.sync()
                }
                // logits (V) = W_head · ln_f(x) + b
                Self.layerNorm(x, w + lnFw, w + lnFb, into: n, count: c)
                Self.rows(split.vocabulary[part], of: w + headW, columns: c, vector: n, bias: w + headB, into: lb.baseAddress!)
            }
        }}}}}}}}}}
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

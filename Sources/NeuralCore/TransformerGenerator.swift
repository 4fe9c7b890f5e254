import CNeuralKernels

/// Batch-1 autoregressive stepping of a transformer with a key/value cache: each step runs one
/// position through every block, attending to the cached keys and values of the positions before it.
///
/// The cache holds up to P (the context) positions. When it is full, stepping goes on from the last
/// P/2 tokens (the new one among them) at positions 0..<P/2 — torch_ref.py's "half-window re-prefill".
/// Instead of re-running those tokens in one batched forward when the cache fills, a second cache (the
/// shadow) is filled while the first is: from position P − P/2 + 1 on, each token also runs at its future
/// position in the shadow, through the same pass over the weights (two-vector matrix products, which
/// cost hardly more than one: stepping is bound by reading the weights). When the cache is full the
/// token completes the shadow, which becomes the cache. Every step's logits equal the uncached forward
/// over the window (tested), with no pause every P/2 tokens.
///
/// Products, attention scores and attention's weighted sums of values go through C kernels compiled for
/// SSE2, AVX2 and AVX-512F (`MatrixVector.dispatched`, `tunesmith_attention_scores` / `_mix`), which give
/// identical results on every level.
/// With `threads: 2` a persistent worker thread takes half of every product's rows (split at multiples
/// of 4) and half of the heads with their query, key and value rows; the two threads meet four times per block. The logits are bit-identical
/// for any thread count and kernel level (tested).
public struct TransformerGenerator: Sendable {
    /// The model's sizes.
    public let configuration: TransformerLanguageModel.Configuration
    /// The threads stepping one sequence (1 or 2).
    public let threads: Int
    /// The instruction-set level of the matrix-vector kernels.
    public let kernelLevel: MatrixVector.Level
    /// Where one block's tensors start in `weights`.
    private struct BlockOffsets: Sendable {
        var ln1w = 0, ln1b = 0, qkvW = 0, qkvB = 0, projW = 0, projB = 0
        var ln2w = 0, ln2b = 0, fc1W = 0, fc1B = 0, fc2W = 0, fc2B = 0
    }
    private let weights: [Float]                           // every tensor the stepping reads, one after another
    private let blocks: [BlockOffsets]
    private let tok: Int, pos: Int, lnFw: Int, lnFb: Int, headW: Int, headB: Int   // offsets in `weights`: (V, C), (P, C), ...
    private var keys: [Float], values: [Float]             // (2, L, P, C): two caches, `cache` and `shadow`
    private var cache = 0                                  // which of the two holds `window`
    private var shadowCount = 0                            // positions filled in the other one
    private let keep: Int                                  // tokens kept when the cache is full (P/2)
    // per lane (the step's position in the cache, and in the shadow when it is filling): x (C), qkv (3C),
    // attended (C), hidden (F); per part and lane: normed (C); per part: scores (P)
    private var x: [Float], qkv: [Float], attended: [Float], hidden: [Float]
    private var normed: [Float], scores: [Float]
    /// The tokens whose keys and values are cached, oldest first (`window.count` is the next position).
    public private(set) var window: [Int] = []
    /// The logits (V) after the last `step`.
    public private(set) var logits: [Float]
    private var sampler: TokenSampler
    private let team: SteppingTeam
    private let split: Split

    /// Each part's share: its heads and their query, key and value rows (so attention needs no other part's
    /// rows), and the rows of every other product (multiples of 4 at the boundary).
    private struct Split: Sendable {
        var heads: [Range<Int>], qkv: [[Range<Int>]], width: [Range<Int>], feedForward: [Range<Int>], vocabulary: [Range<Int>]
    }

    /// Prepares stepping for `model` from an empty history; `threads` (1 or 2) is how many threads step one
    /// sequence; `kernelLevel` (default: the best this CPU runs) changes the speed, never the results.
    public init(model: TransformerLanguageModel, threads: Int = 1, kernelLevel: MatrixVector.Level = .available) {
        let c = model.configuration
        configuration = c
        self.threads = min(max(threads, 1), 2)
        self.kernelLevel = min(kernelLevel, .available)
        keep = max(c.context / 2, 1)
        team = SteppingTeam(threads: self.threads)
        let heads = team.split(c.headCount, multiple: 1), d = c.width / c.headCount
        split = Split(heads: heads,
                      qkv: heads.map { h in (0..<3).map { part in part * c.width + h.lowerBound * d..<part * c.width + h.upperBound * d } },
                      width: team.split(c.width), feedForward: team.split(c.feedForwardSize), vocabulary: team.split(c.vocabularySize))
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
        keys = [Float](repeating: 0, count: 2 * c.layerCount * c.context * c.width)
        values = keys
        x = [Float](repeating: 0, count: 2 * c.width)
        attended = x
        normed = [Float](repeating: 0, count: 2 * 2 * c.width)
        qkv = [Float](repeating: 0, count: 2 * 3 * c.width)
        hidden = [Float](repeating: 0, count: 2 * c.feedForwardSize)
        scores = [Float](repeating: 0, count: 2 * c.context)
        logits = [Float](repeating: 0, count: c.vocabularySize)
        sampler = TokenSampler(vocabularySize: c.vocabularySize)
    }

    /// Forgets the history.
    public mutating func reset() {
        window.removeAll(keepingCapacity: true)
        shadowCount = 0
    }

    /// Feeds one token and updates `logits`. When the cache is full, the token completes the shadow cache,
    /// which takes over with the last P/2 tokens.
    public mutating func step(token: Int) throws(NeuralCoreError) {
        guard token >= 0 && token < configuration.vocabularySize else {
            throw .tokenOutOfRange(token: token, vocabularySize: configuration.vocabularySize, position: window.count)
        }
        let context = configuration.context, shadowStart = context - keep + 1
        let position = window.count
        if position == context {
            precondition(shadowCount == keep - 1)
            advance(token, lanes: [(1 - cache, shadowCount)])
            cache = 1 - cache
            shadowCount = 0
            window = Array(window.suffix(keep - 1)) + [token]
        } else if position >= shadowStart {
            advance(token, lanes: [(cache, position), (1 - cache, shadowCount)])
            shadowCount += 1
            window.append(token)
        } else {
            advance(token, lanes: [(cache, position)])
            window.append(token)
        }
    }

    /// For each lane l < `count`: y_l (rows r of W) = W (·, n) · x_l + bias_l, one pass over W's rows r.
    /// Lane l's vectors start at `x + l · xStride`, `y + l · yStride` (and `bias + l · yStride` when
    /// `biasPerLane`, else the same bias for every lane).
    @inline(__always)
    private static func rows(_ r: Range<Int>, of w: UnsafePointer<Float>, columns n: Int, lanes count: Int,
                             x: UnsafePointer<Float>, xStride: Int, bias: UnsafePointer<Float>, biasPerLane: Bool,
                             into y: UnsafeMutablePointer<Float>, yStride: Int, level: MatrixVector.Level) {
        let b1 = biasPerLane ? bias + yStride : bias
        if count == 2 {
            MatrixVector.dispatched(w + r.lowerBound * n, rows: r.count, columns: n, vectors: x, x + xStride,
                                    biases: bias + r.lowerBound, b1 + r.lowerBound,
                                    into: y + r.lowerBound, y + yStride + r.lowerBound, level: level)
        } else {
            MatrixVector.dispatched(w + r.lowerBound * n, rows: r.count, columns: n, vector: x,
                                    bias: bias + r.lowerBound, into: y + r.lowerBound, level: level)
        }
    }

    /// Runs one token through every block in one or two lanes — (cache, position) pairs: the position in
    /// the cache holding the window, and in the shadow while it fills — appending each lane's keys and
    /// values to its cache. Lane 0's logits become `logits`. The shadow lane's last block stops after its
    /// keys and values: nothing reads the rest.
    private mutating func advance(_ token: Int, lanes: [(cache: Int, position: Int)]) {
        let c = configuration.width, heads = configuration.headCount, d = c / heads, f = configuration.feedForwardSize
        let (context, block) = (configuration.context, configuration.context * c)
        let layerCount = configuration.layerCount, cacheSize = layerCount * block
        let scale = 1 / Float(d).squareRoot()
        let (team, split, blocks, level) = (self.team, self.split, self.blocks, self.kernelLevel)
        let (tok, pos, lnFw, lnFb, headW, headB) = (self.tok, self.pos, self.lnFw, self.lnFb, self.headW, self.headB)
        let laneCount = lanes.count
        let lane0 = lanes[0], lane1 = lanes.count > 1 ? lanes[1] : lanes[0]
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
            for l in 0..<laneCount {
                let position = l == 0 ? lane0.position : lane1.position
                for j in 0..<c { x[l * c + j] = w[tok + token * c + j] + w[pos + position * c + j] }
            }
            team.run { part in
                let n = nb.baseAddress! + part * 2 * c, s = sb.baseAddress! + part * context
                for (k, o) in blocks.enumerated() {
                    // the shadow lane needs only its keys and values from the last block
                    let full = k == layerCount - 1 ? 1 : laneCount
                    // attention half: qkv (3C) = W_qkv · ln1(x) + b (each part the q, k, v rows of its heads, on its
                    // own copy of ln1(x))
                    for l in 0..<laneCount { tunesmith_layer_norm(level.rawValue, x + l * c, w + o.ln1w, w + o.ln1b, n + l * c, c) }
                    for r in split.qkv[part] {
                        Self.rows(r, of: w + o.qkvW, columns: c, lanes: laneCount, x: n, xStride: c,
                                  bias: w + o.qkvB, biasPerLane: false, into: q, yStride: 3 * c, level: level)
                    }
                    // per head of this part and lane: cache k, v at the lane's position; scores over 0...position,
                    // softmax, weighted sum of values
                    for l in 0..<laneCount {
                        let lane = l == 0 ? lane0 : lane1, position = lane.position, q = q + l * 3 * c
                        let keys = kb.baseAddress! + lane.cache * cacheSize + k * block
                        let values = vb.baseAddress! + lane.cache * cacheSize + k * block
                        for head in split.heads[part] {
                            let hd = head * d
                            (keys + position * c + hd).update(from: q + c + hd, count: d)
                            (values + position * c + hd).update(from: q + 2 * c + hd, count: d)
                            guard l < full else { continue }
                            tunesmith_attention_scores(level.rawValue, q + hd, keys + hd, c, position + 1, d, scale, s)
                            let sum = Activation.expShifted(s, count: position + 1)
                            tunesmith_attention_mix(level.rawValue, s, 1 / sum, values + hd, c, position + 1, d, a + l * c + hd)
                        }
                    }
                    team.sync()
                    // x += W_proj · attended + b (this part's rows of x)
                    let rc = split.width[part]
                    Self.rows(rc, of: w + o.projW, columns: c, lanes: full, x: a, xStride: c, bias: x, biasPerLane: true,
                              into: x, yStride: c, level: level)
                    for l in 0..<full { for j in rc { x[l * c + j] += w[o.projB + j] } }
                    team.sync()
                    // MLP half: x += W_fc2 · gelu(W_fc1 · ln2(x) + b1) + b2
                    for l in 0..<full { tunesmith_layer_norm(level.rawValue, x + l * c, w + o.ln2w, w + o.ln2b, n + l * c, c) }
                    let rf = split.feedForward[part]
                    Self.rows(rf, of: w + o.fc1W, columns: c, lanes: full, x: n, xStride: c, bias: w + o.fc1B, biasPerLane: false,
                              into: h, yStride: f, level: level)
                    for l in 0..<full { tunesmith_gelu(level.rawValue, h + l * f + rf.lowerBound, h + l * f + rf.lowerBound, rf.count) }
                    team.sync()
                    Self.rows(rc, of: w + o.fc2W, columns: f, lanes: full, x: h, xStride: f, bias: x, biasPerLane: true,
                              into: x, yStride: c, level: level)
                    for l in 0..<full { for j in rc { x[l * c + j] += w[o.fc2B + j] } }
                    team.sync()
                }
                // logits (V) = W_head · ln_f(x) + b, lane 0
                tunesmith_layer_norm(level.rawValue, x, w + lnFw, w + lnFb, n, c)
                Self.rows(split.vocabulary[part], of: w + headW, columns: c, lanes: 1, x: n, xStride: c, bias: w + headB,
                          biasPerLane: false, into: lb.baseAddress!, yStride: 0, level: level)
            }
        }}}}}}}}}}
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

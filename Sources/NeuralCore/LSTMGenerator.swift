/// Batch-1 autoregressive stepping of an LSTM language model, carrying (h, c) per layer.
///
/// Built for speed: layer 0's input projection is folded into a (V, 4H) table (embedding · W_ih0ᵀ +
/// b_ih0 + b_hh0, see `inputTable`), every other product is a matrix-vector product (by default the C
/// kernels of `MatrixVector.dispatched` at the best level the CPU runs, which give the same bits on every
/// level and measured faster than the Swift SIMD loop and OpenBLAS sgemv; see Benchmarks/neural), and all
/// buffers are allocated once, so a step allocates nothing.
///
/// With `threads: 2` the hidden units are split between the caller and a persistent worker thread:
/// each owns the rows j, H+j, 2H+j, 3H+j of its units j (stored next to each other, so its gate
/// pre-activations are one contiguous product), its slice of h and c, and half of the head's rows;
/// the two meet once per layer. Every row is the same dot product as with one thread, so the logits
/// are bit-identical for any thread count (tested).
public struct LSTMGenerator: Sendable {
    /// The model's sizes.
    public let configuration: LSTMLanguageModel.Configuration
    /// The threads stepping one sequence (1 or 2).
    public let threads: Int
    private let units: [Range<Int>]        // the hidden units of each part
    private let headRows: [Range<Int>]     // the head's rows of each part
    // One array holds every weight, rows of the gate products in part order (`partOrder`):
    //   table (V, 4H): layer 0's gate input for each token, biases included
    //   layer 0: W_hh (4H, H); layer k ≥ 1: [W_ih | W_hh] (4H, 2H), applied to [h_{k−1}; h_k], then b_ih + b_hh (4H)
    //   head W (V, H), head b (V)
    private let weights: [Float]
    private let layerOffsets: [Int]        // where layer k's matrix starts in `weights` (its bias follows it, k ≥ 1)
    private let headOffset: Int
    // Each layer's product input, twice (read one parity, write the other): layer 0 h_0 (H),
    // layer k ≥ 1 [h_{k−1}; h_k] (2H). A step reads parity `parity` and writes h_k to both its own
    // slot of the other parity (next step's input) and layer k+1's slot of this parity (this step's input).
    private var vectors: [Float]
    private var parity = 0
    private let inputOffsets: [[Int]]      // [parity][k]: where layer k's product input starts in `vectors`
    private let hiddenOffsets: [[Int]]     // [parity][k]: where h_k starts (inside layer k's own input)
    private var cell: [Float]              // c (L, H)
    private var gates: [Float]             // (4H) scratch, part order
    /// The logits (V) after the last `step`.
    public private(set) var logits: [Float]
    private var sampler: TokenSampler
    /// The matrix-vector product.
    public let kernel: MatrixVector.Kernel
    /// The instruction-set level of the C kernels when `kernel` is `.dispatched` (it changes the speed, never
    /// the results).
    public let kernelLevel: MatrixVector.Level
    private let team: SteppingTeam

    /// Prepares stepping for `model` from a zero state; `kernel` picks the matrix-vector product (for
    /// `.dispatched`, at `kernelLevel`, by default the best this CPU runs) and `threads` (1 or 2) how many
    /// threads step one sequence.
    public init(model: LSTMLanguageModel, kernel: MatrixVector.Kernel = .dispatched, threads: Int = 1,
                kernelLevel: MatrixVector.Level = .available) {
        self.kernel = kernel
        self.kernelLevel = min(kernelLevel, .available)
        let c = model.configuration
        configuration = c
        let (h, v) = (c.hiddenSize, c.vocabularySize)
        let g4 = 4 * h
        self.threads = min(max(threads, 1), 2)
        team = SteppingTeam(threads: self.threads)
        units = team.split(h, multiple: 8)
        headRows = team.split(v)
        let order = Self.partOrder(units, hidden: h)
        let table = Self.inputTable(model)  // (V, 4H)
        var w: [Float] = []
        for row in 0..<v { w += order.map { table[row * g4 + $0] } }
        var offsets: [Int] = []
        for (k, layer) in model.lstmLayers.enumerated() {
            offsets.append(w.count)
            if k == 0 {
                for r in order { w += layer.weightHH.data[(r * h)..<(r * h + h)] }
            } else {
                for r in order {
                    w += layer.weightIH.data[(r * h)..<(r * h + h)]
                    w += layer.weightHH.data[(r * h)..<(r * h + h)]
                }
                w += order.map { layer.biasIH.data[$0] + layer.biasHH.data[$0] }
            }
        }
        layerOffsets = offsets
        headOffset = w.count
        w += model.parameters["head.weight"].data + model.parameters["head.bias"].data
        weights = w
        let stride = h + (c.layerCount - 1) * 2 * h
        vectors = [Float](repeating: 0, count: 2 * stride)
        inputOffsets = (0..<2).map { p in (0..<c.layerCount).map { k in p * stride + (k == 0 ? 0 : h + (k - 1) * 2 * h) } }
        hiddenOffsets = inputOffsets.map { $0.enumerated().map { k, o in o + (k == 0 ? 0 : h) } }
        cell = [Float](repeating: 0, count: c.layerCount * h)
        gates = [Float](repeating: 0, count: g4)
        logits = [Float](repeating: 0, count: v)
        sampler = TokenSampler(vocabularySize: v)
    }

    /// Layer 0's gate input for each token, (V, 4H): W_ih0 · embedding[token] + (b_ih0 + b_hh0), through
    /// `MatrixVector.multiply`, not OpenBLAS: sgemm's sums depend on its thread count (OPENBLAS_NUM_THREADS,
    /// `BLASThreads.set`, the number of cores) and its CPU-specific kernels, so the table and every logit
    /// after it would too; this loop gives the same bits for a seed on any machine and thread count.
    static func inputTable(_ model: LSTMLanguageModel) -> [Float] {
        let c = model.configuration
        let (g4, e) = (4 * c.hiddenSize, c.embeddingSize)
        let l0 = model.lstmLayer(0)
        let bias = zip(l0.biasIH.data, l0.biasHH.data).map(+)
        var table = [Float](repeating: 0, count: c.vocabularySize * g4)
        model.parameters["embed.weight"].data.withUnsafeBufferPointer { x in
            table.withUnsafeMutableBufferPointer { t in
                for row in 0..<c.vocabularySize {
                    MatrixVector.multiply(l0.weightIH.data, rows: g4, columns: e, vector: x.baseAddress! + row * e,
                                          bias: bias, into: t.baseAddress! + row * g4)
                }
            }
        }
        return table
    }

    /// The original gate row (g·H + j) of each stored row: part by part, gate by gate, the part's units.
    static func partOrder(_ units: [Range<Int>], hidden h: Int) -> [Int] {
        units.flatMap { part in (0..<4).flatMap { gate in part.map { gate * h + $0 } } }
    }

    /// The state (h, c), each (L, H) flattened.
    public var state: (h: [Float], c: [Float]) {
        let h = configuration.hiddenSize
        let hs = hiddenOffsets[parity].flatMap { vectors[$0..<($0 + h)] }
        return (hs, cell)
    }

    /// Returns to the zero state.
    public mutating func reset() {
        for j in vectors.indices { vectors[j] = 0 }
        for j in cell.indices { cell[j] = 0 }
        parity = 0
    }

    /// Feeds one token and updates `logits` and the state.
    public mutating func step(token: Int) throws(NeuralCoreError) {
        guard token >= 0 && token < configuration.vocabularySize else {
            throw .tokenOutOfRange(token: token, vocabularySize: configuration.vocabularySize, position: 0)
        }
        let (h, layers, v) = (configuration.hiddenSize, configuration.layerCount, configuration.vocabularySize)
        let g4 = 4 * h
        let (kernel, level, team, units, headRows) = (self.kernel, self.kernelLevel, self.team, self.units, self.headRows)
        let (offsets, headOffset) = (layerOffsets, self.headOffset)
        let (cur, nxt) = (parity, 1 - parity)
        let (inputs, outputs) = (inputOffsets[cur], hiddenOffsets[nxt])
        // y (rows) = W (rows, columns) · x + bias, with the chosen kernel
        func product(_ w: UnsafePointer<Float>, rows: Int, columns: Int, vector: UnsafePointer<Float>,
                     bias: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>) {
            switch kernel {
            case .dispatched: MatrixVector.dispatched(w, rows: rows, columns: columns, vector: vector, bias: bias, into: y, level: level)
            case .simd: MatrixVector.multiply(w, rows: rows, columns: columns, vector: vector, bias: bias, into: y)
            case .blas: MatrixVector.blas(w, rows: rows, columns: columns, vector: vector, bias: bias, into: y)
            }
        }
        weights.withUnsafeBufferPointer { wb in
        vectors.withUnsafeMutableBufferPointer { vb in
        cell.withUnsafeMutableBufferPointer { cb in
        gates.withUnsafeMutableBufferPointer { gb in
        logits.withUnsafeMutableBufferPointer { lb in
            let (w, vec, cells) = (wb.baseAddress!, vb.baseAddress!, cb.baseAddress!)
            team.run { part in
                let (a, n) = (units[part].lowerBound, units[part].count)
                let g = gb.baseAddress! + 4 * a     // this part's 4n gate pre-activations
                for k in 0..<layers {
                    // gates = W_ih x + W_hh h_k + biases: layer 0 starts from x's row of the table;
                    // layer k ≥ 1 multiplies [W_ih | W_hh] by [h_{k−1} (this step's); h_k]
                    if k == 0 {
                        g.update(from: w + token * g4 + 4 * a, count: 4 * n)
                        product(w + offsets[0] + 4 * a * h, rows: 4 * n, columns: h, vector: vec + inputs[0], bias: g, into: g)
                    } else {
                        let m = w + offsets[k]
                        product(m + 4 * a * 2 * h, rows: 4 * n, columns: 2 * h, vector: vec + inputs[k],
                                bias: m + g4 * 2 * h + 4 * a, into: g)
                    }
                    // c, h of this part's units: the same cell update as training
                    let hk = vec + outputs[k] + a
                    LSTMLayer.cellForward(gates: g, cPrev: cells + k * h + a, c: cells + k * h + a, h: hk, hidden: n)
                    if k + 1 < layers { (vec + inputs[k + 1] + a).update(from: hk, count: n) }
                    team.sync()
                }
                // logits (V) = head W h_{L−1} + b, this part's rows
                let r = headRows[part]
                product(w + headOffset + r.lowerBound * h, rows: r.count, columns: h, vector: vec + outputs[layers - 1],
                        bias: w + headOffset + v * h + r.lowerBound, into: lb.baseAddress! + r.lowerBound)
            }
        }}}}}
        parity = nxt
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

/// Batch-1 autoregressive stepping of an LSTM language model, carrying (h, c) per layer.
///
/// Built for speed: layer 0's input projection is folded into a (V, 4H) table
/// (embedding · W_ih0ᵀ + b_ih0 + b_hh0), every other product is a matrix-vector product (by
/// default the hand-written SIMD loop, which measured faster here than OpenBLAS sgemv at these
/// sizes; see Benchmarks/neural), and all buffers are allocated once, so a step allocates nothing.
public struct LSTMGenerator: Sendable {
    /// The model's sizes.
    public let configuration: LSTMLanguageModel.Configuration
    private let inputTable: [Float]        // (V, 4H): layer 0's gate input for each token, biases included
    private let weightHH0: [Float]         // layer 0's W_hh (4H, H)
    private let weightCat: [[Float]]       // layer k ≥ 1: [W_ih | W_hh] (4H, 2H), applied to [h_{k−1}; h_k]; index 0 empty
    private let bias: [[Float]]            // b_ih + b_hh (4H) per layer; index 0 unused (folded into the table)
    private let headWeight: [Float]        // (V, H)
    private let headBias: [Float]          // (V)
    private var hidden: [Float]            // h (L, H)
    private var cell: [Float]              // c (L, H)
    private var gates: [Float]             // (4H) scratch
    /// The logits (V) after the last `step`.
    public private(set) var logits: [Float]
    private var sampler: TokenSampler

    private let kernel: MatrixVector.Kernel

    /// Prepares stepping for `model` from a zero state; `kernel` picks the matrix-vector product.
    public init(model: LSTMLanguageModel, kernel: MatrixVector.Kernel = .simd) {
        self.kernel = kernel
        let c = model.configuration
        configuration = c
        let g4 = 4 * c.hiddenSize
        let l0 = model.lstmLayer(0)
        var table = Linear.forward(model.parameters["embed.weight"], weight: l0.weightIH, bias: nil)  // (V, 4H)
        for row in 0..<c.vocabularySize {
            for j in 0..<g4 { table.data[row * g4 + j] += l0.biasIH.data[j] + l0.biasHH.data[j] }
        }
        inputTable = table.data
        let layers = model.lstmLayers
        weightHH0 = l0.weightHH.data
        let h = c.hiddenSize
        weightCat = layers.enumerated().map { k, w in
            guard k > 0 else { return [] }
            var cat = [Float](repeating: 0, count: g4 * 2 * h)
            for row in 0..<g4 {
                for j in 0..<h {
                    cat[row * 2 * h + j] = w.weightIH.data[row * h + j]
                    cat[row * 2 * h + h + j] = w.weightHH.data[row * h + j]
                }
            }
            return cat
        }
        bias = layers.enumerated().map { k, w in k == 0 ? [] : zip(w.biasIH.data, w.biasHH.data).map(+) }
        headWeight = model.parameters["head.weight"].data
        headBias = model.parameters["head.bias"].data
        hidden = [Float](repeating: 0, count: c.layerCount * c.hiddenSize)
        cell = hidden
        gates = [Float](repeating: 0, count: g4)
        logits = [Float](repeating: 0, count: c.vocabularySize)
        sampler = TokenSampler(vocabularySize: c.vocabularySize)
    }

    /// The state (h, c), each (L, H) flattened.
    public var state: (h: [Float], c: [Float]) { (hidden, cell) }

    /// Returns to the zero state.
    public mutating func reset() {
        for j in hidden.indices { hidden[j] = 0; cell[j] = 0 }
    }

    /// Feeds one token and updates `logits` and the state.
    public mutating func step(token: Int) throws(NeuralCoreError) {
        guard token >= 0 && token < configuration.vocabularySize else {
            throw .tokenOutOfRange(token: token, vocabularySize: configuration.vocabularySize, position: 0)
        }
        let h = configuration.hiddenSize
        let g4 = 4 * h
        let kernel = self.kernel
        // y (rows) = W (rows, columns) · x + bias, with the chosen kernel
        func product(_ w: UnsafePointer<Float>, rows: Int, columns: Int, vector: UnsafePointer<Float>,
                     bias: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>) {
            if kernel == .blas {
                MatrixVector.blas(w, rows: rows, columns: columns, vector: vector, bias: bias, into: y)
            } else {
                MatrixVector.multiply(w, rows: rows, columns: columns, vector: vector, bias: bias, into: y)
            }
        }
        hidden.withUnsafeMutableBufferPointer { hp in
            cell.withUnsafeMutableBufferPointer { cp in
                gates.withUnsafeMutableBufferPointer { gp in
                    let g = gp.baseAddress!
                    for k in 0..<configuration.layerCount {
                        let hk = hp.baseAddress! + k * h
                        let ck = cp.baseAddress! + k * h
                        // gates (4H) = W_ih x + W_hh h_k + biases: layer 0 reads x's row of the table;
                        // layer k ≥ 1 multiplies [W_ih | W_hh] by [h_{k−1} (already updated); h_k], adjacent in `hidden`
                        if k == 0 {
                            inputTable.withUnsafeBufferPointer { t in g.update(from: t.baseAddress! + token * g4, count: g4) }
                            weightHH0.withUnsafeBufferPointer { w in
                                product(w.baseAddress!, rows: g4, columns: h, vector: hk, bias: g, into: g)
                            }
                        } else {
                            bias[k].withUnsafeBufferPointer { b in
                                weightCat[k].withUnsafeBufferPointer { w in
                                    product(w.baseAddress!, rows: g4, columns: 2 * h, vector: hk - h, bias: b.baseAddress!, into: g)
                                }
                            }
                        }
                        // c, h: the same cell update as training, writing the new state in place
                        LSTMLayer.cellForward(gates: g, cPrev: ck, c: ck, h: hk, hidden: h)
                    }
                    // logits (V) = head W h_{L−1} + b
                    let top = hp.baseAddress! + (configuration.layerCount - 1) * h
                    headWeight.withUnsafeBufferPointer { w in
                        headBias.withUnsafeBufferPointer { b in
                            logits.withUnsafeMutableBufferPointer { out in
                                product(w.baseAddress!, rows: configuration.vocabularySize, columns: h,
                                                      vector: top, bias: b.baseAddress!, into: out.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
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

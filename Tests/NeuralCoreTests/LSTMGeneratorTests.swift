import Testing
@testable import NeuralCore

@Test(arguments: [MatrixVector.Kernel.blas, .simd, .dispatched])
func steppingOneTokenAtATimeMatchesTheFullForward(kernel: MatrixVector.Kernel) throws {
    let m = try LSTMLanguageModel(configuration: tinyConfig, seed: 8)
    let tokens = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3]
    let full = try m.logits(tokens: tokens, batchSize: 1)  // (1, 10, 11)
    var g = LSTMGenerator(model: m, kernel: kernel)
    for (t, token) in tokens.enumerated() {
        try g.step(token: token)
        for v in 0..<11 { #expect(abs(g.logits[v] - full.data[t * 11 + v]) < 1e-5, "step \(t) logit \(v)") }
    }
    g.reset()
    #expect(g.state.h.allSatisfy { $0 == 0 } && g.state.c.allSatisfy { $0 == 0 })
    try g.step(token: 3)
    for v in 0..<11 { #expect(abs(g.logits[v] - full.data[v]) < 1e-5) }
    #expect(throws: NeuralCoreError.tokenOutOfRange(token: 11, vocabularySize: 11, position: 0)) { try g.step(token: 11) }
}

@Test func sameSeedSameSamples() throws {
    let m = try LSTMLanguageModel(configuration: tinyConfig, seed: 8)
    func sample(_ seed: UInt64, _ options: SamplingOptions) throws -> [Int] {
        var g = LSTMGenerator(model: m)
        var rng = Xoshiro256StarStar(seed: seed)
        return try g.generate(prompt: [1, 2], count: 40, options: options, using: &rng)
    }
    let plain = try sample(1, SamplingOptions())
    #expect(try sample(1, SamplingOptions()) == plain)
    #expect(try sample(2, SamplingOptions()) != plain)
    #expect(plain.allSatisfy { (0..<11).contains($0) })
    let greedy = try sample(1, SamplingOptions(temperature: 0))
    #expect(try sample(2, SamplingOptions(temperature: 0)) == greedy)  // greedy ignores the generator
    #expect(throws: NeuralCoreError.invalidArgument(name: "top-p", reason: "0.0 must lie in (0, 1]")) {
        try sample(1, SamplingOptions(topP: 0))
    }
}

/// The stepping before the weights were stored in part order: [W_ih | W_hh] of each upper layer applied to
/// [h_{k−1}; h_k] with the kernel's product over whole matrices (`MatrixVector.multiply` for `.simd`, the C
/// kernel at the baseline level for `.dispatched`), written out plainly as the reference the generator must
/// equal bit for bit.
private struct ReferenceLSTMStepper {
    let model: LSTMLanguageModel
    let kernel: MatrixVector.Kernel
    var h: [Float], c: [Float]
    init(model: LSTMLanguageModel, kernel: MatrixVector.Kernel) {
        self.model = model
        self.kernel = kernel
        h = [Float](repeating: 0, count: model.configuration.layerCount * model.configuration.hiddenSize)
        c = h
    }

    func multiply(_ w: [Float], rows: Int, columns: Int, vector x: [Float], bias: [Float], into y: inout [Float]) {
        if kernel == .dispatched {
            MatrixVector.dispatched(w, rows: rows, columns: columns, vector: x, bias: bias, into: &y, level: .baseline)
        } else {
            MatrixVector.multiply(w, rows: rows, columns: columns, vector: x, bias: bias, into: &y)
        }
    }

    mutating func step(_ token: Int) -> [Float] {
        let cfg = model.configuration
        let (n, v) = (cfg.hiddenSize, cfg.vocabularySize)
        let layers = model.lstmLayers
        let table = LSTMGenerator.inputTable(model)  // biases included
        var logits = [Float](repeating: 0, count: v)
        for k in layers.indices {
            let l = layers[k]
            var gates = [Float](repeating: 0, count: 4 * n)
            if k == 0 {
                for j in 0..<(4 * n) { gates[j] = table[token * 4 * n + j] }
                let hk = Array(h[0..<n])
                let pre = gates
                multiply(l.weightHH.data, rows: 4 * n, columns: n, vector: hk, bias: pre, into: &gates)
            } else {
                var cat: [Float] = []
                for r in 0..<(4 * n) {
                    cat += l.weightIH.data[(r * n)..<(r * n + n)]
                    cat += l.weightHH.data[(r * n)..<(r * n + n)]
                }
                let bias = zip(l.biasIH.data, l.biasHH.data).map(+)
                let x = Array(h[((k - 1) * n)..<((k + 1) * n)])
                multiply(cat, rows: 4 * n, columns: 2 * n, vector: x, bias: bias, into: &gates)
            }
            gates.withUnsafeMutableBufferPointer { g in
                c.withUnsafeMutableBufferPointer { cp in
                    h.withUnsafeMutableBufferPointer { hp in
                        LSTMLayer.cellForward(gates: g.baseAddress!, cPrev: cp.baseAddress! + k * n, c: cp.baseAddress! + k * n,
                                              h: hp.baseAddress! + k * n, hidden: n)
                    }
                }
            }
        }
        let top = Array(h[((cfg.layerCount - 1) * n)...])
        multiply(model.parameters["head.weight"].data, rows: v, columns: n, vector: top,
                              bias: model.parameters["head.bias"].data, into: &logits)
        return logits
    }
}

@Test(arguments: [(hidden: 8, layers: 2), (hidden: 20, layers: 3), (hidden: 24, layers: 1), (hidden: 40, layers: 2)],
      [MatrixVector.Kernel.simd, .dispatched])
func oneAndTwoThreadsEqualTheReferenceStepBitForBit(sizes: (hidden: Int, layers: Int), kernel: MatrixVector.Kernel) throws {
    let (hidden, layers) = sizes
    let config = LSTMLanguageModel.Configuration(vocabularySize: 13, embeddingSize: 6, hiddenSize: hidden, layerCount: layers, dropout: 0)
    let m = try LSTMLanguageModel(configuration: config, seed: UInt64(hidden))
    var reference = ReferenceLSTMStepper(model: m, kernel: kernel)
    var one = LSTMGenerator(model: m, kernel: kernel), two = LSTMGenerator(model: m, kernel: kernel, threads: 2)
    #expect(two.threads == 2)
    var rng = Xoshiro256StarStar(seed: 4)
    for t in 0..<40 {
        let token = Int(rng.next() % 13)
        let expected = reference.step(token)
        try one.step(token: token)
        try two.step(token: token)
        #expect(one.logits == expected, "\(hidden)×\(layers), step \(t), 1 thread")
        #expect(two.logits == expected, "\(hidden)×\(layers), step \(t), 2 threads")
        #expect(one.state.h == reference.h && one.state.c == reference.c && two.state.h == reference.h && two.state.c == reference.c)
    }
}

@Test func twoLSTMThreadsSampleTheSameTokensAsOne() throws {
    let m = try LSTMLanguageModel(configuration: tinyConfig, seed: 8)
    func sample(threads: Int, kernel: MatrixVector.Kernel) throws -> [Int] {
        var g = LSTMGenerator(model: m, kernel: kernel, threads: threads)
        var rng = Xoshiro256StarStar(seed: 9)
        let first = try g.generate(prompt: [1, 2], count: 100, using: &rng)
        g.reset()
        return try first + g.generate(prompt: [3], count: 100, using: &rng)
    }
    #expect(try sample(threads: 2, kernel: .simd) == (try sample(threads: 1, kernel: .simd)))
    #expect(try sample(threads: 2, kernel: .dispatched) == (try sample(threads: 1, kernel: .dispatched)))
    #expect(try sample(threads: 2, kernel: .blas).allSatisfy { (0..<11).contains($0) })
}

/// The C kernels' levels change the speed of stepping, never a logit: 1 and 2 threads at every level the CPU
/// runs give the same bits as the baseline level on one thread.
@Test func everyKernelLevelStepsTheLSTMBitIdentically() throws {
    let config = LSTMLanguageModel.Configuration(vocabularySize: 37, embeddingSize: 12, hiddenSize: 48, layerCount: 2, dropout: 0)
    let m = try LSTMLanguageModel(configuration: config, seed: 21)
    let levels = MatrixVector.Level.allCases.filter { $0 <= .available }
    var generators = levels.flatMap { level in [1, 2].map { LSTMGenerator(model: m, threads: $0, kernelLevel: level) } }
    #expect(generators.map(\.kernelLevel) == levels.flatMap { [$0, $0] })
    var rng = Xoshiro256StarStar(seed: 8)
    for t in 0..<60 {
        let token = Int(rng.next() % 37)
        for i in generators.indices { try generators[i].step(token: token) }
        for g in generators.dropFirst() {
            #expect(g.logits == generators[0].logits, "step \(t) at \(g.kernelLevel), \(g.threads) thread(s)")
        }
    }
}

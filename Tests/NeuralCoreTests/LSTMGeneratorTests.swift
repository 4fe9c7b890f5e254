import Testing
@testable import NeuralCore

@Test(arguments: [MatrixVector.Kernel.blas, .simd])
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

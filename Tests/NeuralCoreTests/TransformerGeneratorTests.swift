import Testing
@testable import NeuralCore

private func smallModel(context: Int = 16, seed: UInt64 = 3) throws -> TransformerLanguageModel {
    var model = try TransformerLanguageModel(configuration: .init(vocabularySize: 13, width: 16, layerCount: 2, headCount: 4,
                                                                 feedForwardSize: 40, context: context), seed: seed)
    // larger weights than the 0.02 initialisation, so attention is far from uniform
    var rng = Xoshiro256StarStar(seed: seed &+ 100)
    for k in model.parameters.tensors.indices {
        for i in model.parameters.tensors[k].data.indices { model.parameters.tensors[k].data[i] += 0.3 * rng.nextNormal() }
    }
    return model
}

@Test(arguments: [UInt64(1), 2, 3])
func cachedSteppingGivesTheUncachedLogits(seed: UInt64) throws {
    let model = try smallModel(seed: seed)
    var rng = Xoshiro256StarStar(seed: seed)
    let tokens = (0..<16).map { _ in Int(rng.next() % 13) }
    let full = try model.logits(tokens: tokens, batchSize: 1)   // (1, 16, 13)
    var generator = TransformerGenerator(model: model)
    var worst: Float = 0
    for (t, token) in tokens.enumerated() {
        try generator.step(token: token)
        for v in 0..<13 { worst = max(worst, abs(generator.logits[v] - full.data[t * 13 + v])) }
    }
    #expect(worst < 1e-4, "seed \(seed): max |cached − uncached| = \(worst)")
}

@Test func aFullCacheIsRefilledFromTheLastHalfWindow() throws {
    let model = try smallModel(context: 8)
    var generator = TransformerGenerator(model: model)
    let tokens = [1, 5, 2, 7, 3, 3, 9, 0, 4, 11, 6]
    for token in tokens { try generator.step(token: token) }
    // after 8 tokens the cache was full; token 9 (index 8) re-ran the last 3 tokens, then the new one
    #expect(generator.window == [3, 9, 0, 4, 11, 6])
    let uncached = try model.logits(tokens: generator.window, batchSize: 1)
    let last = Array(uncached.data[(generator.window.count - 1) * 13..<generator.window.count * 13])
    for v in 0..<13 { #expect(abs(generator.logits[v] - last[v]) < 1e-4) }
}

@Test func samplingIsDeterministicPerSeedAndStaysInTheVocabulary() throws {
    let model = try smallModel(context: 8)
    func run(_ seed: UInt64) throws -> [Int] {
        var generator = TransformerGenerator(model: model)
        var rng = Xoshiro256StarStar(seed: seed)
        return try generator.generate(prompt: [1, 2], count: 40, options: SamplingOptions(temperature: 1), using: &rng)
    }
    let a = try run(5)
    #expect(a == (try run(5)))
    #expect(a != (try run(6)))
    #expect(a.allSatisfy { (0..<13).contains($0) })
    var generator = TransformerGenerator(model: model)
    #expect(throws: NeuralCoreError.tokenOutOfRange(token: 13, vocabularySize: 13, position: 0)) { try generator.step(token: 13) }
}

@Test(arguments: [UInt64(1), 2, 3])
func twoThreadsStepBitIdenticallyToOne(seed: UInt64) throws {
    let model = try smallModel(context: 8, seed: seed)
    var one = TransformerGenerator(model: model), two = TransformerGenerator(model: model, threads: 2)
    #expect(two.threads == 2)
    var rng = Xoshiro256StarStar(seed: seed)
    for t in 0..<20 {   // past the context of 8: two re-prefills on the way
        let token = Int(rng.next() % 13)
        try one.step(token: token)
        try two.step(token: token)
        #expect(one.logits == two.logits, "seed \(seed), step \(t)")
        #expect(one.window == two.window)
    }
}

@Test func twoTransformerThreadsSampleTheSameTokensAsOne() throws {
    let model = try smallModel(context: 16)
    func run(threads: Int) throws -> [Int] {
        var generator = TransformerGenerator(model: model, threads: threads)
        var rng = Xoshiro256StarStar(seed: 7)
        return try generator.generate(prompt: [1, 2], count: 60, options: SamplingOptions(temperature: 1), using: &rng)
    }
    #expect(try run(threads: 2) == (try run(threads: 1)))
}

@Test func stepsPastSeveralFullCachesMatchTheUncachedWindow() throws {
    // context 8: from position 5 on each token also fills the shadow cache, which takes over at 8
    let model = try smallModel(context: 8, seed: 4)
    var generator = TransformerGenerator(model: model)
    var rng = Xoshiro256StarStar(seed: 9)
    var history: [Int] = []
    for t in 0..<40 {
        let token = Int(rng.next() % 13)
        try generator.step(token: token)
        history.append(token)
        // the window: the whole history until the cache is full (8), then the last 4 growing to 8, and again
        let expected = t < 8 ? history : Array(history.suffix(4 + (t - 8) % 5))
        #expect(generator.window == expected, "step \(t)")
        let uncached = try model.logits(tokens: generator.window, batchSize: 1)
        let last = Array(uncached.data[(generator.window.count - 1) * 13..<generator.window.count * 13])
        var worst: Float = 0
        for v in 0..<13 { worst = max(worst, abs(generator.logits[v] - last[v])) }
        #expect(worst < 1e-4, "step \(t): max |cached − uncached| = \(worst)")
    }
}

@Test func everyKernelLevelStepsBitIdentically() throws {
    let model = try smallModel(context: 8, seed: 5)
    let levels = MatrixVector.Level.allCases.filter { $0 <= .available }
    var generators = levels.map { TransformerGenerator(model: model, kernelLevel: $0) }
    #expect(generators.map(\.kernelLevel) == levels)
    var rng = Xoshiro256StarStar(seed: 3)
    for t in 0..<24 {
        let token = Int(rng.next() % 13)
        for i in generators.indices { try generators[i].step(token: token) }
        for g in generators.dropFirst() { #expect(g.logits == generators[0].logits, "step \(t) at \(g.kernelLevel)") }
    }
}

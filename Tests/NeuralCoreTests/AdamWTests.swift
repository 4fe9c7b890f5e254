import Testing
@testable import NeuralCore

@Test func firstStepMovesByLearningRateTimesSign() {
    // After one step m̂ = g and v̂ = g², so p ← p(1 − lr λ) − lr · g / (|g| + ε).
    var p = ParameterSet([("w", Tensor(shape: [3], data: [1, -2, 0.5]))])
    let g = ParameterSet([("w", Tensor(shape: [3], data: [0.3, -4, 0]))])
    var opt = AdamW(for: p, configuration: .init(learningRate: 0.1, weightDecay: 0.5))
    opt.update(&p, gradients: g)
    let expected: [Float] = [1 * 0.95 - 0.1, -2 * 0.95 + 0.1, 0.5 * 0.95]
    for i in 0..<3 { #expect(abs(p["w"].data[i] - expected[i]) < 1e-6) }
    #expect(opt.step == 1)
}

@Test func adamMinimisesAQuadratic() {
    var p = ParameterSet([("x", Tensor(shape: [2], data: [3, -3]))])
    var opt = AdamW(for: p, configuration: .adam(learningRate: 0.1))
    for _ in 0..<300 {
        let g = ParameterSet([("x", Tensor(shape: [2], data: p["x"].data.map { 2 * ($0 - 1) }))])  // ∇(x − 1)²
        opt.update(&p, gradients: g)
    }
    #expect(p["x"].data.allSatisfy { abs($0 - 1) < 1e-2 })
}

@Test func outOfRangeHyperParametersAreErrors() {
    #expect(throws: NeuralCoreError.invalidArgument(name: "betas", reason: "(1.0, 0.999) must each lie in [0, 1)")) {
        try AdamW.Configuration(beta1: 1).validate()
    }
    #expect(throws: NeuralCoreError.self) { try AdamW.Configuration(learningRate: -1).validate() }
    #expect(throws: Never.self) { try AdamW.Configuration().validate() }
}

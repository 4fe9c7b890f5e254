import Testing
@testable import NeuralCore

@Test func embeddingLooksUpRows() {
    let w = Tensor(shape: [3, 2], data: [0, 1, 10, 11, 20, 21])
    #expect(Embedding.forward(tokens: [2, 0, 2], weight: w) == Tensor(shape: [3, 2], data: [20, 21, 0, 1, 20, 21]))
}

@Test func embeddingGradientMatchesFiniteDifferences() {
    var rng = Xoshiro256StarStar(seed: 11)
    let tokens = [1, 4, 1, 0, 3]  // token 1 repeats: its row's gradient accumulates; token 2 gets none
    let w = Tensor(shape: [5, 3], normalMean: 0, std: 1, using: &rng)
    let r = Tensor(shape: [5, 3], normalMean: 0, std: 1, using: &rng)
    var dW = Tensor(shape: [5, 3])
    Embedding.backward(dOut: r, tokens: tokens, dWeight: &dW)
    let numeric = GradientCheck.numeric(at: w) { GradientCheck.projection(Embedding.forward(tokens: tokens, weight: $0), r) }
    #expect(GradientCheck.relativeError(dW.data, numeric) < GradientCheck.tolerance)
    #expect(dW.data[6..<9].allSatisfy { $0 == 0 })
}

import Testing
@testable import NeuralCore

@Test func linearComputesAffineMap() {
    let x = Tensor(shape: [1, 2], data: [1, 2])
    let w = Tensor(shape: [3, 2], data: [1, 0, 0, 1, 1, 1])
    let b = Tensor(shape: [3], data: [0.5, -1, 0])
    #expect(Linear.forward(x, weight: w, bias: b) == Tensor(shape: [1, 3], data: [1.5, 1, 3]))
}

@Test(arguments: [UInt64(1), 2, 3])
func linearGradientsMatchFiniteDifferences(seed: UInt64) throws {
    var rng = Xoshiro256StarStar(seed: seed)
    let x = Tensor(shape: [2, 3, 4], normalMean: 0, std: 1, using: &rng)  // (B, T, In)
    let w = Tensor(shape: [5, 4], normalMean: 0, std: 0.5, using: &rng)   // (Out, In)
    let b = Tensor(shape: [5], normalMean: 0, std: 0.5, using: &rng)
    let r = Tensor(shape: [2, 3, 5], normalMean: 0, std: 1, using: &rng)   // dL/dy
    var dW = Tensor(shape: w.shape)
    var dB: Tensor? = Tensor(shape: b.shape)
    let dx = Linear.backward(r, x: x, weight: w, dWeight: &dW, dBias: &dB)
    let loss = { (x: Tensor, w: Tensor, b: Tensor) in GradientCheck.projection(Linear.forward(x, weight: w, bias: b), r) }
    #expect(GradientCheck.relativeError(dx.data, GradientCheck.numeric(at: x) { loss($0, w, b) }) < GradientCheck.tolerance, "seed \(seed)")
    #expect(GradientCheck.relativeError(dW.data, GradientCheck.numeric(at: w) { loss(x, $0, b) }) < GradientCheck.tolerance, "seed \(seed)")
    let db = try #require(dB)
    #expect(GradientCheck.relativeError(db.data, GradientCheck.numeric(at: b) { loss(x, w, $0) }) < GradientCheck.tolerance, "seed \(seed)")
}

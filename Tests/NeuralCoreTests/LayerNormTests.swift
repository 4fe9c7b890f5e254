import Testing
@testable import NeuralCore

@Test func layerNormNormalisesEachRow() {
    let x = Tensor(shape: [2, 4], data: [1, 2, 3, 4, -5, 0, 5, 10])
    let (y, cache) = LayerNorm.forward(x, weight: Tensor(shape: [4], repeating: 1), bias: Tensor(shape: [4]))
    for row in 0..<2 {
        let r = y.data[row * 4..<(row + 1) * 4]
        let mean = r.reduce(0, +) / 4
        let variance = r.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
        #expect(abs(mean) < 1e-6)
        #expect(abs(variance - 1) < 1e-3)  // eps 1e-5 makes it slightly below 1
    }
    #expect(cache.mean == [2.5, 2.5])
}

@Test(arguments: [UInt64(1), 2, 3])
func layerNormGradientsMatchFiniteDifferences(seed: UInt64) {
    var rng = Xoshiro256StarStar(seed: seed)
    let x = Tensor(shape: [3, 6], normalMean: 0.5, std: 2, using: &rng)
    let w = Tensor(shape: [6], normalMean: 1, std: 0.3, using: &rng)
    let b = Tensor(shape: [6], normalMean: 0, std: 0.3, using: &rng)
    let r = Tensor(shape: [3, 6], normalMean: 0, std: 1, using: &rng)
    let (_, cache) = LayerNorm.forward(x, weight: w, bias: b)
    var dW = Tensor(shape: [6]), dB = Tensor(shape: [6])
    let dx = LayerNorm.backward(r, x: x, weight: w, cache: cache, dWeight: &dW, dBias: &dB)
    let loss = { (x: Tensor, w: Tensor, b: Tensor) in GradientCheck.projection(LayerNorm.forward(x, weight: w, bias: b).0, r) }
    #expect(GradientCheck.relativeError(dx.data, GradientCheck.numeric(at: x, eps: 1e-2) { loss($0, w, b) }) < GradientCheck.tolerance)
    #expect(GradientCheck.relativeError(dW.data, GradientCheck.numeric(at: w) { loss(x, $0, b) }) < GradientCheck.tolerance)
    #expect(GradientCheck.relativeError(dB.data, GradientCheck.numeric(at: b) { loss(x, w, $0) }) < GradientCheck.tolerance)
}

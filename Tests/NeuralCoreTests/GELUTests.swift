import Foundation
import Testing
@testable import NeuralCore

@Test func geluMatchesTheErfDefinition() {
    // gelu(x) = ½ x (1 + erf(x/√2)) with glibc's erf in Double as the reference
    var worst = 0.0
    for i in -800...800 {
        let x = Float(i) / 100
        let exact = 0.5 * Double(x) * (1 + Foundation.erf(Double(x) / 2.0.squareRoot()))
        let y = GELU.forward(Tensor(shape: [1], data: [x])).data[0]
        worst = max(worst, abs(Double(y) - exact))
        #expect(abs(Double(GELU.erf(x)) - Foundation.erf(Double(x))) < 3e-7, "erf(\(x))")
    }
    #expect(worst < 2e-6)
    // we are the erf form: somewhere on the grid the tanh approximation differs by more than 1e-4
    var tanhGap = 0.0
    for i in -800...800 {
        let x = Double(i) / 100
        let tanhForm = 0.5 * x * (1 + tanh(0.797_884_560_802_865_4 * (x + 0.044715 * x * x * x)))
        tanhGap = max(tanhGap, abs(Double(GELU.forward(Tensor(shape: [1], data: [Float(x)])).data[0]) - tanhForm))
    }
    #expect(tanhGap > 1e-4)
}

@Test(arguments: [UInt64(1), 2, 3])
func geluGradientMatchesFiniteDifferences(seed: UInt64) {
    var rng = Xoshiro256StarStar(seed: seed)
    let x = Tensor(shape: [3, 7], normalMean: 0, std: 2, using: &rng)   // 21: a full SIMD group and a tail
    let r = Tensor(shape: [3, 7], normalMean: 0, std: 1, using: &rng)
    let dx = GELU.backward(r, x: x)
    let numeric = GradientCheck.numeric(at: x, eps: 1e-2) { GradientCheck.projection(GELU.forward($0), r) }
    #expect(GradientCheck.relativeError(dx.data, numeric) < GradientCheck.tolerance)
}

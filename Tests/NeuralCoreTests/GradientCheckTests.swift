import Testing
@testable import NeuralCore

/// The checker itself must be able to fail: a gradient that is slightly wrong is rejected.
@Test func gradientCheckRejectsAWrongGradient() {
    var rng = Xoshiro256StarStar(seed: 1)
    let x = Tensor(shape: [3, 4], normalMean: 0, std: 1, using: &rng)
    // L = Σ x³ has dL/dx = 3x²
    let numeric = GradientCheck.numeric(at: x) { t in t.data.reduce(0.0) { $0 + Double($1 * $1 * $1) } }
    let right = x.data.map { 3 * $0 * $0 }
    #expect(GradientCheck.relativeError(right, numeric) < GradientCheck.tolerance)
    var wrong = right
    wrong[5] *= 1.05
    wrong[5] += 0.05
    #expect(GradientCheck.relativeError(wrong, numeric) > GradientCheck.tolerance)
}

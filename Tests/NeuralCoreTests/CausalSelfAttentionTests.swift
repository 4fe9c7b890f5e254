import Foundation
import Testing
@testable import NeuralCore

/// The attention written out per element in Double: the definition the gemm version is checked against.
private func naiveAttention(_ qkv: Tensor, heads: Int) -> [Double] {
    let (b, t, c3) = (qkv.shape[0], qkv.shape[1], qkv.shape[2])
    let c = c3 / 3, d = c / heads
    var y = [Double](repeating: 0, count: b * t * c)
    func at(_ row: Int, _ i: Int, _ col: Int) -> Double { Double(qkv.data[(row * t + i) * c3 + col]) }
    for row in 0..<b {
        for h in 0..<heads {
            for i in 0..<t {
                var s = (0...i).map { j in (0..<d).map { at(row, i, h * d + $0) * at(row, j, c + h * d + $0) }.reduce(0, +) / Double(d).squareRoot() }
                let m = s.max()!
                s = s.map { exp($0 - m) }
                let z = s.reduce(0, +)
                for e in 0..<d {
                    y[(row * t + i) * c + h * d + e] = (0...i).map { s[$0] / z * at(row, $0, 2 * c + h * d + e) }.reduce(0, +)
                }
            }
        }
    }
    return y
}

private func attend(_ qkv: Tensor, heads: Int) -> (Tensor, Tensor) {
    var p = Tensor(shape: [0]), y = Tensor(shape: [0])
    CausalSelfAttention.forward(qkv, heads: heads, probabilities: &p, into: &y)
    return (y, p)
}

@Test func attentionMatchesItsDefinitionAndIsCausal() {
    var rng = Xoshiro256StarStar(seed: 7)
    let qkv = Tensor(shape: [2, 5, 12], normalMean: 0, std: 1, using: &rng)   // C = 4, 2 heads of 2
    let (y, p) = attend(qkv, heads: 2)
    let reference = naiveAttention(qkv, heads: 2)
    for i in 0..<y.count { #expect(abs(Double(y.data[i]) - reference[i]) < 1e-5) }
    // zero above the diagonal, rows sum to 1
    for bh in 0..<4 {
        for i in 0..<5 {
            let r = p.data[(bh * 5 + i) * 5..<(bh * 5 + i + 1) * 5]
            #expect(abs(r.reduce(0, +) - 1) < 1e-5)
            #expect(r.dropFirst(i + 1).allSatisfy { $0 == 0 })
        }
    }
    // changing a later position's q, k, v leaves earlier outputs unchanged
    var later = qkv
    for col in 0..<12 { later.data[(0 * 5 + 4) * 12 + col] += 3 }
    let (y2, _) = attend(later, heads: 2)
    #expect(Array(y2.data[0..<(4 * 4)]) == Array(y.data[0..<(4 * 4)]))
}

@Test(arguments: [UInt64(1), 2, 3])
func attentionGradientMatchesFiniteDifferences(seed: UInt64) {
    var rng = Xoshiro256StarStar(seed: seed)
    let qkv = Tensor(shape: [2, 4, 18], normalMean: 0, std: 1, using: &rng)   // C = 6, 3 heads of 2
    let r = Tensor(shape: [2, 4, 6], normalMean: 0, std: 1, using: &rng)
    let (_, p) = attend(qkv, heads: 3)
    var scratch = Tensor(shape: [0]), dqkv = Tensor(shape: [0])
    CausalSelfAttention.backward(r, qkv: qkv, heads: 3, probabilities: p, scratch: &scratch, dqkv: &dqkv)
    let numeric = GradientCheck.numeric(at: qkv, eps: 1e-2) { GradientCheck.projection(attend($0, heads: 3).0, r) }
    #expect(GradientCheck.relativeError(dqkv.data, numeric) < GradientCheck.tolerance)
}

/// Past one tile of 64 positions (T = 150: tiles of 64, 64 and 22), forward matches the definition and
/// backward matches central differences of Σ r · y along random directions.
@Test func attentionOverSeveralTilesMatchesItsDefinitionAndItsGradient() {
    var rng = Xoshiro256StarStar(seed: 5)
    let (b, t, heads) = (1, 150, 2)
    let qkv = Tensor(shape: [b, t, 24], normalMean: 0, std: 1, using: &rng)   // C = 8, 2 heads of 4
    let (y, p) = attend(qkv, heads: heads)
    let reference = naiveAttention(qkv, heads: heads)
    for i in 0..<y.count { #expect(abs(Double(y.data[i]) - reference[i]) < 1e-5, "output \(i)") }
    for i in [0, 63, 64, 100, 149] {
        let r = p.data[(i * t)..<((i + 1) * t)]
        #expect(abs(r.reduce(0, +) - 1) < 1e-4 && r.dropFirst(i + 1).allSatisfy { $0 == 0 }, "row \(i)")
    }
    let r = Tensor(shape: [b, t, 8], normalMean: 0, std: 1, using: &rng)
    var scratch = Tensor(shape: [0]), dqkv = Tensor(shape: [0])
    CausalSelfAttention.backward(r, qkv: qkv, heads: heads, probabilities: p, scratch: &scratch, dqkv: &dqkv)
    func loss(_ x: Tensor) -> Double {
        let (out, _) = attend(x, heads: heads)
        return zip(out.data, r.data).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }
    for _ in 0..<3 {
        let u = Tensor(shape: qkv.shape, normalMean: 0, std: 1, using: &rng)
        let eps: Float = 1e-2
        var plus = qkv, minus = qkv
        for i in 0..<qkv.count { plus.data[i] += eps * u.data[i]; minus.data[i] -= eps * u.data[i] }
        let numeric = (loss(plus) - loss(minus)) / (2 * Double(eps))
        let analytic = zip(dqkv.data, u.data).reduce(0) { $0 + Double($1.0) * Double($1.1) }
        #expect(abs(numeric - analytic) < 1e-2 * max(1, abs(analytic)), "directional derivative \(analytic) vs \(numeric)")
    }
}

import Foundation
import Testing
@testable import NeuralCore

@Test func uniformLogitsGiveLogV() {
    let (loss, probs) = CrossEntropy.forward(logits: Tensor(shape: [3, 8], repeating: 0.7), targets: [0, 5, 7])
    #expect(abs(loss - Float(log(8.0))) < 1e-6)
    #expect(probs.data.allSatisfy { abs($0 - 0.125) < 1e-7 })
}

@Test func largeLogitsStayFinite() {
    let (loss, _) = CrossEntropy.forward(logits: Tensor(shape: [1, 2], data: [1000, 0]), targets: [1])
    #expect(abs(loss - 1000) < 1e-3)
}

@Test(arguments: [UInt64(1), 2])
func crossEntropyGradientMatchesFiniteDifferences(seed: UInt64) {
    var rng = Xoshiro256StarStar(seed: seed)
    let logits = Tensor(shape: [4, 7], normalMean: 0, std: 2, using: &rng)
    let targets = [3, 0, 6, 3]
    let (_, probs) = CrossEntropy.forward(logits: logits, targets: targets)
    let d = CrossEntropy.backward(probabilities: probs, targets: targets)
    let numeric = GradientCheck.numeric(at: logits, eps: 1e-2) { Double(CrossEntropy.forward(logits: $0, targets: targets).loss) }
    #expect(GradientCheck.relativeError(d.data, numeric) < GradientCheck.tolerance)
}

import Foundation
import Testing
@testable import NeuralCore

/// Draws `n` samples and returns how often each id came up.
func histogram(_ logits: [Float], _ options: SamplingOptions, n: Int = 40_000, seed: UInt64 = 1) -> [Int] {
    var s = TokenSampler(vocabularySize: logits.count)
    var rng = Xoshiro256StarStar(seed: seed)
    var counts = [Int](repeating: 0, count: logits.count)
    logits.withUnsafeBufferPointer { l in
        for _ in 0..<n { counts[s.sample(l, options: options, using: &rng)] += 1 }
    }
    return counts
}

// probabilities 0.4, 0.3, 0.2, 0.1
let logits4: [Float] = [0.4, 0.3, 0.2, 0.1].map { Float(log($0)) }

@Test func plainSamplingFollowsTheSoftmax() {
    let c = histogram(logits4, SamplingOptions())
    for (count, p) in zip(c, [0.4, 0.3, 0.2, 0.1]) { #expect(abs(Double(count) / 40_000 - p) < 0.01) }
}

@Test func temperatureSharpensAndGreedyTakesTheArgMax() {
    let cold = histogram(logits4, SamplingOptions(temperature: 0.5))  // p² normalised: 16/30, 9/30, 4/30, 1/30
    #expect(abs(Double(cold[0]) / 40_000 - 16.0 / 30) < 0.01)
    #expect(histogram(logits4, SamplingOptions(temperature: 0), n: 10) == [10, 0, 0, 0])
}

@Test func topKKeepsTheKMostLikely() {
    let c = histogram(logits4, SamplingOptions(topK: 2))  // 0.4 / 0.7 and 0.3 / 0.7
    #expect(c[2] == 0 && c[3] == 0)
    #expect(abs(Double(c[0]) / 40_000 - 4.0 / 7) < 0.01)
}

@Test func topPKeepsTheSmallestSetReachingP() {
    let c = histogram(logits4, SamplingOptions(topP: 0.75))  // 0.4 + 0.3 < 0.75, so 0.2 joins; 0.1 drops
    #expect(c[3] == 0 && c[2] > 0)
    #expect(abs(Double(c[2]) / 40_000 - 2.0 / 9) < 0.01)
    #expect(histogram(logits4, SamplingOptions(topP: 0.01)) == [40_000, 0, 0, 0])  // always at least one
}
